"""The office's own holiday data: edited days and imported years.

Stored as days (off / work) plus the spans the office vouches for, so that an
imported year counts as "covered" and its dates stop being flagged.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any, cast

from sqlalchemy import (
    CompoundSelect,
    Date,
    Table,
    delete,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from counter.calendar.office_days import OFF, WORK
from counter.calendar.workdays import DateSpan, HolidayTable
from counter.db import models
from counter.db.settings_store import get_setting, put_setting

COVERED_KEY = "holidays.covered"


def load_table(session: Session) -> HolidayTable:
    """The office's days and the spans it vouches for, as of now in the session's transaction (an edit made in it
    included): one statement (:func:`_days_statement`)."""
    rows = session.execute(_days_statement()).all()
    head = next((row for row in rows if row[0] is None), None)
    spans = head[1] if head is not None else None
    days = [(day, kind) for day, kind in rows if day is not None]
    days_off = frozenset(day for day, kind in days if kind == OFF)
    working_days = frozenset(day for day, kind in days if kind == WORK)
    covered = [DateSpan(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in json.loads(spans or "[]")]
    return HolidayTable(days_off, working_days, tuple(covered))


@functools.cache
def _days_statement() -> CompoundSelect[Any]:
    """One row of no day with the covered spans as stored (NULL: never set), then the edited and imported days, each
    with its kind.  Built once."""
    holiday = cast(Table, models.Holiday.__table__).c
    setting = cast(Table, models.Setting.__table__).c
    covered = select(setting.value).where(setting.key == literal(COVERED_KEY)).scalar_subquery()
    head = select(sql_cast(null(), Date), covered)
    return union_all(head, select(holiday.day, holiday.kind))


def store_year(session: Session, table: HolidayTable, year: int, source: str) -> None:
    """Replace one year with ``table``'s days and mark the whole year covered."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    session.execute(delete(models.Holiday).where(models.Holiday.day.between(first, last)))
    for day in sorted(table.days_off):
        session.add(models.Holiday(day=day, kind=OFF, source=source[:200]))
    for day in sorted(table.working_days):
        session.add(models.Holiday(day=day, kind=WORK, source=source[:200]))
    spans = json.loads(get_setting(session, COVERED_KEY) or "[]")
    spans = [s for s in spans if s != [first.isoformat(), last.isoformat()]]
    spans.append([first.isoformat(), last.isoformat()])
    put_setting(session, COVERED_KEY, json.dumps(sorted(spans)))


def set_day(session: Session, day: dt.date, kind: str | None, source: str = "edited") -> None:
    """Mark one day off or working, or (``None``) return it to the weekly rhythm."""
    row = session.get(models.Holiday, day)
    if kind is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(models.Holiday(day=day, kind=kind, source=source))
    else:
        row.kind, row.source = kind, source


def edited_days(session: Session) -> list[tuple[dt.date, str, str]]:
    rows = session.scalars(select(models.Holiday).order_by(models.Holiday.day))
    return [(r.day, r.kind, r.source) for r in rows]
