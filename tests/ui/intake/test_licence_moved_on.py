"""A 证照库 answer that comes after the clerk went on: the list opens only where she still is, on the row that asked.

The look-up runs off the window's thread and may take the library's whole timeout; meanwhile the clerk settles the
next rows, or types a note or a name.  An answer that opened its list wherever she was took her next key: a digit
meant for another row was lost in the list, an Enter took a licence for a material she was not on.  The answer now
waits on its row, said there and under the form, and 7 on that row opens the list from it at once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.intake.checklist import Receipt
from counter.service.intake import LOOK_UP_LICENCES
from counter.ui.door.runner import Runner
from counter.ui.intake import IntakePanel
from counter.ui.intake.licence_lookup import LicenceChooser
from counter.ui.intake.words import (
    INTAKE_LICENCE_FAILED,
    INTAKE_LICENCE_FOUND,
    INTAKE_LICENCE_FOUND_ROW,
    INTAKE_LICENCE_NONE,
)
from counter.words.intake import LICENCE_LOOKUP_FAILED
from tests.codes import make_credit_code, make_org_code
from tests.licence_library import BUSINESS_LICENCE, CREDIT_CODE, Library
from tests.ui.called_back import HELD_AT_MOST_S
from tests.ui.intake.conftest import TODAY
from tests.ui.intake.test_licence_keys import LICENCE, focused, power_panel
from tests.ui.intake.test_licence_keys import library as library  # noqa: PLC0414 - the fixture, used by its name
from tests.ui.keyboard_wait import wait_for_keyboard
from tests.ui.runners import runner_on

NAME = "营业执照"  # M02's name, the type its look-up asks for
DEED, DEED_NAME = "M04", "用电地址物业权属证明"  # another material the library may hold


class HeldLookUps:
    """The runner's service with the 证照库 look-up of each material named held on its thread until :meth:`release`:
    the answer comes when the test says, after the clerk has gone on.  One material's answer goes before another's
    (:mod:`tests.ui.held_service` lets every call of an operation go at once)."""

    def __init__(self, runner: Runner, *names: str) -> None:
        self._service = runner.service
        self._held = {name: threading.Event() for name in names}
        runner.service = self  # the same calls, the look-ups named held

    def call(self, op: Any, request: Any, desk: Any = None, **kw: Any) -> Any:
        if op.name == LOOK_UP_LICENCES.name:
            for name in request.types:
                if name in self._held:
                    self._held[name].wait(HELD_AT_MOST_S)
        return self._service.call(op, request, desk, **kw)

    def release(self, name: str) -> None:
        self._held[name].set()

    def release_all(self) -> None:
        for held in self._held.values():
            held.set()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._service, name)


@pytest.fixture
def held(qtbot: QtBot, sessions: sessionmaker[Session]) -> Iterator[tuple[IntakePanel, HeldLookUps]]:
    """The 用电报装 intake in front, the keyboard on the 营业执照's row, the look-ups of it and the deed held."""
    runner = runner_on(sessions)
    holding = HeldLookUps(runner, NAME, DEED_NAME)
    panel = power_panel(qtbot, sessions, lambda: TODAY, runner)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    row = panel.checklist_view.row(LICENCE)
    row.setFocus(Qt.FocusReason.OtherFocusReason)
    wait_for_keyboard(qtbot, row)
    yield panel, holding
    holding.release_all()  # no thread left waiting when the panel goes


def answered(qtbot: QtBot, panel: IntakePanel, holding: HeldLookUps, name: str = NAME) -> None:
    """The library's answer for ``name`` handed to the window now."""
    with qtbot.waitSignal(panel.licences.asker.answered, timeout=5_000):
        holding.release(name)


def lists_open() -> list[LicenceChooser]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, LicenceChooser) and w.isVisible()]


def found_on(panel: IntakePanel, code: str) -> str:
    """What the row says the library found for it, waiting for 7 ("" when it says nothing)."""
    label = panel.checklist_view.row(code).found_label
    return label.text() if label is not None and label.isVisibleTo(panel) else ""


@pytest.mark.slow
def test_an_answer_after_the_clerk_went_on_to_the_next_rows_leaves_her_keys_there(
    qtbot: QtBot, held: tuple[IntakePanel, HeldLookUps], library: Library
) -> None:
    """7 on the 营业执照, then 1 on the next material before the library answers: the answer opens no list, and the
    3 she types next records the row she is on.  The list came up over the rows and took the 3."""
    power, holding = held
    QTest.keyClick(focused(), Qt.Key.Key_7)
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    QTest.keyClick(focused(), Qt.Key.Key_1)  # M03 received: on to M04
    assert focused() is power.checklist_view.row("M04")
    answered(qtbot, power, holding)
    assert lists_open() == []
    assert focused() is power.checklist_view.row("M04")
    QTest.keyClick(focused(), Qt.Key.Key_3)
    entry = power.checklist.entry("M04")
    assert entry is not None
    assert entry.receipt is Receipt.MISSING
    assert found_on(power, LICENCE) == INTAKE_LICENCE_FOUND_ROW.format(count=2)
    assert power.status.text() == INTAKE_LICENCE_FOUND.format(name=NAME, count=2)


