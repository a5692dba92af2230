"""Document records and print records: inserted, read, never changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from counter.db import models


@dataclass(frozen=True, slots=True)
class DocumentLine:
    """A notice of a case as the case page lists it."""

    document_id: int
    doc_no: str
    kind: str
    issued_on: dt.date
    prints: int
    failed_prints: int


def find_document(session: Session, case_id: int | None, kind: str, doc_no: str = "") -> models.DocumentRecord | None:
    stmt = select(models.DocumentRecord).where(models.DocumentRecord.kind == kind)
    if case_id is not None:
        stmt = stmt.where(models.DocumentRecord.case_id == case_id)
    if doc_no:
        stmt = stmt.where(models.DocumentRecord.doc_no == doc_no)
    return session.scalars(stmt.order_by(models.DocumentRecord.id)).first()


def add_document(session: Session, record: models.DocumentRecord) -> int:
    session.add(record)
    session.flush()
    return record.id


def add_print(
    session: Session, document_id: int, clerk: str, desk_no: str, target: str, content_hash: str, ok: bool, error: str
) -> None:
    session.add(
        models.PrintRecord(
            document_id=document_id,
            clerk=clerk,
            desk_no=desk_no,
            target=target[:500],
            content_hash=content_hash,
            ok=ok,
            error=error[:1000],
        )
    )


def documents_of_case(session: Session, case_id: int) -> list[DocumentLine]:
    p = models.PrintRecord
    prints = (
        select(p.document_id, func.count().label("all"), func.sum(case((p.ok.is_(False), 1), else_=0)).label("failed"))
        .group_by(p.document_id)
        .subquery()
    )
    d = models.DocumentRecord
    rows = session.execute(
        select(d.id, d.doc_no, d.kind, d.issued_on, prints.c.all, prints.c.failed)
        .outerjoin(prints, prints.c.document_id == d.id)
        .where(d.case_id == case_id)
        .order_by(d.id)
    )
    return [DocumentLine(r.id, r.doc_no, r.kind, r.issued_on, r.all or 0, r.failed or 0) for r in rows]
