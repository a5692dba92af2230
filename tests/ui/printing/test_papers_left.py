"""A committed case is never closed with its papers unprinted without the clerk being asked, and saying why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.case.not_found import CaseNotFound
from counter.intake.outcome import Outcome
from counter.service.documents import WAIVE_PAPERS
from counter.ui.intake import IntakePanel
from counter.ui.printing.preview_window import PreviewWindow
from counter.words.access import refused_for
from counter.words.cases import CASE_NOT_FOUND
from counter.words.unprinted_papers import WAIVER_NOT_KEPT
from tests.ui.failing import LOCKED, failing
from tests.ui.printing.test_intake_print import panel, take

__all__ = ["panel"]  # the fixture, as the intake's print tests make it

#: an account whose roles changed since it signed in: the action refuses it the papers' step
NOT_PRINTING = NotPermitted(Permission.PRINT, signed_in=True)


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
    question.reason.setText("   ")
    assert not question.leave_button.isEnabled()  # blanks are no reason
    question.reason.clear()
    type_chinese(question.reason, "申请人已离开，改日领取")
    assert question.leave_button.isEnabled()
    with qtbot.waitSignal(panel.papers_left) as left, qtbot.waitSignal(panel.closed):
        QTest.mouseClick(question.leave_button, Qt.MouseButton.LeftButton)
    assert left.args == [case_no, "申请人已离开，改日领取"]
    assert not panel.isVisible()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("raised", "said"),
    [
        (LOCKED, WAIVER_NOT_KEPT),
        (CaseNotFound("XAM01-X"), CASE_NOT_FOUND.format(case_no="XAM01-X")),
        (NOT_PRINTING, refused_for(NOT_PRINTING)),
    ],
    ids=["database", "gone", "role"],
)
def test_a_reason_the_database_cannot_keep_leaves_the_intake_open_saying_so(
    qtbot: QtBot, panel: IntakePanel, raised: Exception, said: str
) -> None:
    """The unprinted papers' reason not kept in the case's history (the database, the case gone, an account whose
    roles changed since it signed in and may print no more): the intake stays, says why, and asks again."""
    case_no = take(qtbot, panel, Outcome.DEFER)
    away = failing(panel._runner, raised, WAIVE_PAPERS)
    question = panel.ask_about_papers()
    type_chinese(question.reason, "申请人已离开，改日领取")
    left: list[object] = []
    panel.papers_left.connect(lambda *args: left.append(args))
    QTest.mouseClick(question.leave_button, Qt.MouseButton.LeftButton)
    assert away.asked == [WAIVE_PAPERS.name]
    assert panel.isVisible()
    assert panel.message.text() == said
    assert left == []
    away.mend()
    again = panel.ask_about_papers()
    assert again.reason.text() == "申请人已离开，改日领取"  # what was typed is still there
    with qtbot.waitSignal(panel.papers_left) as kept, qtbot.waitSignal(panel.closed):
        QTest.mouseClick(again.leave_button, Qt.MouseButton.LeftButton)
    assert kept.args == [case_no, "申请人已离开，改日领取"]


@pytest.mark.slow
def test_the_print_button_of_the_question_goes_back_to_the_papers(qtbot: QtBot, panel: IntakePanel) -> None:
    take(qtbot, panel, Outcome.DEFER)
    question = panel.ask_about_papers()
    with qtbot.waitSignal(question.print_chosen):
        QTest.mouseClick(question.print_button, Qt.MouseButton.LeftButton)
    assert not question.isVisible()
    qtbot.waitUntil(lambda: bool(previews()))  # the papers, to print
    assert panel.isVisible()
    for preview in previews():
        preview.close()