@pytest.mark.slow
def test_an_answer_while_the_clerk_types_a_note_takes_no_licence_by_her_enter(
    qtbot: QtBot, held: tuple[IntakePanel, HeldLookUps], library: Library
) -> None:
    """7 on the 营业执照, then 2 on the next material and its note typed: the answer leaves the keyboard in the note,
    and the Enter that ends the note goes on to the next material, as it does.  The list took the Enter, and with it
    a licence for the 营业执照 the clerk was not on."""
    power, holding = held
    QTest.keyClick(focused(), Qt.Key.Key_7)
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    QTest.keyClick(focused(), Qt.Key.Key_2)
    note = power.checklist_view.row("M03").note
    assert focused() is note
    QTest.keyClicks(note, "copy")
    answered(qtbot, power, holding)
    assert lists_open() == []
    QTest.keyClicks(focused(), " faded")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert note.text() == "copy faded"
    assert focused() is power.checklist_view.row("M04")
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert entry.licence is None


@pytest.mark.slow
def test_an_answer_while_the_clerk_types_the_applicants_name_leaves_the_name_whole(
    qtbot: QtBot, held: tuple[IntakePanel, HeldLookUps], library: Library
) -> None:
    power, holding = held
    QTest.keyClick(focused(), Qt.Key.Key_7)
    name = power.applicant_form.legal_rep
    name.setFocus(Qt.FocusReason.MouseFocusReason)  # the clerk clicks into the field
    wait_for_keyboard(qtbot, name)
    name.clear()
    QTest.keyClicks(name, "Ba")
    answered(qtbot, power, holding)
    assert lists_open() == []
    QTest.keyClicks(focused(), "ter")
    assert name.text() == "Bater"


@pytest.mark.slow
def test_7_on_the_row_opens_the_answer_kept_without_asking_again(
    qtbot: QtBot, held: tuple[IntakePanel, HeldLookUps], library: Library
) -> None:
    """Back on the 营业执照, 7 opens the list the answer kept at once, no second question to the library; taken, the
    row's word goes, and 7 after that asks the library again."""
    power, holding = held
    row = power.checklist_view.row(LICENCE)
    QTest.keyClick(focused(), Qt.Key.Key_7)
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    answered(qtbot, power, holding)
    assert lists_open() == []
    QTest.keyClick(focused(), Qt.Key.Key_Up)
    assert focused() is row
    QTest.keyClick(focused(), Qt.Key.Key_7)
    assert len(library.requests) == 1
    chooser = power.licences.chooser
    assert chooser is not None
    assert lists_open() == [chooser]
    wait_for_keyboard(qtbot, chooser.list)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert entry.licence is not None
    assert entry.licence.number == BUSINESS_LICENCE["number"]
    assert found_on(power, LICENCE) == ""
    wait_for_keyboard(qtbot, row)
    with qtbot.waitSignal(power.licences.asker.answered, timeout=5_000):
        QTest.keyClick(focused(), Qt.Key.Key_7)  # asked again: the answer used is not kept (the look-up not held now)
    assert len(library.requests) == 2


@pytest.mark.slow
def test_esc_gives_the_answer_kept_up_and_7_asks_again(
    qtbot: QtBot, held: tuple[IntakePanel, HeldLookUps], library: Library
) -> None:
    power, holding = held
    row = power.checklist_view.row(LICENCE)
    QTest.keyClick(focused(), Qt.Key.Key_7)
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    answered(qtbot, power, holding)
    QTest.keyClick(focused(), Qt.Key.Key_Up)
    QTest.keyClick(focused(), Qt.Key.Key_7)
    chooser = power.licences.chooser
    assert chooser is not None
    wait_for_keyboard(qtbot, chooser.list)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    wait_for_keyboard(qtbot, row)
    assert found_on(power, LICENCE) == ""
    assert len(library.requests) == 1
    with qtbot.waitSignal(power.licences.asker.answered, timeout=5_000):
        QTest.keyClick(focused(), Qt.Key.Key_7)
    assert len(library.requests) == 2


@pytest.mark.slow
@pytest.mark.parametrize("held_none", [False, True], ids=["failed", "none-held"])
def test_a_failed_or_empty_answer_after_the_clerk_went_on_is_recorded_and_takes_no_key(
    qtbot: QtBot, held: tuple[IntakePanel, HeldLookUps], library: Library, held_none: bool
) -> None:
    """The library down, or holding none of the applicant's: recorded on its line and said under the form as when
    she waits for it, the keyboard left in the note she is typing."""
    power, holding = held
    if held_none:
        library.held = []
    else:
        library.script.append(503)
    QTest.keyClick(focused(), Qt.Key.Key_7)
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    QTest.keyClick(focused(), Qt.Key.Key_2)
    note = power.checklist_view.row("M03").note
    QTest.keyClicks(note, "torn")
    answered(qtbot, power, holding)
    assert lists_open() == []
    assert focused() is note
    QTest.keyClicks(focused(), " page")
    assert note.text() == "torn page"
    row = power.checklist_view.row(LICENCE)
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    if held_none:
        assert power.status.text() == INTAKE_LICENCE_NONE.format(name=NAME)
        assert entry.lookup_failed == ""
    else:
        assert power.status.text() == INTAKE_LICENCE_FAILED.format(name=NAME)
        assert entry.lookup_failed == "HTTP 503"
        assert row.licence_label.text() == LICENCE_LOOKUP_FAILED
    assert found_on(power, LICENCE) == ""


