"""The working-day calendar of this office: the package's data under the office's own.

chinesecalendar's table is built once per process (about 20 ms) and kept; the
office's edited and imported days are read at each use, so an import takes
effect at once on every desk, and laid on top of the package's once for each
content read (:func:`_merged`).
"""

from __future__ import annotations

import functools

from sqlalchemy.orm import Session

from counter.calendar.workdays import HolidayTable, WorkCalendar
from counter.db.holiday_store import load_table


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
