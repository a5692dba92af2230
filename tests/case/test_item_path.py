"""An item's path through its department: every move the table allows, and each refusal with its reason."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from counter.case.item_path import (
    MOST_EXTENSION_DAYS,
    MOVES,
    PAUSES,
    ItemEvent,
    ItemState,
    ItemStep,
    PauseReason,
    StepProblem,
    StepRefused,
    check_step,
    corrected,
    state_of,
)
from counter.case.refusal_basis import RefusalBasis
from counter.case.status import CaseEvent
from counter.intake.outcome import RefusalGround

DAY = dt.date(2026, 9, 21)
HISTORY_EVENT_LENGTH = 24  # counter.db.models.CaseHistory.event


#: what each event needs beside its day and who did it
NEEDS: dict[ItemEvent, dict[str, Any]] = {
    ItemEvent.PAUSED: {"pause": PauseReason.INSPECTION},
    ItemEvent.EXTENDED: {"days": 10, "approved_by": "局长 王立新", "reason": "需现场核查经营场所"},
    ItemEvent.APPROVED: {"result_no": "JY11522010012345"},
    ItemEvent.DENIED: {"reason": "经营场所与食品安全要求不符"},
    ItemEvent.REFUSED: {"reason": "经营场所不在本机关管辖区域"},
    ItemEvent.CORRECTION: {"reason": "1. 食品安全管理制度：缺少进货查验记录制度"},
}


def step(event: ItemEvent, day: int = 0, **fields: Any) -> ItemStep:
    """A step with what its event needs, ``day`` days after the first, unless ``fields`` say otherwise."""
    made = ItemStep(event, DAY + dt.timedelta(days=day), "市场监管局 李娜", **NEEDS.get(event, {}))
    return dataclasses.replace(made, **fields)


def walked(*events: ItemEvent) -> list[ItemStep]:
    """A checked path of ``events``, a day apart."""
    path: list[ItemStep] = []
    for n, event in enumerate(events):
        check_step(path, step(event, n))
        path.append(step(event, n))
    return path


#: a path that leaves the item in each state
TO_STATE: dict[ItemState | None, tuple[ItemEvent, ...]] = {
    None: (),
    ItemState.ROUTED: (ItemEvent.ROUTED,),
    ItemState.SIGNED: (ItemEvent.ROUTED, ItemEvent.SIGNED),
    ItemState.CORRECTING: (ItemEvent.ROUTED, ItemEvent.CORRECTION),
    ItemState.REVIEWING: (ItemEvent.ROUTED, ItemEvent.SIGNED, ItemEvent.REVIEW_STARTED),
    ItemState.PAUSED: (ItemEvent.ROUTED, ItemEvent.SIGNED, ItemEvent.PAUSED),
    ItemState.APPROVED: (ItemEvent.ROUTED, ItemEvent.SIGNED, ItemEvent.APPROVED),
    ItemState.DENIED: (ItemEvent.ROUTED, ItemEvent.SIGNED, ItemEvent.REVIEW_STARTED, ItemEvent.DENIED),
}


def test_an_item_goes_from_routing_through_a_pause_and_an_extension_to_its_licence() -> None:
    events = (ItemEvent.ROUTED, ItemEvent.SIGNED, ItemEvent.REVIEW_STARTED, ItemEvent.PAUSED, ItemEvent.RESUMED,
              ItemEvent.EXTENDED, ItemEvent.APPROVED)  # fmt: skip
    states = [state_of(walked(*events[: n + 1])) for n in range(len(events))]
    assert states == [ItemState.ROUTED, ItemState.SIGNED, ItemState.REVIEWING, ItemState.PAUSED,
                      ItemState.REVIEWING, ItemState.REVIEWING, ItemState.APPROVED]  # fmt: skip


@pytest.mark.parametrize("state", list(TO_STATE))
@pytest.mark.parametrize("event", list(ItemEvent))
def test_each_event_happens_exactly_in_the_states_the_table_allows(state: ItemState | None, event: ItemEvent) -> None:
    path = walked(*TO_STATE[state])
    assert state_of(path) is state
    allowed, after = MOVES[event]
    new = step(event, len(path))
    if state in allowed:
        assert check_step(path, new) is (state if after is None else after)
    else:
        with pytest.raises(StepRefused) as refused:
            check_step(path, new)
        assert refused.value.problem is _OUT_OF_ORDER.get((event, state), StepProblem.WRONG_STATE)
        assert refused.value.state is state


#: a 补正 out of 第三十二条's order says why, not only that the state does not allow it
_OUT_OF_ORDER: dict[tuple[ItemEvent, ItemState | None], StepProblem] = {
    (ItemEvent.CORRECTION, ItemState.CORRECTING): StepProblem.CORRECTION_BEFORE,
    **{(ItemEvent.CORRECTION, s): StepProblem.CORRECTION_ACCEPTED for s in (ItemState.SIGNED, ItemState.REVIEWING,
                                                                            ItemState.PAUSED)},
}  # fmt: skip


def test_decided_items_move_no_more() -> None:
    for state in (ItemState.APPROVED, ItemState.DENIED):
        path = walked(*TO_STATE[state])
        assert state.decided
        assert [e for e in ItemEvent if state in MOVES[e][0]] == []
        with pytest.raises(StepRefused):
            check_step(path, step(ItemEvent.RESUMED, 9))


@pytest.mark.parametrize(
    ("state", "event", "day", "fields", "problem"),
    [
        (ItemState.REVIEWING, ItemEvent.PAUSED, None, {"pause": None}, StepProblem.NO_PAUSE_REASON),
        (ItemState.REVIEWING, ItemEvent.EXTENDED, None, {"days": MOST_EXTENSION_DAYS + 1}, StepProblem.EXTENSION_DAYS),
        (ItemState.REVIEWING, ItemEvent.EXTENDED, None, {"days": 0}, StepProblem.EXTENSION_DAYS),
        (ItemState.REVIEWING, ItemEvent.EXTENDED, None, {"approved_by": " "}, StepProblem.NO_APPROVER),
        (ItemState.REVIEWING, ItemEvent.EXTENDED, None, {"reason": ""}, StepProblem.NO_REASON),
        (ItemState.REVIEWING, ItemEvent.APPROVED, None, {"result_no": ""}, StepProblem.NO_RESULT_NO),
        (ItemState.REVIEWING, ItemEvent.DENIED, None, {"reason": "  "}, StepProblem.NO_REASON),
        (ItemState.ROUTED, ItemEvent.SIGNED, None, {"by": ""}, StepProblem.NO_ACTOR),
        (ItemState.SIGNED, ItemEvent.REVIEW_STARTED, 0, {}, StepProblem.BEFORE_LAST),
    ],
)
def test_a_step_missing_what_its_event_needs_is_refused_with_its_reason(
    state: ItemState, event: ItemEvent, day: int | None, fields: dict[str, Any], problem: StepProblem
) -> None:
    """``day`` None: the day after the path's last step."""
    path = walked(*TO_STATE[state])
    with pytest.raises(StepRefused) as refused:
        check_step(path, step(event, len(path) if day is None else day, **fields))
    assert refused.value.problem is problem


