"""Which items the window routes and which steps a department is offered: the rules under the page, no window."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.access.roles import SINGLE_DESK, Actor, Role
from counter.case.item_lines import step_note
from counter.case.item_path import MOVES, ItemEvent, ItemStep, PauseReason, state_of
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseView, HistoryLine
from counter.db.case_store import case_view
from counter.db.engine import make_engine, make_sessions
from counter.ui.cases.item_step_rules import DEPARTMENT_STEPS, offered_steps, steps_by_item
from counter.ui.cases.rules import ITEM_ACTIONS, available_actions, items_to_route
from tests.ui.cases.casebook import DAY, Casebook

CODES = ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03", "152201-YJS008-04")
STAFF = Actor("bao", "包", frozenset({Role.DEPARTMENT}))
CLERK = Actor("wulan", "乌兰", frozenset({Role.CLERK}))
PATHS = {
    None: [],
    "routed": [ItemStep(ItemEvent.ROUTED, DAY, "窗口")],
    "signed": [ItemStep(ItemEvent.ROUTED, DAY, "窗口"), ItemStep(ItemEvent.SIGNED, DAY, "包")],
    "paused": [ItemStep(ItemEvent.ROUTED, DAY, "窗口"), ItemStep(ItemEvent.SIGNED, DAY, "包"),
               ItemStep(ItemEvent.PAUSED, DAY, "包", pause=PauseReason.HEARING)],
    "extended": [ItemStep(ItemEvent.ROUTED, DAY, "窗口"), ItemStep(ItemEvent.SIGNED, DAY, "包"),
                 ItemStep(ItemEvent.EXTENDED, DAY, "包", days=5, approved_by="王", reason="核查")],
}  # fmt: skip


@pytest.fixture(scope="module")
def accepted(casebook_template: tuple[Path, Casebook]) -> CaseView:
    path, book = casebook_template
    engine = make_engine(f"sqlite:///{path}")
    with make_sessions(engine)() as session:
        view = case_view(session, book.accepted)
    engine.dispose()
    assert view is not None
    return view


def with_steps(view: CaseView, code: str, path: list[ItemStep]) -> CaseView:
    at = dt.datetime(2026, 11, 20, 2, tzinfo=dt.UTC)
    lines = tuple(HistoryLine(at, s.by, "1", s.event.value, view.status.value, step_note(code, s)) for s in path)
    return dataclasses.replace(view, history=view.history + lines)


def test_the_window_routes_what_is_neither_routed_nor_decided(accepted: CaseView) -> None:
    assert items_to_route(accepted, CODES) == CODES
    assert CaseEvent.ITEM_ROUTED in available_actions(accepted, DAY, CLERK, CODES)
    assert CaseEvent.ITEM_ROUTED not in available_actions(accepted, DAY, CLERK)  # no items, nothing to route
    assert CaseEvent.ITEM_ROUTED not in available_actions(accepted, DAY, STAFF, CODES)  # routing is the window's
    one = with_steps(accepted, CODES[1], PATHS["routed"])
    assert items_to_route(one, CODES) == (CODES[0], CODES[2], CODES[3])
    every = one
    for code in (CODES[0], CODES[2], CODES[3]):
        every = with_steps(every, code, PATHS["routed"])
    assert items_to_route(every, CODES) == ()
    assert CaseEvent.ITEM_ROUTED not in available_actions(every, DAY, CLERK, CODES)
    refused = dataclasses.replace(accepted, status=CaseStatus.REFUSED)
    assert CaseEvent.ITEM_ROUTED not in available_actions(refused, DAY, CLERK, CODES)


@given(name=st.sampled_from(list(PATHS)), status=st.sampled_from(CaseStatus))
def test_a_department_is_offered_what_the_items_path_allows(
    accepted: CaseView, name: str | None, status: CaseStatus
) -> None:
    path = PATHS[name]
    view = dataclasses.replace(accepted, status=status)
    offered = offered_steps(view, path)
    assert ItemEvent.ROUTED not in offered
    assert all(state_of(path) in MOVES[event][0] for event in offered)
    if status not in (CaseStatus.ACCEPTED, CaseStatus.AWAITING_DEFERRED, CaseStatus.IN_APPROVAL):
        assert offered == ()
    if name == "extended":
        assert ItemEvent.EXTENDED not in offered  # once (行政许可法 第四十二条)
    if name == "paused" and status is CaseStatus.ACCEPTED:
        assert offered == (ItemEvent.RESUMED, ItemEvent.EXTENDED)


def test_the_windows_own_decision_stands_for_the_departments(accepted: CaseView) -> None:
    view = with_steps(accepted, CODES[1], PATHS["signed"])
    assert steps_by_item(view, CODES, STAFF) == {CODES[1]: DEPARTMENT_STEPS[3:5] + DEPARTMENT_STEPS[6:]}
    assert steps_by_item(view, CODES, CLERK) == {}  # no department's permission
    every = Actor("quanneng", "全能", frozenset(Role))  # every role: the window's 准予 and 不予批准 are offered
    assert steps_by_item(view, CODES, every, ITEM_ACTIONS) == {
        CODES[1]: (ItemEvent.REVIEW_STARTED, ItemEvent.PAUSED, ItemEvent.EXTENDED)
    }
    assert steps_by_item(view, CODES, SINGLE_DESK, ITEM_ACTIONS) == {}  # a clerk: no department's step
