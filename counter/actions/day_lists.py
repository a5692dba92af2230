"""The desk's day lists: today's cases at a desk, and every deferral of the hall coming due.

Both are read in one unit of work, with the office calendar that says how near "soon" is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.actions.calendar import office_calendar
from counter.actions.store import Unit
from counter.case.view import CaseRow
from counter.db.case_store import cases_of_day, deferrals_due_by
from counter.workdays import WorkCalendar


@dataclass(frozen=True, slots=True)
class DayLists:
    calendar: WorkCalendar
    soon_until: dt.date  # the last day still "coming due"
    of_day: tuple[CaseRow, ...]  # taken today at the desk
    due: tuple[CaseRow, ...]  # awaiting deferred materials, due by soon_until or already past


def day_lists(unit: Unit, today: dt.date, desk_no: str, soon_working_days: int) -> DayLists:
    calendar = office_calendar(unit)
    soon_until = calendar.add_working_days(today, soon_working_days).date
    of_day = cases_of_day(unit, today, desk_no)
    due = deferrals_due_by(unit, soon_until)
    return DayLists(calendar, soon_until, tuple(of_day), tuple(due))
