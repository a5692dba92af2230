"""The desk's working windows for :mod:`screenshot`: each opened from the main window as a clerk opens it, and placed
as the desk places it on the screen of the run (so a 1024×768 run shows what such a desk shows).

- ``intake-pending.png``, ``intake.png``, ``intake-taken.png``: 我要开小餐馆 for a person with an agent — the
  situations answered and nothing checked yet; every material handed in but the two deferrable ones, the applicant
  asking for 容缺受理; the case taken;
- ``intake-saving.png``, ``intake-saving-screen.png``: Ctrl+Enter while another desk holds the database file — the
  intake busy on its write, and the whole screen as the clerk sees it then;
- ``preview-window.png``: what the applicant takes home from that intake, before printing;
- ``draft-bar.png``: the desk after two more applicants' intakes were left unfinished: the bar lists both kept drafts;
- ``case-window.png``, ``case-lists-window.png``: the demo's corrected case, with its history; today's cases;
- ``case-lists-items.png``: 部门待办, a 市场监督管理局's items at its desk, the soonest due first;
- ``case-finder.png``: F7 by a name, the applicant's two cases listed, their ID numbers and phones masked;
- ``case-window-denied.png``: the demo's lapsed deferral, sent to its departments to decide: its items routed,
  signed for, one paused for an inspection, one due today;
- ``case-window-complete-refused.png``: 办结 pressed on that case while its other items wait for their departments;
- ``case-window-hand-over.png``: the same case's 统一出件 form, its denial to go out ahead of the other results;
- ``supervision.png``, ``supervision-items.png``, ``supervision-figures.png``, ``supervision-ratings.png``,
  ``supervision-office.png``: F8's pages (督办, 事项督办, 统计, 评价设置, 单位信息) as a hall's supervisor sees them;
- ``text-size.png``: the text size (F12).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk
    from counter.actions.site.store import Store
    from counter.case.item_step_request import StepRequest
    from counter.ui.cases.case_page import CasePage
    from counter.ui.intake import IntakePanel
    from counter.ui.mainwindow.main_window import MainWindow


class Driver(Protocol):
    """What these pictures need of the app being driven: :class:`screenshot.Driver` has it.

    Named here as a protocol, not imported: screenshot runs these pictures, so importing it back would close an
    import circle between the two files.
    """

    def open(self) -> tuple[MainWindow, Store]: ...

    def settle(self) -> None: ...

    def search(self, window: MainWindow, text: str, down: int = 1) -> None: ...

    def save(self, window: QWidget, name: str) -> None: ...

    def save_screen(self, name: str) -> None: ...


APPLICANT = ("王奕", "13847821188", "兴安盟乌兰浩特市和平街道民主路18号")
AGENT = ("李锌", "委托办理设立登记和食品经营许可")
SITUATIONS = {"operator": "individual", "agent": "agent", "signboard": "no"}


def fill_intake(intake: IntakePanel) -> None:
    """A person with an agent, delivery by post; every situation answered.  The applicant's card read as the reader
    hands it to the form (F2), the phone typed."""
    from counter.parties.id_card import IdCard
    from counter.parties.identifiers import make_id_number

    form = intake.applicant_form
    born = dt.date(1985, 5, 5)
    card = IdCard(APPLICANT[0], "2", "蒙古", born, APPLICANT[2], make_id_number("152201", born, 11),
                  "乌兰浩特市公安局", dt.date(2016, 8, 1), dt.date(2036, 8, 1), bytes(1024))  # fmt: skip
    form.card_line.on_done(card)
    form.phone.setText(APPLICANT[1])
    intake.agent_form.setChecked(True)
    intake.agent_form.id_field.edit.setText(make_id_number("150702", dt.date(1990, 6, 15), 37))
    intake.agent_form.name.setText(AGENT[0])
    intake.agent_form.authorisation.setText(AGENT[1])
    for situation, option in SITUATIONS.items():
        intake.situations.option_button(situation, option).click()


def hand_in(intake: IntakePanel) -> None:
    """Everything handed in but the deferrable materials, and the applicant's request to defer them, confirmed."""
    from counter.catalog.model import Necessity
    from counter.intake.checklist import Receipt

    intake.checklist_view.all_received_button.click()
    for row in intake.checklist_view.rows.values():
        if row.material.necessity is Necessity.DEFERRABLE:
            row.set_receipt(Receipt.MISSING)
    intake.deferral.asked.setChecked(True)
    intake.deferral.no_bad_credit.setChecked(True)
    intake.deferral.pledge_signed.setChecked(True)


