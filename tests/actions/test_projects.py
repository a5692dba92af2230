"""帮您办 through the actions, on both databases: a project served from application through a three-stage plan with
four approvals (two in parallel) to 办结 and its evaluation, another ended with its reason; every refusal keeps
nothing; the agent's day, the monthly report and the figures' own channel read them back."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor, Role
from counter.actions.admin.accounts import add_account
from counter.actions.projects.project_reads import agent_queue, evaluation_counts, projects_report
from counter.actions.projects.project_steps import (
    accept_project,
    assign_agents,
    complete_project,
    evaluate_project,
    file_step,
    plan_project,
    read_project,
    record_coordination,
    register_project,
    sign_project,
    step_done,
    terminate_project,
)
from counter.actions.ratings.period_figures import period_figures
from counter.audit.actions import AuditAction
from counter.db import models
from counter.projects.model import (
    Coordination,
    PlanStep,
    ProjectEvent,
    ProjectState,
    Satisfaction,
    Stage,
    StepState,
)
from counter.projects.report import Month
from counter.projects.rules import ProjectProblem, ProjectRefused
from counter.projects.schedule import NextKind
from counter.ratings.figures import Grouping
from tests.projects.samples import APPLIED, FACTS, OTHER, plan

NOW = dt.datetime(2026, 9, 1, 2, 0, tzinfo=dt.UTC)
PASSWORD = "Xam-2026-shenpi"


def at(day: dt.date, hour: int = 2) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), dt.UTC)


def days(n: int) -> dt.date:
    return APPLIED + dt.timedelta(days=n)


def served(sessions: sessionmaker[Session], desk: Desk) -> str:
    """The food factory registered, accepted, signed with two agents and planned."""
    with sessions.begin() as s:
        number = register_project(s, desk, FACTS, APPLIED, at(APPLIED))
        accept_project(s, desk, number, APPLIED, at(APPLIED, 3))
        assign_agents(s, desk, number, ("乌兰", "张敏"), at(APPLIED, 4))
        sign_project(s, desk, number, days(1), days(1), at(days(1)))
        plan_project(s, desk, number, plan(days(1)), at(days(1), 3))
    return number


def test_a_project_goes_from_application_to_its_evaluation(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = served(sessions, desk)
    with sessions.begin() as s:
        file_step(s, desk, number, 1, days(2), days(2), at(days(2)))
        step_done(s, desk, number, 1, days(5), days(5), at(days(5)), result_no="2026-152201-14-03-046812")
        # the land stage's two approvals run in parallel: both filed the same day
        file_step(s, desk, number, 2, days(6), days(6), at(days(6)))
        file_step(s, desk, number, 3, days(6), days(6), at(days(6), 3))
        coordination = Coordination(days(8), "盟自然资源局 耕保科", "用地预审与水保方案联合审查", "同意并联审查", "")
        record_coordination(s, desk, number, coordination, days(8), at(days(8)))
        step_done(s, desk, number, 3, days(20), days(20), at(days(20)), result_no="兴水保〔2026〕31号")
        step_done(s, desk, number, 2, days(24), days(24), at(days(24)), result_no="用字第152201202600031号")
        file_step(s, desk, number, 4, days(30), days(30), at(days(30)))
        step_done(s, desk, number, 4, days(50), days(50), at(days(50)), result_no="152201202610200101")
        complete_project(s, desk, number, days(52), days(52), at(days(52)))
        evaluate_project(s, desk, number, Satisfaction.VERY_SATISFIED, "服务周到", days(52), at(days(52), 3))
    with sessions.begin() as s:
        view = read_project(s, number)
        entries = s.scalar(
            select(func.count())
            .select_from(models.AuditEntry)
            .where(models.AuditEntry.action == AuditAction.PROJECT_CHANGED.value, models.AuditEntry.subject == number)
        )
    assert view.state is ProjectState.COMPLETED
    assert view.agents == ("乌兰", "张敏")
    assert [s.state for s in view.steps] == [StepState.DONE] * 4
    assert {s.stage for s in view.steps} == {Stage.INITIATION, Stage.LAND, Stage.CONSTRUCTION}
    land = view.step(2)
    assert land is not None
    assert land.result_no == "用字第152201202600031号"
    assert view.coordinations[0].agent == desk.clerk  # the agent who recorded it, when none is named
    assert view.satisfaction is Satisfaction.VERY_SATISFIED
    assert view.ended_on == days(52)
    events = [line.event for line in view.history]
    assert events[:5] == [
        ProjectEvent.APPLIED, ProjectEvent.ACCEPTED, ProjectEvent.AGENT_ASSIGNED, ProjectEvent.SIGNED,
        ProjectEvent.PLANNED,
    ]  # fmt: skip
    assert events[-2:] == [ProjectEvent.COMPLETED, ProjectEvent.EVALUATED]
    assert len(events) == 16
    assert entries == 16


def test_a_later_stage_waits_for_the_earlier_one(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = served(sessions, desk)
    with sessions.begin() as s:
        file_step(s, desk, number, 1, days(2), days(2), at(days(2)))
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        file_step(s, desk, number, 2, days(3), days(3), at(days(3)))
    assert refused.value.problems == (ProjectProblem.EARLIER_STAGE_OPEN,)
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        complete_project(s, desk, number, days(3), days(3), at(days(3)))
    assert refused.value.problems == (ProjectProblem.STEPS_OPEN,)
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        file_step(s, desk, number, 1, days(2), days(2), at(days(2)), case_no="XAM01-20260902-08-0001")
    assert refused.value.problems == (ProjectProblem.STEP_ALREADY, ProjectProblem.NO_SUCH_CASE)
    with sessions.begin() as s:
        view = read_project(s, number)
    assert [s.state for s in view.steps] == [StepState.FILED, StepState.PLANNED, StepState.PLANNED, StepState.PLANNED]
    assert view.step(1).case_no == ""  # type: ignore[union-attr]


def test_a_new_plan_keeps_what_happened(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = served(sessions, desk)
    with sessions.begin() as s:
        file_step(s, desk, number, 1, days(2), days(2), at(days(2)))
    later = tuple(s for s in plan(days(10)))
    with sessions.begin() as s:
        plan_project(s, desk, number, later, at(days(3)))
        view = read_project(s, number)
    assert view.step(1).filed_on == days(2)  # type: ignore[union-attr]
    assert view.step(4).expected_on == days(70)  # type: ignore[union-attr]
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        plan_project(s, desk, number, later[1:], at(days(4)))  # the filed step dropped
    assert refused.value.problems == (ProjectProblem.STEP_CHANGED_AFTER_FILING,)


def test_a_project_ends_with_its_reason_and_nothing_after(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as s:
        number = register_project(s, desk, OTHER, APPLIED, at(APPLIED))
        accept_project(s, desk, number, days(1), at(days(1)))
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        sign_project(s, desk, number, days(2), days(2), at(days(2)))
    assert refused.value.problems == (ProjectProblem.NO_AGENT,)
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        terminate_project(s, desk, number, "  ", days(9), days(3), at(days(3)))
    assert refused.value.problems == (ProjectProblem.REASON_MISSING, ProjectProblem.DATE_IN_FUTURE)
    with sessions.begin() as s:
        terminate_project(
            s, desk, number, "项目用地未纳入国土空间规划，暂不具备办理条件", days(3), days(3), at(days(3))
        )
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        accept_project(s, desk, number, days(4), at(days(4)))
    assert refused.value.problems == (ProjectProblem.NOT_NOW,)
    with sessions.begin() as s:
        view = read_project(s, number)
    assert view.state is ProjectState.TERMINATED
    assert view.ended_on == days(3)
    assert view.end_reason.startswith("项目用地未纳入")
    assert [line.event for line in view.history][-1] is ProjectEvent.TERMINATED


def test_bad_facts_are_refused_with_every_problem(sessions: sessionmaker[Session], desk: Desk) -> None:
    from dataclasses import replace

    bad = replace(FACTS, name=" ", county="", investment=0, requested=(2, 99))
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        register_project(s, desk, bad, APPLIED, NOW)
    assert refused.value.problems == (
        ProjectProblem.NAME_MISSING, ProjectProblem.COUNTY_MISSING, ProjectProblem.INVESTMENT_OUT_OF_RANGE,
        ProjectProblem.UNKNOWN_ITEM,
    )  # fmt: skip
    with sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(models.Project)) == 0


@pytest.mark.parametrize(
    "change",
    [{"name": "水泥\x00厂"}, {"investor": "兴\u200b安"}, {"county": "科尔沁右翼前旗" * 8}, {"purpose": "扩\u202e建"},
     {"location": "路" * 121}],
)  # fmt: skip
def test_a_box_the_desk_would_not_take_registers_nothing(
    sessions: sessionmaker[Session], desk: Desk, change: dict[str, str]
) -> None:
    """The project travels in the township's package, whose reading refuses a NUL with the whole package."""
    from dataclasses import replace

    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        register_project(s, desk, replace(FACTS, **change), APPLIED, NOW)  # type: ignore[arg-type]
    assert refused.value.problems == (ProjectProblem.TEXT_NOT_TAKEN,)
    with sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(models.Project)) == 0