def test_the_limit_is_extended_once() -> None:
    path = walked(ItemEvent.ROUTED, ItemEvent.SIGNED, ItemEvent.EXTENDED, ItemEvent.PAUSED)
    with pytest.raises(StepRefused) as refused:
        check_step(path, step(ItemEvent.EXTENDED, 9, days=1))
    assert refused.value.problem is StepProblem.EXTENDED_BEFORE


def test_each_step_is_an_event_of_the_case_history() -> None:
    """Steps are kept as lines of the case's history (counter.case.item_lines), the decisions' as they always were."""
    assert ItemEvent.APPROVED.value == CaseEvent.ITEM_APPROVED.value
    assert ItemEvent.DENIED.value == CaseEvent.ITEM_DENIED.value
    assert all(CaseEvent(event.value) for event in ItemEvent)
    assert all(len(event.value) <= HISTORY_EVENT_LENGTH for event in ItemEvent)


def test_the_department_tells_its_correction_before_the_acceptance_which_follows_it() -> None:
    """许可法 第三十二条: 补正 is the alternative to 受理, told before it; the 受理 follows the complete 补正."""
    path = walked(ItemEvent.ROUTED, ItemEvent.CORRECTION)
    assert state_of(path) is ItemState.CORRECTING
    assert check_step(path, step(ItemEvent.SIGNED, 5)) is ItemState.SIGNED
    assert check_step(path, step(ItemEvent.REFUSED, 5)) is ItemState.REFUSED  # a 补正 never completed