def intake_shots(driver: Driver, window: MainWindow, db: Store) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from sqlalchemy import text

    from counter.ui.printing.preview_window import PreviewWindow

    driver.search(window, "xcg")
    window.on_intake_requested()
    intake = window.desk_actions.intake
    assert intake is not None
    fill_intake(intake)
    driver.settle()
    driver.save(intake, "intake-pending.png")
    hand_in(intake)
    driver.settle()
    driver.save(intake, "intake.png")
    loop = QEventLoop()
    intake.case_taken.connect(lambda _case_no: loop.quit())
    QTimer.singleShot(30_000, loop.quit)
    with db.sessions().begin() as holder:  # another desk holds the file: the clerk's Ctrl+Enter waits, and says so

        def waiting() -> None:
            driver.save(intake, "intake-saving.png")  # it stands over the desk: the clerk sees it and its button
            driver.save_screen("intake-saving-screen.png")  # and the whole screen, the desk's window behind it
            holder.rollback()

        holder.execute(text("CREATE TABLE hold_the_file (x INTEGER)"))
        QTimer.singleShot(900, waiting)
        QTimer.singleShot(0, intake.commit_button.click)  # from the window's loop, as the clerk's key is taken
        loop.exec()
    driver.settle()
    driver.save(intake, "intake-taken.png")
    intake.print_button.click()
    driver.settle()
    (preview,) = window.findChildren(PreviewWindow)  # the paper belongs to the desk's window, not to the intake
    driver.save(preview, "preview-window.png")
    preview.close()
    intake.close()


def case_shots(driver: Driver, window: MainWindow, corrected: str, denied: str) -> None:
    cases = window.desk_actions.cases()
    for case_no, picture in ((corrected, "case-window.png"), (denied, "case-window-denied.png")):
        page = cases.open_case(case_no)
        assert page is not None
        driver.settle()
        driver.save(page, picture)
        if case_no == denied:  # 统一出件 of its one decided result, ahead of the others as the applicant asks
            from counter.case.status import CaseEvent

            # first 办结, while its other items wait for their departments: refused, the items named
            page.action_buttons[CaseEvent.COMPLETED].click()
            page.form.confirm_button.click()
            driver.settle()
            driver.save(page, "case-window-complete-refused.png")
            page.form.close_form()
            page.action_buttons[CaseEvent.DELIVERED].click()
            page.hand_over.partial.setChecked(True)
            driver.settle()
            driver.save(page, "case-window-hand-over.png")
            item_step_shot(driver, page)
        page.close()
    lists = cases.open_lists()
    driver.settle()
    driver.save(lists, "case-lists-window.png")
    page = lists.items  # 部门待办: the 市场监督管理局's queue
    lists.tabs.setCurrentWidget(page)
    departments = [str(page.chooser.itemData(i)) for i in range(page.chooser.count())]
    market = next((i for i, name in enumerate(departments) if name.endswith("市场监督管理局")), 0)
    page.chooser.setCurrentIndex(market)
    page.chooser.activated.emit(market)
    driver.settle()
    driver.save(lists, "case-lists-items.png")
    lists.close()
    finder = cases.find_cases("赵雪梅")  # F7 without the paper: the demo's applicant who came twice
    assert finder is not None
    driver.settle()
    driver.save(finder, "case-finder.png")
    finder.close()


