"""The department's queue and the items coming due, read from the rows of the items still with their departments.

On both databases: the rows follow every step that changes them (routing, a department's step, a decision of the
window or of a department, the case completed or withdrawn, a sync package's lines), and say what the case page's
reading of the history says.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.decisions import decide_item
from counter.actions.cases.item_queue import coming_due, department_loads, department_queue, due_counts
from counter.actions.cases.item_steps import item_standings, route_items
from counter.actions.cases.item_track import last_history_id, retrack_after
from counter.actions.intake.take import move_case
from counter.actions.ratings.period_figures import period_figures
from counter.case.item_clock import DueAlert
from counter.case.item_path import ItemEvent, ItemState, PauseReason
from counter.case.item_step_request import StepRequest
from counter.case.status import CaseEvent
from counter.db import models
from counter.db.case_store import add_history, case_by_no
from counter.ratings.figures import Grouping
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_steps import FOOD, ITEMS, SIGN, at, step
from tests.entrusted import ENTERED

ENTRUSTED_RESTAURANT = True  # its departments' items decided at the window under their 授权 (tests/actions/conftest.py)

MARKET = "乌兰浩特市市场监督管理局"  # decides 设立登记 and 食品经营许可 for the hall's site


def rows(sessions: sessionmaker[Session], number: str) -> dict[str, models.OpenItem]:
    with sessions() as s:
        case = case_by_no(s, number)
        assert case is not None
        found = s.scalars(select(models.OpenItem).where(models.OpenItem.case_id == case.id))
        return {row.item_code: row for row in found}


def as_the_page_reads_it(sessions: sessionmaker[Session], number: str, today: dt.date) -> None:
    """The rows are exactly the undecided routed items of the case page's reading, with its dates."""
    with sessions() as s:
        standings = {i.code: i for i in item_standings(s, number, today) if i.state and not i.state.decided}
    kept = rows(sessions, number)
    assert set(kept) == set(standings)
    for code, row in kept.items():
        standing = standings[code]
        assert (row.state, row.department) == (standing.state.value if standing.state else "", standing.department)
        assert row.due_on == standing.due_on
        assert row.paused_since == standing.paused_since


