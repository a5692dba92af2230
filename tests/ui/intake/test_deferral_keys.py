"""容缺 by the keyboard: its own key on a 容缺后补 row, and Alt+R for the applicant's request from anywhere.

Marking a 容缺后补 material 未提交 while the applicant asks for 容缺 must never leave a 补正 one Ctrl+Enter away:
key 6 ticks the request and puts the keyboard on its conditions; until both are confirmed nothing is issued.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from counter.intake.checklist import Receipt
from counter.intake.outcome import Outcome
from counter.ui.intake import IntakePanel
from tests.ui.intake.helpers import press, ready, receipts


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def active(qtbot: QtBot, panel: IntakePanel) -> None:
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)  # the keys go where the clerk works


def test_key_6_marks_a_deferrable_material_and_asks_for_its_conditions(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    active(qtbot, panel)
    press(qtbot, panel, "M04", Qt.Key.Key_6)  # a required material: 6 is not its key
    assert receipts(panel)["M04"] is Receipt.RECEIVED
    assert not panel.deferral.asked.isChecked()

    press(qtbot, panel, "M08", Qt.Key.Key_6)
    assert receipts(panel)["M08"] is Receipt.MISSING
    assert panel.deferral.asked.isChecked()  # the applicant's request, without 9 Shift+Tabs
    row = panel.checklist_view.row("M08")
    assert row.defer_button is not None
    assert row.defer_button.isChecked()
    assert not row.receipt_buttons[Receipt.MISSING].isChecked()
    assert focused() is panel.deferral.no_bad_credit
    assert not panel.commit_button.isEnabled()  # no 补正 on Ctrl+Enter meanwhile
    assert panel.commit_reason.text() == "先确认容缺条件"  # beside the greyed button, which says only its act
    assert panel.commit_reason.isVisible()
    assert panel.outcome_box.headline.text() == "待确认容缺条件"  # not the 补正 the form comes to meanwhile
    # the paper it names is the one that prints: the hall only receives, so its 容缺后补材料告知书
    assert "确认下方两项容缺条件后出具容缺后补材料告知书" in panel.outcome_box.summary.text()
    QTest.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not panel.committed

    QTest.keyClick(focused(), Qt.Key.Key_Space)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is panel.deferral.pledge_signed
    QTest.keyClick(focused(), Qt.Key.Key_Space)
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.DEFER
    assert panel.commit_button.isEnabled()
    # the hall only receives the items: its 收件 paper, the departments decide the 容缺受理
    assert panel.commit_button.text() == "收件，出具容缺后补材料告知书\nCtrl+Enter"
    assert not panel.commit_reason.isVisible()
    assert panel.commit_button.accessibleDescription() == ""
    assert panel.outcome_box.headline.text() == "容缺收件"  # the department decides the 容缺受理

    press(qtbot, panel, "M09", Qt.Key.Key_6)  # the conditions confirmed: on to the next material
    assert receipts(panel)["M09"] is Receipt.MISSING
    assert focused() is panel.checklist_view.row("M12")
    assert panel.decision.outcome is Outcome.DEFER


@pytest.mark.slow
def test_a_request_taken_back_leaves_the_correction(qtbot: QtBot, panel: IntakePanel) -> None:
    """A bad credit record: the clerk unticks the request, and the 补正 the form comes to can be issued."""
    ready(qtbot, panel)
    active(qtbot, panel)
    press(qtbot, panel, "M08", Qt.Key.Key_6)
    QTest.keyClick(focused(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Alt+R: the request, off again
    # the outcome the form comes to is shown once its preview answers (counter.ui.intake.preview)
    qtbot.waitUntil(lambda: not panel.deferral.asked.isChecked() and not panel.preview.in_flight)
    assert focused() is panel.deferral.asked
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.CORRECT
    assert panel.commit_button.isEnabled()
    assert panel.commit_button.text() == "出具补齐材料告知书\nCtrl+Enter"
    assert panel.outcome_box.headline.text() == "一次性告知"  # no 补正 of its own: the 补齐材料告知书
    row = panel.checklist_view.row("M08")
    assert row.receipt_buttons[Receipt.MISSING].isChecked()  # no longer 容缺后补: 未提交


@pytest.mark.slow
def test_alt_r_ticks_the_request_from_a_material_row(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    active(qtbot, panel)
    press(qtbot, panel, "M08", Qt.Key.Key_3)
    QTest.keyClick(focused(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(panel.deferral.asked.isChecked)
    assert focused() is panel.deferral.asked
    row = panel.checklist_view.row("M08")
    assert row.defer_button is not None
    assert row.defer_button.isChecked()  # a 容缺后补 material not handed in, now that 容缺 is asked
