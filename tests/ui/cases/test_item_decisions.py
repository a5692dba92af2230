"""The case page decides a bundle item by item: each item's 准予 or 不予批准, each denied item's own paper."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.passwords import hash_password
from counter.access.roles import Actor, Permission, Role
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.case.decisions import Validity
from counter.case.item_path import ItemEvent, ItemState, PauseReason
from counter.case.item_step_request import StepRequest
from counter.case.status import CaseEvent, CaseStatus
from counter.db import models
from counter.documents.kinds import DocumentKind
from counter.ui.cases.action_form import ActionForm
from counter.ui.cases.case_page import CasePage, Loaded
from counter.ui.cases.rules import ITEM_ACTIONS
from counter.ui.cases.words import (
    CASE_FORM_PROBLEM,
    CASE_FORM_RESULT_NO,
    CASE_ITEM_APPROVED,
    CASE_ITEM_DENIED,
    CASE_ITEM_PENDING,
)
from counter.ui.printing.preview_window import PreviewWindow
from counter.words.access import not_permitted
from counter.words.items import ITEM_STATE, PAUSE_REASON
from tests.entrusted import ENTERED
from tests.signed_in import signed_in
from tests.ui.cases.casebook import DAY, DESK_1, SUPERVISOR, Casebook, deny_the_lapsed_licence
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column, offered_items, row_texts, stored
from tests.ui.printing.helpers import pdf_text
from tests.ui.runners import runner_on

FOOD = "152201-YJS008-02"  # 食品经营许可, decided by the 市场监督管理局
NOW = dt.datetime.now(dt.UTC)
APPROVE, DENY = ITEM_ACTIONS


def open_page(qtbot: QtBot, sessions: sessionmaker[Session], today: Clock, case_no: str, desk: Desk) -> CasePage:
    page = CasePage(runner_on(sessions), desk, today, case_no)
    qtbot.addWidget(page)
    assert page.reload() is Loaded.SHOWN
    page.resize(1120, 820)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def enter_for_the_department(form: ActionForm) -> None:
    """The department's 文号 and officer of the decision the window enters for it (代为录入)."""
    form.department_no.insert(ENTERED.department_no)
    form.officer.insert(ENTERED.officer)


def item_row(page: CasePage, code: str) -> list[str]:
    return row_texts(page.item_states.table, [i.code for i in page.item_states.items].index(code))


def tab_from(widget: QWidget) -> QWidget | None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def add_account(sessions: sessionmaker[Session], login: str, *roles: Role) -> None:
    with sessions.begin() as session:
        session.add(
            models.Account(
                login=login,
                name="乌兰",
                staff_no="1501",
                roles=",".join(r.value for r in roles),
                password_hash=hash_password("mima2026ok"),
            )
        )


@pytest.mark.slow
def test_each_denied_item_has_its_own_paper_printed_from_the_page_by_keyboard(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.denied, deny_the_lapsed_licence(case_sessions, book))
    documents = page.documents
    assert offered_items(documents) == (FOOD,)  # only the item the lapsed materials served
    button = documents.item_buttons[FOOD]
    assert button.isVisible()
    assert button.text() == "打印不予批准决定书（食品经营许可）"
    last_case_paper = [b for b in documents.buttons.values() if b.isVisible()][-1]
    assert tab_from(last_case_paper) is button  # Tab goes on from the case's papers to the item's

    QTest.keyClick(button, Qt.Key.Key_Space)
    [preview] = page.findChildren(PreviewWindow)
    [made] = preview.documents
    assert (made.kind, made.reprint) == (DocumentKind.DENIAL, False)
    text = pdf_text(made.pdf)
    assert "食品经营许可" in text
    assert "市场监督管理局" in text  # in the deciding department's name, not the hall's
    assert column(documents.table, 0)[-1] == "不予批准决定书（食品经营许可）"
    assert made.doc_no in column(documents.table, 1)
    assert button.text() == "打印不予批准决定书（食品经营许可）"  # made and numbered, not printed yet

    QTest.keyClick(button, Qt.Key.Key_Space)
    again = next(w for w in page.findChildren(PreviewWindow) if w is not preview)
    assert again.documents[0].reprint
    assert again.documents[0].doc_no == made.doc_no


