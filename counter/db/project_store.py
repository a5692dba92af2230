"""The 帮您办 projects in the database: written a project at a time, read back as :class:`ProjectView`.

The facts not kept as columns are one JSON document; the plan is rewritten whole when it changes (a plan is a few
dozen rows), and the history and coordinations are only ever added to.  A project's rows are read in four
statements, and a list of projects in four more, whatever its length.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from counter.case.moments import local_moment, stored_utc
from counter.db import models
from counter.db.models.base import utcnow
from counter.projects.model import (
    Coordination,
    PlanStep,
    ProjectClass,
    ProjectEvent,
    ProjectFacts,
    ProjectLine,
    ProjectState,
    ProjectView,
    Satisfaction,
    Stage,
    mandate_of,
)


def facts_json(facts: ProjectFacts) -> str:
    """The facts that are not columns, as stored."""
    data = asdict(facts)
    for key in ("name", "investor", "county", "investment"):
        data.pop(key)
    data["classes"] = sorted(c.value for c in facts.classes)
    data["requested"] = list(facts.requested)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def facts_of(row: models.Project) -> ProjectFacts:
    data: dict[str, Any] = json.loads(row.facts or "{}")
    data["classes"] = frozenset(ProjectClass(c) for c in data.get("classes", ()))
    data["requested"] = tuple(int(n) for n in data.get("requested", ()))
    return ProjectFacts(name=row.name, investor=row.investor, county=row.county, investment=row.investment, **data)


def add_project(
    session: Session,
    *,
    project_no: str,
    uid: str,
    site_code: str,
    desk_no: str,
    clerk: str,
    facts: ProjectFacts,
    applied_on: dt.date,
) -> models.Project:
    row = models.Project(
        project_no=project_no,
        uid=uid,
        site_code=site_code,
        desk_no=desk_no,
        clerk=clerk,
        state=ProjectState.APPLIED.value,
        name=facts.name.strip(),
        investor=facts.investor.strip(),
        county=facts.county.strip(),
        investment=facts.investment,
        facts=facts_json(facts),
        agents="[]",
        applied_on=applied_on,
        end_reason="",
        evaluation_note="",
    )
    session.add(row)
    session.flush()
    return row


def project_by_no(session: Session, project_no: str, *, lock: bool = False) -> models.Project | None:
    """The project numbered ``project_no``; with ``lock``, its row locked until the unit of work ends (two agents'
    steps of one project take turns, as two departments' steps of one case do)."""
    query = select(models.Project).where(models.Project.project_no == project_no.strip().upper())
    return session.scalar(query.with_for_update() if lock else query)


def add_line(
    session: Session, project: models.Project, event: ProjectEvent, by: str, at: dt.datetime, note: str = ""
) -> None:
    session.add(models.ProjectHistory(project_id=project.id, at=stored_utc(at), event=event.value, by=by, note=note))


def set_agents(project: models.Project, agents: Sequence[str]) -> None:
    project.agents = json.dumps(list(agents), ensure_ascii=False)


def replace_steps(session: Session, project: models.Project, steps: Iterable[PlanStep]) -> None:
    session.execute(delete(models.ProjectStep).where(models.ProjectStep.project_id == project.id))
    session.add_all(
        models.ProjectStep(
            project_id=project.id,
            no=s.no,
            item_no=s.item_no,
            name=s.name,
            department=s.department,
            stage=s.stage.value,
            expected_on=s.expected_on,
            filed_on=s.filed_on,
            done_on=s.done_on,
            case_no=s.case_no,
            result_no=s.result_no,
            joint=s.joint,
        )
        for s in steps
    )
    session.flush()


def step_row(session: Session, project: models.Project, no: int) -> models.ProjectStep | None:
    return session.scalar(
        select(models.ProjectStep).where(models.ProjectStep.project_id == project.id, models.ProjectStep.no == no)
    )


def add_coordination(session: Session, project: models.Project, c: Coordination) -> None:
    session.add(
        models.ProjectCoordination(
            project_id=project.id,
            day=c.day,
            with_whom=c.with_whom,
            what=c.what,
            outcome=c.outcome,
            agent=c.agent,
            step_no=c.step_no,
        )
    )


def project_view(session: Session, project_no: str) -> ProjectView | None:
    row = project_by_no(session, project_no)
    return None if row is None else project_views(session, [row])[0]


def project_views(session: Session, rows: Sequence[models.Project]) -> list[ProjectView]:
    """The views of ``rows``, in their order, their plans, coordinations and histories read in three statements."""
    ids = [r.id for r in rows]
    steps: dict[int, list[PlanStep]] = defaultdict(list)
    coordinations: dict[int, list[Coordination]] = defaultdict(list)
    lines: dict[int, list[ProjectLine]] = defaultdict(list)
    if ids:
        s, c, h = models.ProjectStep, models.ProjectCoordination, models.ProjectHistory
        for st in session.scalars(select(s).where(s.project_id.in_(ids)).order_by(s.project_id, s.no)):
            steps[st.project_id].append(_step(st))
        for co in session.scalars(select(c).where(c.project_id.in_(ids)).order_by(c.project_id, c.day, c.id)):
            coordinations[co.project_id].append(
                Coordination(co.day, co.with_whom, co.what, co.outcome, co.agent, co.step_no)
            )
        for li in session.scalars(select(h).where(h.project_id.in_(ids)).order_by(h.project_id, h.at, h.id)):
            lines[li.project_id].append(ProjectLine(local_moment(li.at), ProjectEvent(li.event), li.by, li.note))
    views = []
    for r in rows:
        facts = facts_of(r)
        views.append(_view(r, facts, steps[r.id], coordinations[r.id], lines[r.id]))
    return views


def _view(
    r: models.Project,
    facts: ProjectFacts,
    steps: list[PlanStep],
    coordinations: list[Coordination],
    lines: list[ProjectLine],
) -> ProjectView:
    return ProjectView(
        project_no=r.project_no,
        site_code=r.site_code,
        state=ProjectState(r.state),
        facts=facts,
        applied_on=r.applied_on,
        agents=tuple(json.loads(r.agents or "[]")),
        accepted_on=r.accepted_on,
        signed_on=r.signed_on,
        mandate=mandate_of(lines, facts.requested),
        ended_on=r.ended_on,
        end_reason=r.end_reason,
        satisfaction=Satisfaction(r.satisfaction) if r.satisfaction else None,
        evaluation_note=r.evaluation_note,
        evaluated_on=r.evaluated_on,
        steps=tuple(steps),
        coordinations=tuple(coordinations),
        history=tuple(lines),
    )


def _step(st: models.ProjectStep) -> PlanStep:
    return PlanStep(
        no=st.no,
        name=st.name,
        department=st.department,
        stage=Stage(st.stage),
        expected_on=st.expected_on,
        item_no=st.item_no,
        filed_on=st.filed_on,
        done_on=st.done_on,
        case_no=st.case_no,
        result_no=st.result_no,
        joint=st.joint,
    )


def open_projects(session: Session) -> list[ProjectView]:
    """The projects not ended (the agents' queue), oldest first."""
    p = models.Project
    query = select(p).where(p.state.not_in((ProjectState.COMPLETED.value, ProjectState.TERMINATED.value)))
    return project_views(session, list(session.scalars(query.order_by(p.applied_on, p.id))))


def projects_served(session: Session, first: dt.date, last: dt.date, county: str | None = None) -> list[ProjectView]:
    """The projects registered by ``last`` and not ended before ``first``: a month's report's."""
    p = models.Project
    query = select(p).where(p.applied_on <= last, (p.ended_on.is_(None)) | (p.ended_on >= first))
    if county is not None:
        query = query.where(p.county == county)
    return project_views(session, list(session.scalars(query.order_by(p.county, p.applied_on, p.id))))


def project_evaluations(session: Session, first: dt.date, last: dt.date) -> list[Satisfaction]:
    """The answers of the 评价表s given from ``first`` to ``last`` (the 帮您办 channel of the 好差评 figures)."""
    p = models.Project
    query = select(p.satisfaction).where(p.satisfaction.is_not(None), p.evaluated_on >= first, p.evaluated_on <= last)
    return [Satisfaction(value) for value in session.scalars(query) if value]


def all_projects(session: Session, limit: int = 500) -> list[ProjectView]:
    """The latest projects, newest first (the register's list)."""
    p = models.Project
    return project_views(session, list(session.scalars(select(p).order_by(p.id.desc()).limit(limit))))


def paper_record(session: Session, project: models.Project, kind: str) -> models.ProjectPaper | None:
    """The record of the project's paper of ``kind`` (a ``DocumentKind`` value), if it was printed."""
    p = models.ProjectPaper
    return session.scalar(select(p).where(p.project_id == project.id, p.kind == kind))


def keep_paper_record(
    session: Session,
    project: models.Project,
    kind: str,
    doc_no: str,
    issued_on: dt.date,
    clerk: str,
    snapshot: str,
    content_hash: str,
) -> None:
    """Record a paper's first print: its number and day, and what a reprint is made from (``snapshot``); in place of
    the project's earlier one of ``kind`` when it has one (a 授权委托书 signed again for other items: the agent acts on
    the new one's; the earlier one's print stays in the audit trail)."""
    record = paper_record(session, project, kind)
    if record is None:
        record = models.ProjectPaper(project_id=project.id, kind=kind)
        session.add(record)
    else:
        record.created_at = utcnow()
    record.doc_no, record.issued_on, record.clerk = doc_no, issued_on, clerk
    record.office, record.content_hash = snapshot, content_hash
    session.flush()
