"""The calendar's operations in process (:mod:`counter.service.calendar`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.actions.admin.holiday_reads import holiday_overview as overview
from counter.actions.cases import early_lapses as lapses
from counter.actions.cases import holidays
from counter.calendar.office_days import HolidayOverview, ScheduleImport
from counter.case.early_lapse_rows import EarlyLapseRow
from counter.service.calendar import CalendarAsked, ImportSchedule, SetHoliday
from counter.service.call import Call


def holiday_overview(work: Session, call: Call, request: CalendarAsked) -> HolidayOverview:
    return overview(work)


def early_lapses(work: Session, call: Call, request: CalendarAsked) -> tuple[EarlyLapseRow, ...]:
    return tuple(lapses.early_lapses(work))


def import_schedule(work: Session, call: Call, request: ImportSchedule) -> ScheduleImport:
    return holidays.import_schedule(work, request.text, request.year, request.source, desk=call.desk, at=call.now)


def set_holiday(work: Session, call: Call, request: SetHoliday) -> tuple[str, ...]:
    return holidays.set_holiday(work, request.day, request.kind, desk=call.desk, at=call.now)
