"""The acts that decide an item or end a case ask the item's rule at the door, on SQLite and PostgreSQL.

Each test is an attack that went through: a supervisor's 容缺 lapse recorded 食品经营许可 (乌兰浩特市市场监督管理局)
不予批准 at the window, with no 授权 and no check; a case voided after the department had signed for its item; a
desk without accounts, holding every role, recorded the lapse and voided cases itself.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor, Role
from counter.actions.cases.decisions import deny_lapsed_deferral
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.actions.intake.take import extend_deferral, lapse_correction, move_case
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseEvent, CaseStatus
from counter.db import models
from counter.db.case_store import case_view
from tests.actions.test_correction_life import correction_request
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_decisions import deferred_case
from tests.entrusted import ENTRUSTMENT, RESTAURANT_ITEMS, entrust_in

FOOD = RESTAURANT_ITEMS[1]  # 食品经营许可: the only item M08 serves
MARKET = "乌兰浩特市市场监督管理局"
NOW = dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)
IDENTITY = DeskIdentity("XAM01", "1")


def accounts(owner: sessionmaker[Session]) -> dict[Role, Desk]:
    """A clerk, a supervisor (who serves at the desk too) and 市监局's staff member, as the administrator adds them."""
    people = {
        Role.CLERK: ("wulan", "乌兰", "clerk", ""),
        Role.SUPERVISOR: ("bater", "巴特尔", "clerk,supervisor", ""),
        Role.DEPARTMENT: ("lina", "李娜", "department", MARKET),
    }
    with owner.begin() as s:
        for login, name, roles, department in people.values():
            s.add(models.Account(login=login, name=name, roles=roles, password_hash="x", department=department))
    return {
        role: Desk(IDENTITY, name, Actor(login, name, frozenset(Role(r) for r in roles.split(","))))
        for role, (login, name, roles, _) in people.items()
    }


def test_a_lapse_records_the_fact_and_leaves_a_departments_licence_to_the_department(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    number, due = deferred_case(sessions, desk)
    people = accounts(owner)
    with sessions.begin() as s:
        lapse = deny_lapsed_deferral(s, people[Role.SUPERVISOR], number, due + dt.timedelta(days=1), "逾期未补交")
    assert (lapse.materials, lapse.items, lapse.referred) == (("M08",), (), (FOOD,))
    assert lapse.status is CaseStatus.IN_APPROVAL
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.decisions() == {}  # the window denied nothing of 市监局's
    assert [(h.event, h.note) for h in view.history][-1] == ("deferral_lapsed", "M08")
    # the department denies through its own decision, in its own name
    with sessions.begin() as s:
        route_items(s, people[Role.CLERK], number, NOW)
    lina = people[Role.DEPARTMENT]
    for request in (StepRequest(ItemEvent.SIGNED), StepRequest(ItemEvent.DENIED, reason="容缺材料逾期未补齐")):
        with sessions.begin() as s:
            take_item_step(s, lina, number, FOOD, request, NOW)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert not view.decisions()[FOOD].approved
    assert [h.clerk for h in view.history if h.event == "item_denied"] == ["李娜"]


def test_an_entrusted_lapse_denies_in_the_departments_name_with_its_authorisation(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    entrust_in(owner, desk, FOOD)
    number, due = deferred_case(sessions, desk)
    people = accounts(owner)
    with sessions.begin() as s:
        lapse = deny_lapsed_deferral(s, people[Role.SUPERVISOR], number, due + dt.timedelta(days=1), "逾期未补交")
    assert (lapse.items, lapse.referred) == ((FOOD,), ())
    with sessions() as s:
        view = case_view(s, number)
        details = [json.loads(d) for d in s.scalars(select(models.AuditEntry.detail).order_by(models.AuditEntry.seq))]
    assert view is not None
    assert [h.clerk for h in view.history if h.event == "item_denied"] == [f"{MARKET}（由巴特尔代为录入）"]
    (denied,) = [d for d in details if d.get("event") == "item_denied"]
    assert (denied["on_behalf_of"], denied["entrustment"]) == (MARKET, ENTRUSTMENT)


def test_a_desk_without_accounts_records_the_lapse_but_denies_voids_and_extends_nothing(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    """The single desk held every role: it denied licences by the lapse and voided cases.  It is a clerk now: it
    records the fact, and leaves every item to the body deciding it — even where the window was entrusted, a
    不予批准 is a supervisor's."""
    entrust_in(owner, desk, *RESTAURANT_ITEMS)
    number, due = deferred_case(sessions, desk)
    attempts = (
        lambda s: extend_deferral(s, desk, number, due + dt.timedelta(days=2), "不可抗力"),
        lambda s: move_case(s, desk, number, CaseEvent.VOIDED, "录入错误"),
    )
    for attempt in attempts:
        with sessions.begin() as s, pytest.raises(NotPermitted) as refused:
            attempt(s)
        assert refused.value.single_desk
    with sessions.begin() as s:
        lapse = deny_lapsed_deferral(s, desk, number, due + dt.timedelta(days=1), "逾期未补交")
    assert (lapse.items, lapse.referred) == ((), (FOOD,))
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert [h.event for h in view.history] == ["taken", "deferral_lapsed"]
    assert view.decisions() == {}


def test_a_case_a_department_took_up_is_not_the_windows_to_void(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    taken_up, untouched = (take(sessions, desk, full_request(sessions)) for _ in range(2))
    with sessions.begin() as s:
        route_items(s, desk, taken_up, NOW)
    people = accounts(owner)
    with sessions.begin() as s:
        take_item_step(s, people[Role.DEPARTMENT], taken_up, FOOD, StepRequest(ItemEvent.SIGNED), NOW)
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        move_case(s, people[Role.SUPERVISOR], taken_up, CaseEvent.VOIDED, "录入错误")
    assert (refused.value.problem, refused.value.item_code, refused.value.deciding) == (
        DecisionProblem.NOT_DECIDING_BODY,
        FOOD,
        MARKET,
    )
    with sessions.begin() as s:  # what only the window touched is still its own to void
        assert move_case(s, people[Role.SUPERVISOR], untouched, CaseEvent.VOIDED, "录入错误") is CaseStatus.VOIDED


def test_a_correction_lapse_and_an_extension_are_the_deciding_bodys(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    corrected = take(sessions, desk, correction_request(sessions))
    number, due = deferred_case(sessions, desk)
    people = accounts(owner)
    with sessions() as s:
        view = case_view(s, corrected)
    assert view is not None
    assert view.correction_due is not None
    monday = view.correction_due + dt.timedelta(days=3)
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        lapse_correction(s, people[Role.SUPERVISOR], corrected, monday)
    assert refused.value.problem is DecisionProblem.NOT_DECIDING_BODY
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        extend_deferral(s, people[Role.SUPERVISOR], number, due + dt.timedelta(days=5), "不可抗力")
    assert (refused.value.problem, refused.value.item_code) == (DecisionProblem.NOT_DECIDING_BODY, FOOD)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert [h.event for h in view.history] == ["taken"]  # nothing was recorded by either refusal
    assert view.status is CaseStatus.AWAITING_DEFERRED