def test_an_item_is_denied_and_another_granted_from_the_list_by_keyboard(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.accepted, signed_in(case_sessions, SUPERVISOR))
    states = page.item_states
    codes = [i.code for i in states.items]
    assert column(states.table, 2) == [CASE_ITEM_PENDING] * len(codes)
    assert states.chosen() == states.items[0]  # the first item waiting for its decision is chosen
    states.table.setFocus()
    QTest.keyClick(states.table, Qt.Key.Key_Down)  # ↓ chooses the next item
    food = states.chosen()
    assert food is not None
    assert food.code == FOOD
    deny = states.buttons[DENY]
    assert deny.text() == "不予批准“食品经营许可”"
    assert tab_from(states.buttons[APPROVE]) is deny

    QTest.keyClick(deny, Qt.Key.Key_Space)
    form = page.form
    assert form.isVisible()
    assert "乌兰浩特市市场监督管理局" in form.title.text()  # whose decision it is
    assert QApplication.focusWidget() is form.reason
    QTest.keyClick(form.reason, Qt.Key.Key_Return)
    assert form.problems.text() == CASE_FORM_PROBLEM["reason_missing"]  # 第十七条(二): reasons are stated
    assert stored(case_sessions, book.accepted).decisions() == {}

    form.reason.insert("经营场所不符合食品安全要求")  # typed through the input method
    # entered for 市监局 under its 授权 (代为录入): its 文号 and officer asked, after the reasons in Tab's order
    assert form.department_no.isVisible()
    assert tab_from(form.reason) is form.department_no
    with qtbot.assertNotEmitted(page.case_changed):
        QTest.keyClick(form.reason, Qt.Key.Key_Return)
    assert "尚未填写：部门文号、承办人" in page.notice.text()
    assert form.isVisible()  # what was typed stays
    assert form.reason.text() == "经营场所不符合食品安全要求"
    assert stored(case_sessions, book.accepted).decisions() == {}
    form.department_no.insert(ENTERED.department_no)
    form.officer.insert(ENTERED.officer)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.officer, Qt.Key.Key_Return)
    assert not form.isVisible()
    assert stored(case_sessions, book.accepted).decisions()[FOOD].entered == ENTERED
    assert item_row(page, FOOD)[2:] == [CASE_ITEM_DENIED, "经营场所不符合食品安全要求"]
    assert "食品经营许可" in page.notice.text()
    assert offered_items(page.documents) == (FOOD,)  # its paper can be printed at once
    assert states.chosen() == states.items[0]  # the next item waiting is chosen again

    first = states.items[0]
    QTest.keyClick(states.buttons[APPROVE], Qt.Key.Key_Space)
    assert form.reason_label.text() == CASE_FORM_RESULT_NO  # the number is optional
    QTest.keyClicks(form.reason, "JY11522010012345")
    assert form.department_no.text() == ""  # each decision its own entry
    form.department_no.insert("兴市监准字〔2026〕16号")
    form.officer.insert(ENTERED.officer)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(form.reason, Qt.Key.Key_Return)
    assert item_row(page, first.code)[2:] == [CASE_ITEM_APPROVED, "JY11522010012345"]
    decisions = stored(case_sessions, book.accepted).decisions()
    assert {code: d.approved for code, d in decisions.items()} == {FOOD: False, first.code: True}
    assert page.view is not None
    assert page.view.status is CaseStatus.ACCEPTED  # two items still wait: the case goes on

    states.table.selectRow(codes.index(FOOD))  # a decided item cannot be decided again
    assert not deny.isEnabled()
    assert not states.buttons[APPROVE].isEnabled()