def test_the_rows_follow_every_step_and_the_queue_reads_them(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    today = dt.date.today()
    assert rows(sessions, number) == {}  # nothing routed: nothing with a department
    with sessions.begin() as s:
        route_items(s, desk, number, at(today))
    assert set(rows(sessions, number)) == set(ITEMS)
    as_the_page_reads_it(sessions, number, today)
    step(sessions, desk, number, FOOD, StepRequest(ItemEvent.SIGNED), today)
    paused = StepRequest(ItemEvent.PAUSED, pause=PauseReason.INSPECTION, reason="现场核查")
    step(sessions, desk, number, FOOD, paused, today)
    assert rows(sessions, number)[FOOD].state == ItemState.PAUSED.value
    assert rows(sessions, number)[FOOD].due_on is None  # its clock stopped
    as_the_page_reads_it(sessions, number, today)

    with sessions() as s:
        queue = department_queue(s, MARKET, today)
        loads = {d.department: d for d in department_loads(s, today)}
    mine = [r for r in queue if r.case_no == number]
    assert [r.item_code for r in mine] == [ITEMS[0], FOOD]  # the paused item last: it has no date now
    assert mine[0].due_on is not None
    assert mine[1].state is ItemState.PAUSED
    assert loads[MARKET].items >= 2
    assert all(r.department == MARKET for r in queue)

    with sessions.begin() as s:  # the window's own decision takes the item off the department's queue too
        decide_item(s, desk, number, SIGN, approve=True, text="ZP-2026-001", entered=ENTERED)
    assert SIGN not in rows(sessions, number)
    as_the_page_reads_it(sessions, number, today)
    with sessions.begin() as s:
        move_case(s, desk, number, CaseEvent.WITHDRAWN, "申请人放弃开店")
    assert rows(sessions, number) == {}


def test_items_coming_due_carry_their_alerts(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    today = dt.date.today()
    with sessions.begin() as s:
        route_items(s, desk, number, at(today))
    kept = rows(sessions, number)
    first = min(r.due_on for r in kept.values() if r.due_on is not None)
    with sessions() as s:
        assert [r for r in coming_due(s, first - dt.timedelta(days=30)) if r.case_no == number] == []
        late = [r for r in coming_due(s, first + dt.timedelta(days=1)) if r.case_no == number]
        on_the_day = [r for r in coming_due(s, first) if r.case_no == number]
        loads = {d.department: d for d in department_loads(s, first + dt.timedelta(days=1))}
    assert late
    assert all(r.alert is DueAlert.OVERDUE for r in late if r.due_on == first)
    assert any(r.alert is DueAlert.DUE_TODAY for r in on_the_day)
    assert sum(d.overdue for d in loads.values()) >= len([r for r in late if r.due_on == first])


def test_items_due_alike_keep_one_order(sessions: sessionmaker[Session], desk: Desk) -> None:
    """Items due the same day and routed the same day come by their case (the first taken first), then their code:
    the queue read twice shows the same rows in the same order, and one cut at its most the same rows."""
    numbers = sorted(take(sessions, desk, full_request(sessions)) for _ in range(2))
    today = dt.date.today()
    for number in reversed(numbers):  # the later case routed first
        with sessions.begin() as s:
            route_items(s, desk, number, at(today))
    with sessions() as s:
        queue = [r for r in department_queue(s, MARKET, today) if r.case_no in numbers]
        due = [r for r in coming_due(s, today + dt.timedelta(days=400)) if r.case_no in numbers]
    assert len({(r.due_on, r.routed_on) for r in queue}) < len(queue)  # some due alike
    assert queue == sorted(queue, key=lambda r: (r.due_on is None, r.due_on, r.routed_on, r.case_no, r.item_code))
    assert queue[0].case_no == numbers[0]  # taken first, routed last
    with sessions() as s:  # cut within items due alike: the same first rows
        assert department_queue(s, MARKET, today, most=3) == tuple(department_queue(s, MARKET, today)[:3])
    assert len(due) == 2 * len(ITEMS)
    assert due == sorted(due, key=lambda r: (r.due_on, r.case_no, r.item_code))


def test_a_closing_line_from_another_site_takes_the_items_off(sessions: sessionmaker[Session], desk: Desk) -> None:
    """A sync package writes its lines without the actions: what it closed is found by the lines above the last."""
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        route_items(s, desk, number, at(dt.date.today()))
    with sessions.begin() as s:
        above = last_history_id(s)
        case = case_by_no(s, number)
        assert case is not None
        case.status = "withdrawn"  # as the township's withdrawal arrives
        add_history(s, case, CaseEvent.WITHDRAWN.value, "申请人撤回", clerk="苏木窗口")
        s.flush()
        retrack_after(s, above)
    assert rows(sessions, number) == {}


def test_the_figures_count_the_items_at_their_departments_and_those_late(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    number = take(sessions, desk, full_request(sessions))
    today = dt.date.today()
    with sessions.begin() as s:
        route_items(s, desk, number, at(today))
    with sessions.begin() as s:
        decide_item(s, desk, number, SIGN, approve=True, text="ZP-2026-001", entered=ENTERED)
    received = rows_received_on(sessions, number)
    with sessions() as s:
        now = period_figures(s, received, received, Grouping.DAY, received)  # judged on the day it was taken
        late = period_figures(s, received, received, Grouping.DAY, received + dt.timedelta(days=90))
        other_month = period_figures(s, received - dt.timedelta(days=40), received - dt.timedelta(days=35),
                                     Grouping.DAY, today)  # fmt: skip
    assert (now.total.cases.items_open, now.total.cases.items_overdue) == (3, 0)  # 招牌 decided: three left
    assert (late.total.cases.items_open, late.total.cases.items_overdue) == (3, 3)
    assert other_month.total.cases.items_open == 0  # counted with the case's own day


def rows_received_on(sessions: sessionmaker[Session], number: str) -> dt.date:
    with sessions() as s:
        case = case_by_no(s, number)
        assert case is not None
        return case.received_on


def test_the_reminders_come_a_page_at_a_time_with_their_count(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        route_items(s, desk, number, at(dt.date.today()))
    late = dt.date.today() + dt.timedelta(days=120)  # every item of the case past its date
    with sessions() as s:
        every = coming_due(s, late)
        first = coming_due(s, late, most=2)
        due, overdue = due_counts(s, late)
    assert len(every) >= 4
    assert first == every[:2]  # the same order, cut
    assert (due, overdue) == (len(every), len(every))


def test_a_county_department_working_one_sites_items_is_listed_and_counted_that_sites_alone(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """A league's database holds the hall's cases and those its townships sent up: a department's queue, the
    items coming due and the departments' loads asked for one site are of that site's cases, none of another's."""
    today = dt.date.today()
    hall_case, township_case = (take(sessions, desk, full_request(sessions)) for _ in range(2))
    for number in (hall_case, township_case):
        with sessions.begin() as s:
            route_items(s, desk, number, at(today))
    with sessions.begin() as s:  # the second, as a township's case taken in by sync: plain rows, as the lists read
        case = case_by_no(s, township_case)
        assert case is not None
        s.execute(update(models.OpenItem).where(models.OpenItem.case_id == case.id).values(site_code="ARS01"))
    late = today + dt.timedelta(days=60)  # every item due by then
    with sessions() as s:
        for site, numbers in (("XAM01", {hall_case}), ("ARS01", {township_case}), ("", {hall_case, township_case})):
            assert {r.case_no for r in department_queue(s, MARKET, today, site)} == numbers, site
            due = coming_due(s, late, site)
            assert {r.case_no for r in due} == numbers, site
            assert due_counts(s, late, site) == (len(due), len(due)), site
            loads = {load.department: load.items for load in department_loads(s, today, site)}
            assert sum(loads.values()) == sum(len(rows(sessions, n)) for n in numbers), site
