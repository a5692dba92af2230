"""The intake's commit, its draft and its look-ups by number are called back: nothing turns the event loop inside
the slot that asked, and what the clerk has today is kept.

The commit's button says the intake is being saved while the service answers, and a second Ctrl+Enter takes nothing
twice; a Ctrl+Enter pressed while her open cases are being looked up waits for them, so that she is never taken again
before they are named; a look-up that answers for a number no longer in its field fills nothing.  Here the service
holds the operations the test names until the test lets them go, as a hall server far away does.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.catalog.stored_guide import StoredGuide
from counter.db import models
from counter.service.intake import KNOWN_PARTY, OPEN_CASES, TAKE_INTAKE
from counter.service.operation import Operation
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_SAVING
from counter.ui.words import RUNNER_BUSY
from tests.ui.door.test_runner_thread import in_the_loop
from tests.ui.held_service import Held
from tests.ui.held_service import held as held_by
from tests.ui.intake.conftest import DESK, TODAY, MakePanel
from tests.ui.intake.helpers import AGENT_ID, PERSON_ID, answer, commit, fill_person, ready
from tests.ui.runners import runner_on

Req = TypeVar("Req")
Res = TypeVar("Res")


def held(panel: IntakePanel, *ops: Operation[Any, Any]) -> Held:
    return held_by(panel._runner, *ops)


def cases(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(models.Case)) or 0


def test_the_commit_returns_at_once_and_a_second_ctrl_enter_takes_nothing(
    qtbot: QtBot, sessions: sessionmaker[Session], make_panel: MakePanel
) -> None:
    panel = make_panel()
    ready(qtbot, panel)
    named = panel.commit_button.text()
    service = held(panel, TAKE_INTAKE)
    order: list[str] = []

    def commit_twice() -> None:
        QTimer.singleShot(0, lambda: order.append("queued meanwhile"))
        panel.on_commit_requested()
        panel.on_commit_requested()  # Ctrl+Enter again: the button says the intake is being saved
        order.append("slot returned")

    in_the_loop(qtbot, commit_twice)
    qtbot.waitUntil(lambda: len(order) == 2, timeout=10_000)
    assert order == ["slot returned", "queued meanwhile"]  # nothing ran inside the slot that asked
    assert (panel.commit_button.text(), panel.commit_button.isEnabled()) == (INTAKE_SAVING, False)
    assert panel.taken is None
    fill_person(panel, phone="13904829999")  # the clerk types on: the button stays the saving one
    assert not panel.commit_button.isEnabled()
    with qtbot.waitSignal(panel.case_taken, timeout=10_000):
        service.go.set()
    assert panel.taken is not None
    assert panel.commit_button.text() == named
    assert service.asked == [TAKE_INTAKE.name]
    assert cases(sessions) == 1


def test_a_ctrl_enter_while_her_open_cases_are_looked_up_waits_for_them(
    qtbot: QtBot, sessions: sessionmaker[Session], make_panel: MakePanel
) -> None:
    first = make_panel()
    ready(qtbot, first)
    commit(qtbot, first)
    first.close_keeping_draft()
    panel = make_panel()
    answer(panel)
    fill_person(panel, id_no=AGENT_ID)  # someone else first: nothing of hers is open
    panel.checklist_view.receive_all_pending()
    assert panel.commit_button.isEnabled()
    service = held(panel, OPEN_CASES)

    def her_number_then_commit() -> None:
        panel.applicant_form.id_field.edit.setText(PERSON_ID)  # her number: her open cases asked
        panel.on_commit_requested()  # Ctrl+Enter at once, before they are named

    in_the_loop(qtbot, her_number_then_commit)
    assert panel.flow.looking_up == PERSON_ID
    with qtbot.waitSignal(panel.open_cases.asked, timeout=10_000):
        service.go.set()
    qtbot.waitUntil(lambda: not panel.flow.looking_up, timeout=10_000)
    qtbot.wait(50)
    assert panel.open_cases.waiting  # named: the commit waits for the clerk's answer
    assert panel.taken is None
    assert cases(sessions) == 1


def test_a_look_up_answered_for_a_number_no_longer_typed_fills_nothing(
    qtbot: QtBot, sessions: sessionmaker[Session], make_panel: MakePanel
) -> None:
    first = make_panel()
    ready(qtbot, first)
    commit(qtbot, first)
    first.close_keeping_draft()
    panel = make_panel()
    service = held(panel, KNOWN_PARTY)
    form = panel.applicant_form

    def her_number_then_another() -> None:
        form.id_field.edit.setText(PERSON_ID)  # she is known: her name, phone and address would be filled
        form.id_field.edit.setText(AGENT_ID)  # the clerk typed another number meanwhile

    in_the_loop(qtbot, her_number_then_another)
    with qtbot.waitSignal(panel.looked_up, timeout=10_000) as answered:
        service.go.set()
    assert answered.args == [PERSON_ID]
    assert (form.name.text(), form.phone.text()) == ("", "")


def test_ctrl_enter_while_another_intake_is_being_taken_says_so_and_keeps_the_form(
    qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide
) -> None:
    """One intake still being taken (one closed that commits by itself once the hall answers again), the next
    applicant's Ctrl+Enter takes nothing yet: the clerk is told to try again in a moment, her form as it was."""
    runner = runner_on(sessions, lambda: TODAY)
    first, second = (IntakePanel(runner, DESK, guide, lambda: TODAY) for _ in range(2))
    for panel in (first, second):
        qtbot.addWidget(panel)
        panel.show()
    ready(qtbot, first)
    ready(qtbot, second)
    fill_person(second, name="乌云其木格", id_no=AGENT_ID)
    qtbot.waitUntil(lambda: not runner.running, timeout=10_000)  # the look-ups by number answered
    named = second.commit_button.text()
    service = held_by(runner, TAKE_INTAKE)
    in_the_loop(qtbot, first.on_commit_requested)
    in_the_loop(qtbot, second.on_commit_requested)  # the first still being taken
    assert second.taken is None
    assert second.message.isVisible()
    assert second.message.text() == RUNNER_BUSY
    assert (second.commit_button.text(), second.commit_button.isEnabled()) == (named, True)
    assert second.applicant_form.name.text() == "乌云其木格"
    with qtbot.waitSignal(first.case_taken, timeout=10_000):
        service.go.set()
    with qtbot.waitSignal(second.case_taken, timeout=10_000):
        second.on_commit_requested()  # a moment later: taken
    assert service.asked == [TAKE_INTAKE.name, TAKE_INTAKE.name]
    assert cases(sessions) == 2
