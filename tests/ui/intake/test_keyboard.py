"""The intake with the keyboard alone: Tab follows the columns, the material list is one stop, focus comes back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counter.intake.outcome import Outcome, RefusalGround
from counter.ui.intake import IntakePanel
from tests.ui.intake.helpers import fill_person, leave_unprinted, refuse


def tab(qtbot: QtBot, start: QWidget) -> QWidget:
    """Where one Tab from ``start`` (given the focus first) puts the keyboard."""
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    QTest.keyClick(start, Qt.Key.Key_Tab)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_tab_goes_from_the_parties_to_the_situations_to_the_materials_to_the_decision(
    qtbot: QtBot, panel: IntakePanel
) -> None:
    qtbot.waitUntil(panel.isActiveWindow)
    situations = panel.situations
    first_option = situations.option_button("operator", "individual")
    assert tab(qtbot, panel.delivery_form.notify_phone) is first_option
    assert tab(qtbot, first_option) is situations.option_button("agent", "self")  # a question is one stop
    rows = list(panel.checklist_view.rows.values())
    assert tab(qtbot, situations.option_button("signboard", "yes")) is rows[0]  # where the row keys work
    assert tab(qtbot, rows[0]) is panel.deferral.asked  # the list is one stop: Tab leaves it
    rows[0].setFocus()
    QTest.keyClick(rows[0], Qt.Key.Key_Down)  # the arrows walk it
    assert QApplication.focusWidget() is rows[1]


def back_tab(qtbot: QtBot, start: QWidget) -> QWidget:
    """Where one Shift+Tab from ``start`` (given the focus first) puts the keyboard."""
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    QTest.keyClick(start, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_shift_tab_from_any_row_leaves_the_list_as_tab_does(qtbot: QtBot, panel: IntakePanel) -> None:
    """From the fourth material Shift+Tab went to the first, still in the list, where the next key settled a material
    the clerk was not on; it goes to the situations, as from the first."""
    qtbot.waitUntil(panel.isActiveWindow)
    rows = list(panel.checklist_view.rows.values())
    before = back_tab(qtbot, rows[0])
    assert before in panel.situations.buttons()
    assert back_tab(qtbot, rows[3]) is before
    assert back_tab(qtbot, rows[-1]) is before


def test_tab_from_a_row_leaves_the_list_past_a_note_below_it(qtbot: QtBot, panel: IntakePanel) -> None:
    """A note opened lower on the list is a stop of its own, reached from its row (2, 5) or by Tab out of a note above
    it; Tab from a row leaves the list, as the keys' hint says, and does not drop into another material's note."""
    qtbot.waitUntil(panel.isActiveWindow)
    rows = list(panel.checklist_view.rows.values())
    rows[5].setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(rows[5].hasFocus)
    QTest.keyClick(rows[5], Qt.Key.Key_2)
    assert QApplication.focusWidget() is rows[5].note
    assert tab(qtbot, rows[2]) is panel.deferral.asked
    assert tab(qtbot, rows[0]) is panel.deferral.asked
    rows[-1].setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(rows[-1].hasFocus)
    QTest.keyClick(rows[-1], Qt.Key.Key_2)
    QTest.keyClick(rows[-1], Qt.Key.Key_1)  # the last material's note given up: hidden, no stop
    assert not rows[-1].note.isVisible()
    assert tab(qtbot, rows[2]) is panel.deferral.asked


def test_the_rows_made_again_after_an_answer_keep_the_order(qtbot: QtBot, panel: IntakePanel) -> None:
    qtbot.waitUntil(panel.isActiveWindow)
    button = panel.situations.option_button("operator", "company")
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)  # the list changes: new rows
    rows = list(panel.checklist_view.rows.values())
    assert tab(qtbot, panel.situations.option_button("signboard", "yes")) is rows[0]
    assert tab(qtbot, rows[0]) is panel.deferral.asked


@pytest.mark.slow
def test_after_issuing_a_refusal_the_keyboard_is_on_the_print_button(qtbot: QtBot, refusing_panel: IntakePanel) -> None:
    panel = refusing_panel
    fill_person(panel)
    refuse(panel, RefusalGround.NO_LICENCE_NEEDED)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.commit_button.setFocus()
    QTest.keyClick(panel.commit_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.confirmation
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.back_button)
    with qtbot.waitSignal(panel.case_taken, timeout=10_000):
        QTest.keyClick(dialog.back_button, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.print_button)
    QTest.keyClick(panel.print_button, Qt.Key.Key_Escape)  # no paper: Esc asks, and closes with a reason
    leave_unprinted(qtbot, panel)
    qtbot.waitUntil(lambda: not panel.isVisible())


def test_the_licences_a_refusal_finds_are_ticked_with_tab_and_space(qtbot: QtBot, refusing_panel: IntakePanel) -> None:
    """第一项 is found of each licence: its boxes come right after the ground, before 出具 and 放弃本次受理."""
    panel = refusing_panel
    fill_person(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.refusal.setChecked(True)
    ground = panel.refusal.grounds[RefusalGround.NO_LICENCE_NEEDED]
    ground.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ground)
    QTest.keyClick(ground, Qt.Key.Key_Space)
    boxes = [box for box in panel.refusal.no_licence_boxes.values() if box.isVisible()]
    assert boxes
    at: QWidget = ground
    for box in boxes:
        assert tab(qtbot, at) is box
        QTest.keyClick(box, Qt.Key.Key_Space)
        assert box.isChecked()
        at = box
    assert tab(qtbot, at) is panel.commit_button
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.REFUSE
