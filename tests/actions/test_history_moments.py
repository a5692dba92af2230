"""Lines of a case's history written together reach another site each: no two share their time and event.

A sync package knows a line by its time, event and desk.  On Windows the clock Python 3.11 reads moves every
15.6 ms, so the items granted in one unit of work (as an intake grants its same-day items) were written at one time
there and would arrive as one; the routing of a case's items is given one moment for all of them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.decisions import decide_item
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.db import models
from counter.sync.records import HistoryEntry
from tests.actions.test_intake_actions import full_request, take
from tests.entrusted import ENTERED
from tests.sync.case_records import case_records

ENTRUSTED_RESTAURANT = True  # its departments' items decided at the window under their 授权 (tests/actions/conftest.py)

TICK = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)


def synced_history(sessions: sessionmaker[Session], number: str) -> tuple[HistoryEntry, ...]:
    """The case's history as a sync package carries it."""
    with sessions() as s:
        case_id = s.scalar(select(models.Case.id).where(models.Case.case_no == number))
        assert case_id is not None
        (synced,) = case_records(s, [case_id])
    return synced.history


def test_items_granted_at_one_tick_of_the_clock_are_lines_of_their_own(
    sessions: sessionmaker[Session], desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = take(sessions, desk, full_request(sessions))
    monkeypatch.setattr(models, "utcnow", lambda: TICK)  # the clock does not move while they are written
    with sessions.begin() as s:
        for item in ("152201-YJS008-01", "152201-YJS008-03"):
            decide_item(s, desk, number, item, approve=True, text="XK-2026-001", entered=ENTERED)
    history = synced_history(sessions, number)
    granted = [h for h in history if h.event == "item_approved"]
    assert len(granted) == 2
    assert len({h.key for h in history}) == len(history)  # each line its own, as the package knows it
    assert all(h.at - TICK < dt.timedelta(milliseconds=1) for h in granted)  # at the tick, a microsecond apart


def test_the_items_routed_at_one_moment_are_lines_of_their_own(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        routed = route_items(s, desk, number, TICK)
    history = synced_history(sessions, number)
    assert len([h for h in history if h.event == "item_routed"]) == len(routed) == 4
    assert len({h.key for h in history}) == len(history)


def test_steps_of_two_desks_at_one_moment_are_lines_of_their_own(sessions: sessionmaker[Session], desk: Desk) -> None:
    """Two departments sign for their items of one case, each in its own unit of work, at the same instant."""
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        route_items(s, desk, number, TICK)
    later = TICK + dt.timedelta(hours=1)
    for item in ("152201-YJS008-01", "152201-YJS008-03"):
        with sessions.begin() as s:
            take_item_step(s, desk, number, item, StepRequest(ItemEvent.SIGNED), later)
    history = synced_history(sessions, number)
    assert len([h for h in history if h.event == "item_signed"]) == 2
    assert len({h.key for h in history}) == len(history)


def test_a_moment_given_in_the_offices_zone_is_kept_as_the_same_instant(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """Nine in the morning in 乌兰浩特 is one o'clock UTC, on SQLite (which keeps no zone) as on PostgreSQL."""
    number = take(sessions, desk, full_request(sessions))
    morning = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with sessions.begin() as s:
        route_items(s, desk, number, morning)
    routed = [h for h in synced_history(sessions, number) if h.event == "item_routed"]
    assert routed
    assert all(h.at - morning < dt.timedelta(milliseconds=1) for h in routed)
    assert all(h.at >= morning for h in routed)
