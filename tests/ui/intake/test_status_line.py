"""The line under the intake's form: the draft's routine note never covers what went wrong elsewhere."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from counter.service.intake import KEEP_DRAFT
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_CAMERA_FAULT, INTAKE_DRAFT_SAVE_FAILED, INTAKE_DRAFT_SAVED
from counter.words.database import fault_text
from tests.ui.failing import LOCKED, failing
from tests.ui.intake.helpers import PERSON_ID, fill_person


def test_the_drafts_note_leaves_a_camera_fault_shown_but_replaces_its_own(qtbot: QtBot, panel: IntakePanel) -> None:
    """The camera's 高拍仪正被其他程序使用 went within 400 ms: the draft saved after the clerk's key hid it."""
    fault = INTAKE_CAMERA_FAULT["busy"]
    panel.show_status(fault, error=True)
    panel.on_draft_saved("10:00:00")
    assert panel.status.text() == fault
    panel.show_status("已拍照")  # the clerk's next act says what it says
    panel.on_draft_failed("磁盘已满")
    assert panel.status.text() == INTAKE_DRAFT_SAVE_FAILED.format(fault="磁盘已满")
    panel.on_draft_saved("10:00:05")  # the draft's own failure, put right by the draft
    assert panel.status.text() == INTAKE_DRAFT_SAVED.format(time="10:00:05")


def test_a_draft_the_database_cannot_keep_is_said_under_the_form_and_the_form_stays(
    qtbot: QtBot, panel: IntakePanel
) -> None:
    fill_person(panel)
    away = failing(panel._runner, LOCKED, KEEP_DRAFT)
    assert not panel.drafts.save_now()
    assert away.asked == [KEEP_DRAFT.name]
    assert panel.status.text() == INTAKE_DRAFT_SAVE_FAILED.format(fault=fault_text("locked"))
    assert panel.status_error
    assert panel.applicant_form.id_field.edit.text() == PERSON_ID  # still in the window, as the line says
    away.mend()
    assert panel.drafts.save_now()
    assert panel.status.text().startswith(INTAKE_DRAFT_SAVED.format(time="")[:4])