def test_a_reason_or_agent_the_desk_would_not_take_is_refused(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as s:
        number = register_project(s, desk, OTHER, APPLIED, at(APPLIED))
        accept_project(s, desk, number, days(1), at(days(1)))
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        assign_agents(s, desk, number, ("乌\x00兰",), at(days(1)))
    assert refused.value.problems == (ProjectProblem.TEXT_NOT_TAKEN,)
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        terminate_project(s, desk, number, "用地\x00未批", days(3), days(3), at(days(3)))
    assert refused.value.problems == (ProjectProblem.TEXT_NOT_TAKEN,)


def test_an_account_without_the_right_registers_nothing(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as s:
        assert add_account(s, desk, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)) == ()
    admin = Desk(desk.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    with sessions.begin() as s:
        assert add_account(s, admin, NewAccount("shenpi", "审批员", frozenset({Role.DEPARTMENT}), PASSWORD)) == ()
    department = Desk(desk.identity, "审批员", Actor("shenpi", "审批员", frozenset({Role.DEPARTMENT})))
    with pytest.raises(NotPermitted), sessions.begin() as s:
        register_project(s, department, FACTS, APPLIED, NOW)
    with sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(models.Project)) == 0


def test_the_agents_day_the_report_and_the_figures_channel(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = served(sessions, desk)
    with sessions.begin() as s:
        other = register_project(s, desk, OTHER, days(2), at(days(2)))
        file_step(s, desk, number, 1, days(2), days(2), at(days(2)))
    today = days(20)  # step 1 expected on day 6, not done: overdue
    with sessions.begin() as s:
        queue = agent_queue(s, today)
        mine = agent_queue(s, today, agent="张敏")
    assert [r.project.project_no for r in queue] == [number, other]
    assert queue[0].overdue == 1
    assert queue[0].next is not None
    assert queue[0].next.kind is NextKind.AWAIT
    assert queue[0].next.overdue(today)
    assert queue[1].next is not None
    assert queue[1].next.kind is NextKind.ACCEPT
    assert queue[1].overdue == 0
    assert [r.project.project_no for r in mine] == [number]
    with sessions.begin() as s:
        terminate_project(s, desk, other, "投资方调整计划", days(25), days(25), at(days(25)))
        for step in (1,):
            step_done(s, desk, number, step, days(26), days(26), at(days(26)))
        for step in (2, 3):
            file_step(s, desk, number, step, days(27), days(27), at(days(27)))
            step_done(s, desk, number, step, days(28), days(28), at(days(28)))
        file_step(s, desk, number, 4, days(29), days(29), at(days(29)))
        step_done(s, desk, number, 4, days(29), days(29), at(days(29), 3))
        complete_project(s, desk, number, days(29), days(29), at(days(29), 4))
        evaluate_project(s, desk, number, Satisfaction.SATISFIED, "", days(29), at(days(29), 5))
    with sessions.begin() as s:
        september = projects_report(s, Month(2026, 9), days(40))
        early = projects_report(s, Month(2026, 9), days(10))
        october = projects_report(s, Month(2026, 10), days(40))
        channel = evaluation_counts(s, dt.date(2026, 9, 1), dt.date(2026, 9, 30))
        figures = period_figures(s, dt.date(2026, 9, 1), dt.date(2026, 9, 30), Grouping.SITE, days(40), desk=desk)
    counties = {(r.county, r.state) for r in september.rows}
    assert counties == {("乌兰浩特市", ProjectState.COMPLETED), ("科尔沁右翼前旗", ProjectState.TERMINATED)}
    assert september.due_on == dt.date(2026, 9, 23)
    # made for the month on its tenth day, each project as it stood then
    assert {(r.project_no, r.state, r.stage, r.steps_done) for r in early.rows} == {
        (number, ProjectState.IN_SERVICE, "initiation", 0),
        (other, ProjectState.APPLIED, "none", 0),
    }
    assert october.rows == ()  # both ended in September
    assert (channel.very_satisfied, channel.satisfied, channel.dissatisfied) == (0, 1, 0)
    assert figures.agent_service == channel
    assert channel.satisfied_rate == 1.0


def test_a_site_list_replaces_the_shipped_one_and_a_broken_one_keeps_nothing(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    from counter.actions.projects.project_steps import import_service_list, service_list
    from counter.projects.service_items import BadServiceList, ListProblem, shipped_list_path

    shipped = shipped_list_path().read_text(encoding="utf-8")
    own = shipped + "23\t林草部门\t使用林地审核同意书核发\t行政许可\t用地\n"
    with pytest.raises(BadServiceList) as bad, sessions.begin() as s:
        import_service_list(s, desk, own + "24\t\t名称\t许可\t规划\n")
    assert {f.problem for f in bad.value.faults} == {ListProblem.EMPTY, ListProblem.KIND}
    with sessions.begin() as s:
        assert len(service_list(s).items) == 22
        assert len(import_service_list(s, desk, own).items) == 23
    number = served(sessions, desk)
    forest = PlanStep(5, "使用林地审核同意书核发", "林草部门", Stage.LAND, days(20), item_no=23)
    # a new 授权委托书 lists the site's own item too (tests/actions/test_project_mandate.py)
    with sessions.begin() as s:
        sign_project(s, desk, number, days(2), days(2), at(days(2)), items=(*FACTS.requested, 23))
        plan_project(s, desk, number, (*plan(days(1)), forest), at(days(2)))
        assert read_project(s, number).step(5) == forest
        assert service_list(s).item(23) is not None


def test_no_agent_a_coordination_the_desk_would_not_take_or_a_day_to_come_keeps_nothing(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """Agents all blank, a coordination whose text holds a NUL or dated tomorrow, a 办结 dated tomorrow: each refused
    by name, and the project reads as before."""
    number = served(sessions, desk)
    with sessions() as s:
        before = read_project(s, number)
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        assign_agents(s, desk, number, ("  ", ""), at(days(1)))
    assert refused.value.problems == (ProjectProblem.NO_AGENT,)
    coordination = Coordination(days(3), "盟自然资源局", "用地\x00预审", "同意", "")
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        record_coordination(s, desk, number, coordination, days(2), at(days(2)))
    assert refused.value.problems == (ProjectProblem.DATE_IN_FUTURE, ProjectProblem.TEXT_NOT_TAKEN)
    with sessions() as s:
        after = read_project(s, number)
    assert (after.state, after.agents, after.coordinations, len(after.history)) == (
        before.state, ("乌兰", "张敏"), (), len(before.history)
    )  # fmt: skip
    with sessions.begin() as s:
        for step in (1, 2, 3, 4):
            file_step(s, desk, number, step, days(2), days(2), at(days(2), step))
            step_done(s, desk, number, step, days(5), days(5), at(days(5), step), result_no=f"2026-{step}")
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        complete_project(s, desk, number, days(7), days(6), at(days(6)))
    assert refused.value.problems == (ProjectProblem.DATE_IN_FUTURE,)
    with sessions() as s:
        assert (read_project(s, number).state, read_project(s, number).ended_on) == (ProjectState.IN_SERVICE, None)
