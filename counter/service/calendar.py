"""The office's calendar: the days off and make-up working days it sets beside the official data, a year's notice
imported, and the lapses those changes found early (the list the deciding bodies correct from).

A change moves the open cases' dates later where the new days ask it; the answer names those cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.access.roles import Permission
from counter.calendar.office_days import HolidayOverview, ScheduleImport
from counter.case.early_lapse_rows import EarlyLapseRow
from counter.service.operation import Open, read, write

_RUNS = "counter.service.runs.calendar:"


@dataclass(frozen=True)
class CalendarAsked:
    """A request that carries nothing."""


@dataclass(frozen=True)
class ImportSchedule:
    text: str  # the State Council's notice for the year, as text
    year: int
    source: str  # the file it came from, kept with each day


@dataclass(frozen=True)
class SetHoliday:
    day: dt.date
    kind: str | None  # counter.calendar.office_days.OFF or WORK; None: the day counts by its weekday again


HOLIDAY_OVERVIEW = read(
    "calendar.holiday_overview",
    CalendarAsked,
    HolidayOverview,
    Open.ANY_DESK,
    _RUNS + "holiday_overview",
    doc="The days this office set, and the last day the holiday data knows.",
)
EARLY_LAPSES = read(
    "calendar.early_lapses",
    CalendarAsked,
    tuple[EarlyLapseRow, ...],
    Open.ANY_DESK,
    _RUNS + "early_lapses",
    doc="Every lapse found early after the days changed, by case number.",
)
IMPORT_SCHEDULE = write(
    "calendar.import_schedule",
    ImportSchedule,
    ScheduleImport,
    Permission.EDIT_HOLIDAYS,
    _RUNS + "import_schedule",
    doc="A year's official schedule imported whole, or nothing of it with every problem; the cases it moved.",
)
SET_HOLIDAY = write(
    "calendar.set_holiday",
    SetHoliday,
    tuple[str, ...],
    Permission.EDIT_HOLIDAYS,
    _RUNS + "set_holiday",
    doc="One day set off, on, or back to its weekday; the open cases whose dates it moved later.",
)
