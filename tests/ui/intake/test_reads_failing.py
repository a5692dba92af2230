"""The intake's reads while the database (or the hall server) cannot answer: the outcome's grounds, the applicant's
open cases, what the office knows of a number.  Each says what it could not do, or keeps quiet where it is only a
help; the form keeps what the clerk typed, and the next change reads again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.intake.outcome import Outcome
from counter.service.intake import DROP_DRAFT, KEEP_DRAFT, KNOWN_PARTY, OPEN_CASES, PREVIEW_GROUNDS
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_DRAFT_SAVE_FAILED, INTAKE_OPEN_CASES_FAILED, INTAKE_PREVIEW_FAILED
from counter.words.access import refused_for
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
    assert panel.flow.looking_up == ""  # a commit asked meanwhile is not left waiting for it
    assert panel.commit_button.isEnabled()


def test_a_number_the_office_cannot_look_up_leaves_the_fields_to_the_clerk(qtbot: QtBot, panel: IntakePanel) -> None:
    away = failing(panel._runner, LOCKED, KNOWN_PARTY)
    fill_person(panel, name="")
    assert away.asked == [KNOWN_PARTY.name]
    assert panel.applicant_form.name.text() == ""  # nothing filled in, nothing said: the clerk types on
    assert not panel.message.isVisibleTo(panel)
    panel.applicant_form.name.setText("张海军")
    assert panel.applicant_form.id_field.edit.text() == PERSON_ID


#: the clerk's roles changed while her intake is open (an administrator took the intake role away): the action
#: refuses every step of it from now on
NO_LONGER = NotPermitted(Permission.TAKE_INTAKE, signed_in=True)


def test_an_account_no_longer_taking_intakes_is_told_once_per_step_not_a_crash(
    qtbot: QtBot, panel: IntakePanel
) -> None:
    """Typing goes on in the form while the reads and the draft the panel asks by itself are refused: the draft's
    line says why, 一证办理 keeps quiet (a help), the open cases' look-up says the refusal."""
    away = failing(panel._runner, NO_LONGER, KEEP_DRAFT, KNOWN_PARTY, OPEN_CASES)
    ready(qtbot, panel)
    assert {KNOWN_PARTY.name, OPEN_CASES.name} <= set(away.asked)
    assert panel.message.text() == refused_for(NO_LONGER)
    assert not panel.drafts.save_now()
    assert panel.status.text() == INTAKE_DRAFT_SAVE_FAILED.format(fault=refused_for(NO_LONGER))
    assert panel.applicant_form.id_field.edit.text() == PERSON_ID  # nothing lost


def test_an_intake_given_up_by_an_account_no_longer_taking_intakes_closes(qtbot: QtBot, panel: IntakePanel) -> None:
    """取消 when the draft may not be dropped any more: the intake closes as asked; the next start offers the draft,
    to whoever may give it up."""
    fill_person(panel)
    away = failing(panel._runner, NO_LONGER, DROP_DRAFT)
    with qtbot.waitSignal(panel.cancelled):
        panel.on_cancel_clicked()  # armed
        panel.on_cancel_clicked()  # given up
    assert away.asked == [DROP_DRAFT.name]
    assert not panel.isVisible()