def item_step_shot(driver: Driver, page: CasePage) -> None:
    """A department's 暂停计时 of an item it signed for (:func:`on_their_way`), its reason chosen."""
    from counter.case.item_path import ItemEvent, PauseReason

    page.hand_over.close_form()
    states = page.item_states
    states.table.selectRow([item.code for item in states.items].index("152201-YJS008-01"))
    states.step_bar.buttons[ItemEvent.PAUSED].click()
    form = page.item_step_form
    form.pause.setCurrentIndex(form.pause.findData(PauseReason.EXPERT_REVIEW.value))
    form.reason.setText("经营场所涉及消防安全，须组织专家现场评审")
    driver.settle()
    driver.save(page, "case-window-item-step.png")


def supervision_shots(driver: Driver, window: MainWindow, db: Store) -> None:
    """F8's pages as a hall's supervisor (who also administers) sees them, signed in on an account of the database.

    Not as the pictures' own desk: a desk without accounts has no 督办 nor 事项督办 (nobody reviews their own ratings,
    :data:`counter.access.roles.SINGLE_DESK_GRANTS`), and a page the window does not hold cannot be made current, so
    those two pictures showed the 统计 page under their names.  A page not shown stops the run instead.  The account
    ends the single desk: these pictures come last.
    """
    import dataclasses

    from counter.access.account_views import NewAccount
    from counter.access.roles import Actor, Role
    from counter.actions.admin.accounts import add_account
    from counter.ui.look.geometry import fit_to_screen
    from counter.ui.mainwindow.desk_actions import SUPERVISION_SIZE
    from counter.ui.pad.supervisor_window import SupervisorWindow

    head = Actor("zhuren01", "张敏", frozenset({Role.SUPERVISOR, Role.ADMIN}))
    with db.sessions().begin() as session:  # each action asks the database for the account (actions.admin.guard)
        add_account(session, window.desk_actions.desk(), NewAccount(head.login, head.name, head.roles, "zhuren2026"))
    desk = dataclasses.replace(window.desk_actions.desk(), actor=head)
    supervisor = SupervisorWindow(window.runner, head.name, site_code=desk.identity.site_code, desk=desk)
    fit_to_screen(supervisor, SUPERVISION_SIZE)
    supervisor.refresh()
    supervisor.show()
    pages = (
        (supervisor.rectifications, "supervision"),
        (supervisor.items, "supervision-items"),
        (supervisor.figures, "supervision-figures"),
        (supervisor.settings, "supervision-ratings"),
        (supervisor.office, "supervision-office"),
    )
    for page, name in pages:  # by the page, not its place: the tabs a desk shows depend on its roles
        if supervisor.indexOf(page) < 0:
            raise RuntimeError(f"{name}.png not written: the page is not shown to this desk")
        supervisor.setCurrentWidget(page)
        driver.settle()
        driver.save(supervisor, f"{name}.png")
    supervisor.close()


def text_size_shot(driver: Driver, window: MainWindow) -> None:
    window.desk_actions.open_text_size()
    dialog = window.desk_actions.text_size
    assert dialog is not None
    driver.settle()
    driver.save(dialog, "text-size.png")
    dialog.close()


def on_their_way(db: Store, desk: Desk, case_no: str) -> None:
    """The items of a case still to be decided at their departments: routed, one signed for, one paused."""
    from counter.actions.cases.item_authority import set_entrustment
    from counter.actions.cases.item_steps import route_items
    from counter.case.item_path import ItemEvent, PauseReason
    from counter.case.item_step_request import StepRequest

    now = dt.datetime.now(dt.UTC)
    db.write(lambda s: route_items(s, desk, case_no, now))
    for item in ("152201-YJS008-01", "152201-YJS008-03"):  # their departments entrusted the window in writing
        db.write(partial(set_entrustment, desk=desk, site_code=desk.identity.site_code, item_code=item,
                         entrustment="兴政服授〔2026〕1号"))  # fmt: skip
    steps = [("152201-YJS008-01", StepRequest(ItemEvent.SIGNED)), ("152201-YJS008-03", StepRequest(ItemEvent.SIGNED)),
             ("152201-YJS008-03", StepRequest(ItemEvent.PAUSED, pause=PauseReason.INSPECTION))]  # fmt: skip
    for item, step in steps:
        db.write(partial(_step, desk=desk, case_no=case_no, item=item, step=step, now=now))


