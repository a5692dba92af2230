"""帮您办: the agent service's actions — register, accept, sign, plan and serve a project, then end it.

Each move is checked by :mod:`counter.projects.rules` in whatever face asked for it, written with its history line
and an audit entry in one unit of work, with the project's row locked so two agents' steps take turns.  A refused
move raises :class:`counter.projects.rules.ProjectRefused` with every problem, and keeps nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from dataclasses import replace

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.audit.actions import AuditAction
from counter.db import models, project_store
from counter.db.case_store import case_by_no, next_sequence
from counter.db.settings_store import get_setting, put_setting
from counter.parties.text import TextField, check_text
from counter.projects.model import (
    Coordination,
    PlanStep,
    ProjectEvent,
    ProjectFacts,
    ProjectState,
    ProjectView,
    Satisfaction,
)
from counter.projects.not_found import NoSuchProject
from counter.projects.numbers import SEQUENCE_KIND, project_no
from counter.projects.rules import (
    ProjectProblem,
    ProjectRefused,
    check_move,
    done_problems,
    facts_problems,
    filing_problems,
    mandate_problems,
    plan_problems,
)
from counter.projects.service_items import (
    ITEMS_SETTING,
    BadServiceList,
    ServiceList,
    parse_service_list,
    shipped_service_list,
)

log = logging.getLogger(__name__)

MAX_TEXT = 500  # a coordination's or a reason's words: a paragraph, not a file


def service_list(session: Session | None = None) -> ServiceList:
    """The reference list the window plans against: the site's own when one was imported (the hall's reaches its
    townships with the settings of its updates), else the shipped one; without ``session``, the shipped one.

    The stored list was checked whole when it was imported; one that no longer reads (changed by hand in the
    database) is named in the log and the shipped list is used, so the window still works.
    """
    if session is not None:
        text = get_setting(session, ITEMS_SETTING)
        if text:
            try:
                return parse_service_list(text)
            except BadServiceList as bad:
                log.error("the stored 帮您办 item list does not read (%s): the shipped one is used", bad)
    return shipped_service_list()


def import_service_list(session: Session, desk: Desk, text: str) -> ServiceList:
    """Replace the site's list with ``text`` (the shipped file's form), checked whole first: :class:`BadServiceList`
    with every fault, and nothing kept, when it does not read.  The hall's list reaches its townships by sync."""
    require(session, desk.actor, Permission.MANAGE_CATALOG)
    items = parse_service_list(text)
    put_setting(session, ITEMS_SETTING, text)
    detail = {"kind": "agent_items", "items": len(items.items), "fingerprint": items.fingerprint}
    record_at_desk(session, desk, AuditAction.CATALOG_IMPORTED, "agent_items", detail)
    return items


def register_project(session: Session, desk: Desk, facts: ProjectFacts, today: dt.date, now: dt.datetime) -> str:
    """Register an application (申请表) and give the project its number."""
    require(session, desk.actor, Permission.AGENT_SERVICE)
    problems = facts_problems(facts, service_list(session))
    if problems:
        raise ProjectRefused(problems)
    ident = desk.identity
    sequence = next_sequence(session, ident.site_code, ident.desk_no, today, SEQUENCE_KIND)
    number = project_no(ident, today, sequence)
    row = project_store.add_project(
        session,
        project_no=number,
        uid=str(uuid.uuid4()),
        site_code=ident.site_code,
        desk_no=ident.desk_no,
        clerk=desk.clerk,
        facts=facts,
        applied_on=today,
    )
    _moved(session, desk, row, ProjectEvent.APPLIED, now)
    return number


def read_project(session: Session, number: str) -> ProjectView:
    view = project_store.project_view(session, number)
    if view is None:
        raise NoSuchProject(number)
    return view


def accept_project(session: Session, desk: Desk, number: str, today: dt.date, now: dt.datetime) -> None:
    """受理: the scope and conditions checked, the items agreed."""
    row, view = _locked(session, desk, number)
    _apply(row, check_move(view, ProjectEvent.ACCEPTED))
    row.accepted_on = today
    _moved(session, desk, row, ProjectEvent.ACCEPTED, now)


def assign_agents(session: Session, desk: Desk, number: str, agents: tuple[str, ...], now: dt.datetime) -> None:
    """Name the project's agents (代办员), the lead first; a later call replaces them."""
    row, view = _locked(session, desk, number)
    check_move(view, ProjectEvent.AGENT_ASSIGNED)
    names = tuple(dict.fromkeys(a.strip() for a in agents if a.strip()))
    if not names:
        raise ProjectRefused([ProjectProblem.NO_AGENT])
    _texts_taken(*((n, TextField.PERSON_NAME) for n in names))
    project_store.set_agents(row, names)
    _moved(session, desk, row, ProjectEvent.AGENT_ASSIGNED, now, _note(agents=list(names)))


