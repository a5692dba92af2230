"""帮您办 reads as the account that asks is given them (:mod:`counter.actions.cases.reach`): the projects whole to an
account of the agent service that may see a person whole (each contact's number recorded as read by the operation
named), masked to any other.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.actions.cases import reach
from counter.actions.projects import project_reads, project_steps
from counter.projects.model import ProjectView
from counter.projects.queue import QueueRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk


def _shown(session: Session, desk: Desk | None, operation: str, projects: Sequence[ProjectView]) -> list[ProjectView]:
    if desk is None:
        return list(projects)
    if not (reach.may_see_whole(session, desk) and reach.may(session, desk, Permission.AGENT_SERVICE)):
        return [p.masked() for p in projects]
    for project in projects:
        reach.note_read(session, desk, operation, project.project_no, (project.facts.contact_id_no,))
    return list(projects)


def agent_day(
    session: Session, desk: Desk | None, today: dt.date, agent: str, operation: str
) -> tuple[tuple[str, ...], list[QueueRow]]:
    """The agents of every open project (the chooser's names), and the rows of ``agent`` (every row without one):
    the agent's day (:func:`counter.actions.projects.project_reads.agent_queue`)."""
    every = project_reads.agent_queue(session, today)
    agents = tuple(sorted({a for r in every for a in r.project.agents}))
    rows = project_reads.agent_queue(session, today, agent) if agent else every
    shown = _shown(session, desk, operation, [r.project for r in rows])
    return agents, [dataclasses.replace(r, project=p) for r, p in zip(rows, shown, strict=True)]


def project(session: Session, desk: Desk | None, number: str, operation: str) -> ProjectView:
    """A project as it stands (:func:`counter.actions.projects.project_steps.read_project`)."""
    return _shown(session, desk, operation, [project_steps.read_project(session, number)])[0]


def recent_projects(session: Session, desk: Desk | None, limit: int, operation: str) -> list[ProjectView]:
    """The projects most recently registered, the newest first."""
    return _shown(session, desk, operation, project_reads.recent_projects(session, limit))
