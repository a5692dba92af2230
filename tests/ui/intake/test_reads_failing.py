"""The intake's reads while the database (or the hall server) cannot answer: the outcome's grounds, the applicant's
open cases, what the office knows of a number.  Each says what it could not do, or keeps quiet where it is only a
help; the form keeps what the clerk typed, and the next change reads again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from counter.intake.outcome import Outcome
from counter.service.intake import KNOWN_PARTY, OPEN_CASES, PREVIEW_GROUNDS
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_OPEN_CASES_FAILED, INTAKE_PREVIEW_FAILED
from counter.words.database import fault_text
from tests.ui.failing import LOCKED, failing
from tests.ui.intake.helpers import PERSON_ID, answer, fill_person, ready

LOCKED_SAID = fault_text("locked")


def test_an_outcome_the_database_cannot_ground_is_said_and_the_form_kept(qtbot: QtBot, panel: IntakePanel) -> None:
    away = failing(panel._runner, LOCKED, PREVIEW_GROUNDS)
    panel.preview.reread()  # the grounds read anew at the next change
    ready(qtbot, panel)
    assert PREVIEW_GROUNDS.name in away.asked
    assert panel.decision is None  # no outcome shown that was not decided
    assert panel.outcome_box.error.isVisibleTo(panel)
    assert panel.outcome_box.error.text() == INTAKE_PREVIEW_FAILED.format(fault=LOCKED_SAID)
    assert not panel.preview.in_flight  # the next change asks again
    assert panel.applicant_form.id_field.edit.text() == PERSON_ID
    away.mend()
    answer(panel, {"signboard": "yes"})  # a sign: one more material asked for, not yet handed in
    assert panel.decision is not None
    assert panel.decision.outcome is Outcome.INCOMPLETE
    assert not panel.outcome_box.error.isVisibleTo(panel)


def test_open_cases_the_database_cannot_look_up_are_said_and_the_intake_goes_on(
    qtbot: QtBot, panel: IntakePanel
) -> None:
    away = failing(panel._runner, LOCKED, OPEN_CASES)
    ready(qtbot, panel)
    assert away.asked == [OPEN_CASES.name]
    assert panel.message.text() == INTAKE_OPEN_CASES_FAILED.format(fault=LOCKED_SAID)
    assert panel.open_cases_asked == ""  # a commit asked meanwhile is not left waiting for it
    assert panel.commit_button.isEnabled()


def test_a_number_the_office_cannot_look_up_leaves_the_fields_to_the_clerk(qtbot: QtBot, panel: IntakePanel) -> None:
    away = failing(panel._runner, LOCKED, KNOWN_PARTY)
    fill_person(panel, name="")
    assert away.asked == [KNOWN_PARTY.name]
    assert panel.applicant_form.name.text() == ""  # nothing filled in, nothing said: the clerk types on
    assert not panel.message.isVisibleTo(panel)
    panel.applicant_form.name.setText("张海军")
    assert panel.applicant_form.id_field.edit.text() == PERSON_ID
