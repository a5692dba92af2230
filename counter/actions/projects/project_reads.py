"""帮您办 reads: the agent's day (projects and their next steps, overdue first), the monthly report, and the
evaluations the 好差评 figures count as their own channel."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.guard import require
from counter.db import project_store
from counter.projects.evaluations import EvaluationCounts, count_evaluations
from counter.projects.model import ProjectView
from counter.projects.queue import QueueRow
from counter.projects.report import Month, MonthlyReport, monthly_report
from counter.projects.schedule import next_steps, overdue_steps


def agent_queue(session: Session, today: dt.date, agent: str = "") -> list[QueueRow]:
    """The projects not ended, with their next step: overdue first, then by due date, the undated (waiting on the
    window: 受理, signing, the plan) after; ``agent`` keeps the projects that agent serves."""
    rows = []
    for project in project_store.open_projects(session):
        if agent and agent not in project.agents:
            continue
        steps = next_steps(project)
        rows.append(QueueRow(project, steps[0] if steps else None, len(overdue_steps(project, today))))
    return sorted(rows, key=lambda r: (r.overdue == 0, r.due_on or dt.date.max, r.project.applied_on))


def projects_report(session: Session, month: Month, today: dt.date, county: str | None = None) -> MonthlyReport:
    """The month's report (:func:`counter.projects.report.monthly_report`), one county's with ``county``."""
    return monthly_report(project_store.projects_served(session, month.first, month.last, county), month, today)


def evaluation_counts(session: Session, first: dt.date, last: dt.date) -> EvaluationCounts:
    """The 评价表s given from ``first`` to ``last`` (:mod:`counter.projects.evaluations`)."""
    return count_evaluations(project_store.project_evaluations(session, first, last))


def agent_service_figures(
    session: Session, first: dt.date, last: dt.date, *, desk: Desk | None = None
) -> EvaluationCounts:
    """The 帮您办 channel for the supervision window's 好差评 page, for whoever may see the figures."""
    require(session, this_desk(desk).actor, Permission.SEE_FIGURES)
    return evaluation_counts(session, first, last)


def recent_projects(session: Session, limit: int = 500) -> list[ProjectView]:
    return project_store.all_projects(session, limit)
