"""An item's steps kept as history lines and read back: every kind of step, and notes that do not read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from counter.case.decisions import item_note
from counter.case.item_lines import item_paths, read_step, step_note
from counter.case.item_path import ItemEvent, ItemStep, PauseReason
from counter.case.status import CaseEvent

DAY = dt.date(2026, 9, 21)
AT = dt.datetime(2026, 9, 21, 2, 30, tzinfo=dt.UTC)  # 10:30 in the hall
BY = "市场监管局 李娜"
FOOD = "152201-YJS008-02"
SIGN = "152201-YJS008-03"

STEPS = [
    ItemStep(ItemEvent.ROUTED, DAY, BY),
    ItemStep(ItemEvent.SIGNED, DAY, BY),
    ItemStep(ItemEvent.REVIEW_STARTED, DAY, BY),
    ItemStep(ItemEvent.PAUSED, DAY, BY, pause=PauseReason.HEARING, reason="申请人要求听证：3号会议室"),
    ItemStep(ItemEvent.RESUMED, DAY, BY),
    ItemStep(ItemEvent.EXTENDED, DAY, BY, days=10, approved_by="局长 王立新", reason="需现场核查，延长十个工作日"),
    ItemStep(ItemEvent.APPROVED, DAY, BY, result_no="JY11522010012345"),
    ItemStep(ItemEvent.DENIED, DAY, BY, reason="经现场核查：经营场所不符合食品安全要求"),
]


@dataclass(frozen=True)
class Line:
    at: dt.datetime
    clerk: str
    event: str
    note: str


def line_of(code: str, step: ItemStep, at: dt.datetime = AT) -> Line:
    return Line(at, step.by, step.event.value, step_note(code, step))


@pytest.mark.parametrize("step", STEPS, ids=[s.event.value for s in STEPS])
def test_each_kind_of_step_is_read_back_as_it_was_kept(step: ItemStep) -> None:
    assert read_step(line_of(FOOD, step), DAY) == (FOOD, step)


def test_a_decision_kept_by_the_case_page_reads_as_the_items_step() -> None:
    """The decisions' lines written before items had paths (counter.actions.cases.decisions) are steps as they stand."""
    kept = Line(AT, "张敏", CaseEvent.ITEM_APPROVED.value, item_note(FOOD, "JY11522010012345"))
    assert read_step(kept, DAY) == (FOOD, ItemStep(ItemEvent.APPROVED, DAY, "张敏", result_no="JY11522010012345"))


@pytest.mark.parametrize(
    ("event", "note"),
    [
        (ItemEvent.PAUSED, f"{FOOD}：not json"),
        (ItemEvent.PAUSED, f'{FOOD}：{{"pause": "holiday", "detail": ""}}'),
        (ItemEvent.PAUSED, f"{FOOD}：[1, 2]"),
        (ItemEvent.EXTENDED, f'{FOOD}：{{"days": "10", "approved_by": "局长", "reason": "核查"}}'),
        (ItemEvent.EXTENDED, f'{FOOD}：{{"days": 10, "reason": "核查"}}'),
        (ItemEvent.SIGNED, f"{FOOD}：extra"),
        (ItemEvent.SIGNED, "：nothing before"),
    ],
)
def test_a_note_that_does_not_read_as_its_event_keeps_no_step(event: ItemEvent, note: str) -> None:
    assert read_step(Line(AT, BY, event.value, note), DAY) is None


def test_each_items_path_is_its_steps_in_the_order_of_the_history() -> None:
    later = AT + dt.timedelta(days=3)
    history = [
        Line(AT, "张敏", CaseEvent.TAKEN.value, ""),
        line_of(FOOD, STEPS[0]),
        line_of(SIGN, STEPS[0]),
        line_of(FOOD, STEPS[1], later),
        Line(later, BY, ItemEvent.SIGNED.value, "：no item"),
    ]
    paths = item_paths(history, lambda at: at.date())
    assert paths == {
        FOOD: [STEPS[0], ItemStep(ItemEvent.SIGNED, DAY + dt.timedelta(days=3), BY)],
        SIGN: [STEPS[0]],
    }
