"""The first day a deadline told to the applicant may be found missed: the next working day after it."""

from __future__ import annotations

import datetime as dt

import pytest

from counter.calendar.workdays import HolidayTable, WorkCalendar
from counter.case.decisions import lapse_day

D = dt.date
CALENDAR = WorkCalendar(HolidayTable.from_chinesecalendar(until_year=2026))


@pytest.mark.parametrize(
    ("due", "first"),
    [
        (D(2026, 11, 24), D(2026, 11, 25)),  # a Tuesday: Wednesday
        (D(2026, 12, 11), D(2026, 12, 14)),  # a Friday: Monday, not the weekend between
        (D(2026, 9, 30), D(2026, 10, 8)),  # before 国庆节 (1-7 October 2026): the day the office opens again
        (D(2028, 1, 24), D(2028, 2, 2)),  # beyond the data: never 除夕 2028 (25 January) nor the 春节 after it
    ],
)
def test_the_lapse_waits_for_the_next_working_day(due: dt.date, first: dt.date) -> None:
    assert lapse_day(due, CALENDAR) == first
