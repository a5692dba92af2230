"""What the database says of the numbers a desk has issued: for the check that none is issued twice.

A desk's next number is its ``desk_counter`` row plus one.  Were that row behind a number already on paper — a case,
a notice, an entry of the audit trail naming one — the next intake would print that number again.  These queries
find the highest number of a desk and day in each place it can be seen; :mod:`counter.actions.number_guard` compares.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.db import models


def case_prefix(site_code: str, desk_no: str, day: dt.date) -> str:
    """The part of a case number before its sequence (:func:`counter.case.numbers.case_no`)."""
    return f"{site_code}-{day:%Y%m%d}-{int(desk_no):02d}-"


def _highest(numbers: list[str], prefix: str) -> int:
    sequences = [int(n[len(prefix) :]) for n in numbers if n.startswith(prefix) and n[len(prefix) :].isdigit()]
    return max(sequences, default=0)


def highest_case_sequence(session: Session, site_code: str, desk_no: str, day: dt.date) -> int:
    """The highest sequence of a case number of this desk and day, in the cases and in the audit trail (0: none)."""
    prefix = case_prefix(site_code, desk_no, day)
    upper = prefix + "\x7f"  # a range on the indexed columns, not LIKE (which SQLite does not index by default)
    cases = session.scalars(
        select(models.Case.case_no).where(models.Case.case_no >= prefix, models.Case.case_no < upper)
    )
    audited = session.scalars(
        select(models.AuditEntry.subject).where(models.AuditEntry.subject >= prefix, models.AuditEntry.subject < upper)
    )
    return max(_highest(list(cases), prefix), _highest(list(audited), prefix))


def highest_document_sequence(session: Session, site_code: str, desk_no: str, day: dt.date) -> int:
    """The highest sequence of a notice numbered by this desk on ``day`` (:func:`counter.case.numbers.doc_no`)."""
    desk = f"{int(desk_no):02d}"
    numbers = session.scalars(
        select(models.DocumentRecord.doc_no).where(
            models.DocumentRecord.site_code == site_code,
            models.DocumentRecord.desk_no == desk_no,
            models.DocumentRecord.issued_on == day,
        )
    )
    best = 0
    for number in numbers:
        tail = number.rsplit("-", 1)[-1]
        if number.startswith(f"{site_code}-{day:%y%m%d}-") and tail.startswith(desk) and tail[len(desk) :].isdigit():
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