def test_a_clerk_may_grant_an_item_but_is_refused_its_denial(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    add_account(case_sessions, "wulan", Role.CLERK)
    clerk = Desk(SUPERVISOR.identity, "乌兰", Actor("wulan", "乌兰", frozenset({Role.CLERK})))
    page = open_page(qtbot, case_sessions, today, book.accepted, clerk)
    buttons = page.item_states.buttons
    assert buttons[APPROVE].isVisible()
    assert not buttons[DENY].isVisible()  # a 不予批准 is the supervisor's
    page.close()

    # signed in as a supervisor, the role since taken away: the button shows, the action refuses
    stale = Desk(SUPERVISOR.identity, "乌兰", Actor("wulan", "乌兰", frozenset({Role.SUPERVISOR})))
    page = open_page(qtbot, case_sessions, today, book.accepted, stale)
    page.item_states.buttons[DENY].click()
    page.form.reason.setText("经营场所不符合食品安全要求")
    with qtbot.assertNotEmitted(page.case_changed):
        page.form.confirm_button.click()
    assert page.notice.text() == not_permitted(Permission.DECIDE_DEFERRAL, signed_in=True)
    assert page.notice.objectName() == "noticeError"
    assert page.form.isVisible()  # what was typed stays
    assert stored(case_sessions, book.accepted).decisions() == {}


def test_no_decision_is_offered_for_a_case_that_is_not_in_the_halls_hands(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = open_page(qtbot, case_sessions, today, book.refused, SUPERVISOR)  # 不予受理: never decided
    assert not page.item_states.isVisible()  # no item "待决定" on a case closed before any decision
    assert not any(b.isVisibleTo(page) for b in page.item_states.buttons.values())
    page.item_states.decide_requested.emit(CaseEvent.ITEM_APPROVED.value, "no-such-item")
    assert not page.form.isVisible()


def test_each_item_on_its_way_shows_where_its_department_has_it(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    with case_sessions.begin() as s:
        route_items(s, SUPERVISOR, book.accepted, NOW)
    for step in (StepRequest(ItemEvent.SIGNED), StepRequest(ItemEvent.PAUSED, pause=PauseReason.HEARING),
                 StepRequest(ItemEvent.EXTENDED, days=5, approved_by="王立新", reason="听证后需勘验")):  # fmt: skip
        with case_sessions.begin() as s:
            take_item_step(s, SUPERVISOR, book.accepted, FOOD, step, NOW)
    page = open_page(qtbot, case_sessions, today, book.accepted, SUPERVISOR)
    assert item_row(page, FOOD)[2:] == [ITEM_STATE[ItemState.PAUSED], PAUSE_REASON[PauseReason.HEARING]]
    routed = item_row(page, "152201-YJS008-01")[2:]
    assert routed[0].startswith(ITEM_STATE[ItemState.ROUTED])  # and its alert, when its date is near (its own test)
    assert routed[1] == ""


def test_a_routed_case_opens_with_the_keyboard_on_its_items_never_on_a_step(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """Opened from the lists, the page had the keyboard on 办结: one Space completed a case nobody had decided."""
    from counter.ui.cases.opening import open_case

    with case_sessions.begin() as s:
        route_items(s, DESK_1, book.accepted, dt.datetime.combine(today(), dt.time(10)).astimezone())
    page = open_case(None, runner_on(case_sessions), DESK_1, today, book.accepted)
    assert page is not None
    qtbot.addWidget(page)
    qtbot.waitUntil(page.isActiveWindow)
    assert QApplication.focusWidget() is page.item_states.table
    QTest.keyClick(page.item_states.table, Qt.Key.Key_Space)
    assert stored(case_sessions, book.accepted).status is CaseStatus.ACCEPTED


def test_the_windows_grant_of_a_licence_keeps_its_validity_and_refuses_one_before_today(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """证照有效期限 with the window's 准予 (GB/T 39046-2020 表 8), asked by keyboard after the result's number."""
    page = open_page(qtbot, case_sessions, today, book.accepted, signed_in(case_sessions, SUPERVISOR))
    states, form = page.item_states, page.form
    states.table.setFocus()
    QTest.keyClick(states.table, Qt.Key.Key_Down)  # ↓ chooses 食品经营许可, a 行政许可
    QTest.keyClick(states.buttons[APPROVE], Qt.Key.Key_Space)
    choice, until = form.validity_fields.choice, form.validity_fields.until
    assert choice.isVisible()
    assert choice.currentText() == "证照未载明"
    QTest.keyClicks(form.reason, "JY11522010012345")
    enter_for_the_department(form)
    assert tab_from(form.reason) is choice
    QTest.keyClick(choice, Qt.Key.Key_Down)  # 有效期至, then its date after Tab
    assert tab_from(choice) is until
    until.setDate(QDate(DAY.year, DAY.month, DAY.day).addDays(-1))
    with qtbot.assertNotEmitted(page.case_changed):
        QTest.keyClick(until, Qt.Key.Key_Return)
    assert form.problems.text() == CASE_FORM_PROBLEM["validity_before_today"]
    assert stored(case_sessions, book.accepted).decisions() == {}
    until.setDate(QDate(DAY.year + 5, DAY.month, DAY.day))
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(until, Qt.Key.Key_Return)
    expected = f"JY11522010012345（有效期至{DAY.year + 5}年{DAY.month}月{DAY.day}日）"
    assert item_row(page, FOOD)[2:] == [CASE_ITEM_APPROVED, expected]
    decision = stored(case_sessions, book.accepted).decisions()[FOOD]
    assert decision.validity == Validity(dt.date(DAY.year + 5, DAY.month, DAY.day))

    QTest.keyClick(states.buttons[DENY], Qt.Key.Key_Space)  # a denial asks none
    assert not form.validity_fields.choice.isVisible()
    assert form.values().validity is None


def test_a_licence_granted_for_good_reads_long_term_and_asks_no_date(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """长期有效: the date is not asked (nor checked against today); the item's line says the licence never ends."""
    page = open_page(qtbot, case_sessions, today, book.accepted, signed_in(case_sessions, SUPERVISOR))
    states, form = page.item_states, page.form
    states.table.setFocus()
    QTest.keyClick(states.table, Qt.Key.Key_Down)  # 食品经营许可
    QTest.keyClick(states.buttons[APPROVE], Qt.Key.Key_Space)
    choice, until = form.validity_fields.choice, form.validity_fields.until
    QTest.keyClicks(form.reason, "JY11522010012345")
    enter_for_the_department(form)
    choice.setFocus()
    QTest.keyClick(choice, Qt.Key.Key_End)  # 长期有效
    assert not until.isEnabled()
    until.setDate(QDate(DAY.year, DAY.month, DAY.day).addDays(-1))  # a date left behind is no 有效期至
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(choice, Qt.Key.Key_Return)
    assert item_row(page, FOOD)[2:] == [CASE_ITEM_APPROVED, "JY11522010012345（长期有效）"]
    assert stored(case_sessions, book.accepted).decisions()[FOOD].validity == Validity(None)
