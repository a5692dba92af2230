"""The keys of the step forms on a case page, pressed as the clerk presses them.

Every form is a dialog in all but its window: Enter confirms (on 取消 it cancels), Esc cancels, Tab goes field by
field, then 确认, then 取消, never back into the page behind the form; and Esc with no form open closes the page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.decisions import decide_item
from counter.case.status import CaseEvent, CaseStatus
from counter.ui.cases.case_page import CasePage
from counter.ui.cases.opening import open_case
from tests.entrusted import ENTERED, RESTAURANT_ITEMS
from tests.ui.cases.casebook import DESK_1, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import stored
from tests.ui.cases.test_case_page import open_page
from tests.ui.intake.helpers import PERSON_ID
from tests.ui.runners import runner_on


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def key(widget: QWidget, pressed: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    QTest.keyClick(widget, pressed, modifier)


def active(qtbot: QtBot, page: CasePage) -> CasePage:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def test_tick_tab_space_confirms_the_deferred_materials(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """补交: the boxes, then 确认, then 取消; a Tab after the last box never reaches the page's own buttons."""
    page = active(qtbot, open_page(qtbot, case_sessions, today, book.awaiting))
    page.action_buttons[CaseEvent.DEFERRED_ARRIVED].setFocus()
    key(focused(), Qt.Key.Key_Space)
    form = page.form
    first, second = form.checkboxes.values()
    assert focused() is first
    key(first, Qt.Key.Key_Space)
    key(first, Qt.Key.Key_Tab)
    assert focused() is second
    key(second, Qt.Key.Key_Space)
    key(second, Qt.Key.Key_Tab)
    assert focused() is form.confirm_button
    key(form.confirm_button, Qt.Key.Key_Tab)
    assert focused() is form.cancel_button
    key(form.cancel_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is form.confirm_button
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        key(form.confirm_button, Qt.Key.Key_Space)
    assert stored(case_sessions, book.awaiting).status is CaseStatus.IN_APPROVAL  # both arrived, not the form again


def test_enter_on_a_ticked_box_confirms(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = active(qtbot, open_page(qtbot, case_sessions, today, book.awaiting))
    page.action_buttons[CaseEvent.DEFERRED_ARRIVED].click()
    first = next(iter(page.form.checkboxes.values()))
    key(first, Qt.Key.Key_Space)
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        key(first, Qt.Key.Key_Return)
    assert [m.code for m in stored(case_sessions, book.awaiting).deferred_open()] == list(page.form.checkboxes)[1:]


def test_enter_on_cancel_cancels_and_esc_closes_the_form_then_the_page(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    page = active(qtbot, open_page(qtbot, case_sessions, today, book.awaiting))
    before = stored(case_sessions, book.awaiting).history
    page.action_buttons[CaseEvent.DEFERRAL_EXTENDED].click()
    form = page.form
    form.reason.insert("申请人住院")  # typed through the input method
    form.cancel_button.setFocus()
    with qtbot.assertNotEmitted(page.case_changed):
        key(form.cancel_button, Qt.Key.Key_Return)
    assert not form.isVisible()
    assert focused() is page.item_states.table  # back on the items, where the page opened
    page.action_buttons[CaseEvent.DEFERRAL_EXTENDED].click()
    key(form.reason, Qt.Key.Key_Escape)  # the form first
    assert not form.isVisible()
    assert page.isVisible()
    assert stored(case_sessions, book.awaiting).history == before
    key(focused(), Qt.Key.Key_Escape)  # then the page
    qtbot.waitUntil(lambda: not page.isVisible())


def test_enter_in_the_hand_over_form_confirms(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    with case_sessions.begin() as s:  # every item decided: the case is ready to hand over
        for code in RESTAURANT_ITEMS:
            decide_item(s, DESK_1, book.accepted, code, approve=True, text=f"XK-{code[-2:]}", entered=ENTERED)
    page = active(qtbot, open_page(qtbot, case_sessions, today, book.accepted))
    page.action_buttons[CaseEvent.DELIVERED].setFocus()
    key(focused(), Qt.Key.Key_Space)
    hand_over = page.hand_over
    assert focused() is hand_over.id_no
    QTest.keyClicks(hand_over.id_no, PERSON_ID)
    key(hand_over.id_no, Qt.Key.Key_Tab)
    assert focused() is hand_over.confirm_button  # the fields of the way chosen, then 确认
    key(hand_over.confirm_button, Qt.Key.Key_Tab)
    assert focused() is hand_over.cancel_button
    for _ in range(2):
        key(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is hand_over.id_no
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        key(hand_over.id_no, Qt.Key.Key_Return)
    assert stored(case_sessions, book.accepted).status is CaseStatus.DELIVERED


def test_tab_from_a_case_without_items_to_decide_reaches_its_steps(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """A 补正 case shows no items' section: the page opens on its materials, and Tab goes on round the whole page to
    重新提交, rather than turning among the tables for ever (the hidden items were the page's way back in)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    page = open_case(parent, runner_on(case_sessions), DESK_1, today, book.correction)
    assert page is not None
    qtbot.waitUntil(page.isActiveWindow)
    assert focused() is page.materials
    seen = []
    for _ in range(20):
        seen.append(focused())
        if focused() is page.action_buttons[CaseEvent.RESUBMITTED]:
            break
        key(focused(), Qt.Key.Key_Tab)
    assert focused() is page.action_buttons[CaseEvent.RESUBMITTED], [w.accessibleName() for w in seen]
    key(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # and back the same way
    assert focused() is seen[-2]
