"""当场办结并送达 on the intake panel: offered by keyboard for a wholly 即办 bundle once accepted, never otherwise."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.case.not_found import CaseNotFound
from counter.case.same_day import SameDayProblem
from counter.case.same_day_refused import SameDayNotPossible
from counter.case.status import CaseEvent, CaseStatus, MoveNotAllowed
from counter.db.case_store import case_view
from counter.service.cases import FINISH_SAME_DAY, SAME_DAY_CHECK
from counter.ui.door.runner import Runner
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_SAME_DAY_FAILED, INTAKE_SAME_DAY_UNCHECKED
from counter.words.access import refused_for
from counter.words.cases import CASE_NOT_FOUND, case_status_text
from counter.words.database import fault_text
from counter.words.same_day import SAME_DAY_DONE, SAME_DAY_PROBLEM, SAME_DAY_REFUSED
from tests.same_day_catalog import add_immediate_guide
from tests.ui.failing import LOCKED, failing
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import commit, fill_person, ready
from tests.ui.runners import runner_on


@pytest.mark.slow
def test_a_same_day_case_is_done_at_the_window_by_keyboard(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        guide = add_immediate_guide(s)
    panel = IntakePanel(runner_on(sessions), DESK, guide, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    fill_person(panel)
    for situation in guide.bundle.situations:
        panel.situations.option_button(situation.code, situation.options[0].code).click()
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    case_no = commit(qtbot, panel)
    offer = panel.same_day
    assert offer.button.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is offer.button)  # the next step has the keyboard
    panel.print_button.setFocus()
    QTest.keyClick(panel.print_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is offer.button  # and Tab reaches it from the print button
    with qtbot.waitSignal(offer.done, timeout=10_000):
        QTest.keyClick(panel, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert not offer.button.isVisible()
    assert "已当场办结" in offer.line.text()
    assert QApplication.focusWidget() is panel.print_button  # the papers are next, not 关闭
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert view.status is CaseStatus.DELIVERED
    granted = ["item_approved"] * len(view.decisions())  # 办结 grants each item of the bundle
    assert [h.event for h in view.history] == ["taken", *granted, "completed", "delivered"]
    assert view.decisions()
    assert all(d.approved for d in view.decisions().values())


def test_a_bundle_with_promised_items_is_not_offered_the_step(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    commit(qtbot, panel)
    assert panel.print_button.isVisible()
    assert not panel.same_day.isVisible()
    assert not panel.same_day.shortcut.isEnabled()


def test_a_same_day_bundle_the_site_does_not_hold_says_why_it_is_not_offered(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    """A township clerk pressed Ctrl+J on a published 即办 bundle and got nothing, and no reason: the site did not
    hold the items, so the window may not grant them."""
    with sessions.begin() as s:
        guide = add_immediate_guide(s, held_at="")
    panel = IntakePanel(runner_on(sessions), DESK, guide, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    fill_person(panel)
    for situation in guide.bundle.situations:
        panel.situations.option_button(situation.code, situation.options[0].code).click()
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    case_no = commit(qtbot, panel)
    offer = panel.same_day
    assert offer.isVisible()
    assert not offer.button.isVisible()
    reasons = SAME_DAY_PROBLEM[SameDayProblem.NOT_WINDOW_DECIDED]
    assert offer.line.text() == SAME_DAY_REFUSED.format(case_no=case_no, reasons=reasons)
    QTest.keyClick(panel, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # nothing is done, the reason stays
    assert offer.line.text() == SAME_DAY_REFUSED.format(case_no=case_no, reasons=reasons)
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert view.status is CaseStatus.ACCEPTED


def same_day_taken(qtbot: QtBot, sessions: sessionmaker[Session]) -> tuple[IntakePanel, Runner, str]:
    """A wholly 即办 bundle's case just taken, 当场办结 offered."""
    with sessions.begin() as s:
        guide = add_immediate_guide(s)
    runner = runner_on(sessions)
    panel = IntakePanel(runner, DESK, guide, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    fill_person(panel)
    for situation in guide.bundle.situations:
        panel.situations.option_button(situation.code, situation.options[0].code).click()
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    case_no = commit(qtbot, panel)
    assert panel.same_day.button.isVisible()
    return panel, runner, case_no


@pytest.mark.slow
def test_a_same_day_step_the_database_cannot_keep_is_said_and_offered_again(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    panel, runner, case_no = same_day_taken(qtbot, sessions)
    offer = panel.same_day
    away = failing(runner, LOCKED, FINISH_SAME_DAY)
    offer.on_requested()
    assert away.asked == [FINISH_SAME_DAY.name]
    assert offer.line.text() == INTAKE_SAME_DAY_FAILED.format(fault=fault_text("locked"))
    assert offer.button.isVisible()  # nothing kept: Ctrl+J again
    assert not offer.asking
    away.mend()
    offer.on_requested()
    assert offer.line.text() == SAME_DAY_DONE.format(case_no=case_no)
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert view.status is CaseStatus.DELIVERED


REFUSALS: dict[str, tuple[Callable[[str], Exception], Callable[[str], str]]] = {
    "role": (
        lambda _no: NotPermitted(Permission.ITEM_STEPS, signed_in=True),
        lambda _no: refused_for(NotPermitted(Permission.ITEM_STEPS, signed_in=True)),
    ),
    "gone": (CaseNotFound, lambda no: CASE_NOT_FOUND.format(case_no=no)),
    "not possible": (
        lambda no: SameDayNotPossible(no, (SameDayProblem.NOT_WINDOW_DECIDED,)),
        lambda no: SAME_DAY_REFUSED.format(case_no=no, reasons=SAME_DAY_PROBLEM[SameDayProblem.NOT_WINDOW_DECIDED]),
    ),
    "moved": (
        lambda _no: MoveNotAllowed(CaseEvent.COMPLETED, CaseStatus.DELIVERED),
        lambda no: SAME_DAY_REFUSED.format(case_no=no, reasons=case_status_text(CaseStatus.DELIVERED)),
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("refusal", REFUSALS)
def test_a_same_day_step_refused_says_why_and_is_no_longer_offered(
    qtbot: QtBot, sessions: sessionmaker[Session], refusal: str
) -> None:
    panel, runner, case_no = same_day_taken(qtbot, sessions)
    offer = panel.same_day
    raised, said = REFUSALS[refusal]
    failing(runner, raised(case_no), FINISH_SAME_DAY)
    offer.on_requested()
    assert offer.line.text() == said(case_no)
    assert not offer.button.isVisible()
    assert not offer.shortcut.isEnabled()
    assert panel.isVisible()  # the panel goes on: its papers are still to print


@pytest.mark.slow
def test_a_same_day_case_whose_check_the_database_cannot_answer_says_where_to_finish_it(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    """The case is taken, but whether it may be finished at once cannot be read: said under the case number, with
    where to finish it, rather than no offer and no word."""
    with sessions.begin() as s:
        guide = add_immediate_guide(s)
    runner = runner_on(sessions)
    panel = IntakePanel(runner, DESK, guide, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    fill_person(panel)
    for situation in guide.bundle.situations:
        panel.situations.option_button(situation.code, situation.options[0].code).click()
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    away = failing(runner, LOCKED, SAME_DAY_CHECK)
    case_no = commit(qtbot, panel)
    assert away.asked == [SAME_DAY_CHECK.name]
    offer = panel.same_day
    assert offer.isVisible()
    assert not offer.button.isVisible()
    assert not offer.shortcut.isEnabled()
    assert offer.line.text() == INTAKE_SAME_DAY_UNCHECKED.format(fault=fault_text("locked"))
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert view.status is CaseStatus.ACCEPTED  # taken, and nothing more
