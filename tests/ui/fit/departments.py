"""The case page at a department's desk, opened by the case's number as its staff open it: the windows of
:mod:`tests.ui.fit.desk` in the states only a department's account brings them to.

Each opener adds that department's account to its own copy of the casebook (the first account of the database, added
by its desk without one), brings the case to its state through the operations, and opens the page with that account.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import partial

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.accounts import add_account
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import office_settings, save_office_settings
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.false_pledges import recheck, serve
from counter.actions.intake.notice_pledges import grant_on_pledge, record_check
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.pledge_checks import PledgeNotice
from counter.case.pledge_steps import Recheck
from counter.case.served import Service, ServiceWay
from counter.db.catalog_store import current_guide
from counter.intake.checklist import start_checklist
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.ui.cases.case_page import CasePage
from counter.ui.cases.opening import open_case
from counter.ui.cases.pledge_bar import PledgeAct
from counter.ui.mainwindow.main_window import MainWindow
from tests.ui.cases.casebook import Casebook
from tests.ui.fit.desk import DAY, settle
from tests.ui.runners import store_of

HOMESTAY = "XAM-YJS-035"  # 我要开民宿（含餐饮）: its 消防 item is decided on a 告知承诺
FIRE = "YJS035-05"
BRIGADE = "乌兰浩特市消防救援大队"
FOOD = "152201-YJS008-02"  # 食品经营许可, the 市场监督管理局's
MARKET = "乌兰浩特市市场监督管理局"
FINDING = "核查发现场所二层疏散通道被封堵，安全出口上锁，与告知承诺书所作承诺内容不符。"


def _staff(window: MainWindow, login: str, department: str) -> Desk:
    """The department's account, added by the hall's administrator (the database's first account, which must be
    one, added by the desk without one); signed in at that desk."""
    desk = window.desk_actions.desk()
    admin = NewAccount("guanli01", "王敏", frozenset({Role.ADMIN}), "Mima2026guanli")
    staff = NewAccount(login, "阿拉坦其其格", frozenset({Role.DEPARTMENT}), "Mima2026bumen", department=department)
    by_admin = dataclasses.replace(desk, actor=Actor(admin.login, admin.name, admin.roles))
    for by, new in ((desk, admin), (by_admin, staff)):
        problems = store_of(window.runner).write(partial(add_account, desk=by, new=new))
        assert problems == (), problems
    return dataclasses.replace(desk, clerk=staff.name, actor=Actor(login, staff.name, staff.roles))


def _homestay(session: Session, desk: Desk, day: dt.date) -> str:
    """035 taken on ``day``, its applicant choosing the 消防 检查 on a promise."""
    allow_draft_intake(session, True, desk=desk)
    stored = current_guide(session, HOMESTAY)
    assert stored is not None
    answers = {**fresh_checklist(stored).answers_dict(), "fire_way": "pledge"}
    checklist = complete_checklist(
        stored.bundle, start_checklist(stored.bundle, answers, guide_version=stored.version_id)
    )
    id_no = make_id_number("152201", dt.date(1982, 3, 1), 24)
    person = Applicant(ApplicantKind.PERSON, "孟根其其格", id_no, "13904821234", "兴安盟乌兰浩特市和平街道")
    return take_intake(session, desk, IntakeRequest(checklist, Parties(person)), day, office_calendar(session)).case_no


def _opened(window: MainWindow, desk: Desk, case_no: str, item: str) -> CasePage:
    page = open_case(window, window.runner, desk, lambda: DAY, case_no)
    assert page is not None
    states = page.item_states
    states.table.selectRow([line.code for line in states.items].index(item))
    settle()
    return page


def _brigades_promise(window: MainWindow, found_false: bool, served: bool = True) -> tuple[Desk, str]:
    """A 035 case sent to its departments, its 消防 item granted on the promise by the brigade; ``found_false``: the
    check found it false, its order served (``served``) and its period over by DAY, the 复查 finding it not
    corrected."""
    store = store_of(window.runner)
    desk = window.desk_actions.desk()
    store.write(partial(_name_the_brigades_bodies, desk=desk))  # each paper of a promise found false names them
    case_no = store.write(partial(_homestay, desk=desk, day=DAY - dt.timedelta(days=12)))
    now = dt.datetime.combine(DAY - dt.timedelta(days=12), dt.time(10)).astimezone()
    store.write(partial(route_items, desk=desk, number=case_no, now=now))
    brigade = _staff(window, "xiaofang01", BRIGADE)
    granted = DAY - dt.timedelta(days=10)
    signed = dt.datetime.combine(granted, dt.time(9)).astimezone()  # its 签收 is its 受理: the grant follows it
    store.write(partial(take_item_step, desk=brigade, number=case_no, item_code=FIRE,
                        request=StepRequest(ItemEvent.SIGNED), now=signed))  # fmt: skip
    store.write(partial(grant_on_pledge, desk=brigade, number=case_no, item_code=FIRE, today=granted))
    checked = DAY - dt.timedelta(days=8)
    if found_false:
        check = partial(record_check, desk=brigade, number=case_no, item_code=FIRE, kept=False, finding=FINDING,
                        today=checked, correct_within=5)  # fmt: skip
        store.write(check)
    if found_false and served:
        by_hand = Service(ServiceWay.HAND, checked, "苏和")
        store.write(partial(serve, desk=brigade, number=case_no, item_code=FIRE, notice=PledgeNotice.CORRECTION,
                            service=by_hand, today=checked))  # fmt: skip
        store.write(partial(recheck, desk=brigade, number=case_no, item_code=FIRE, today=DAY,
                            found=Recheck.NOT_CORRECTED, finding="复查发现疏散通道仍被封堵。"))  # fmt: skip
    return brigade, case_no


def _name_the_brigades_bodies(session: Session, desk: Desk) -> None:
    named = dataclasses.replace(
        office_settings(session, "XAM01"), rights_overrides=f"{BRIGADE}=兴安盟消防救援支队|乌兰浩特市人民法院"
    )
    save_office_settings(session, "XAM01", named, desk=desk)


def open_pledge_check(window: MainWindow, _book: Casebook) -> QWidget:
    """承诺不实 asked at the brigade's desk: what the check found typed, the correction's day beside it."""
    brigade, case_no = _brigades_promise(window, found_false=False)
    page = _opened(window, brigade, case_no, FIRE)
    page.pledges.buttons[PledgeAct.FALSE].click()
    page.pledges.finding.setText(FINDING)
    settle()
    return page


def open_pledge_hear(window: MainWindow, _book: Casebook) -> QWidget:
    """The promise found false, its correction not made: the 陈述申辩 period and the steps beside it."""
    brigade, case_no = _brigades_promise(window, found_false=True)
    return _opened(window, brigade, case_no, FIRE)


def open_pledge_serve(window: MainWindow, _book: Casebook) -> QWidget:
    """The promise found false, its order made and not yet served: the widest row, the service's way, who signed
    and its day beside the button."""
    brigade, case_no = _brigades_promise(window, found_false=True, served=False)
    return _opened(window, brigade, case_no, FIRE)


def open_item_refusal(window: MainWindow, book: Casebook) -> QWidget:
    """The 市场监督管理局's 不予受理 of what the hall only received, its reason typed."""
    now = dt.datetime.combine(DAY, dt.time(9)).astimezone()
    store_of(window.runner).write(partial(route_items, desk=window.desk_actions.desk(), number=book.accepted, now=now))
    market = _staff(window, "shijian01", MARKET)
    page = _opened(window, market, book.accepted, FOOD)
    page.item_states.step_bar.buttons[ItemEvent.REFUSED].click()
    page.item_step_form.reason.setText(
        "经营场所位于本市行政区域以外，不属于本机关管辖，请向经营场所所在地市场监督管理部门申请"
    )
    settle()
    return page


#: the case page at a department's desk, by the name a test reports
DEPARTMENT_WINDOWS = {
    "case-page-pledge-check": open_pledge_check,
    "case-page-pledge-hear": open_pledge_hear,
    "case-page-pledge-serve": open_pledge_serve,
    "case-page-item-refusal": open_item_refusal,
}
