"""The office's own holiday data: edited days and imported years.

Stored as days (off / work) plus the spans the office vouches for, so that an
imported year counts as "covered" and its dates stop being flagged.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.settings_store import get_setting, put_setting
from counter.workdays import DateSpan, HolidayTable

COVERED_KEY = "holidays.covered"
OFF, WORK = "off", "work"


def load_table(session: Session) -> HolidayTable:
    rows = list(session.scalars(select(models.Holiday)))
    covered = [
        DateSpan(dt.date.fromisoformat(a), dt.date.fromisoformat(b))
        for a, b in json.loads(get_setting(session, COVERED_KEY) or "[]")
    ]
    return HolidayTable(
        days_off=frozenset(r.day for r in rows if r.kind == OFF),
        working_days=frozenset(r.day for r in rows if r.kind == WORK),
        covered=tuple(covered),
    )


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
