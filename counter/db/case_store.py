"""Cases in the database: numbers, the intake record, history, lists, parties, drafts.

The caller owns the session and commits; an intake is one transaction, so a
case is either there whole — case, every checklist line, its first history line
— or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from counter.case.status import CaseStatus
from counter.case.view import CaseMaterialLine, CaseRow, CaseView, HistoryLine
from counter.db import models


def next_sequence(session: Session, site_code: str, desk_no: str, day: dt.date, kind: str) -> int:
    """The next number of this desk, day and kind, taken in one atomic statement."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    counter = models.DeskCounter
    stmt = (
        insert(counter)
        .values(site_code=site_code, desk_no=desk_no, day=day, kind=kind, last=1)
        .on_conflict_do_update(
            index_elements=["site_code", "desk_no", "day", "kind"],
            set_={"last": counter.last + 1},
        )
        .returning(counter.last)
    )
    value = session.execute(stmt).scalar_one()
    return int(value)


@dataclass(frozen=True, slots=True)
class NewMaterial:
    code: str
    name: str
    necessity: str
    receipt: str
    originals: int
    copies: int
    medium: str
    defect_note: str
    due_on: dt.date | None


def add_case(
    session: Session,
    case: models.Case,
    materials: Sequence[NewMaterial],
    event: str,
    note: str = "",
) -> int:
    session.add(case)
    session.flush()
    for m in materials:
        session.add(
            models.CaseMaterial(
                case_id=case.id,
                material_code=m.code,
                name=m.name,
                necessity=m.necessity,
                receipt=m.receipt,
                originals=m.originals,
                copies=m.copies,
                medium=m.medium,
                defect_note=m.defect_note,
                due_on=m.due_on,
            )
        )
    add_history(session, case, event, note)
    return case.id


def add_history(session: Session, case: models.Case, event: str, note: str = "", clerk: str = "") -> None:
    session.add(
        models.CaseHistory(
            case_id=case.id,
            clerk=clerk or case.clerk,
            desk_no=case.desk_no,
            event=event,
            status_after=case.status,
            note=note,
        )
    )


def case_by_no(session: Session, case_no: str) -> models.Case | None:
    return session.scalar(select(models.Case).where(models.Case.case_no == case_no.strip().upper()))


def case_materials(session: Session, case_id: int) -> list[models.CaseMaterial]:
    return list(
        session.scalars(
            select(models.CaseMaterial).where(models.CaseMaterial.case_id == case_id).order_by(models.CaseMaterial.id)
        )
    )


def case_view(session: Session, case_no: str) -> CaseView | None:
    case = case_by_no(session, case_no)
    if case is None:
        return None
    bundle = session.get(models.Bundle, case.bundle_code)
    version = session.get(models.GuideVersion, case.guide_version_id)
    previous = session.get(models.Case, case.previous_case_id) if case.previous_case_id else None
    later = session.scalar(select(models.Case.case_no).where(models.Case.previous_case_id == case.id))
    history = session.scalars(
        select(models.CaseHistory).where(models.CaseHistory.case_id == case.id).order_by(models.CaseHistory.id)
    )
    return CaseView(
        case_no=case.case_no,
        status=CaseStatus(case.status),
        outcome=case.outcome,
        site_code=case.site_code,
        desk_no=case.desk_no,
        clerk=case.clerk,
        bundle_code=case.bundle_code,
        bundle_name=bundle.name if bundle else case.bundle_code,
        guide_version_id=case.guide_version_id,
        guide_version=version.version if version else 0,
        answers=tuple(json.loads(case.answers)),
        applicant_kind=case.applicant_kind,
        applicant_name=case.applicant_name,
        applicant_id_no=case.applicant_id_no,
        applicant_phone=case.applicant_phone,
        applicant_address=case.applicant_address,
        legal_rep=case.legal_rep,
        agent_name=case.agent_name,
        agent_id_no=case.agent_id_no,
        agent_authorisation=case.agent_authorisation,
        delivery=case.delivery,
        delivery_address=case.delivery_address,
        notify_phone=case.notify_phone,
        received_on=case.received_on,
        accepted_on=case.accepted_on,
        promised_on=case.promised_on,
        correction_due=case.correction_due,
        notify_due=case.notify_due,
        refusal_ground=case.refusal_ground,
        turn_to=case.turn_to,
        denial_reason=case.denial_reason,
        dates_beyond_data=case.dates_beyond_data,
        previous_case_no=previous.case_no if previous else "",
        later_case_no=later or "",
        materials=tuple(
            CaseMaterialLine(
                m.material_code,
                m.name,
                m.necessity,
                m.receipt,
                m.originals,
                m.copies,
                m.medium,
                m.defect_note,
                m.due_on,
                m.arrived_on,
            )
            for m in case_materials(session, case.id)
        ),
        history=tuple(
            HistoryLine(h.at, h.clerk, h.desk_no, h.event, h.status_after, h.note) for h in history
        ),
    )