def sign_project(
    session: Session,
    desk: Desk,
    number: str,
    day: dt.date,
    today: dt.date,
    now: dt.datetime,
    items: tuple[int, ...] | None = None,
) -> None:
    """The 授权委托书 and the 承诺书 signed on ``day`` for the reference list's ``items`` (those the application
    asked for, when not given): the agent serves the project from then, on those items alone.

    Signed again in service, it is a new 授权委托书 for a changed list of items (an approval the plan needs that the
    first did not list); it may not leave out an item already filed or done.  The items signed for are kept in the
    signing's history line, which travels with the project (:attr:`ProjectView.mandate`).
    """
    row, view = _locked(session, desk, number)
    after = check_move(view, ProjectEvent.SIGNED)
    signed = tuple(dict.fromkeys(view.facts.requested if items is None else items))
    problems = mandate_problems(view, signed, service_list(session), day, today)
    if problems:
        raise ProjectRefused(problems)
    _apply(row, after)
    row.signed_on = day
    _moved(session, desk, row, ProjectEvent.SIGNED, now, _note(day=day.isoformat(), items=list(signed)))


def plan_project(session: Session, desk: Desk, number: str, steps: tuple[PlanStep, ...], now: dt.datetime) -> None:
    """Set the plan (申报计划), or change it: steps already filed or done keep their dates and records."""
    row, view = _locked(session, desk, number)
    check_move(view, ProjectEvent.PLANNED)
    numbered = tuple(replace(s, no=n) if not s.no else s for n, s in enumerate(steps, 1))
    problems = plan_problems(view, numbered, (i.no for i in service_list(session).items))
    if problems:
        raise ProjectRefused(problems)
    kept = {s.no: s for s in view.steps}
    merged = tuple(_keep_record(s, kept.get(s.no)) for s in numbered)
    project_store.replace_steps(session, row, merged)
    _moved(session, desk, row, ProjectEvent.PLANNED, now, str(len(merged)))


def _keep_record(step: PlanStep, old: PlanStep | None) -> PlanStep:
    """A step's dates, case and result are what happened, not what was planned: a new plan keeps them."""
    if old is None:
        return step
    return replace(step, filed_on=old.filed_on, done_on=old.done_on, case_no=old.case_no, result_no=old.result_no)


def file_step(
    session: Session,
    desk: Desk,
    number: str,
    step_no: int,
    day: dt.date,
    today: dt.date,
    now: dt.datetime,
    case_no: str = "",
) -> None:
    """The applicant filed step ``step_no`` with its department on ``day``; ``case_no`` the intake taken for it."""
    row, view = _locked(session, desk, number)
    check_move(view, ProjectEvent.STEP_FILED)
    problems = filing_problems(view, step_no, day, today)
    linked = case_no.strip().upper()
    if linked and case_by_no(session, linked) is None:
        problems.append(ProjectProblem.NO_SUCH_CASE)
    if problems:
        raise ProjectRefused(problems)
    step = project_store.step_row(session, row, step_no)
    assert step is not None
    step.filed_on = day
    step.case_no = linked
    _moved(session, desk, row, ProjectEvent.STEP_FILED, now, _note(step=step_no, day=day.isoformat(), case=linked))


def step_done(
    session: Session,
    desk: Desk,
    number: str,
    step_no: int,
    day: dt.date,
    today: dt.date,
    now: dt.datetime,
    result_no: str = "",
) -> None:
    """Step ``step_no``'s approval given on ``day``, under ``result_no``."""
    row, view = _locked(session, desk, number)
    check_move(view, ProjectEvent.STEP_DONE)
    problems = done_problems(view, step_no, day, today)
    if problems:
        raise ProjectRefused(problems)
    step = project_store.step_row(session, row, step_no)
    assert step is not None
    step.done_on = day
    step.result_no = result_no.strip()[:60]
    _moved(session, desk, row, ProjectEvent.STEP_DONE, now, _note(step=step_no, day=day.isoformat()))


