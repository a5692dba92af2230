"""The moves of a project between its states, and what each move and the plan need; refusals as codes.

The flow is 附件2's: 申请 → 受理 (the window checks scope and conditions and agrees the items) → the 授权委托书 and
承诺书 signed with an agent named (代办中) → the plan made and followed stage by stage → 办结 with the 办结单 and the
评价表; or, at any point before 办结, 终止 with the 终止单 (附件5 第七条: the project cannot be approved, or its
materials are false).  Every check returns all its problems at once, so the window shows them in one place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from enum import StrEnum

from counter.parties.text import TextField, check_text
from counter.projects.model import (
    STAGE_ORDER,
    PlanStep,
    ProjectEvent,
    ProjectFacts,
    ProjectState,
    ProjectView,
    StepState,
)
from counter.projects.service_items import Regime, ServiceList

MAX_STEPS = 60
MAX_INVESTMENT = 100_000_000  # 万元: a trillion yuan, past any project a league sees; catches a yuan/万元 slip


class ProjectProblem(StrEnum):
    """Why a move or a plan is refused; the faces word them."""

    NOT_NOW = "not_now"  # the event is not allowed in the project's state
    NAME_MISSING = "name_missing"
    INVESTOR_MISSING = "investor_missing"
    LOCATION_MISSING = "location_missing"
    COUNTY_MISSING = "county_missing"
    INVESTMENT_OUT_OF_RANGE = "investment_out_of_range"
    NO_CLASS = "no_class"  # none of the four reasons the service is for
    NOTHING_REQUESTED = "nothing_requested"
    UNKNOWN_ITEM = "unknown_item"  # a requested or planned number not on the reference list
    APPROVAL_AND_FILING = "approval_and_filing"  # 企业投资项目核准 and 备案 both asked: one or the other
    GOVERNMENT_ITEM = "government_item"  # a 政府投资 approval for a project that is not a government investment
    ENTERPRISE_ITEM = "enterprise_item"  # 核准 or 备案 for a government investment
    OUTSIDE_MANDATE = "outside_mandate"  # a step of an item the signed 授权委托书 does not list
    MANDATE_DROPS_STEP = "mandate_drops_step"  # a new 授权委托书 leaving out an item already filed or done
    DATE_BEFORE_SIGNING = "date_before_signing"  # a new 授权委托书 dated before the one it replaces
    NO_AGENT = "no_agent"  # signing needs an agent named
    PLAN_EMPTY = "plan_empty"
    PLAN_TOO_LONG = "plan_too_long"
    STEP_INCOMPLETE = "step_incomplete"  # a step without name or department
    STEP_DUPLICATE = "step_duplicate"  # one item twice in the plan
    STEP_BEFORE_ACCEPTED = "step_before_accepted"  # expected before the project was accepted
    STEP_CHANGED_AFTER_FILING = "step_changed_after_filing"  # a filed or done step dropped or moved to another stage
    NO_SUCH_STEP = "no_such_step"
    NO_SUCH_CASE = "no_such_case"  # the intake linked to a step is not in this database
    STEP_ALREADY = "step_already"  # filed twice, or done twice
    STEP_NOT_FILED = "step_not_filed"  # done before it was filed
    EARLIER_STAGE_OPEN = "earlier_stage_open"  # filed while an earlier stage still has approvals to come
    DATE_IN_FUTURE = "date_in_future"
    DATE_BEFORE_FILING = "date_before_filing"
    STEPS_OPEN = "steps_open"  # 办结 with approvals still to come
    REASON_MISSING = "reason_missing"  # 终止 without its reason
    ALREADY_EVALUATED = "already_evaluated"
    COORDINATION_INCOMPLETE = "coordination_incomplete"
    TEXT_NOT_TAKEN = "text_not_taken"  # a box of the 申请表 the desk would not take (counter.parties.text)


class ProjectRefused(Exception):
    """A move refused; every problem is listed, nothing was kept."""

    def __init__(self, problems: Sequence[ProjectProblem]) -> None:
        self.problems = tuple(dict.fromkeys(problems))
        super().__init__(", ".join(p.value for p in self.problems))


# event -> the states it may happen in, and the state it leads to (None: the state stays)
MOVES: dict[ProjectEvent, tuple[frozenset[ProjectState], ProjectState | None]] = {
    ProjectEvent.ACCEPTED: (frozenset({ProjectState.APPLIED}), ProjectState.ACCEPTED),
    ProjectEvent.AGENT_ASSIGNED: (frozenset({ProjectState.ACCEPTED, ProjectState.IN_SERVICE}), None),
    # signed again in service: a new 授权委托书 when the items change (方案 二(五): 签订授权委托书 … 制定代办帮办方案)
    ProjectEvent.SIGNED: (frozenset({ProjectState.ACCEPTED, ProjectState.IN_SERVICE}), ProjectState.IN_SERVICE),
    ProjectEvent.PLANNED: (frozenset({ProjectState.IN_SERVICE}), None),
    ProjectEvent.STEP_FILED: (frozenset({ProjectState.IN_SERVICE}), None),
    ProjectEvent.STEP_DONE: (frozenset({ProjectState.IN_SERVICE}), None),
    ProjectEvent.COORDINATED: (frozenset({ProjectState.ACCEPTED, ProjectState.IN_SERVICE}), None),
    ProjectEvent.COMPLETED: (frozenset({ProjectState.IN_SERVICE}), ProjectState.COMPLETED),
    ProjectEvent.EVALUATED: (frozenset({ProjectState.COMPLETED}), None),
    ProjectEvent.TERMINATED: (
        frozenset({ProjectState.APPLIED, ProjectState.ACCEPTED, ProjectState.IN_SERVICE}),
        ProjectState.TERMINATED,
    ),
}


def next_state(state: ProjectState, event: ProjectEvent) -> ProjectState:
    """The state after ``event``, or :class:`ProjectRefused` (``NOT_NOW``)."""
    allowed, after = MOVES[event]
    if state not in allowed:
        raise ProjectRefused([ProjectProblem.NOT_NOW])
    return after or state


#: the 申请表's boxes of text and the kind of text each is (counter.parties.text's table); the others are notes
FACT_TEXTS: dict[str, TextField] = {
    "investor": TextField.ORGANISATION_NAME, "location": TextField.ADDRESS, "county": TextField.PERSON_NAME,
    "investor_address": TextField.ADDRESS, "investor_head": TextField.PERSON_NAME, "postcode": TextField.PERSON_NAME,
    "phone": TextField.PERSON_NAME, "contact": TextField.PERSON_NAME, "contact_id_no": TextField.PERSON_NAME,
    "code": TextField.PERSON_NAME,
}  # fmt: skip


def fact_text_problems(facts: ProjectFacts) -> list[str]:
    """The 申请表's boxes whose text the desk would not take: control, invisible or direction characters, or too
    long.  The project travels to the hall in the township's package, whose reading refuses such text; the county
    (a 旗县市's name, kept in 60 characters) is held to a name's 50, the short boxes (phone, code) likewise."""
    names = [f.name for f in dataclasses.fields(facts) if isinstance(getattr(facts, f.name), str)]
    return [n for n in names if not check_text(getattr(facts, n), FACT_TEXTS.get(n, TextField.NOTE)).ok]


def requested_problems(numbers: Iterable[int], government: bool, items: ServiceList) -> list[ProjectProblem]:
    """Every problem of the items a project asks help with (the 申请表) or is signed for (the 授权委托书): on the
    list, and fit for the project's kind of investment (:class:`counter.projects.service_items.Regime`): 核准 or
    备案, not both; 政府投资 approvals only for a government investment, and 核准 or 备案 never for one."""
    listed = [items.item(no) for no in dict.fromkeys(numbers)]
    problems = [ProjectProblem.UNKNOWN_ITEM] if None in listed else []
    regimes = [item.regime for item in listed if item is not None]
    enterprise = regimes.count(Regime.ENTERPRISE)
    if enterprise > 1:
        problems.append(ProjectProblem.APPROVAL_AND_FILING)
    if Regime.GOVERNMENT in regimes and not government:
        problems.append(ProjectProblem.GOVERNMENT_ITEM)
    if enterprise and government:
        problems.append(ProjectProblem.ENTERPRISE_ITEM)
    return problems


def facts_problems(facts: ProjectFacts, items: ServiceList) -> list[ProjectProblem]:
    """Every problem of an application's facts (the 申请表's required boxes)."""
    problems = [ProjectProblem.TEXT_NOT_TAKEN] if fact_text_problems(facts) else []
    if not facts.name.strip():
        problems.append(ProjectProblem.NAME_MISSING)
    if not facts.investor.strip():
        problems.append(ProjectProblem.INVESTOR_MISSING)
    if not facts.location.strip():
        problems.append(ProjectProblem.LOCATION_MISSING)
    if not facts.county.strip():
        problems.append(ProjectProblem.COUNTY_MISSING)
    if not 0 < facts.investment <= MAX_INVESTMENT:
        problems.append(ProjectProblem.INVESTMENT_OUT_OF_RANGE)
    if not facts.classes and not facts.key_project:
        problems.append(ProjectProblem.NO_CLASS)
    if not facts.requested:
        problems.append(ProjectProblem.NOTHING_REQUESTED)
    problems.extend(requested_problems(facts.requested, facts.government, items))
    return problems


def plan_problems(
    project: ProjectView, steps: tuple[PlanStep, ...], known_items: Iterable[int]
) -> list[ProjectProblem]:
    """Every problem of a new plan for ``project``: its steps complete, each item once, each of the list's items one
    the signed 授权委托书 lists (an approval not on the list is the applicant's own, which the plan orders and the
    agent only guides), none dated before the project was accepted, and no step already filed or done lost or moved
    to another stage."""
    problems = []
    if not steps:
        problems.append(ProjectProblem.PLAN_EMPTY)
    if len(steps) > MAX_STEPS:
        problems.append(ProjectProblem.PLAN_TOO_LONG)
    if any(not s.name.strip() or not s.department.strip() for s in steps):
        problems.append(ProjectProblem.STEP_INCOMPLETE)
    listed = Counter(s.item_no for s in steps if s.item_no)
    if any(count > 1 for count in listed.values()):
        problems.append(ProjectProblem.STEP_DUPLICATE)
    known = set(known_items)
    if any(no not in known for no in listed):
        problems.append(ProjectProblem.UNKNOWN_ITEM)
    if any(not within_mandate(project, s) for s in steps):
        problems.append(ProjectProblem.OUTSIDE_MANDATE)
    if project.accepted_on is not None and any(s.expected_on < project.accepted_on for s in steps):
        problems.append(ProjectProblem.STEP_BEFORE_ACCEPTED)
    new = {s.no: s for s in steps}
    for old in project.steps:
        if old.state is StepState.PLANNED:
            continue
        kept = new.get(old.no)
        if kept is None or kept.stage is not old.stage or kept.name != old.name:
            problems.append(ProjectProblem.STEP_CHANGED_AFTER_FILING)
    return problems


def within_mandate(project: ProjectView, step: PlanStep) -> bool:
    """Whether the agent may act on ``step``: an approval not on the list, or an item the signed 授权委托书 lists.

    The agent acts in the unit's name only within the 授权委托书 ("具体事项以下列项目内容为准", 附件4; 民法典
    第一百六十二条, 第一百七十一条): an item it does not list waits for a new one to be signed.
    """
    return not step.item_no or step.item_no in project.mandate


def mandate_problems(
    project: ProjectView, numbers: tuple[int, ...], items: ServiceList, day: dt.date, today: dt.date
) -> list[ProjectProblem]:
    """Every problem of a 授权委托书 signed on ``day`` for ``numbers``: something listed, fit for the project, and
    (signed again in service) still listing every item whose step was filed or done, and not dated before the one
    it replaces."""
    problems = [] if numbers else [ProjectProblem.NOTHING_REQUESTED]
    problems.extend(requested_problems(numbers, project.facts.government, items))
    if any(s.item_no and s.item_no not in numbers and s.state is not StepState.PLANNED for s in project.steps):
        problems.append(ProjectProblem.MANDATE_DROPS_STEP)
    if day > today:
        problems.append(ProjectProblem.DATE_IN_FUTURE)
    if project.signed_on is not None and day < project.signed_on:
        problems.append(ProjectProblem.DATE_BEFORE_SIGNING)
    return problems


def filing_problems(project: ProjectView, step_no: int, day: dt.date, today: dt.date) -> list[ProjectProblem]:
    """Every problem of filing step ``step_no`` on ``day``: it exists and is still to file, and every step of an
    earlier stage is done (the applicant is guided through the stages in order, 申报计划 … 按序申报)."""
    step = project.step(step_no)
    if step is None:
        return [ProjectProblem.NO_SUCH_STEP]
    problems = [] if within_mandate(project, step) else [ProjectProblem.OUTSIDE_MANDATE]
    if step.state is not StepState.PLANNED:
        problems.append(ProjectProblem.STEP_ALREADY)
    if day > today:
        problems.append(ProjectProblem.DATE_IN_FUTURE)
    rank = STAGE_ORDER.index(step.stage)
    if any(STAGE_ORDER.index(s.stage) < rank and s.state is not StepState.DONE for s in project.steps):
        problems.append(ProjectProblem.EARLIER_STAGE_OPEN)
    return problems


def done_problems(project: ProjectView, step_no: int, day: dt.date, today: dt.date) -> list[ProjectProblem]:
    """Every problem of recording step ``step_no`` done on ``day``."""
    step = project.step(step_no)
    if step is None:
        return [ProjectProblem.NO_SUCH_STEP]
    problems = [] if within_mandate(project, step) else [ProjectProblem.OUTSIDE_MANDATE]
    if step.state is StepState.DONE:
        problems.append(ProjectProblem.STEP_ALREADY)
    elif step.filed_on is None:
        problems.append(ProjectProblem.STEP_NOT_FILED)
    elif day < step.filed_on:
        problems.append(ProjectProblem.DATE_BEFORE_FILING)
    if day > today:
        problems.append(ProjectProblem.DATE_IN_FUTURE)
    return problems


def completion_problems(project: ProjectView) -> list[ProjectProblem]:
    """办结 needs a plan, every step of it done."""
    if not project.steps:
        return [ProjectProblem.PLAN_EMPTY]
    if any(s.state is not StepState.DONE for s in project.steps):
        return [ProjectProblem.STEPS_OPEN]
    return []


def check_move(project: ProjectView, event: ProjectEvent) -> ProjectState:
    """The state after ``event`` with the move's own conditions: signing needs an agent, an evaluation is given once.

    The event's data are checked by the functions above; this is the part every face asks first.
    """
    after = next_state(project.state, event)
    problems = []
    if event is ProjectEvent.SIGNED and not project.agents:
        problems.append(ProjectProblem.NO_AGENT)
    if event is ProjectEvent.EVALUATED and project.satisfaction is not None:
        problems.append(ProjectProblem.ALREADY_EVALUATED)
    if event is ProjectEvent.COMPLETED:
        problems.extend(completion_problems(project))
    if problems:
        raise ProjectRefused(problems)
    return after
