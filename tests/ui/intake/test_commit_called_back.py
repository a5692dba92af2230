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

from counter.db import models
from counter.service.intake import KNOWN_PARTY, OPEN_CASES, TAKE_INTAKE
from counter.service.operation import Operation
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_SAVING
from tests.ui.door.test_runner_thread import in_the_loop
from tests.ui.held_service import Held
from tests.ui.held_service import held as held_by
from tests.ui.intake.conftest import MakePanel
from tests.ui.intake.helpers import AGENT_ID, PERSON_ID, answer, commit, fill_person, ready

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
    assert panel.open_cases_asked == PERSON_ID
    with qtbot.waitSignal(panel.open_cases.asked, timeout=10_000):
        service.go.set()
    qtbot.waitUntil(lambda: not panel.open_cases_asked, timeout=10_000)
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
