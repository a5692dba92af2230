"""The office's calendar: the days off and make-up working days it sets beside the official data, a year's notice
imported, and the lapses those changes found early (the list the deciding bodies correct from).

A change moves the open cases' dates later where the new days ask it; the answer names those cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.calendar.office_days import HolidayOverview, ScheduleImport
from counter.case.early_lapse_rows import EarlyLapseRow
from counter.service.call import Call
from counter.service.operation import Open, read, write
from counter.service.requests import Nothing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ImportSchedule:
    text: str  # the State Council's notice for the year, as text
    year: int
    source: str  # the file it came from, kept with each day


@dataclass(frozen=True)
class SetHoliday:
    day: dt.date
    kind: str | None  # counter.calendar.office_days.OFF or WORK; None: the day counts by its weekday again


def holiday_overview(work: Session, call: Call, request: Nothing) -> HolidayOverview:
    """The days this office set, and the last day the holiday data knows."""
    from counter.actions.admin.holiday_reads import holiday_overview as overview

    return overview(work)


HOLIDAY_OVERVIEW = read("calendar.holiday_overview", Open.ANY_DESK, holiday_overview)


def early_lapses(work: Session, call: Call, request: Nothing) -> tuple[EarlyLapseRow, ...]:
    """Every lapse found early after the days changed, by case number."""
    from counter.actions.cases import early_lapses as lapses

    return tuple(lapses.early_lapses(work))


EARLY_LAPSES = read("calendar.early_lapses", Open.ANY_DESK, early_lapses)


def import_schedule(work: Session, call: Call, request: ImportSchedule) -> ScheduleImport:
    """A year's official schedule imported whole, or nothing of it with every problem; the cases it moved."""
    from counter.actions.cases import holidays

    return holidays.import_schedule(work, request.text, request.year, request.source, desk=call.desk, at=call.now)


IMPORT_SCHEDULE = write("calendar.import_schedule", Permission.EDIT_HOLIDAYS, import_schedule)


def set_holiday(work: Session, call: Call, request: SetHoliday) -> tuple[str, ...]:
    """One day set off, on, or back to its weekday; the open cases whose dates it moved later."""
    from counter.actions.cases import holidays

    return holidays.set_holiday(work, request.day, request.kind, desk=call.desk, at=call.now)


SET_HOLIDAY = write("calendar.set_holiday", Permission.EDIT_HOLIDAYS, set_holiday)
