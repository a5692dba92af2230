"""Document records and print records: inserted, read, never changed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.orm import Session

from counter.audit.actions import AuditAction
from counter.db import models
from counter.documents.document_line import DocumentLine


def find_document(session: Session, case_id: int, kind: str) -> models.DocumentRecord | None:
    d = models.DocumentRecord
    return session.scalars(select(d).where(d.kind == kind, d.case_id == case_id).order_by(d.id)).first()


def add_document(session: Session, record: models.DocumentRecord) -> int:
    session.add(record)
    session.flush()
    return record.id


def made_here(session: Session, document_id: int, doc_no: str, case_no: str, where: tuple[str, str, str]) -> set[str]:
    """The hashes of the bytes made of document ``document_id`` (numbered ``doc_no``) at ``where`` (site, desk, actor
    as the trail names it): its making and remakings at that desk, as their trail entries say, or for a paper of no
    case (a guide notice, made once) its record's.  Read by the case's entries alone (the subject's index)."""
    site_code, desk_no, actor = where
    if not case_no:
        row = session.get(models.DocumentRecord, document_id)
        mine = row is not None and row.doc_no == doc_no and (row.site_code, row.desk_no) == (site_code, desk_no)
        return {row.content_hash} if mine and row is not None else set()
    e = models.AuditEntry
    details = session.scalars(
        select(e.detail).where(
            e.subject == case_no, e.action == AuditAction.DOCUMENT_MADE.value,
            e.site_code == site_code, e.desk_no == desk_no, e.actor == actor,
        )
    )  # fmt: skip
    made = [json.loads(detail) for detail in details]
    return {str(d.get("content_hash", "")) for d in made if isinstance(d, dict) and d.get("doc_no") == doc_no}


def came_out(session: Session, document_id: int) -> bool:
    """Whether a print of the document came out of a printer (a failed one did not): its next print is a 重打
    (:attr:`counter.documents.document_line.DocumentLine.came_out`, the same rule), read by the index on the print's
    document."""
    p = models.PrintRecord
    found = select(p.id).where(p.document_id == document_id, p.ok.is_(True)).limit(1)
    return session.execute(found).first() is not None


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


def line_columns() -> tuple[ColumnElement[Any], ...]:
    """The columns of a :class:`DocumentLine`, in its order, of ``document_record`` in the statement's FROM: the
    prints of each document counted by the index on the print's document, not by a grouping of every print record
    joined afterwards (the case page reads them in a statement of its own, :mod:`counter.db.case_page_reads`)."""
    record = cast(Table, models.DocumentRecord.__table__)
    p, d = cast(Table, models.PrintRecord.__table__).c, record.c
    prints = select(func.count()).where(p.document_id == d.id).correlate(record).scalar_subquery()
    failed = select(func.count()).where(p.document_id == d.id, p.ok.is_(False)).correlate(record).scalar_subquery()
    return d.id, d.doc_no, d.kind, d.issued_on, prints.label("all"), failed.label("failed"), d.office


def document_lines(rows: Iterable[Sequence[Any]]) -> list[DocumentLine]:
    """The lines of rows of :func:`line_columns`, unpacked in place."""
    return [
        DocumentLine(i, no, kind, on, prints or 0, failed or 0, office)
        for i, no, kind, on, prints, failed, office in rows
    ]
