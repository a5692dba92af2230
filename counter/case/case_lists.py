"""The desk's day lists of cases, and how many cases a lookup lists at most: plain data the case lists show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.calendar.workdays import HolidayTable, WorkCalendar
from counter.case.view import CaseRow

FOUND_AT_MOST = 200  # a lookup's list: a common name in a busy hall; the clerk narrows it with the ID number


@dataclass(frozen=True, slots=True)
class DayLists:
    holidays: HolidayTable  # the office calendar's table: the list shows which dates are provisional
    soon_until: dt.date  # the last day still "coming due"
    of_day: tuple[CaseRow, ...]  # taken today at the desk
    due: tuple[CaseRow, ...]  # the earliest DUE_PAGE awaiting deferred materials or a correction, due by soon_until
    due_count: int  # how many are due by soon_until (at most DUE_COUNT_CAP of each kind counted)
    due_overdue: int  # how many of those are already past
    due_counted_all: bool  # False: more than due_count are due, and they were not all counted

    @property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar(self.holidays)
