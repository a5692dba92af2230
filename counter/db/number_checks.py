"""What the database says of the numbers a desk has issued: for the check that none is issued twice.

A desk's next number is its ``desk_counter`` row plus one.  Were that row behind a number already on paper — a case,
a notice, an entry of the audit trail naming one — the next intake would print that number again.  These queries
find the highest number of a desk and day in each place it can be seen; :mod:`counter.actions.numbers.number_guard`
compares.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from counter.db import models


def case_prefix(site_code: str, desk_no: str, day: dt.date) -> str:
    """The part of a case number before its sequence (:func:`counter.case.numbers.case_no`)."""
    return f"{site_code}-{day:%Y%m%d}-{int(desk_no):02d}-"


def _highest(numbers: list[str], prefix: str) -> int:
    sequences = [int(n[len(prefix) :]) for n in numbers if n.startswith(prefix) and n[len(prefix) :].isdigit()]
    return max(sequences, default=0)


def _starting_with(session: Session, column: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    """``column`` starts with ``prefix`` (letters, digits and ``-``: no LIKE wildcard), as each database indexes it.

    SQLite compares text byte by byte, so a range up to ``prefix + "\\x7f"`` is the prefix and uses the index (LIKE
    would not: it ignores case).  PostgreSQL compares by the database's collation, and in any but ``C`` (zh_CN,
    en_US, ICU) the control character sorts before the digits, or is ignored: that range is empty, and the check
    would find nothing.  LIKE is the prefix in every collation, and uses the index where the collation allows.
    """
    if session.get_bind().dialect.name == "postgresql":
        return column.like(prefix + "%")
    return and_(column >= prefix, column < prefix + "\x7f")


def highest_case_sequence(session: Session, site_code: str, desk_no: str, day: dt.date) -> int:
    """The highest sequence of a case number of this desk and day, in the cases and in the audit trail (0: none)."""
    prefix = case_prefix(site_code, desk_no, day)
    cases = session.scalars(select(models.Case.case_no).where(_starting_with(session, models.Case.case_no, prefix)))
    audited = session.scalars(
        select(models.AuditEntry.subject).where(_starting_with(session, models.AuditEntry.subject, prefix))
    )
    return max(_highest(list(cases), prefix), _highest(list(audited), prefix))


def highest_document_sequence(session: Session, site_code: str, desk_no: str, day: dt.date) -> int:
    """The highest sequence of a notice numbered by this desk on ``day`` (:func:`counter.case.numbers.doc_no`)."""
    desk = f"{int(desk_no):02d}"
    prefix = f"{site_code}-{day:%y%m%d}-"  # every kind's number of that day starts so: found by doc_no's index
    record = models.DocumentRecord
    numbers = session.scalars(
        select(record.doc_no).where(_starting_with(session, record.doc_no, prefix), record.desk_no == desk_no)
    )
    best = 0
    for number in numbers:
        tail = number.rsplit("-", 1)[-1]
        if tail.startswith(desk) and tail[len(desk) :].isdigit():
            best = max(best, int(tail[len(desk) :]))
    return best


def counter_last(session: Session, site_code: str, desk_no: str, day: dt.date, kind: str) -> int:
    """The last number the desk's counter gave out for ``day`` and ``kind`` (0: none yet)."""
    counter = models.DeskCounter
    value = session.scalar(
        select(counter.last).where(
            counter.site_code == site_code, counter.desk_no == desk_no, counter.day == day, counter.kind == kind
        )
    )
    return int(value or 0)


def case_exists(session: Session, case_no: str) -> bool:
    return session.scalar(select(models.Case.id).where(models.Case.case_no == case_no)) is not None


def raise_counter(session: Session, site_code: str, desk_no: str, day: dt.date, kind: str, last: int) -> None:
    """Set the desk's counter for ``day`` and ``kind`` to at least ``last``: the next number is above it."""
    counter = models.DeskCounter
    row = session.get(counter, (site_code, desk_no, day, kind))
    if row is None:
        session.add(counter(site_code=site_code, desk_no=desk_no, day=day, kind=kind, last=last))
    elif row.last < last:
        row.last = last


def desk_has_issued(session: Session, site_code: str, desk_no: str, leave_out: Collection[str]) -> bool:
    """Whether the desk's counters ever gave out a number of a kind not in ``leave_out``: one indexed row at most."""
    counter = models.DeskCounter
    found = session.scalar(
        select(counter.kind)
        .where(
            counter.site_code == site_code, counter.desk_no == desk_no, counter.last > 0, counter.kind.not_in(leave_out)
        )
        .limit(1)
    )
    return found is not None


def desk_latest(
    session: Session, site_code: str, desk_no: str, leave_out: Collection[str]
) -> dict[str, tuple[dt.date, int]]:
    """Each kind's latest day of the desk's counters and the last number given out that day (kinds in
    ``leave_out`` left out): what the database says the desk issued last, for a note made again."""
    counter = models.DeskCounter
    rows = session.execute(
        select(counter.kind, counter.day, counter.last)
        .where(
            counter.site_code == site_code, counter.desk_no == desk_no, counter.last > 0, counter.kind.not_in(leave_out)
        )
        .order_by(counter.day)
    )
    return {kind: (day, int(last)) for kind, day, last in rows}
