"""The working-day calendar of this office: the package's data under the office's own.

chinesecalendar's table is built once per process (about 20 ms) and kept; the
office's edited and imported days are laid on top at each use, so an import
takes effect at once on every desk.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sqlalchemy.orm import Session

from counter.db.holiday_store import load_table, store_year
from counter.workdays import HolidayTable, ScheduleProblem, WorkCalendar, parse_official_schedule


@functools.cache
def _package_table() -> HolidayTable:
    return HolidayTable.from_chinesecalendar()


def office_calendar(session: Session) -> WorkCalendar:
    return WorkCalendar(_package_table().merge(load_table(session)))


@dataclass(frozen=True, slots=True)
class ScheduleImport:
    year: int
    days_off: int
    working_days: int
    problems: tuple[ScheduleProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def import_schedule(session: Session, text: str, year: int, source: str) -> ScheduleImport:
    """Import one year's official schedule; with any problem, nothing is written."""
    table, problems = parse_official_schedule(text, year)
    if not problems:
        store_year(session, table, year, source)
    return ScheduleImport(year, len(table.days_off), len(table.working_days), tuple(problems))
