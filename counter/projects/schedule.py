"""Where a project stands: its open stage, the steps to take next and their dates, and what is overdue.

The agent's day is read from this: a project in service waits on the steps of its earliest stage not done (its
parallel approvals); a project not yet in service waits on the window (受理, the signing, the plan).  A step is
overdue the day after its expected date, as every other deadline of the window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from counter.projects.model import STAGE_ORDER, PlanStep, ProjectState, ProjectView, Stage, StepState


class NextKind(StrEnum):
    ACCEPT = "accept"  # 待受理
    SIGN = "sign"  # 待签订授权委托书、承诺书
    PLAN = "plan"  # 待编制申报计划
    FILE = "file"  # 待申报 (a step of the open stage)
    AWAIT = "await"  # 待部门办结 (a filed step)
    COMPLETE = "complete"  # every step done: 待办结
    EVALUATE = "evaluate"  # 办结, 待评价


@dataclass(frozen=True, slots=True)
class NextStep:
    kind: NextKind
    step: PlanStep | None = None
    due_on: dt.date | None = None

    def overdue(self, today: dt.date) -> bool:
        return self.due_on is not None and self.due_on < today


def open_stage(project: ProjectView) -> Stage | None:
    """The earliest stage with a step not done; None when the plan is empty or done."""
    for stage in STAGE_ORDER:
        if any(s.stage is stage and s.state is not StepState.DONE for s in project.steps):
            return stage
    return None


def reached_stage(project: ProjectView) -> Stage | None:
    """The stage the project has reached: the open one, or the last planned when all are done."""
    stage = open_stage(project)
    if stage is not None or not project.steps:
        return stage
    return max((s.stage for s in project.steps), key=STAGE_ORDER.index)


def next_steps(project: ProjectView) -> tuple[NextStep, ...]:
    """What the project waits on, the earliest due first."""
    waiting = _waiting_on_window(project)
    if waiting is not None:
        return waiting
    stage = open_stage(project)
    if stage is None:
        return (NextStep(NextKind.COMPLETE),)
    found = [
        NextStep(NextKind.FILE if s.state is StepState.PLANNED else NextKind.AWAIT, s, s.expected_on)
        for s in project.steps
        if s.stage is stage and s.state is not StepState.DONE
    ]
    return tuple(sorted(found, key=lambda n: (n.due_on or dt.date.max, n.step.no if n.step else 0)))


def _waiting_on_window(project: ProjectView) -> tuple[NextStep, ...] | None:
    """What a project not yet following its plan waits on; None for one that is."""
    state = project.state
    if state is ProjectState.APPLIED:
        return (NextStep(NextKind.ACCEPT),)
    if state is ProjectState.ACCEPTED:
        return (NextStep(NextKind.SIGN),)
    if state is ProjectState.COMPLETED:
        return () if project.satisfaction is not None else (NextStep(NextKind.EVALUATE),)
    if state is not ProjectState.IN_SERVICE:
        return ()
    return None if project.steps else (NextStep(NextKind.PLAN),)


def overdue_steps(project: ProjectView, today: dt.date) -> tuple[PlanStep, ...]:
    """The steps not done whose expected date has passed, whatever their stage."""
    if project.state is not ProjectState.IN_SERVICE:
        return ()
    return tuple(s for s in project.steps if s.state is not StepState.DONE and s.expected_on < today)
