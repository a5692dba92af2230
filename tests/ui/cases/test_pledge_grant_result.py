"""The grant on a promise from the case page keeps its result as any 准予 does: the 消防安全检查合格证's number typed in
the 告知承诺 section, and the licence's 有效期限 (GB/T 39046-2020 表 8), asked in the words of the window's 准予 form
and refused there by its checks; both read on the item's line and kept on the case's decision."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.roles import Role
from counter.case.decisions import Validity
from counter.ui.cases.pledge_bar import PledgeAct
from counter.ui.cases.words import CASE_FORM_PROBLEM, CASE_FORM_RESULT_NO, CASE_ITEM_APPROVED, ITEM_STEP_VALIDITY
from counter.ui.printing.preview_window import PreviewWindow
from tests.actions.test_notice_pledges import FIRE, taken
from tests.entrusted import ENTERED, entrust_in
from tests.signed_in import signed_in
from tests.ui.cases.casebook import DESK_1
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import stored
from tests.ui.cases.test_item_decisions import item_row, open_page, tab_from
from tests.ui.cases.test_pledge_page import choose_fire

LICENCE_NO = "乌消安检字〔2026〕第0123号"


def test_the_licence_number_and_validity_typed_in_the_pledge_section_are_kept_on_the_decision(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    entrust_in(case_sessions, DESK_1, FIRE)  # the window enters the brigade's grant under its 授权
    case_no = taken(case_sessions, DESK_1)
    clerk = signed_in(case_sessions, DESK_1, Role.CLERK, login="clerk")
    page = open_page(qtbot, case_sessions, today, case_no, clerk)
    bar = page.pledges
    choose_fire(page)
    QTest.keyClick(bar.buttons[PledgeAct.GRANT], Qt.Key.Key_Space)
    # the result first, by the 准予 form's words; then the brigade's 文号 and officer
    assert QApplication.focusWidget() is bar.result_no
    assert bar.result_no_label.text() == CASE_FORM_RESULT_NO
    assert bar.validity_label.text() == ITEM_STEP_VALIDITY  # the 消防安全检查 is a 行政许可
    choice, until = bar.validity_fields.choice, bar.validity_fields.until
    assert choice.isVisible()
    assert choice.currentText() == "证照未载明"
    bar.result_no.insert(LICENCE_NO)  # typed through the input method
    assert tab_from(bar.result_no) is choice
    QTest.keyClick(choice, Qt.Key.Key_Down)  # 有效期至, its date after Tab
    assert tab_from(choice) is until
    bar.department_no.setText(ENTERED.department_no)
    bar.officer.setText(ENTERED.officer)
    day = today.day
    until.setDate(QDate(day.year, day.month, day.day).addDays(-1))  # lapsed on the day of its grant: an error
    with qtbot.assertNotEmitted(page.case_changed):
        QTest.keyClick(until, Qt.Key.Key_Return)
    assert page.notice.text() == CASE_FORM_PROBLEM["validity_before_today"]
    assert stored(case_sessions, case_no).decisions() == {}
    assert bar.result_no.text() == LICENCE_NO  # nothing typed is lost
    until.setDate(QDate(day.year + 3, day.month, day.day))
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(until, Qt.Key.Key_Return)
    for preview in page.findChildren(PreviewWindow):  # the 告知承诺书, as after any grant on a promise
        preview.close()
    decision = stored(case_sessions, case_no).decisions()[FIRE]
    assert decision.text == LICENCE_NO
    assert decision.validity == Validity(dt.date(day.year + 3, day.month, day.day))
    assert decision.entered == ENTERED
    expected = f"{LICENCE_NO}（有效期至{day.year + 3}年{day.month}月{day.day}日）"
    assert item_row(page, FIRE)[2:] == [CASE_ITEM_APPROVED, expected]


def test_a_grant_on_a_promise_without_the_number_is_kept_as_an_ordinary_grant_without_one(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """The number is optional, as on the 准予 form: the department may give it later; 证照未载明 keeps no 有效期限."""
    entrust_in(case_sessions, DESK_1, FIRE)
    case_no = taken(case_sessions, DESK_1)
    page = open_page(qtbot, case_sessions, today, case_no, signed_in(case_sessions, DESK_1, Role.CLERK, login="clerk"))
    bar = page.pledges
    choose_fire(page)
    QTest.keyClick(bar.buttons[PledgeAct.GRANT], Qt.Key.Key_Space)
    bar.department_no.setText(ENTERED.department_no)
    bar.officer.setText(ENTERED.officer)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        QTest.keyClick(bar.result_no, Qt.Key.Key_Return)
    decision = stored(case_sessions, case_no).decisions()[FIRE]
    assert (decision.approved, decision.text, decision.validity) == (True, "", None)
    for preview in page.findChildren(PreviewWindow):
        preview.close()
    choose_fire(page)
    QTest.keyClick(bar.buttons[PledgeAct.KEPT], Qt.Key.Key_Space)  # a check asks no result
    assert not bar.result_no.isVisible()
    assert not bar.validity_fields.choice.isVisible()
