"""The dates an intake tells: limits counted from the day the materials arrived, and a deferred material's due date.

Apart from :mod:`counter.intake.outcome`, which chooses the outcome: these are the reckonings it asks for — the
promised completion date (the bundle's promise, else the latest item's, legal where none), and for a 容缺 material
the latest working day that leaves the department its margin before every completion date it serves, or exactly the
guide's own period where the guide gives one (never past a served item's legal limit).  Whether any date fell
beyond the calendar's holiday data is remembered (:attr:`Dates.beyond_data`), so the clerk checks them.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from counter.catalog.model import Bundle, Item, Material, TimeLimit, TimeUnit

_ONE_WORKING_DAY = TimeLimit(1, TimeUnit.WORKING_DAY)


class DeadlineResult(Protocol):
    """A computed date, and whether it fell where the calendar has no holiday data."""

    @property
    def date(self) -> dt.date: ...

    @property
    def beyond_data(self) -> bool: ...


class DeadlineCalendar(Protocol):
    """Anything that counts a time limit from a start date (e.g. ``counter.calendar.workdays.WorkCalendar``)."""

    def deadline(self, start: dt.date, limit: TimeLimit, /) -> DeadlineResult: ...


class Dates:
    """Counts limits from one day and remembers whether any date left the calendar's data."""

    def __init__(self, calendar: DeadlineCalendar, start: dt.date) -> None:
        self._calendar = calendar
        self._start = start
        self.beyond_data = False

    def __call__(self, limit: TimeLimit) -> dt.date:
        result = self._calendar.deadline(self._start, limit)
        self.beyond_data = self.beyond_data or result.beyond_data
        return result.date


def item_limit(item: Item) -> TimeLimit | None:
    return item.promised_limit or item.legal_limit


def promised_date(bundle: Bundle, dates: Dates) -> dt.date | None:
    if bundle.promised_limit is not None:
        return dates(bundle.promised_limit)
    limits = [limit for item in bundle.items if (limit := item_limit(item)) is not None]
    return max((dates(limit) for limit in limits), default=None)


def due_limits(bundle: Bundle, material: Material) -> list[TimeLimit]:
    """The limits a deferred material's due date may not exceed; its due date is the earliest."""
    return [limit for limit in (material.deferral_limit, *completion_limits(bundle, material)) if limit is not None]


def completion_limits(bundle: Bundle, material: Material) -> list[TimeLimit]:
    """The completion promises a deferred material serves: the bundle's, and each of its items' (legal if none)."""
    limits = [bundle.promised_limit]
    limits += [item_limit(item) for code in material.items if (item := bundle.item(code)) is not None]
    return [limit for limit in limits if limit is not None]


def legal_dates(bundle: Bundle, material: Material, dates: Dates) -> list[dt.date]:
    """The legal limits of the items a deferred material serves, as dates: no promise moves past them."""
    served = (bundle.item(code) for code in material.items)
    return [dates(item.legal_limit) for item in served if item is not None and item.legal_limit is not None]


def guide_due(
    bundle: Bundle, material: Material, dates: Dates, calendar: DeadlineCalendar, margin: TimeLimit
) -> tuple[dt.date, dt.date] | None:
    """The guide's own period for the material (its due date) and the day the margin after it ends; None where that
    day passes the legal limit of an item the material serves."""
    assert material.deferral_limit is not None
    due = dates(material.deferral_limit)
    after = calendar.deadline(due, margin)
    dates.beyond_data = dates.beyond_data or after.beyond_data
    if any(after.date > legal for legal in legal_dates(bundle, material, dates)):
        return None
    return due, after.date


def due_date(
    bundle: Bundle, material: Material, dates: Dates, calendar: DeadlineCalendar, margin: TimeLimit, today: dt.date
) -> dt.date | None:
    """The latest working day after ``today`` within every limit that leaves ``margin`` before each completion date.

    None when no such day exists: the promise is too short for this material to be deferred.  The calendar only
    counts forward, so the day is found by stepping back from the earliest limit (a few days at most).  For a
    material that serves a completion date at least (one that serves none has no due date to find, and the outcome
    refuses its deferral: ``DEFERRAL_NO_DEADLINE``).
    """
    latest = min(dates(limit) for limit in due_limits(bundle, material))
    finish = min(dates(limit) for limit in completion_limits(bundle, material))
    day = latest
    while day > today:
        result = calendar.deadline(day, margin)
        if result.date <= finish and working_day(calendar, day):
            dates.beyond_data = dates.beyond_data or result.beyond_data
            return day
        day -= dt.timedelta(days=1)
    return None


def working_day(calendar: DeadlineCalendar, day: dt.date) -> bool:
    """Whether ``day`` is a working day: one working day after the day before lands on it.

    A due date found by stepping back must be a day the office is open to receive the material.
    """
    return calendar.deadline(day - dt.timedelta(days=1), _ONE_WORKING_DAY).date == day