@pytest.mark.slow
def test_an_answer_while_another_materials_list_is_open_waits_on_its_row(
    qtbot: QtBot, held: tuple[IntakePanel, HeldLookUps], library: Library
) -> None:
    """7 on the deed, then 7 on the 营业执照, whose list opens: the deed's answer coming then opens no second list
    over it; it waits on the deed's row, and 7 there opens it in the same list once the first is done."""
    power, holding = held
    deed = dict(BUSINESS_LICENCE, type=DEED_NAME, number="蒙(2021)乌兰浩特市不动产权第0001234号")
    library.held = [BUSINESS_LICENCE, deed]
    row = power.checklist_view.row(LICENCE)
    deed_row = power.checklist_view.row(DEED)
    deed_row.setFocus(Qt.FocusReason.OtherFocusReason)
    wait_for_keyboard(qtbot, deed_row)
    QTest.keyClick(focused(), Qt.Key.Key_7)  # the deed asked, held
    QTest.keyClick(focused(), Qt.Key.Key_Up)
    QTest.keyClick(focused(), Qt.Key.Key_Up)
    assert focused() is row
    QTest.keyClick(focused(), Qt.Key.Key_7)
    answered(qtbot, power, holding, NAME)
    chooser = power.licences.chooser
    assert chooser is not None
    assert lists_open() == [chooser]
    wait_for_keyboard(qtbot, chooser.list)
    answered(qtbot, power, holding, DEED_NAME)
    assert lists_open() == [chooser]
    assert chooser.material.code == LICENCE
    assert found_on(power, DEED) == INTAKE_LICENCE_FOUND_ROW.format(count=1)
    QTest.keyClick(focused(), Qt.Key.Key_Return)  # the 营业执照 taken, in its own list
    wait_for_keyboard(qtbot, row)
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    QTest.keyClick(focused(), Qt.Key.Key_7)
    assert lists_open() == [chooser]
    assert chooser.material.code == DEED
    wait_for_keyboard(qtbot, chooser.list)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    taken = power.checklist.entry(DEED)
    assert taken is not None
    assert taken.licence is not None
    assert taken.licence.number == deed["number"]
    assert len(library.requests) == 2


@pytest.mark.slow
def test_an_answer_kept_about_another_number_goes_when_the_number_is_changed(
    qtbot: QtBot, held: tuple[IntakePanel, HeldLookUps], library: Library
) -> None:
    """The applicant's number corrected after the answer came: what the library found was another holder's, so its
    word goes from the row and 7 asks again, of the number as it stands."""
    power, holding = held
    QTest.keyClick(focused(), Qt.Key.Key_7)
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    answered(qtbot, power, holding)
    assert found_on(power, LICENCE) != ""
    other = make_credit_code("91152201" + make_org_code("MA0N2XQ6"))
    power.applicant_form.id_field.edit.setText(other)
    assert found_on(power, LICENCE) == ""
    assert power.status.text() != INTAKE_LICENCE_FOUND.format(name=NAME, count=2)
    row = power.checklist_view.row(LICENCE)
    row.setFocus()
    wait_for_keyboard(qtbot, row)
    with qtbot.waitSignal(power.licences.asker.answered, timeout=5_000):
        QTest.keyClick(focused(), Qt.Key.Key_7)
    assert [asked["holder_id"] for asked in library.requests] == [CREDIT_CODE, other]


@pytest.mark.slow
def test_the_paper_taken_on_the_row_ends_the_answer_kept(
    qtbot: QtBot, held: tuple[IntakePanel, HeldLookUps], library: Library
) -> None:
    """Back on the 营业执照, 1 takes the paper: the library's answer is no longer waiting, its word goes from the row
    and from under the form, and 7 there asks again."""
    power, holding = held
    row = power.checklist_view.row(LICENCE)
    QTest.keyClick(focused(), Qt.Key.Key_7)
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    answered(qtbot, power, holding)
    QTest.keyClick(focused(), Qt.Key.Key_Up)
    QTest.keyClick(focused(), Qt.Key.Key_1)
    assert found_on(power, LICENCE) == ""
    assert power.status.text() == ""
    row.setFocus()
    wait_for_keyboard(qtbot, row)
    with qtbot.waitSignal(power.licences.asker.answered, timeout=5_000):
        QTest.keyClick(focused(), Qt.Key.Key_7)
    assert len(library.requests) == 2
