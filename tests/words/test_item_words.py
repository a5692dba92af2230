"""The sentence of a department's step refused for where its item stands, for every step and every state."""

from __future__ import annotations

import datetime as dt

import pytest

from counter.case.item_path import DECIDED, MOVES, ItemEvent, ItemState, ItemStep, StepProblem, StepRefused
from counter.words.items import ITEM_STANDS, ITEM_STEP_VERB, step_refused_text

DAY = dt.date(2026, 11, 27)
ALL_STATES: tuple[ItemState | None, ...] = (None, *ItemState)


def refused(event: ItemEvent, state: ItemState | None) -> str:
    return step_refused_text(StepRefused(StepProblem.WRONG_STATE, ItemStep(event, DAY, "宝音"), state), "食品经营许可")


def test_a_grant_refused_on_a_granted_item_reads_as_a_person_says_it() -> None:
    assert refused(ItemEvent.APPROVED, ItemState.APPROVED) == "食品经营许可 已经准予，不能再准予。"
    assert refused(ItemEvent.SIGNED, None) == "食品经营许可 尚未分发，不能签收。"
    assert refused(ItemEvent.SIGNED, ItemState.SIGNED) == "食品经营许可 部门已签收，不能再签收。"
    assert refused(ItemEvent.RESUMED, ItemState.REVIEWING) == "食品经营许可 正在审查，不能恢复计时。"


@pytest.mark.parametrize(
    ("event", "state"),
    [(e, s) for e, (allowed, _) in MOVES.items() for s in ALL_STATES if s not in allowed],
)
def test_every_refused_step_names_the_item_once_where_it_stands_and_what_was_tried(
    event: ItemEvent, state: ItemState | None
) -> None:
    text = refused(event, state)
    assert text.startswith(f"食品经营许可 {ITEM_STANDS[state]}，不能")
    assert text.endswith(f"{ITEM_STEP_VERB[event]}。")
    assert "事项" not in text  # the item is named, not its kind again
    assert "“" not in text  # the step as a verb, not a button's or a history line's label
    taken = MOVES[event][1] is state and event is not ItemEvent.RESUMED
    again = state is not None and (state in DECIDED or taken)
    assert ("不能再" in text) is again