def record_coordination(
    session: Session, desk: Desk, number: str, coordination: Coordination, today: dt.date, now: dt.datetime
) -> None:
    """A coordination with a department (会商会审, a joint review, a call): who, what, and its outcome."""
    row, view = _locked(session, desk, number)
    check_move(view, ProjectEvent.COORDINATED)
    c = coordination
    problems = []
    if not (c.with_whom.strip() and c.what.strip() and c.outcome.strip()):
        problems.append(ProjectProblem.COORDINATION_INCOMPLETE)
    if c.day > today:
        problems.append(ProjectProblem.DATE_IN_FUTURE)
    if c.step_no and view.step(c.step_no) is None:
        problems.append(ProjectProblem.NO_SUCH_STEP)
    if not all(check_text(t, TextField.NOTE).ok for t in (c.with_whom, c.what, c.outcome, c.agent)):
        problems.append(ProjectProblem.TEXT_NOT_TAKEN)
    if problems:
        raise ProjectRefused(problems)
    kept = replace(
        c,
        with_whom=c.with_whom.strip()[:MAX_TEXT],
        what=c.what.strip()[:MAX_TEXT],
        outcome=c.outcome.strip()[:MAX_TEXT],
        agent=c.agent.strip() or desk.clerk,
    )
    project_store.add_coordination(session, row, kept)
    _moved(session, desk, row, ProjectEvent.COORDINATED, now, kept.with_whom)


def complete_project(session: Session, desk: Desk, number: str, day: dt.date, today: dt.date, now: dt.datetime) -> None:
    """办结: every step done, the materials returned (附件6)."""
    row, view = _locked(session, desk, number)
    _apply(row, check_move(view, ProjectEvent.COMPLETED))
    if day > today:
        raise ProjectRefused([ProjectProblem.DATE_IN_FUTURE])
    row.ended_on = day
    _moved(session, desk, row, ProjectEvent.COMPLETED, now, day.isoformat())


def evaluate_project(
    session: Session,
    desk: Desk,
    number: str,
    satisfaction: Satisfaction,
    note: str,
    day: dt.date,
    now: dt.datetime,
) -> None:
    """The 评价表: 非常满意, 满意 or 不满意, with the applicant's words; given once."""
    row, view = _locked(session, desk, number)
    check_move(view, ProjectEvent.EVALUATED)
    _texts_taken((note, TextField.NOTE))
    row.satisfaction = satisfaction.value
    row.evaluation_note = note.strip()[:MAX_TEXT]
    row.evaluated_on = day
    _moved(session, desk, row, ProjectEvent.EVALUATED, now, satisfaction.value)


def terminate_project(
    session: Session, desk: Desk, number: str, reason: str, day: dt.date, today: dt.date, now: dt.datetime
) -> None:
    """终止 with its reason (附件8), agreed by both sides."""
    row, view = _locked(session, desk, number)
    _apply(row, check_move(view, ProjectEvent.TERMINATED))
    problems = []
    if not reason.strip():
        problems.append(ProjectProblem.REASON_MISSING)
    if day > today:
        problems.append(ProjectProblem.DATE_IN_FUTURE)
    if not check_text(reason, TextField.NOTE).ok:
        problems.append(ProjectProblem.TEXT_NOT_TAKEN)
    if problems:
        raise ProjectRefused(problems)
    row.ended_on = day
    row.end_reason = reason.strip()[:MAX_TEXT]
    _moved(session, desk, row, ProjectEvent.TERMINATED, now, row.end_reason)


def _texts_taken(*texts: tuple[str, TextField]) -> None:
    """:class:`ProjectRefused` when a text is one the desk would not take: the project goes to the hall in the
    township's package, whose reading refuses a NUL or a hidden character with the whole package."""
    if not all(check_text(text, kind).ok for text, kind in texts):
        raise ProjectRefused([ProjectProblem.TEXT_NOT_TAKEN])


def _locked(session: Session, desk: Desk, number: str) -> tuple[models.Project, ProjectView]:
    require(session, desk.actor, Permission.AGENT_SERVICE)
    row = project_store.project_by_no(session, number, lock=True)
    if row is None:
        raise NoSuchProject(number)
    view = project_store.project_views(session, [row])[0]
    return row, view


def _apply(row: models.Project, state: ProjectState) -> None:
    row.state = state.value


def _moved(
    session: Session, desk: Desk, row: models.Project, event: ProjectEvent, now: dt.datetime, note: str = ""
) -> None:
    project_store.add_line(session, row, event, desk.clerk, now, note)
    detail = {"event": event.value, "state": row.state}
    record_at_desk(session, desk, AuditAction.PROJECT_CHANGED, row.project_no, detail, at=now)


def _note(**parts: object) -> str:
    """A history line's parameters, as stored (a format, never shown as is)."""
    return json.dumps({k: v for k, v in parts.items() if v not in ("", None)}, ensure_ascii=False, sort_keys=True)
