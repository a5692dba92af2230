"""The window decides no department's item, at every door the actions offer; 办结 decides nothing.

Each test is an attack that went through before the rule (counter.access.authority): a 小餐馆 case routed and
nobody signed for it, and the window granting or denying what the departments decide.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.cases.decisions import decide_item
from counter.actions.cases.item_authority import CLERK_COLUMN, recorded_for
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.actions.intake.take import move_case
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseEvent, CaseStatus
from counter.db import models
from counter.db.case_store import case_view
from tests.actions.test_intake_actions import full_request, take
from tests.entrusted import ENTERED, ENTRUSTMENT, RESTAURANT_ITEMS, entrust_in

FOOD, SIGN, TAX = RESTAURANT_ITEMS[1], RESTAURANT_ITEMS[2], RESTAURANT_ITEMS[3]
MARKET = "乌兰浩特市市场监督管理局"
NOW = dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)
IDENTITY = DeskIdentity("XAM01", "1")  # the desk every account sits at


def accounts(owner: sessionmaker[Session]) -> dict[Role, Desk]:
    """A clerk, a supervisor and 市监局's staff member, as the administrator adds them."""
    people = {
        Role.CLERK: ("wulan", "乌兰", ""),
        Role.SUPERVISOR: ("bater", "巴特尔", ""),
        Role.DEPARTMENT: ("lina", "李娜", MARKET),
    }
    with owner.begin() as s:
        for role, (login, name, department) in people.items():
            s.add(models.Account(login=login, name=name, roles=role.value, password_hash="x", department=department))
    return {
        role: Desk(IDENTITY, name, Actor(login, name, frozenset({role}))) for role, (login, name, _) in people.items()
    }


def routed(sessions: sessionmaker[Session], desk: Desk) -> str:
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        route_items(s, desk, number, NOW)
    return number


def test_completing_a_routed_case_grants_nothing_and_names_the_items_left(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """Routed, none signed: 办结 granted all four items, 食品经营许可 too, in the window's name."""
    number = routed(sessions, desk)
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        move_case(s, desk, number, CaseEvent.COMPLETED)
    assert refused.value.problem is DecisionProblem.UNDECIDED
    assert tuple(refused.value.item_code.split("、")) == RESTAURANT_ITEMS
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.decisions() == {}
    assert view.status is CaseStatus.ACCEPTED


def test_a_clerk_grants_no_departments_item_and_a_supervisor_denies_none(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    number = routed(sessions, desk)
    people = accounts(owner)
    with sessions.begin() as s, pytest.raises(DecisionRefused) as granted:
        decide_item(s, people[Role.CLERK], number, TAX, approve=True, text="任意号码")
    assert (granted.value.problem, granted.value.deciding) == (
        DecisionProblem.NOT_DECIDING_BODY,
        "国家税务总局乌兰浩特市税务局",
    )
    with sessions.begin() as s, pytest.raises(DecisionRefused) as denied:
        decide_item(s, people[Role.SUPERVISOR], number, SIGN, approve=False, text="不符合规范")
    assert denied.value.problem is DecisionProblem.NOT_DECIDING_BODY
    with sessions.begin() as s, pytest.raises(DecisionRefused) as stepped:  # nor at the department's door
        take_item_step(s, people[Role.CLERK], number, FOOD, StepRequest(ItemEvent.SIGNED), NOW)
    assert stepped.value.problem is DecisionProblem.NOT_DECIDING_BODY
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.decisions() == {}


def test_the_department_decides_its_own_item_in_its_own_name(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    number = routed(sessions, desk)
    lina = accounts(owner)[Role.DEPARTMENT]
    for request in (StepRequest(ItemEvent.SIGNED), StepRequest(ItemEvent.APPROVED, result_no="JY11522010012345")):
        with sessions.begin() as s:
            take_item_step(s, lina, number, FOOD, request, NOW)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.decisions()[FOOD].approved
    assert [h.clerk for h in view.history if h.event == "item_approved"] == ["李娜"]


def test_an_entrusted_decision_is_the_departments_recorded_by_the_window_with_its_authorisation(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    number = routed(sessions, desk)
    entrust_in(owner, desk, TAX)
    with sessions.begin() as s:
        decide_item(s, desk, number, TAX, approve=True, text="", entered=ENTERED)
    with sessions() as s:
        view = case_view(s, number)
        details = [
            json.loads(detail)
            for detail in s.scalars(
                select(models.AuditEntry.detail).where(models.AuditEntry.subject == number).order_by(
                    models.AuditEntry.seq)
            )
        ]  # fmt: skip
    assert view is not None
    assert [h.clerk for h in view.history if h.event == "item_approved"] == [
        "国家税务总局乌兰浩特市税务局（由乌兰代为录入）"
    ]
    (approved,) = [d for d in details if d.get("event") == "item_approved"]
    assert approved["on_behalf_of"] == "国家税务总局乌兰浩特市税务局"
    assert approved["entrustment"] == ENTRUSTMENT


def test_a_long_department_and_clerk_name_keep_the_recorded_for_line_within_its_column() -> None:
    """The clerk's name is cut (…) before the department's: the line says whose decision it is, in 60 characters."""
    department = "内蒙古自治区兴安盟乌兰浩特市" + "综合行政执法局" * 4  # 42 characters
    clerk = "乌兰其其格·巴特尔·额尔敦毕力格"
    line = recorded_for(department, clerk)
    assert len(line) == CLERK_COLUMN
    assert line == f"{department}（由乌兰其其格·巴特尔·…代为录入）"
    assert recorded_for("乌兰浩特市市场监督管理局", clerk) == f"乌兰浩特市市场监督管理局（由{clerk}代为录入）"
