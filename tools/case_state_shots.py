"""The case page in the states the departments bring it to, for :mod:`screenshot`: each case opened by its number
(as a clerk scans or types it) at the desk of the account that acts on it, and placed as the desk places it.

- ``intake-forwarded.png``: the intake of 我要开小餐馆 at a hall that only receives it, 不予受理 on 第一项 chosen for
  食品经营许可: the window may not refuse what its department decides, and says to take it in and forward it;
- ``case-window-item-refusal.png``, ``case-window-item-refused.png``: 我要开小餐馆 at a hall that only receives it,
  opened at the 市场监督管理局's desk: its 不予受理 of 食品经营许可 asked, with the reason typed; then saved;
- ``case-window-receipts.png``: a case whose items three bodies entrusted the hall with, its papers made: one
  受理凭证 per body, each named by its body;
- ``case-window-pledge-grant.png``, ``case-window-pledge-check.png``, ``case-window-pledge-correction.png``,
  ``case-window-pledge-hear.png``, ``case-window-pledge-revoke.png``, ``case-window-pledge-revoked.png``: 我要开民宿's
  消防 item at the 消防救援大队's desk, along a promise found false: 告知承诺准予 asked once the brigade signed for
  the item (its 受理: before it, only 签收 and 不予受理 are offered), with the licence's number and 有效期至;
  承诺不实 asked, with what the 核查 found and the correction's period in working days; the order served and its
  period running, its 复查 offered; the 复查 finding it not made, the 陈述申辩 notice offered; its notice served and
  the period to be heard over, the revocation offered with the hearing's record; the licence revoked.

Every case is made first by the desk without accounts (a database's first desk), then the accounts are added: after
that the desk without one may no longer act.  The acts are dated back from today so that the page, which reads the
real clock, offers what the law's order allows today.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from window_shots import Driver

    from counter.access.desk import Desk
    from counter.actions.site.store import Store
    from counter.ui.cases.case_page import CasePage
    from counter.ui.mainwindow.main_window import MainWindow

RESTAURANT = "XAM-YJS-008"  # 我要开小餐馆（50平方米以下）
FOOD = "152201-YJS008-02"  # 食品经营许可, the 市场监督管理局's
MARKET = "乌兰浩特市市场监督管理局"
ENTRUSTED = ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03")  # 设立登记, 食品经营许可, 户外招牌
ENTRUSTMENT = "兴政服授〔2026〕1号（2026年1月5日）"
HOMESTAY = "XAM-YJS-035"  # 我要开民宿（含餐饮）: its 消防 item is decided on a 告知承诺
FIRE = "YJS035-05"
BRIGADE = "乌兰浩特市消防救援大队"
BRIGADE_BODIES = "乌兰浩特市消防救援大队=兴安盟消防救援支队|乌兰浩特市人民法院"  # its 复议 body and court
FINDING = "核查发现场所二层疏散通道被封堵，与承诺内容不符。"
LICENCE_NO = "乌消安检字〔2026〕第0123号"  # the 消防安全检查合格证's
NOT_OURS = "经营场所位于本市行政区域以外，不属于本机关管辖"


def _taken(db: Store, desk: Desk, code: str, day: dt.date, answers: dict[str, str], order: int) -> str:
    """An intake of ``code`` with every material handed in, by ``desk`` on ``day``."""
    from counter.actions.admin.calendar import office_calendar
    from counter.actions.intake.take import take_intake
    from counter.actions.site.demo import complete_checklist, fresh_checklist
    from counter.case.intake_request import IntakeRequest
    from counter.db.catalog_store import current_guide
    from counter.intake.checklist import start_checklist
    from counter.intake.parties import Applicant, ApplicantKind, Parties
    from counter.parties.identifiers import make_id_number

    with db.sessions().begin() as s:
        stored = current_guide(s, code)
        assert stored is not None
        fresh = fresh_checklist(stored)
        chosen = {**fresh.answers_dict(), **answers}
        checklist = complete_checklist(
            stored.bundle, start_checklist(stored.bundle, chosen, guide_version=stored.version_id)
        )
        names = ("宝音", "萨仁", "额尔敦", "娜仁", "苏和", "乌云", "图雅", "巴特尔", "其木格")
        id_no = make_id_number("152201", dt.date(1982, 3, 1 + order), 40 + order)
        person = Applicant(ApplicantKind.PERSON, names[order % len(names)], id_no, f"1384782{order:04d}",
                           "兴安盟乌兰浩特市和平街道民主路18号")  # fmt: skip
        return take_intake(s, desk, IntakeRequest(checklist, Parties(person)), day, office_calendar(s)).case_no


def _staff(db: Store, desk: Desk, login: str, name: str, department: str = "") -> Desk:
    """An account added by ``desk`` (a department's staff, or the administrator where none is named); that account
    signed in at this desk."""
    from counter.access.account_views import NewAccount
    from counter.access.roles import Actor, Role
    from counter.actions.admin.accounts import add_account

    roles = frozenset({Role.DEPARTMENT if department else Role.ADMIN})
    with db.sessions().begin() as s:
        problems = add_account(s, desk, NewAccount(login, name, roles, f"{login}Mima2026", department=department))
    if problems:
        raise RuntimeError(f"account {login} not added: {problems}")
    return dataclasses.replace(desk, clerk=name, actor=Actor(login, name, roles))


def _open(driver: Driver, window: MainWindow, desk: Desk, case_no: str) -> CasePage:
    from counter.ui.cases.opening import open_case

    page = open_case(window, window.runner, desk, dt.date.today, case_no)
    assert page is not None
    driver.settle()
    return page


def _choose(page: CasePage, code: str) -> None:
    states = page.item_states
    states.table.setFocus()
    states.table.selectRow([item.code for item in states.items].index(code))


def _scrolled_to(page: CasePage, widget: object) -> None:
    """The page's scroll area brought to ``widget``, as a clerk scrolls down to it."""
    from PySide6.QtWidgets import QScrollArea, QWidget

    assert isinstance(widget, QWidget)
    for area in page.findChildren(QScrollArea):
        inner = area.widget()
        if inner is not None and inner.isAncestorOf(widget):
            area.ensureWidgetVisible(widget, 0, 40)


def forwarded_shot(driver: Driver, window: MainWindow) -> None:
    """The intake at a hall that only receives 我要开小餐馆: the clerk finds 食品经营许可 needs no licence (第一项), and
    the window, which may not refuse what a department decides, says to take the application in and forward it."""
    from window_shots import fill_intake

    from counter.intake.outcome import RefusalGround

    driver.search(window, "xcg")
    window.on_intake_requested()
    intake = window.desk_actions.intake
    assert intake is not None
    fill_intake(intake)
    intake.checklist_view.all_received_button.click()
    intake.refusal.setChecked(True)
    intake.refusal.grounds[RefusalGround.NO_LICENCE_NEEDED].click()
    intake.refusal.no_licence_boxes[FOOD].setChecked(True)
    driver.settle()
    driver.save(intake, "intake-forwarded.png")
    intake.hide()


def refusal_shots(driver: Driver, window: MainWindow, market: Desk, case_no: str) -> None:
    from counter.case.item_path import ItemEvent

    page = _open(driver, window, market, case_no)
    _choose(page, FOOD)
    page.item_states.step_bar.buttons[ItemEvent.REFUSED].click()
    form = page.item_step_form
    form.reason.setText(NOT_OURS)
    driver.settle()
    _scrolled_to(page, form)
    driver.settle()
    driver.save(page, "case-window-item-refusal.png")
    _saved(driver, page, form.confirm_button.click)
    _choose(page, FOOD)
    driver.settle()
    driver.save(page, "case-window-item-refused.png")
    page.close()


def _saved(driver: Driver, page: CasePage, press: Callable[[], None]) -> None:
    """``press``, then the page's loop turned until the case is read again (its save comes on this thread)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    page.case_changed.connect(lambda _case_no: QTimer.singleShot(300, loop.quit))
    QTimer.singleShot(30_000, loop.quit)
    QTimer.singleShot(0, press)
    loop.exec()
    driver.settle()


def receipts_shot(driver: Driver, window: MainWindow, desk: Desk, case_no: str) -> None:
    page = _open(driver, window, desk, case_no)
    _scrolled_to(page, page.documents)
    driver.settle()
    driver.save(page, "case-window-receipts.png")
    page.close()


def pledge_shots(driver: Driver, window: MainWindow, brigade: Desk, cases: dict[str, str]) -> None:
    from counter.ui.cases.pledge_bar import PledgeAct

    for state, case_no in cases.items():
        page = _open(driver, window, brigade, case_no)
        _choose(page, FIRE)
        bar = page.pledges
        if state == "grant":  # the licence's number and 有效期限 asked as any 准予 asks them
            bar.buttons[PledgeAct.GRANT].click()
            bar.result_no.setText(LICENCE_NO)
            bar.validity_fields.choice.setCurrentIndex(1)  # 有效期至
        if state == "check":
            bar.buttons[PledgeAct.FALSE].click()
            bar.finding.setText(FINDING)
        driver.settle()
        _scrolled_to(page, bar)
        driver.settle()
        driver.save(page, f"case-window-pledge-{state}.png")
        page.close()


def _pledge_cases(db: Store, desk: Desk, brigade: Desk, cases: dict[str, str]) -> None:
    """Each 035 case brought by the brigade to the state its picture shows, dated back from today: signed for first
    (the hall only received the item: the brigade's 签收 is its 受理, and a grant follows it)."""
    from counter.actions.cases.item_steps import take_item_step
    from counter.actions.intake.false_pledges import hear, recheck, revoke, serve
    from counter.actions.intake.notice_pledges import grant_on_pledge, record_check
    from counter.case.item_path import ItemEvent
    from counter.case.item_step_request import StepRequest
    from counter.case.pledge_checks import PledgeNotice
    from counter.case.pledge_steps import HearingRecord, Recheck
    from counter.case.served import Service, ServiceWay

    today = dt.date.today()

    def day(back: int) -> dt.date:
        return today - dt.timedelta(days=back)

    def served(case_no: str, notice: PledgeNotice, on: dt.date) -> None:
        with db.sessions().begin() as s:
            serve(s, brigade, case_no, FIRE, notice, Service(ServiceWay.HAND, on, "孟根其其格"), on)

    signed = dt.datetime.combine(day(40), dt.time(9, 30)).astimezone()
    for state, case_no in cases.items():
        with db.sessions().begin() as s:
            take_item_step(s, brigade, case_no, FIRE, StepRequest(ItemEvent.SIGNED), signed)
        if state == "grant":
            continue
        with db.sessions().begin() as s:
            grant_on_pledge(s, brigade, case_no, FIRE, day(40), result_no="乌消安检字〔2026〕第0123号")
        if state == "check":
            continue
        checked = day(3) if state == "correction" else day(30)  # the correction's period still open, or over
        with db.sessions().begin() as s:
            record_check(s, brigade, case_no, FIRE, checked, kept=False, finding=FINDING, correct_within=5)
        served(case_no, PledgeNotice.CORRECTION, checked)
        if state == "correction":
            continue
        with db.sessions().begin() as s:
            recheck(s, brigade, case_no, FIRE, day(15), Recheck.NOT_CORRECTED, "复查发现疏散通道仍被封堵。")
        if state == "hear":
            continue
        with db.sessions().begin() as s:
            hear(s, brigade, case_no, FIRE, day(15), 5)
        served(case_no, PledgeNotice.HEARING, day(15))
        if state == "revoke":
            continue
        with db.sessions().begin() as s:
            revoke(s, brigade, case_no, FIRE, day(2), HearingRecord())


def case_state_shots(driver: Driver) -> None:
    """A hall's first desk makes the cases, adds the departments' accounts, then each picture is taken."""
    from counter.actions.cases.documents import make_documents, office_settings, save_office_settings
    from counter.actions.cases.item_authority import set_entrustment
    from counter.actions.cases.item_steps import route_items
    from counter.actions.catalog.guide_status import allow_draft_intake
    from counter.documents.acceptance import OrganAnswer
    from counter.documents.kinds import DocumentKind
    from counter.host.machine.desk_at import desk_at
    from counter.host.machine.desk_config import load_desk_config

    window, db = driver.open()
    desk = desk_at(load_desk_config())
    today = dt.date.today()
    first = today - dt.timedelta(days=45)  # the promises' intakes, before their 签收 40 days back
    forwarded_shot(driver, window)
    received = _taken(db, desk, RESTAURANT, today, {}, 0)  # the hall only receives: the 市监局 accepts or refuses
    db.write(partial(route_items, desk=desk, number=received, now=dt.datetime.now(dt.UTC)))
    with db.sessions().begin() as s:
        allow_draft_intake(s, True, desk=desk)
        office = office_settings(s, desk.identity.site_code)
        named = dataclasses.replace(office, rights_overrides=BRIGADE_BODIES)
        save_office_settings(s, desk.identity.site_code, named, desk=desk)
    states = ("grant", "check", "correction", "hear", "revoke", "revoked")
    pledge_way = {"fire_way": "pledge"}
    pledges = {state: _taken(db, desk, HOMESTAY, first, pledge_way, 1 + i) for i, state in enumerate(states)}
    routed = dt.datetime.combine(first, dt.time(9)).astimezone()  # the day they were taken, before the 签收
    for case_no in pledges.values():  # sent to the brigade: a department reads the cases routed to it
        db.write(partial(route_items, desk=desk, number=case_no, now=routed))
    with db.sessions().begin() as s:  # three bodies entrusted the hall: a receipt in each one's name
        for code in ENTRUSTED:
            set_entrustment(s, desk, desk.identity.site_code, code, ENTRUSTMENT)
        office = office_settings(s, desk.identity.site_code)
        answered = dataclasses.replace(office, administrative_organ=OrganAnswer.YES.value)
        save_office_settings(s, desk.identity.site_code, answered, desk=desk)
    entrusted = _taken(db, desk, RESTAURANT, today, {}, 8)
    with db.sessions().begin() as s:
        make_documents(s, desk, entrusted, DocumentKind.RECEIPT, today)
    with db.sessions().begin() as s:  # the 授权 ends: the first case's food licence is the 市监局's to accept again
        for code in ENTRUSTED:
            set_entrustment(s, desk, desk.identity.site_code, code, "")
    receipts_shot(driver, window, desk, entrusted)
    admin = _staff(db, desk, "guanli01", "王敏")  # the first account ends the desk without one
    market = _staff(db, admin, "shijian01", "包丽娟", MARKET)
    brigade = _staff(db, admin, "xiaofang01", "韩冬", BRIGADE)
    _pledge_cases(db, desk, brigade, pledges)
    refusal_shots(driver, window, market, received)
    pledge_shots(driver, window, brigade, pledges)
    window.close()
    db.dispose()