def _step(session: Session, desk: Desk, case_no: str, item: str, step: StepRequest, now: dt.datetime) -> object:
    from counter.actions.cases.item_steps import take_item_step

    return take_item_step(session, desk, case_no, item, step, now)


def answered(db: Store, desk: Desk) -> None:
    """The hall's answer that it is a 行政机关 that may be entrusted, as its administrator records it in 单位信息: a
    licence entrusted to the hall by the catalog waits for it before an intake is taken in the department's name."""
    import dataclasses

    from counter.actions.cases.documents import office_settings, save_office_settings
    from counter.documents.acceptance import OrganAnswer

    with db.sessions().begin() as session:
        office = office_settings(session, desk.identity.site_code)
        yes = dataclasses.replace(office, administrative_organ=OrganAnswer.YES.value)
        save_office_settings(session, desk.identity.site_code, yes, desk=desk)


#: the applicants whose intakes are left unfinished for the draft bar's picture: a name and the last three digits
LEFT = (("包红梅", 51), ("阿拉坦其其格·孟和巴雅尔", 24))


def draft_bar_shot(driver: Driver, window: MainWindow) -> None:
    """Two applicants' intakes begun and closed unfinished (each kept as its applicant's draft): the bar lists both."""
    from counter.parties.identifiers import make_id_number

    for name, order in LEFT:
        window.on_intake_requested()
        driver.settle()
        intake = window.desk_actions.intake
        assert intake is not None
        intake.applicant_form.id_field.edit.setText(make_id_number("152201", dt.date(1988, 4, 9), order))
        intake.applicant_form.name.setText(name)
        for situation, option in SITUATIONS.items():
            intake.situations.option_button(situation, option).click()
        intake.checklist_view.all_received_button.click()
        driver.settle()
        assert intake.drafts.save_now()
        driver.settle()
        intake.close_keeping_draft()  # as the clerk's Enter on the close question does
        driver.settle()
    for _ in range(20):  # the bar reads the desk's drafts again: two lines once the answer is in
        if window.draft_offer.choice.count() == len(LEFT):
            break
        driver.settle()
    driver.save(window, "draft-bar.png")


def intake_and_drafts(driver: Driver) -> None:
    """The intake's pictures and the draft bar alone, on a desk of its own: a quick look at the intake's screens."""
    window, db = driver.open()
    intake_shots(driver, window, db)
    draft_bar_shot(driver, window)
    window.close()
    db.dispose()


def working_window_shots(driver: Driver) -> None:
    """The demo's cases taken today at this desk, then every working window in turn."""
    from counter.actions.site.demo import run_demo
    from counter.host.machine.desk_at import desk_at
    from counter.host.machine.desk_config import load_desk_config

    window, db = driver.open()
    desk = desk_at(load_desk_config())
    demo = {c.label: c.case_no for c in run_demo(db.sessions(), desk, dt.date.today())}
    answered(db, desk)
    on_their_way(db, desk, demo["容缺逾期：逾期事实已记录，转实施部门决定"])
    intake_shots(driver, window, db)
    draft_bar_shot(driver, window)
    case_shots(driver, window, demo["补正（委托代理人办理）"], demo["容缺逾期：逾期事实已记录，转实施部门决定"])
    text_size_shot(driver, window)
    supervision_shots(driver, window, db)
    window.close()
    db.dispose()