def _rows(session: Session, stmt: Select[models.Case, str, dt.date | None]) -> list[CaseRow]:
    return [
        CaseRow(c.case_no, CaseStatus(c.status), name, c.applicant_name, c.received_on, c.desk_no, due)
        for c, name, due in session.execute(stmt)
    ]


def _listing() -> Select[models.Case, str, dt.date | None]:
    material = aliased(models.CaseMaterial)
    next_due = (
        select(func.min(material.due_on))
        .where(material.case_id == models.Case.id, material.due_on.is_not(None), material.arrived_on.is_(None))
        .correlate(models.Case)
        .scalar_subquery()
    )
    return select(models.Case, models.Bundle.name, next_due).join(
        models.Bundle, models.Bundle.code == models.Case.bundle_code
    )


def cases_of_day(session: Session, day: dt.date, desk_no: str | None = None) -> list[CaseRow]:
    stmt = _listing().where(models.Case.received_on == day)
    if desk_no is not None:
        stmt = stmt.where(models.Case.desk_no == desk_no)
    return _rows(session, stmt.order_by(models.Case.id))


def all_cases(session: Session, limit: int = 500) -> list[CaseRow]:
    return _rows(session, _listing().order_by(models.Case.id.desc()).limit(limit))


def deferrals_due_by(session: Session, last_day: dt.date) -> list[CaseRow]:
    """Cases awaiting deferred materials with an open due date on or before ``last_day``."""
    rows = _rows(
        session,
        _listing().where(models.Case.status == CaseStatus.AWAITING_DEFERRED.value).order_by(models.Case.id),
    )
    return sorted(
        (r for r in rows if r.next_due is not None and r.next_due <= last_day),
        key=lambda r: (r.next_due or last_day, r.case_no),
    )


def find_party(session: Session, id_no: str) -> models.Party | None:
    return session.get(models.Party, id_no.strip().upper())


def remember_party(
    session: Session, id_no: str, kind: str, name: str, phone: str, address: str, legal_rep: str
) -> None:
    """Keep what this case knew of the person or company for the next 一证办理."""
    party = session.get(models.Party, id_no)
    if party is None:
        party = models.Party(id_no=id_no)
        session.add(party)
    party.kind, party.name, party.legal_rep = kind, name, legal_rep
    if phone:
        party.phone = phone
    if address:
        party.address = address


def save_draft(session: Session, desk_key: str, content: str) -> None:
    draft = session.get(models.Draft, desk_key)
    if draft is None:
        session.add(models.Draft(desk_key=desk_key, content=content))
    else:
        draft.content = content
        draft.saved_at = models.utcnow()


def load_draft(session: Session, desk_key: str) -> tuple[dt.datetime, str] | None:
    draft = session.get(models.Draft, desk_key)
    return None if draft is None else (draft.saved_at, draft.content)


def drop_draft(session: Session, desk_key: str) -> None:
    draft = session.get(models.Draft, desk_key)
    if draft is not None:
        session.delete(draft)
