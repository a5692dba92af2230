"""The working-day calendar of this office: the package's data under the office's own.

chinesecalendar's table is built once per process (about 20 ms) and kept; the
office's edited and imported days are read at each use, so an import takes
effect at once on every desk, and laid on top of the package's once for each
content read (:func:`_merged`).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from counter.access.roles import Permission
from counter.actions.acting import this_desk
from counter.actions.audit import record_at_desk
from counter.actions.guard import require
from counter.audit.actions import AuditAction
from counter.calendar.schedule import ScheduleProblem, parse_official_schedule
from counter.calendar.workdays import HolidayTable, WorkCalendar
from counter.db.holiday_store import load_table, set_day, store_year

if TYPE_CHECKING:
    from counter.actions.desk import Desk


@functools.cache
def _package_table() -> HolidayTable:
    return HolidayTable.from_chinesecalendar()


def office_calendar(session: Session) -> WorkCalendar:
    return calendar_of(load_table(session))


def calendar_of(office: HolidayTable) -> WorkCalendar:
    """The calendar of the office's own table as read (by :func:`office_calendar`, or with an intake's reads)."""
    return WorkCalendar(_merged(office))


@functools.lru_cache(maxsize=4)
def _merged(office: HolidayTable) -> HolidayTable:
    """The package's table with the office's on top, kept for the office's table as read: laying one on the other
    walks every day of the package's years (0.4 ms), and the office's days change a few times a year."""
    return _package_table().merge(office)


@dataclass(frozen=True, slots=True)
class ScheduleImport:
    year: int
    days_off: int
    working_days: int
    problems: tuple[ScheduleProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def import_schedule(session: Session, text: str, year: int, source: str, *, desk: Desk | None = None) -> ScheduleImport:
    """Import one year's official schedule; with any problem, nothing is written.

    ``desk`` is who imports it (this machine's desk when not given).
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.EDIT_HOLIDAYS)
    table, problems = parse_official_schedule(text, year)
    result = ScheduleImport(year, len(table.days_off), len(table.working_days), tuple(problems))
    if not problems:
        store_year(session, table, year, source)
        detail = {"year": year, "source": source, "days_off": result.days_off, "working_days": result.working_days}
        record_at_desk(session, by, AuditAction.HOLIDAYS_CHANGED, str(year), detail)
    return result


def set_holiday(session: Session, day: dt.date, kind: str | None, *, desk: Desk | None = None) -> None:
    """Mark one day off (``"off"``) or working (``"work"``), or (``None``) return it to the weekly rhythm."""
    by = this_desk(desk)
    require(session, by.actor, Permission.EDIT_HOLIDAYS)
    set_day(session, day, kind)
    record_at_desk(session, by, AuditAction.HOLIDAYS_CHANGED, day.isoformat(), {"day": day.isoformat(), "kind": kind})
