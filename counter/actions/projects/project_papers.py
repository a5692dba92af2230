"""The papers of the 帮您办 service: a project's forms (附件3-8), made once and reprinted the same; the window's
reference list and flow chart (附件1-2), printed for anyone.

A project's form is printed only in the states where it means something (:func:`counter.projects.forms.printable`:
no 办结单 for a project still in service).  The first print numbers it after the project (``…-P08-0001-4``) and
keeps, in ``project_paper``, the office settings in force, the day, the reference list (a site may import its own
later) and what of the project may still change after it (the agents, the signing, the evaluation), so that a
reprint months later, after the settings changed or the applicant gave the evaluation, is the paper that was
signed, byte for byte.  The leaflets are the window's, with
nothing of anyone's in them: printed fresh, not recorded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from typing import Any

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.admin.office import office_settings
from counter.actions.cases.documents import marked_for_training, rendered
from counter.actions.projects.project_steps import service_list
from counter.audit.actions import AuditAction
from counter.db import project_store
from counter.documents.data import OfficeSettings
from counter.documents.project_paper_made import ProjectPaperMade
from counter.documents.project_papers import KIND_OF_FORM, paper_no, project_paper_for
from counter.projects.forms import ProjectForm, printable
from counter.projects.model import ProjectEvent, ProjectView, Satisfaction
from counter.projects.not_found import NoSuchProject
from counter.projects.papers import PaperProblem, ProjectPaperNotPossible
from counter.projects.service_items import ServiceList, list_text, parse_service_list

log = logging.getLogger(__name__)

PROJECT_KEY = "project"  # in a record's snapshot beside the office settings: what of the project it printed
ITEMS_KEY = "items"  # and the reference list it printed (the site's own may be replaced later), as its TSV


def _changing(project: ProjectView) -> dict[str, Any]:
    """What of a project may change after one of its papers is printed, as the paper printed it."""

    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "agents": list(project.agents),
        "signed_on": day(project.signed_on),
        "mandate": list(project.mandate),
        "ended_on": day(project.ended_on),
        "end_reason": project.end_reason,
        "satisfaction": project.satisfaction.value if project.satisfaction is not None else None,
        "evaluation_note": project.evaluation_note,
        "evaluated_on": day(project.evaluated_on),
    }


def _as_printed(project: ProjectView, stored: dict[str, Any]) -> ProjectView:
    """The project as its paper first printed it."""

    def day(value: str | None) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    satisfaction = stored.get("satisfaction")
    return dataclasses.replace(
        project,
        agents=tuple(stored.get("agents", ())),
        signed_on=day(stored.get("signed_on")),
        # a paper printed before the items signed for were kept printed what the application asked for
        mandate=tuple(stored.get("mandate", project.facts.requested)),
        ended_on=day(stored.get("ended_on")),
        end_reason=stored.get("end_reason", ""),
        satisfaction=Satisfaction(satisfaction) if satisfaction else None,
        evaluation_note=stored.get("evaluation_note", ""),
        evaluated_on=day(stored.get("evaluated_on")),
    )


def _snapshot(office: OfficeSettings, project: ProjectView, items: ServiceList) -> str:
    kept = {PROJECT_KEY: _changing(project), ITEMS_KEY: list_text(items.items)}
    return json.dumps(dataclasses.asdict(office) | kept, ensure_ascii=False, sort_keys=True)


def _from_snapshot(text: str, items: ServiceList) -> tuple[OfficeSettings, dict[str, Any], ServiceList]:
    """The settings, the project and the reference list as the paper first printed them."""
    stored = json.loads(text)
    changing = stored.pop(PROJECT_KEY, {})
    listed = stored.pop(ITEMS_KEY, "")
    return OfficeSettings(**stored), changing, parse_service_list(listed) if listed else items


def _signed_anew(form: ProjectForm, project: ProjectView, snapshot: str) -> bool:
    """Whether the project's 授权委托书 was signed again, for other items, since its paper was printed: the agent
    acts on the new one's items (:func:`counter.projects.rules.within_mandate`), so it is printed anew."""
    if form is not ProjectForm.AUTHORISATION or not project.mandate:
        return False
    printed = json.loads(snapshot).get(PROJECT_KEY, {})
    return tuple(printed.get("mandate", project.facts.requested)) != project.mandate


def _numbered(project: ProjectView, form: ProjectForm, replaced: str) -> str:
    """A new paper's number: the project's and the annex's; a later 授权委托书 adds its signing's count (…-4-2)."""
    number = paper_no(project.project_no, form)
    if not replaced:
        return number
    signings = sum(1 for line in project.history if line.event is ProjectEvent.SIGNED)
    return f"{number}-{max(signings, 2)}"


def make_project_paper(
    session: Session, desk: Desk, number: str | None, form: ProjectForm, today: dt.date, now: dt.datetime
) -> ProjectPaperMade:
    """The paper ``form``: of project ``number``, new or as first made; or a leaflet (``number`` not needed).

    Raises :class:`NoSuchProject`, and :class:`ProjectPaperNotPossible` (nothing kept) for a project's form the
    project's state does not allow, or asked without a project.  The caller commits.
    """
    if not form.needs_project:
        require(session, desk.actor, Permission.PRINT)
        office = office_settings(session, desk.identity.site_code)
        data = project_paper_for(form, None, service_list(session), office, today)
        pdf, digest = rendered(marked_for_training(session, data))
        return ProjectPaperMade(form, "", "", pdf, digest, reprint=False)
    require(session, desk.actor, Permission.AGENT_SERVICE)
    if not number:
        raise ProjectPaperNotPossible(PaperProblem.NO_PROJECT, form)
    row = project_store.project_by_no(session, number.strip().upper())
    if row is None:
        raise NoSuchProject(number)
    project = project_store.project_views(session, [row])[0]
    if not printable(form, project.state):
        raise ProjectPaperNotPossible(PaperProblem.NOT_NOW, form, project.state)
    kind = KIND_OF_FORM[form].value
    existing = project_store.paper_record(session, row, kind)
    items = service_list(session)
    replaced = ""
    if existing is not None and _signed_anew(form, project, existing.office):
        replaced, existing = existing.doc_no, None  # a new 授权委托书 for other items: a new paper, numbered anew
    if existing is not None:
        office, changing, items = _from_snapshot(existing.office, items)
        doc_no, issued_on, printed = existing.doc_no, existing.issued_on, _as_printed(project, changing)
    else:
        office = office_settings(session, desk.identity.site_code)
        doc_no, issued_on, printed = _numbered(project, form, replaced), today, project
    data = project_paper_for(form, printed, items, office, issued_on, doc_no)
    pdf, digest = rendered(marked_for_training(session, data))
    if existing is None:
        snapshot = _snapshot(office, project, items)
        project_store.keep_paper_record(session, row, kind, doc_no, issued_on, desk.clerk, snapshot, digest)
        detail = {"doc_no": doc_no, "kind": kind, "content_hash": digest, "reprint": False}
        if replaced:
            detail["replaces"] = replaced
        record_at_desk(session, desk, AuditAction.DOCUMENT_MADE, project.project_no, detail, at=now)
    elif existing.content_hash != digest:
        # same data, other bytes: the renderer changed with a program update
        log.warning("reprint of %s %s differs from the first print", kind, doc_no)
    return ProjectPaperMade(form, doc_no, project.project_no, pdf, digest, reprint=existing is not None)
