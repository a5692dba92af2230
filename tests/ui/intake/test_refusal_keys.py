"""The 不予受理 confirmation takes keys only once it is on screen: those typed before wait for it, in order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.case.status import CaseStatus
from counter.db.case_store import case_view
from counter.intake.outcome import RefusalGround
from counter.ui.intake import IntakePanel
from tests.ui.intake.helpers import fill_person, refuse
from tests.ui.intake.test_refusal import LONG_OFFICE, active, cases_stored


@pytest.mark.slow
def test_keys_typed_before_the_confirmation_shows_wait_for_it(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, LONG_OFFICE)
    active(qtbot, panel)
    QTest.keyClick(panel.applicant_form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.confirmation
    assert dialog is not None
    handle = dialog.windowHandle()
    assert handle is not None
    assert not handle.isExposed()  # shown, not yet drawn: the window system has not answered
    assert dialog.height() > 30  # laid out before it maps, not mapped at its bare minimum and then grown
    seen_when_answered: list[bool] = []
    dialog.confirm_button.pressed.connect(lambda: seen_when_answered.append(handle.isExposed()))
    keyboard = dialog.focusWidget()
    assert keyboard is dialog.back_button
    QTest.keyClick(keyboard, Qt.Key.Key_Tab)  # to 确认出具, typed on before the dialog could be read
    QTest.keyClick(keyboard, Qt.Key.Key_Return)
    assert dialog.isVisible()  # nothing answered it blind
    assert not panel.committed
    assert cases_stored(sessions) == 0
    with qtbot.waitSignal(panel.case_taken, timeout=10_000) as taken:
        pass  # once on screen the two keys reach it in order: Tab to 确认出具, Enter issues the notice
    assert seen_when_answered == [True]
    with sessions() as session:
        view = case_view(session, taken.args[0])
    assert view is not None
    assert view.status is CaseStatus.WITHDRAWN  # the applicant, told the finding, did not insist


def test_a_held_esc_goes_back_and_the_keys_after_it_are_not_the_dialogs(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    fill_person(panel)
    refuse(panel, RefusalGround.NOT_IN_REMIT, LONG_OFFICE)
    active(qtbot, panel)
    QTest.keyClick(panel.applicant_form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.confirmation
    assert dialog is not None
    keyboard = dialog.back_button
    QTest.keyClick(keyboard, Qt.Key.Key_Escape)
    QTest.keyClick(keyboard, Qt.Key.Key_Tab)
    QTest.keyClick(keyboard, Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.rejected):
        pass
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not panel.committed
    assert cases_stored(sessions) == 0
