"""The smaller keys of the intake, pressed as the clerk presses them: the agent box answers its question, the
counts of a row are no Tab stops, and an arrow on the refusal grounds chooses one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from counter.intake.outcome import RefusalGround
from counter.ui.intake import IntakePanel
from tests.ui.intake.helpers import ready


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def active(qtbot: QtBot, panel: IntakePanel) -> None:
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)


def test_ticking_the_agent_box_answers_who_comes(qtbot: QtBot, panel: IntakePanel) -> None:
    active(qtbot, panel)
    panel.agent_form.setFocus()
    QTest.keyClick(focused(), Qt.Key.Key_Space)  # 委托代办人办理
    assert panel.agent_form.isChecked()
    assert panel.form().checklist.answers_dict()["agent"] == "agent"
    assert panel.situations.option_button("agent", "agent").isChecked()
    panel.agent_form.setFocus()
    QTest.keyClick(focused(), Qt.Key.Key_Space)
    assert not panel.agent_form.isChecked()
    assert panel.form().checklist.answers_dict()["agent"] == "self"


def test_the_counts_of_a_row_are_no_tab_stops(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)  # every row received: its counts shown
    active(qtbot, panel)
    panel.applicant_form.name.setFocus()
    reached = []
    for _ in range(60):  # round the whole form
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        reached.append(focused())
    assert panel.commit_button in reached
    assert not [w for w in reached if isinstance(w, QSpinBox) and panel.checklist_view.isAncestorOf(w)]


def test_an_arrow_on_the_grounds_chooses_one(qtbot: QtBot, panel: IntakePanel) -> None:
    active(qtbot, panel)
    panel.refusal.setChecked(True)
    panel.refusal.focus_ground()
    assert panel.refusal.ground() is None  # none chosen beforehand
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    first, second = panel.refusal.offered[:2]
    assert panel.refusal.ground() is second
    assert focused() is panel.refusal.grounds[second]
    QTest.keyClick(focused(), Qt.Key.Key_Up)
    assert panel.refusal.ground() is first
    assert isinstance(first, RefusalGround)
