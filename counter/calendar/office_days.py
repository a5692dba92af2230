"""The office's own days, as the holiday commands show and change them: a day set off or on by hand or by an
imported notice, how far the holiday data reaches, and what a year's notice imported did."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.calendar.schedule import ScheduleProblem

OFF, WORK = "off", "work"  # a day the office is closed, a make-up working day


@dataclass(frozen=True)
class EditedDay:
    day: dt.date
    kind: str  # OFF or WORK
    source: str  # "edited", or the schedule file it was imported from


@dataclass(frozen=True)
class HolidayOverview:
    covered_until: dt.date | None  # the last day the holiday data knows; None when it knows none
    days: tuple[EditedDay, ...]


@dataclass(frozen=True, slots=True)
class ScheduleImport:
    year: int
    days_off: int
    working_days: int
    problems: tuple[ScheduleProblem, ...]
    moved: tuple[str, ...] = ()  # the open cases whose dates the import moved later

    @property
    def ok(self) -> bool:
        return not self.problems
