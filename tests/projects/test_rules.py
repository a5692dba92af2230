"""The moves of a 帮您办 project and what each needs: every refusal the rules know is reachable, with its own code;
the stages are filed in their order, and the steps of one stage in parallel."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from counter.projects.model import (
    PlanStep,
    ProjectEvent,
    ProjectFacts,
    ProjectState,
    ProjectView,
    Satisfaction,
    Stage,
)
from counter.projects.rules import (
    MAX_STEPS,
    ProjectProblem,
    ProjectRefused,
    check_move,
    completion_problems,
    done_problems,
    facts_problems,
    filing_problems,
    mandate_problems,
    next_state,
    plan_problems,
)
from counter.projects.service_items import shipped_service_list
from tests.projects.samples import APPLIED, FACTS, plan

LIST = shipped_service_list()
KNOWN = tuple(i.no for i in LIST.items)
TODAY = dt.date(2026, 9, 10)

# refused by the actions, not by a function of the rules: the database's cases, the words of an end and of a
# coordination; tests/cli/test_project_commands.py reaches each through the command line
ACTION_ONLY = frozenset(
    {ProjectProblem.NO_SUCH_CASE, ProjectProblem.REASON_MISSING, ProjectProblem.COORDINATION_INCOMPLETE}
)


def project(state: ProjectState = ProjectState.IN_SERVICE, **changes: object) -> ProjectView:
    view = ProjectView(
        project_no="XAM01-20260901-P01-0001",
        site_code="XAM01",
        state=state,
        facts=FACTS,
        applied_on=APPLIED,
        agents=("乌兰",),
        accepted_on=APPLIED,
        signed_on=APPLIED,
        mandate=FACTS.requested,
        steps=plan(APPLIED),
    )
    return replace(view, **changes)  # type: ignore[arg-type]


def reached(problems: list[ProjectProblem]) -> set[ProjectProblem]:
    return set(problems)


def refused(event: ProjectEvent, view: ProjectView) -> tuple[ProjectProblem, ...]:
    with pytest.raises(ProjectRefused) as caught:
        check_move(view, event)
    return caught.value.problems


def test_every_problem_of_the_rules_is_reachable_and_the_others_are_the_actions() -> None:
    seen: set[ProjectProblem] = set()
    empty = ProjectFacts(name=" ", investor="", location="", county="", investment=0, requested=())
    seen |= reached(facts_problems(empty, LIST))
    seen |= reached(facts_problems(replace(FACTS, requested=(2, 99)), LIST))
    seen |= reached(facts_problems(replace(FACTS, name="水泥\x00厂"), LIST))
    seen |= reached(facts_problems(replace(FACTS, requested=(1, 2, 3)), LIST))
    seen |= reached(facts_problems(replace(FACTS, requested=(1, 3), government=True), LIST))
    allocation = PlanStep(5, "划拨国有土地使用权审批", "自然资源部门", Stage.LAND, APPLIED, item_no=8)
    seen |= reached(plan_problems(project(), (*plan(APPLIED), allocation), KNOWN))
    seen |= reached(plan_problems(project(), (), KNOWN))
    too_long = tuple(PlanStep(n, f"审批{n}", "部门", Stage.LAND, APPLIED) for n in range(1, MAX_STEPS + 2))
    seen |= reached(plan_problems(project(), too_long, KNOWN))
    step = plan(APPLIED)[0]
    bad = (
        replace(step, name=""),
        replace(step, no=2, item_no=2),
        replace(step, no=3, item_no=99, expected_on=APPLIED - dt.timedelta(days=1)),
    )
    seen |= reached(plan_problems(project(), bad, KNOWN))
    filed = project(steps=(replace(step, filed_on=APPLIED), *plan(APPLIED)[1:]))
    seen |= reached(plan_problems(filed, plan(APPLIED)[1:], KNOWN))
    seen |= reached(mandate_problems(filed, (7, 16, 10), LIST, APPLIED - dt.timedelta(days=1), TODAY))
    seen |= reached(filing_problems(project(), 9, TODAY, TODAY))
    seen |= reached(filing_problems(filed, 1, TODAY + dt.timedelta(days=1), TODAY))
    seen |= reached(filing_problems(project(), 2, TODAY, TODAY))
    seen |= reached(done_problems(project(), 1, TODAY, TODAY))
    seen |= reached(done_problems(filed, 1, APPLIED - dt.timedelta(days=1), TODAY))
    seen.update(refused(ProjectEvent.ACCEPTED, project()))
    seen.update(refused(ProjectEvent.SIGNED, project(ProjectState.ACCEPTED, agents=())))
    seen.update(refused(ProjectEvent.COMPLETED, project()))
    evaluated = project(ProjectState.COMPLETED, satisfaction=Satisfaction.SATISFIED)
    seen.update(refused(ProjectEvent.EVALUATED, evaluated))
    assert seen == set(ProjectProblem) - ACTION_ONLY
    assert set(ProjectProblem) >= ACTION_ONLY


def test_facts_list_every_missing_box_at_once() -> None:
    empty = ProjectFacts(name=" ", investor="", location="", county="", investment=0)
    assert facts_problems(empty, LIST) == [
        ProjectProblem.NAME_MISSING,
        ProjectProblem.INVESTOR_MISSING,
        ProjectProblem.LOCATION_MISSING,
        ProjectProblem.COUNTY_MISSING,
        ProjectProblem.INVESTMENT_OUT_OF_RANGE,
        ProjectProblem.NO_CLASS,
        ProjectProblem.NOTHING_REQUESTED,
    ]
    assert facts_problems(FACTS, LIST) == []
    # a key project needs no class besides: 是否重点项目 is one of the reasons
    assert facts_problems(replace(FACTS, classes=frozenset()), LIST) == []
    no_reason = replace(FACTS, classes=frozenset(), key_project=False)
    assert facts_problems(no_reason, LIST) == [ProjectProblem.NO_CLASS]
    assert facts_problems(replace(FACTS, investment=100_000_001), LIST) == [ProjectProblem.INVESTMENT_OUT_OF_RANGE]


def test_the_moves_follow_the_flow_chart() -> None:
    assert next_state(ProjectState.APPLIED, ProjectEvent.ACCEPTED) is ProjectState.ACCEPTED
    assert next_state(ProjectState.ACCEPTED, ProjectEvent.SIGNED) is ProjectState.IN_SERVICE
    assert next_state(ProjectState.IN_SERVICE, ProjectEvent.COMPLETED) is ProjectState.COMPLETED
    assert next_state(ProjectState.IN_SERVICE, ProjectEvent.STEP_FILED) is ProjectState.IN_SERVICE
    assert next_state(ProjectState.ACCEPTED, ProjectEvent.TERMINATED) is ProjectState.TERMINATED
    for ended in (ProjectState.COMPLETED, ProjectState.TERMINATED):
        for event in (ProjectEvent.TERMINATED, ProjectEvent.PLANNED, ProjectEvent.STEP_FILED, ProjectEvent.ACCEPTED):
            with pytest.raises(ProjectRefused) as caught:
                next_state(ended, event)
            assert caught.value.problems == (ProjectProblem.NOT_NOW,)
    with pytest.raises(ProjectRefused) as caught:
        next_state(ProjectState.ACCEPTED, ProjectEvent.PLANNED)  # the plan follows the signing
    assert caught.value.problems == (ProjectProblem.NOT_NOW,)


def test_a_later_stage_waits_for_every_step_of_the_earlier_ones() -> None:
    steps = plan(APPLIED)  # 1 立项; 2, 3 用地 in parallel; 4 施工
    view = project(steps=steps)
    assert filing_problems(view, 1, TODAY, TODAY) == []
    assert filing_problems(view, 2, TODAY, TODAY) == [ProjectProblem.EARLIER_STAGE_OPEN]
    assert filing_problems(view, 4, TODAY, TODAY) == [ProjectProblem.EARLIER_STAGE_OPEN]
    # 立项 filed but not done: the land stage still waits
    filed = project(steps=(replace(steps[0], filed_on=APPLIED), *steps[1:]))
    assert filing_problems(filed, 2, TODAY, TODAY) == [ProjectProblem.EARLIER_STAGE_OPEN]
    # 立项 done: both steps of the land stage may be filed, one after the other or together
    done = (replace(steps[0], filed_on=APPLIED, done_on=APPLIED), *steps[1:])
    assert filing_problems(project(steps=done), 2, TODAY, TODAY) == []
    assert filing_problems(project(steps=done), 3, TODAY, TODAY) == []
    one_filed = (done[0], replace(done[1], filed_on=TODAY), done[2], done[3])
    assert filing_problems(project(steps=one_filed), 3, TODAY, TODAY) == []
    # one of the land stage done, the other not: 施工 still waits
    one_done = (done[0], replace(done[1], filed_on=TODAY, done_on=TODAY), replace(done[2], filed_on=TODAY), done[3])
    assert filing_problems(project(steps=one_done), 4, TODAY, TODAY) == [ProjectProblem.EARLIER_STAGE_OPEN]
    both = (*one_done[:2], replace(one_done[2], done_on=TODAY), done[3])
    assert filing_problems(project(steps=both), 4, TODAY, TODAY) == []


def test_a_step_is_filed_once_and_done_once_after_its_filing() -> None:
    steps = plan(APPLIED)
    filed = project(steps=(replace(steps[0], filed_on=dt.date(2026, 9, 5)), *steps[1:]))
    assert filing_problems(filed, 1, TODAY, TODAY) == [ProjectProblem.STEP_ALREADY]
    assert done_problems(filed, 1, dt.date(2026, 9, 4), TODAY) == [ProjectProblem.DATE_BEFORE_FILING]
    assert done_problems(filed, 1, dt.date(2026, 9, 5), TODAY) == []
    assert done_problems(filed, 1, TODAY + dt.timedelta(days=1), TODAY) == [ProjectProblem.DATE_IN_FUTURE]
    done = project(steps=(replace(steps[0], filed_on=APPLIED, done_on=APPLIED), *steps[1:]))
    assert done_problems(done, 1, TODAY, TODAY) == [ProjectProblem.STEP_ALREADY]
    assert done_problems(project(), 1, TODAY, TODAY) == [ProjectProblem.STEP_NOT_FILED]
    assert done_problems(project(), 7, TODAY, TODAY) == [ProjectProblem.NO_SUCH_STEP]


def test_a_new_plan_keeps_what_was_filed_where_it_was() -> None:
    steps = plan(APPLIED)
    filed = project(steps=(replace(steps[0], filed_on=APPLIED), *steps[1:]))
    assert plan_problems(filed, steps, KNOWN) == []
    moved = (replace(steps[0], stage=Stage.LAND), *steps[1:])
    assert plan_problems(filed, moved, KNOWN) == [ProjectProblem.STEP_CHANGED_AFTER_FILING]
    renamed = (replace(steps[0], name="另一个审批"), *steps[1:])
    assert plan_problems(filed, renamed, KNOWN) == [ProjectProblem.STEP_CHANGED_AFTER_FILING]
    # a step still to file may be dropped or moved
    assert plan_problems(filed, steps[:3], KNOWN) == []
    assert plan_problems(project(), (replace(steps[0], stage=Stage.LAND),), KNOWN) == []


def test_completion_needs_every_step_done_and_signing_an_agent() -> None:
    steps = plan(APPLIED)
    assert completion_problems(project(steps=())) == [ProjectProblem.PLAN_EMPTY]
    assert completion_problems(project()) == [ProjectProblem.STEPS_OPEN]
    done = tuple(replace(s, filed_on=APPLIED, done_on=APPLIED) for s in steps)
    assert completion_problems(project(steps=done)) == []
    assert check_move(project(steps=done), ProjectEvent.COMPLETED) is ProjectState.COMPLETED
    assert refused(ProjectEvent.SIGNED, project(ProjectState.ACCEPTED, agents=())) == (ProjectProblem.NO_AGENT,)
    assert check_move(project(ProjectState.ACCEPTED), ProjectEvent.SIGNED) is ProjectState.IN_SERVICE
    completed = project(ProjectState.COMPLETED, steps=done)
    assert check_move(completed, ProjectEvent.EVALUATED) is ProjectState.COMPLETED
