"""A committed case is never closed with its papers unprinted without the clerk being asked, and saying why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter.intake.outcome import Outcome
from counter.ui.intake import IntakePanel
from counter.ui.printing.preview_window import PreviewWindow
from tests.ui.printing.test_intake_print import panel, take

__all__ = ["panel"]  # the fixture, as the intake's print tests make it


def type_chinese(widget: QWidget, text: str) -> None:
    """Text as an input method commits it (QTest types ASCII keys only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def previews() -> list[PreviewWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewWindow) and w.isVisible()]


def esc(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focus = QApplication.focusWidget() or window
    QTest.keyClick(focus, Qt.Key.Key_Escape)


@pytest.mark.slow
def test_esc_on_a_case_with_its_papers_unprinted_asks_and_needs_a_reason(qtbot: QtBot, panel: IntakePanel) -> None:
    case_no = take(qtbot, panel, Outcome.DEFER)  # 容缺: the 承诺书 the applicant signs is among the papers
    esc(qtbot, panel)
    question = panel.unprinted_question
    assert question is not None
    qtbot.waitUntil(question.isActiveWindow)  # on screen, and the keys go to it
    assert panel.isVisible()  # not closed without a word
    label = question.findChild(QLabel)
    assert label is not None
    assert case_no in label.text()
    QTest.keyClick(question.reason, Qt.Key.Key_Escape)  # Esc: back to the papers
    qtbot.waitUntil(lambda: bool(previews()))
    [preview] = previews()
    preview.close()  # no paper went out
    esc(qtbot, panel)
    qtbot.waitUntil(question.isActiveWindow)
    assert not question.leave_button.isEnabled()  # no reason, no closing
    type_chinese(question.reason, "申请人已离开，改日领取")
    assert question.leave_button.isEnabled()
    with qtbot.waitSignal(panel.papers_left) as left, qtbot.waitSignal(panel.closed):
        QTest.mouseClick(question.leave_button, Qt.MouseButton.LeftButton)
    assert left.args == [case_no, "申请人已离开，改日领取"]
    assert not panel.isVisible()
