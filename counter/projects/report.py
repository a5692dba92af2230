"""The monthly report of 帮您办 projects that a county sends the league (方案 三(二): 各旗县市每月23日前将进展情况报).

The report of a month lists every project served in it — registered by its last day, and not ended before its
first — with its county, state and the stage it has reached as of the day the report is made, and counts them by
county and state and by county and stage.  It is due on the month's 23rd, so it is usually made before the month
ends: each project is stated as of that day, never later than the month's last.  Projects are few (a league serves
hundreds, not millions), so the report is computed on the projects as read, one definition for every face.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from counter.projects.model import ProjectEvent, ProjectState, ProjectView, Satisfaction, Stage, StepState
from counter.projects.rules import MOVES
from counter.projects.schedule import overdue_steps, reached_stage

REPORT_DUE_DAY = 23
#: the years a month of a report may be of
YEARS = (2000, 2999)
NO_STAGE = "none"  # the stage column of a project without a plan yet


@dataclass(frozen=True, slots=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        # a month of the calendar, of the years a report is asked of: month 0 reached the dates and failed there
        if not 1 <= self.month <= 12 or not YEARS[0] <= self.year <= YEARS[1]:
            raise ValueError(f"no month {self.year}-{self.month}")

    @classmethod
    def parse(cls, text: str) -> Month:
        """``YYYY-MM``; ValueError otherwise."""
        year, _, month = text.strip().partition("-")
        return cls(int(year), int(month))

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def due_on(self) -> dt.date:
        return dt.date(self.year, self.month, REPORT_DUE_DAY)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class ReportRow:
    county: str
    project_no: str
    name: str
    investor: str
    investment: int  # 万元
    state: ProjectState
    stage: str  # a Stage's value, or NO_STAGE
    steps_done: int
    steps_total: int
    steps_overdue: int
    agents: tuple[str, ...]
    applied_on: dt.date
    ended_on: dt.date | None
    satisfaction: Satisfaction | None


@dataclass(frozen=True, slots=True)
class MonthlyReport:
    month: Month
    as_of: dt.date
    rows: tuple[ReportRow, ...]
    by_state: tuple[tuple[str, ProjectState, int], ...]  # (county, state, count)
    by_stage: tuple[tuple[str, str, int], ...]  # (county, stage, count)

    @property
    def due_on(self) -> dt.date:
        return self.month.due_on


def served_in(project: ProjectView, month: Month) -> bool:
    return project.applied_on <= month.last and (project.ended_on is None or project.ended_on >= month.first)


def monthly_report(projects: Iterable[ProjectView], month: Month, today: dt.date) -> MonthlyReport:
    """The month's report, each project as of ``today`` or the month's last day, whichever is earlier."""
    as_of = min(today, month.last)
    rows = sorted(
        (_row(project_as_of(p, as_of), as_of) for p in projects if served_in(p, month)),
        key=lambda r: (r.county, r.applied_on, r.project_no),
    )
    states = Counter((r.county, r.state) for r in rows)
    stages = Counter((r.county, r.stage) for r in rows)
    state_rank = {s: n for n, s in enumerate(ProjectState)}
    stage_rank = {s.value: n for n, s in enumerate(Stage)} | {NO_STAGE: -1}
    return MonthlyReport(
        month=month,
        as_of=as_of,
        rows=tuple(rows),
        by_state=tuple(
            (c, s, n) for (c, s), n in sorted(states.items(), key=lambda kv: (kv[0][0], state_rank[kv[0][1]]))
        ),
        by_stage=tuple(
            (c, s, n) for (c, s), n in sorted(stages.items(), key=lambda kv: (kv[0][0], stage_rank[kv[0][1]]))
        ),
    )


def project_as_of(project: ProjectView, day: dt.date) -> ProjectView:
    """The project as it stood at the end of ``day``: its state replayed from its history, the steps filed and done
    by then, the evaluation if given by then.  A report made late for a past month says what was true in it."""
    state = ProjectState.APPLIED
    for line in project.history:
        if line.at.date() > day or line.event is ProjectEvent.APPLIED:
            continue
        after = MOVES[line.event][1]
        state = after or state
    ended = project.ended_on if project.ended_on is not None and project.ended_on <= day else None
    steps = tuple(
        replace(
            s,
            filed_on=s.filed_on if s.filed_on is not None and s.filed_on <= day else None,
            done_on=s.done_on if s.done_on is not None and s.done_on <= day else None,
        )
        for s in project.steps
    )
    evaluated = project.evaluated_on is not None and project.evaluated_on <= day
    return replace(
        project,
        state=state,
        ended_on=ended,
        steps=steps,
        satisfaction=project.satisfaction if evaluated else None,
        evaluated_on=project.evaluated_on if evaluated else None,
    )


def _row(project: ProjectView, as_of: dt.date) -> ReportRow:
    stage = reached_stage(project)
    return ReportRow(
        county=project.facts.county,
        project_no=project.project_no,
        name=project.facts.name,
        investor=project.facts.investor,
        investment=project.facts.investment,
        state=project.state,
        stage=stage.value if stage is not None else NO_STAGE,
        steps_done=sum(1 for s in project.steps if s.state is StepState.DONE),
        steps_total=len(project.steps),
        steps_overdue=len(overdue_steps(project, as_of)),
        agents=project.agents,
        applied_on=project.applied_on,
        ended_on=project.ended_on,
        satisfaction=project.satisfaction,
    )
