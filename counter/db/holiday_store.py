"""The office's own holiday data: edited days and imported years.

Stored as days (off / work) plus the spans the office vouches for, so that an
imported year counts as "covered" and its dates stop being flagged.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import threading
from typing import Any, cast

from sqlalchemy import (
    CompoundSelect,
    Date,
    ScalarSelect,
    Select,
    String,
    Table,
    delete,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from counter.calendar.workdays import DateSpan, HolidayTable
from counter.db import models, plain
from counter.db.settings_store import get_setting, put_setting
from counter.db.work import Work

COVERED_KEY = "holidays.covered"
OFF, WORK = "off", "work"


def load_table(session: Work) -> HolidayTable:
    """The office's days and the spans it vouches for, as of now in the session's transaction.

    Every deadline the desk works out reads this first (an intake, its preview at each change of the form, the F6
    lists, a rating's rectification).  The days are read again only when the calendar's stamp changed since they
    were last read (:func:`table_at`): a small read of one row instead of every day the office imported.  An edit
    is seen by the same transaction (:func:`counter.db.plain.flushed`: the edit's trigger changes the stamp).
    """
    rows = plain.run(plain.flushed(session), _stamp_read(), {})
    return table_at(session, rows[0][0] if rows else None)


#: the office's tables last read, each under the stamp read with it: a stamp names one content of the days in any
#: database (a random value set by the database's triggers, migration ``0021_calendar_stamp``)
_TABLES: dict[str, HolidayTable] = {}
_TABLES_LOCK = threading.Lock()  # a desk's worker threads (a print, a sync) read the calendar too
KEPT_TABLES = 8


def table_at(work: Work, stamp: str | None) -> HolidayTable:
    """The office's table under ``stamp``, the calendar's stamp read in ``work``'s transaction: the one kept for it,
    or the days read now (in one plain statement, with the stamp as it is then) and kept.

    ``None`` (no stamp row: a schema made without the migrations' triggers, a row removed by hand) reads the days
    each time and keeps nothing.  Two statements through the session's ORM handling had cost an intake on SQLite
    half a millisecond, before any day was kept.
    """
    if stamp is not None:
        kept = _TABLES.get(stamp)
        if kept is not None:
            return kept
    rows = plain.run(plain.flushed(work), _office_days(), {})
    head = next((row for row in rows if row[0] is None), None)
    spans, read_stamp = (head[1], head[2]) if head is not None else (None, None)
    table = office_table(tuple((day, kind) for day, kind, _ in rows if day is not None), spans)
    if read_stamp is not None:
        with _TABLES_LOCK:
            if len(_TABLES) >= KEPT_TABLES:
                _TABLES.pop(next(iter(_TABLES)))  # the oldest kept
            _TABLES[read_stamp] = table
    return table


@functools.lru_cache(maxsize=4)
def office_table(days: tuple[tuple[dt.date, str], ...], spans: str | None = None) -> HolidayTable:
    """The office's table from its stored days (each with its kind) and its covered spans as stored (``None``: never
    set).

    Kept for the days and spans as read (the table is frozen), so that a table read again after a stamp changed
    and back is the same object (:mod:`counter.intake.decision_memo` compares calendars by identity).
    """
    days_off = frozenset(day for day, kind in days if kind == OFF)
    working_days = frozenset(day for day, kind in days if kind == WORK)
    covered = [DateSpan(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in json.loads(spans or "[]")]
    return HolidayTable(days_off, working_days, tuple(covered))


@functools.cache
def _stamp_read() -> Select[Any]:
    return select(cast(Table, models.CalendarStamp.__table__).c.stamp)


def stamp_column() -> ScalarSelect[Any]:
    """The calendar's stamp, as a column of another read (an intake's: :mod:`counter.db.intake_reads`)."""
    return _stamp_read().scalar_subquery()


@functools.cache
def _office_days() -> CompoundSelect[Any]:
    """One row of no day with the covered spans as stored (NULL: never set) and the calendar's stamp, then the
    edited and imported days, each with its kind.  Built once."""
    holiday = cast(Table, models.Holiday.__table__).c
    setting = cast(Table, models.Setting.__table__).c
    covered = select(setting.value).where(setting.key == literal(COVERED_KEY)).scalar_subquery()
    head = select(sql_cast(null(), Date), covered, stamp_column())
    return union_all(head, select(holiday.day, holiday.kind, sql_cast(null(), String)))


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
