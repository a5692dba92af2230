"""The entry of a department's step the window records for it (代为录入), as plain data: what it lacks, how the
note keeps it and reads it back, and the refusal naming what is missing."""

from __future__ import annotations

import datetime as dt

import pytest

from counter.case.decisions import (
    DecisionProblem,
    DecisionRefused,
    Validity,
    check_entry,
    item_decisions,
    item_note,
    read_entered,
    read_item_note,
    split_validity,
)
from counter.case.entered_for import Entered, EntryField, entry_missing, split_entered
from counter.case.item_lines import read_step, step_note
from counter.case.item_path import ItemEvent, ItemStep
from counter.case.refusal_basis import RefusalBasis
from counter.case.status import CaseEvent
from counter.intake.outcome import RefusalGround

ENTERED = Entered("兴市监准字〔2026〕15号", "李四")
FOOD = "152201-YJS008-02"


class Line:
    def __init__(self, event: str, note: str, clerk: str = "市监局（由乌兰代为录入）") -> None:
        self.event, self.note, self.clerk = event, note, clerk
        self.at = dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("entered", "missing"),
    [
        (None, (EntryField.DEPARTMENT_NO, EntryField.OFFICER)),
        (Entered(), (EntryField.DEPARTMENT_NO, EntryField.OFFICER)),
        (Entered(" ", "李四"), (EntryField.DEPARTMENT_NO,)),
        (Entered("兴市监准字〔2026〕15号", ""), (EntryField.OFFICER,)),
        (ENTERED, ()),
    ],
)
def test_an_entry_lacks_each_blank_value_in_the_forms_order(
    entered: Entered | None, missing: tuple[EntryField, ...]
) -> None:
    assert entry_missing(entered) == missing


def test_the_refusal_names_the_case_the_item_and_what_is_missing() -> None:
    with pytest.raises(DecisionRefused) as refused:
        check_entry("XAM01-20261120-08-0001", FOOD, Entered(officer="李四"))
    assert (refused.value.problem, refused.value.item_code) == (DecisionProblem.ENTRY_INCOMPLETE, FOOD)
    assert refused.value.missing == (EntryField.DEPARTMENT_NO,)
    assert check_entry("X", FOOD, Entered(" 兴市监准字〔2026〕15号 ", " 李四")) == ENTERED  # kept trimmed


def test_a_decisions_note_keeps_the_entry_at_its_head_and_every_reader_reads_the_text_as_given() -> None:
    note = item_note(FOOD, "JY11522010012345", validity=Validity(dt.date(2031, 5, 1)), entered=ENTERED)
    assert read_entered(note) == ENTERED
    code, text = read_item_note(note)
    assert code == FOOD
    assert split_validity(text) == ("JY11522010012345", Validity(dt.date(2031, 5, 1)))
    found = item_decisions([Line(CaseEvent.ITEM_APPROVED.value, note)])[FOOD]
    assert (found.text, found.entered, found.validity) == ("JY11522010012345", ENTERED, Validity(dt.date(2031, 5, 1)))


def test_a_denial_for_false_materials_keeps_its_mark_behind_the_entry() -> None:
    note = item_note(FOOD, "虚假材料", false_materials=True, entered=ENTERED)
    found = item_decisions([Line(CaseEvent.ITEM_DENIED.value, note)])[FOOD]
    assert (found.text, found.false_materials, found.entered) == ("虚假材料", True, ENTERED)


def test_a_note_without_an_entry_reads_as_before() -> None:
    note = item_note(FOOD, "【现场核查】经营场所不符")  # a reason that merely opens with a bracket
    assert read_entered(note) is None
    assert read_item_note(note) == (FOOD, "【现场核查】经营场所不符")
    assert split_entered('【{"department_no": 1, "officer": "李四"}】理由') == (
        None,
        '【{"department_no": 1, "officer": "李四"}】理由',
    )


def test_a_refusal_and_a_correction_read_back_with_their_entry() -> None:
    refused = ItemStep(
        ItemEvent.REFUSED,
        dt.date(2026, 11, 20),
        "市监局（由乌兰代为录入）",
        basis=RefusalBasis(RefusalGround.NOT_IN_REMIT, "乌兰浩特市交通运输局"),
        entered=ENTERED,
    )
    correction = ItemStep(
        ItemEvent.CORRECTION, dt.date(2026, 11, 20), "市监局（由乌兰代为录入）", reason="补交平面图", entered=ENTERED
    )
    for step in (refused, correction):
        found = read_step(Line(step.event.value, step_note(FOOD, step), step.by), step.day)
        assert found == (FOOD, step)
