"""A clerk at the mouse settles a material row as the keys do: its state buttons, 容缺, the licence look-up, the
counts of originals and copies; each recorded in the form the commit takes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from counter.intake.checklist import MaterialEntry, Receipt, ReceivedMedium
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_LICENCE_NO_ID
from tests.ui.intake.helpers import answer, receipts
from tests.ui.intake.test_licence_keys import LICENCE, power

__all__ = ["power"]  # the fixture, as the licence tests make it


def click(button: object) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[call-overload]


def test_the_state_buttons_and_the_counts_record_the_material(qtbot: QtBot, panel: IntakePanel) -> None:
    answer(panel)
    row = panel.checklist_view.row("M04")
    click(row.receipt_buttons[Receipt.RECEIVED])
    assert panel.form().checklist.entry("M04") == MaterialEntry(
        "M04", Receipt.RECEIVED, originals=1, copies=1, medium=ReceivedMedium.PAPER
    )
    assert row.hasFocus()  # the row's keys go on from here
    row.details.originals.setValue(2)  # as the spin box's arrows or typing do
    row.details.copies.setValue(3)
    entry = panel.form().checklist.entry("M04")
    assert entry is not None
    assert (entry.originals, entry.copies) == (2, 3)
    click(row.receipt_buttons[Receipt.MISSING])
    assert receipts(panel)["M04"] is Receipt.MISSING
    assert panel.form().checklist.entry("M04") == MaterialEntry("M04", Receipt.MISSING)  # no counts kept for it


def test_the_deferral_button_marks_the_material_and_asks_for_the_conditions(qtbot: QtBot, panel: IntakePanel) -> None:
    answer(panel)
    row = panel.checklist_view.row("M08")
    assert row.defer_button is not None
    click(row.defer_button)
    assert receipts(panel)["M08"] is Receipt.MISSING
    assert row.defer_button.isChecked()
    assert panel.deferral.asked.isChecked()  # the applicant's request, ticked with it
    assert not row.receipt_buttons[Receipt.MISSING].isChecked()


def test_the_licence_button_asks_the_library_as_key_7_does(qtbot: QtBot, power: IntakePanel) -> None:
    row = power.checklist_view.row(LICENCE)
    assert row.licence_button is not None
    with qtbot.waitSignal(row.licence_asked):
        click(row.licence_button)
    assert row.hasFocus()


def test_the_licence_button_before_the_number_says_the_number_comes_first(qtbot: QtBot, power: IntakePanel) -> None:
    power.applicant_form.id_field.edit.clear()
    row = power.checklist_view.row(LICENCE)
    assert row.licence_button is not None
    click(row.licence_button)
    assert power.status.text() == INTAKE_LICENCE_NO_ID
    assert power.status_error
    assert power.licences.chooser is None  # nobody's licences asked for
