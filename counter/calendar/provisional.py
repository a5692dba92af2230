"""The provisional window: where the year's notice, not yet in the data, could still move a date later.

Beyond the holiday data the calendar counts the statutory holidays, their substitute days and the long holidays as
the notices have given them (:mod:`counter.calendar.statutory_holidays`).  The notice, once published, differs from
that model in two ways.  Its make-up working days (调休上班) only shorten a count, and a date told to the applicant is
never shortened (domain §11, "a printed date binds the office").  Its bridging days off (调休放假) lengthen it: they lie
beside a holiday — 劳动节 2025 ran 5月1日至5日, three days past the law's two; 春节 2024 ran 初一至初八, a day past the
model's 初七.  So a date counted over a day beyond the data that lies within :data:`REACH` days of a holiday the model
keeps is in the provisional window: the notice may still put it later, and what is done on it as a missed date
(a 容缺 lapse, a 补正 lapse) may turn out to have been done early.  A count beyond the data far from any holiday is
provisional too (the paper says so), but no notice has ever moved a day there.
"""

from __future__ import annotations

import datetime as dt

from counter.calendar.statutory_holidays import statutory_year
from counter.calendar.workdays import WorkCalendar

#: how far from a statutory holiday the notices have put a bridging day off (劳动节 2025: 5月5日, three days after
#: the law's 5月2日)
REACH = 3

_ONE_DAY = dt.timedelta(days=1)


def near_holiday(day: dt.date) -> bool:
    """Whether a statutory holiday (as the calendar models it beyond the data) lies within :data:`REACH` days."""
    around = (day + dt.timedelta(days=k) for k in range(-REACH, REACH + 1))
    return any(near in statutory_year(near.year).days_off for near in around)


def in_window(calendar: WorkCalendar, first: dt.date, last: dt.date) -> dt.date | None:
    """The first day from ``first`` to ``last`` beyond the holiday data and near a holiday (None if there is none):
    a date counted over these days may still be moved later by the year's notice."""
    day = first
    while day <= last:
        if not calendar.table.covers(day) and near_holiday(day):
            return day
        day += _ONE_DAY
    return None


def unsettled(calendar: WorkCalendar, counted_from: dt.date, due: dt.date) -> bool:
    """Whether a deadline ``due``, counted from ``counted_from``, may still be moved later by the year's notice: the
    days it was counted over, and those up to the next working day after it (the first day it may be found missed),
    touch the provisional window."""
    lapse = calendar.add_working_days(due, 1).date
    return in_window(calendar, counted_from + _ONE_DAY, lapse) is not None
