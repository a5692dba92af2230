"""Each item of a 小餐馆 case through its department: routed, signed for, paused, extended, decided, case closed.

On both databases, through the actions as the faces call them; the steps are lines of the case's history and each
has its audit entry.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.item_steps import item_standings, route_items, take_item_step
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.item_clock import DueAlert
from counter.case.item_path import ItemEvent, ItemState, PauseReason, StepProblem, StepRefused
from counter.case.item_step_request import StepRequest
from counter.case.status import CaseStatus
from counter.db import models
from counter.db.case_store import case_view
from tests.actions.test_intake_actions import full_request, take
from tests.entrusted import ENTERED, entrust_in

ITEMS = ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03", "152201-YJS008-04")
FOOD, SIGN = ITEMS[1], ITEMS[2]  # 食品经营许可; 户外招牌设置
ZONE = dt.timezone(dt.timedelta(hours=8))
MARKET = "乌兰浩特市市场监督管理局"  # decides 设立登记 and 食品经营许可 at the hall's site


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    """A moment of the office's working day (the tests run with the machine's clock in UTC or elsewhere)."""
    return dt.datetime.combine(day, dt.time(hour), ZONE).astimezone()


def step(sessions: sessionmaker[Session], desk: Desk, number: str, item: str, request: StepRequest,
         day: dt.date) -> ItemState:  # fmt: skip
    with sessions.begin() as s:
        return take_item_step(s, desk, number, item, request, at(day))


def test_four_items_go_their_own_ways_and_the_case_closes_with_the_last(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    """The window records each department's steps under its written 授权, in the department's name."""
    entrust_in(owner, desk, *ITEMS)
    number = take(sessions, desk, full_request(sessions))
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    accepted = view.accepted_on or view.received_on
    day1 = accepted + dt.timedelta(days=1)
    with sessions.begin() as s:
        assert route_items(s, desk, number, at(accepted)) == ITEMS
    with sessions.begin() as s:
        assert route_items(s, desk, number, at(accepted)) == ()  # routed once
    for item in ITEMS:
        assert step(sessions, desk, number, item, StepRequest(ItemEvent.SIGNED), day1) is ItemState.SIGNED
    paused = StepRequest(ItemEvent.PAUSED, pause=PauseReason.INSPECTION, reason="现场核查经营场所")
    assert step(sessions, desk, number, FOOD, paused, day1) is ItemState.PAUSED
    with sessions() as s:
        standing = {i.code: i for i in item_standings(s, number, day1)}
    assert standing[FOOD].state is ItemState.PAUSED
    assert standing[FOOD].paused_since == day1
    assert standing[FOOD].legal_due is None  # its clock stopped
    assert standing[SIGN].legal_due is not None
    assert standing[FOOD].department  # named for the site
    day5 = accepted + dt.timedelta(days=5)
    assert step(sessions, desk, number, FOOD, StepRequest(ItemEvent.RESUMED), day5) is ItemState.REVIEWING
    extended = StepRequest(ItemEvent.EXTENDED, days=10, approved_by="局长 王立新", reason="需补充勘验")
    assert step(sessions, desk, number, SIGN, extended, day5) is ItemState.SIGNED
    was = standing[SIGN].legal_due
    with sessions() as s:
        standing = {i.code: i for i in item_standings(s, number, day5)}
    legal = standing[SIGN].legal_due
    assert legal is not None
    assert was is not None
    assert legal.date > was.date  # ten working days later
    for item in ITEMS[:-1]:
        approved = StepRequest(ItemEvent.APPROVED, result_no=f"XK-{item[-2:]}", entered=ENTERED)
        assert step(sessions, desk, number, item, approved, day5) is ItemState.APPROVED
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.status is CaseStatus.ACCEPTED  # one item still undecided
    denied = StepRequest(ItemEvent.DENIED, reason="涉税事项另行办理", entered=ENTERED)
    assert step(sessions, desk, number, ITEMS[-1], denied, day5) is ItemState.DENIED
    with sessions() as s:
        view = case_view(s, number)
        entries = s.scalar(select(func.count()).select_from(models.AuditEntry).where(
            models.AuditEntry.subject == number))  # fmt: skip
    assert view is not None
    assert view.status is CaseStatus.READY  # the last item decided, some granted
    events = [h.event for h in view.history]
    assert events[0] == "taken"
    assert events.count("item_routed") == 4
    assert events.count("item_signed") == 4
    assert events[-1] == "completed"
    signed = [h.clerk for h in view.history if h.event == "item_signed"]
    assert signed[1] == "乌兰浩特市市场监督管理局（由乌兰代为录入）"  # 食品经营许可, recorded for 市监局
    assert entries is not None
    assert entries >= len(events)  # every line has its audit entry
    with sessions() as s:
        standing = {i.code: i for i in item_standings(s, number, day5)}
    assert [standing[i].state for i in ITEMS] == [ItemState.APPROVED] * 3 + [ItemState.DENIED]
    assert all(standing[i].alert is None for i in ITEMS)  # decided: nothing to alert


def test_a_step_out_of_order_or_for_another_item_is_refused(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    entrust_in(owner, desk, *ITEMS)
    number = take(sessions, desk, full_request(sessions))
    today = dt.date.today()
    with pytest.raises(StepRefused) as refused:
        step(sessions, desk, number, FOOD, StepRequest(ItemEvent.SIGNED), today)  # not routed
    assert refused.value.problem is StepProblem.WRONG_STATE
    with sessions.begin() as s:
        route_items(s, desk, number, at(today))
    with pytest.raises(StepRefused) as refused:
        step(sessions, desk, number, FOOD, StepRequest(ItemEvent.APPROVED), today)  # signed for first, and a number
    assert refused.value.problem is StepProblem.WRONG_STATE
    with pytest.raises(DecisionRefused):
        step(sessions, desk, number, "152201-NOSUCH-01", StepRequest(ItemEvent.SIGNED), today)
    with pytest.raises(ValueError, match="route_items"):  # a department does not route to itself
        step(sessions, desk, number, FOOD, StepRequest(ItemEvent.ROUTED), today)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert [h.event for h in view.history].count("item_signed") == 0  # nothing kept of the refused steps


def test_the_alert_of_an_item_comes_with_its_date(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    with sessions() as s:
        (first, *_) = item_standings(s, number, dt.date.today())
    due = first.promised_due or first.legal_due
    assert due is not None
    with sessions() as s:
        (late, *_) = item_standings(s, number, due.date + dt.timedelta(days=1))
        (on_the_day, *_) = item_standings(s, number, due.date)
    assert late.alert is DueAlert.OVERDUE
    assert on_the_day.alert is DueAlert.DUE_TODAY


def test_only_the_deciding_department_takes_a_departments_step(sessions: sessionmaker[Session], desk: Desk) -> None:
    from tests.audit.conftest import ACTORS, add_accounts, desk_of

    number = take(sessions, desk, full_request(sessions))
    add_accounts(sessions)
    from counter.access.roles import Role

    clerk = desk_of(ACTORS[Role.CLERK])
    with sessions.begin() as s:
        route_items(s, clerk, number, at(dt.date.today()))
    with pytest.raises(DecisionRefused) as refused:  # the window routes; the department signs for its item
        step(sessions, clerk, number, FOOD, StepRequest(ItemEvent.SIGNED), dt.date.today())
    assert (refused.value.problem, refused.value.deciding) == (DecisionProblem.NOT_DECIDING_BODY, MARKET)
    staff = desk_of(ACTORS[Role.DEPARTMENT])
    assert step(sessions, staff, number, FOOD, StepRequest(ItemEvent.SIGNED), dt.date.today()) is ItemState.SIGNED


def test_a_departments_staff_steps_only_their_departments_items(sessions: sessionmaker[Session], desk: Desk) -> None:
    from counter.access.account_views import NewAccount
    from counter.access.roles import Actor, Role
    from counter.actions.admin.accounts import add_account

    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        route_items(s, desk, number, at(dt.date.today()))
    admin = Desk(desk.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    with sessions.begin() as s:  # the first account is the administrator, who adds the department's staff
        assert add_account(s, desk, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), "Xam2026desk")) == ()
    market = NewAccount("lina", "李娜", frozenset({Role.DEPARTMENT}), "Xam2026desk", department=MARKET)
    with sessions.begin() as s:
        assert add_account(s, admin, market) == ()
    lina = Desk(desk.identity, "李娜", Actor("lina", "李娜", frozenset({Role.DEPARTMENT})))
    assert step(sessions, lina, number, FOOD, StepRequest(ItemEvent.SIGNED), dt.date.today()) is ItemState.SIGNED
    with pytest.raises(DecisionRefused) as refused:
        step(sessions, lina, number, SIGN, StepRequest(ItemEvent.SIGNED), dt.date.today())  # the 城管's
    assert (refused.value.problem, refused.value.deciding) == (
        DecisionProblem.OTHER_DEPARTMENT,
        "乌兰浩特市城市管理综合行政执法局",
    )
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert [h.event for h in view.history].count("item_signed") == 1  # nothing kept of the refused step