@pytest.mark.parametrize("state", [ItemState.SIGNED, ItemState.REVIEWING, ItemState.PAUSED])
def test_no_correction_is_taken_after_the_acceptance_neither_as_a_step_nor_as_a_pause(state: ItemState) -> None:
    path = walked(*TO_STATE[state])
    for late in (step(ItemEvent.CORRECTION, 9), step(ItemEvent.PAUSED, 9, pause=PauseReason.CORRECTION)):
        with pytest.raises(StepRefused) as refused:
            check_step(path, late)
        assert refused.value.problem is StepProblem.CORRECTION_ACCEPTED


def test_after_the_acceptance_only_the_pauses_of_article_45_are_offered() -> None:
    assert set(PAUSES) == {PauseReason.HEARING, PauseReason.TENDER, PauseReason.INSPECTION, PauseReason.APPRAISAL,
                           PauseReason.EXPERT_REVIEW}  # fmt: skip
    path = walked(ItemEvent.ROUTED, ItemEvent.SIGNED)
    assert check_step(path, step(ItemEvent.PAUSED, 2, pause=PauseReason.TENDER)) is ItemState.PAUSED


def test_a_correction_is_told_once_in_full_and_within_its_five_days() -> None:
    path = walked(ItemEvent.ROUTED)
    with pytest.raises(StepRefused) as empty:
        check_step(path, step(ItemEvent.CORRECTION, 1, reason="  "))
    assert empty.value.problem is StepProblem.NO_CORRECTION_LIST
    last = DAY + dt.timedelta(days=3)
    assert check_step(path, step(ItemEvent.CORRECTION, 3), correction_by=last) is ItemState.CORRECTING
    with pytest.raises(StepRefused) as late:
        check_step(path, step(ItemEvent.CORRECTION, 4), correction_by=last)
    assert late.value.problem is StepProblem.CORRECTION_LATE
    older = [*path, step(ItemEvent.SIGNED, 1), step(ItemEvent.PAUSED, 2, pause=PauseReason.CORRECTION)]
    assert corrected(older)  # an older history's pause for 补正 counts as the one telling


@pytest.mark.parametrize(
    ("basis", "reason", "problem"),
    [
        (RefusalBasis(), "", StepProblem.NO_REASON),
        (RefusalBasis(RefusalGround.NOT_IN_REMIT, " "), "", StepProblem.NO_AUTHORITY),
        (RefusalBasis(RefusalGround.NOT_IN_REMIT, "兴安盟公安局交通警察支队"), "", None),
        (RefusalBasis(RefusalGround.NO_LICENCE_NEEDED), "", None),
        (RefusalBasis(), "逾期未补正", None),
    ],
)
def test_a_refusal_states_its_ground_and_on_the_second_names_the_body_with_power(
    basis: RefusalBasis, reason: str, problem: StepProblem | None
) -> None:
    path = walked(ItemEvent.ROUTED)
    refusal = step(ItemEvent.REFUSED, 1, reason=reason, basis=basis)
    if problem is None:
        assert check_step(path, refusal) is ItemState.REFUSED
        return
    with pytest.raises(StepRefused) as refused:
        check_step(path, refusal)
    assert refused.value.problem is problem
