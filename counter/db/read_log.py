"""The record of whole ID numbers read (:class:`counter.db.models.IdRead`): written with the answer, listed for a
supervisor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.read_record import IdReadRow, ReadsAsked
from counter.case.moments import stored_utc
from counter.db.models import IdRead


def keep_reads(session: Session, rows: Iterable[IdReadRow]) -> None:
    """Record ``rows``, in the session's transaction."""
    session.add_all(
        IdRead(
            at=row.at,
            login=row.login,
            name=row.name,
            site_code=row.site_code,
            desk_no=row.desk_no,
            case_no=row.case_no,
            person_key=row.person_key,
            operation=row.operation,
        )
        for row in rows
    )


def list_reads(session: Session, asked: ReadsAsked) -> tuple[IdReadRow, ...]:
    """The reads ``asked`` names (an account's, a case's, since a day), newest first, at most ``asked.most``."""
    r = IdRead
    query = select(r.at, r.login, r.name, r.site_code, r.desk_no, r.case_no, r.person_key, r.operation)
    if asked.login:
        query = query.where(r.login == asked.login)
    if asked.case_no:
        query = query.where(r.case_no == asked.case_no)
    if asked.since is not None:
        # the desk's midnight, in UTC as the reads are kept: SQLite compares the digits and drops a zone's offset
        start = dt.datetime.combine(asked.since, dt.time()).astimezone(dt.UTC)
        query = query.where(r.at >= start)
    rows = session.execute(query.order_by(r.at.desc(), r.id.desc()).limit(asked.most))
    return tuple(IdReadRow(stored_utc(row[0]), *row[1:]) for row in rows)
