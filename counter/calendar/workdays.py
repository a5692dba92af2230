"""Working days: deadlines that respect China's holidays and keep working past the data.

Time limits are set in working days (excluding the public holidays, counting the
official make-up working days, 调休上班) or in calendar days.  The State Council
announces each year's holidays late in the year before, so any holiday data ends
somewhere.  This module never fails at that edge: beyond the data it still knows the statutory holidays
of 《全国年节及纪念日放假办法》 and their substitute days (:mod:`counter.calendar.statutory_holidays`), with Saturday
and Sunday off, but not the notice's bridging days nor its make-up working days.  So every result that
consulted a day beyond the data is provisional (:class:`BeyondData`), and the screen and the paper say so.

The data is a :class:`HolidayTable`: the chinesecalendar package's years, merged
with what an administrator imported (:func:`counter.calendar.schedule.parse_official_schedule`) or edited.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from counter.calendar.statutory_holidays import statutory_year
from counter.catalog.model import TimeLimit, TimeUnit

_ONE_DAY = dt.timedelta(days=1)


def is_weekend(day: dt.date) -> bool:
    """Saturday or Sunday: the weekly rest the holiday data departs from."""
    return day.weekday() >= 5


def _days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    day = first
    while day <= last:
        yield day
        day += _ONE_DAY


# --- the data -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A closed range of dates, both ends included."""

    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"span ends before it starts: {self.first} .. {self.last}")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last


def _join_spans(spans: Iterable[DateSpan]) -> tuple[DateSpan, ...]:
    """Sorted, with overlapping or touching spans joined into one."""
    joined: list[DateSpan] = []
    for span in sorted(spans, key=lambda s: s.first):
        if joined and span.first <= joined[-1].last + _ONE_DAY:
            if span.last > joined[-1].last:
                joined[-1] = DateSpan(joined[-1].first, span.last)
        else:
            joined.append(span)
    return tuple(joined)


@dataclass(frozen=True, slots=True)
class HolidayTable:
    """Which days differ from the weekly rhythm, and where that knowledge is complete.

    ``days_off`` are the official days off (holidays, and weekends inside a holiday period); ``working_days``
    are the make-up working days, weekends on which offices work.  Inside ``covered`` a day in neither set
    follows the week (Monday-Friday working); outside it, the statutory holidays and their substitute days
    are off too (:mod:`counter.calendar.statutory_holidays`), only the law's minimum, so the calendar flags every
    result that relied on it.  Entries outside ``covered`` still win: whoever typed one knows more.

    ``covered`` is a tuple of spans rather than one first-last pair because data can
    have gaps (the package's years, then an import for a year after a missing one).
    """

    days_off: frozenset[dt.date] = frozenset()
    working_days: frozenset[dt.date] = frozenset()
    covered: tuple[DateSpan, ...] = ()

    def __post_init__(self) -> None:
        both = self.days_off & self.working_days
        if both:
            raise ValueError(f"days both off and working: {sorted(both)}")
        object.__setattr__(self, "covered", _join_spans(self.covered))

    @property
    def last_covered(self) -> dt.date | None:
        return self.covered[-1].last if self.covered else None

    def covers(self, day: dt.date) -> bool:
        return any(day in span for span in self.covered)

    def covered_until(self, day: dt.date) -> dt.date | None:
        """The last authoritative date before ``day``: where the warning says the data ends."""
        ends = [span.last for span in self.covered if span.last < day]
        return max(ends) if ends else None

    def is_day_off(self, day: dt.date) -> bool:
        if day in self.working_days:
            return False
        if day in self.days_off or is_weekend(day):
            return True
        return day in statutory_year(day.year).days_off and not self.covers(day)

    def merge(self, other: HolidayTable) -> HolidayTable:
        """This table with ``other`` laid on top.

        Inside ``other``'s coverage ``other`` alone decides (an edited year replaces
        the package's version of it, removals included); outside it, ``other``'s
        entries still win day by day.  The coverage is the union of both.
        """

        def kept(days: frozenset[dt.date]) -> frozenset[dt.date]:
            return frozenset(
                d for d in days if not other.covers(d) and d not in other.days_off and d not in other.working_days
            )

        return HolidayTable(
            days_off=kept(self.days_off) | other.days_off,
            working_days=kept(self.working_days) | other.working_days,
            covered=self.covered + other.covered,
        )

    @classmethod
    @functools.cache
    def from_chinesecalendar(cls, *, until_year: int | None = None) -> HolidayTable:
        """Every year the installed chinesecalendar package has data for.

        The package raises NotImplementedError outside its years, so the range is
        found by asking it, not written down here: a newer package brings its new
        year without a change to this code.  ``until_year`` stops earlier, for a
        result that stays the same when the package grows (tests, and a hall that
        wants its own import to decide a year).  Built once for each ``until_year``: the table is frozen.
        """
        chinese_calendar = _chinesecalendar()

        years = _chinesecalendar_years()
        if until_year is not None:
            years = range(years.start, min(years.stop, until_year + 1))
        if not years:
            return HolidayTable()

        def listed(days: Iterable[object], *, weekends_only: bool) -> frozenset[dt.date]:
            return frozenset(
                d for d in days if isinstance(d, dt.date) and d.year in years and (is_weekend(d) or not weekends_only)
            )

        # The package's own tables, read once: asking is_workday day by day re-scans them per call.
        return HolidayTable(
            days_off=listed(chinese_calendar.holidays, weekends_only=False),
            working_days=listed(chinese_calendar.workdays, weekends_only=True),
            covered=(DateSpan(dt.date(years.start, 1, 1), dt.date(years.stop - 1, 12, 31)),),
        )


def _chinesecalendar() -> Any:
    """The package, imported only when the table is first built.

    Imported by name: it ships no type information, and the module name differs
    from the distribution name (chinesecalendar) that the type checker's settings use.
    """
    return importlib.import_module("chinese_calendar")


def _chinesecalendar_years() -> range:
    """The contiguous years the package answers for, found by probing.

    The search starts at this year and walks outwards (the data may lag the clock or,
    on a machine with a wrong clock, lead it).
    """
    chinese_calendar = _chinesecalendar()

    def answers(year: int) -> bool:
        try:
            chinese_calendar.is_workday(dt.date(year, 6, 1))
        except NotImplementedError:
            return False
        return True

    this_year = dt.date.today().year
    probes = (this_year + sign * step for step in range(200) for sign in (-1, 1))
    anchor = next((year for year in probes if dt.MINYEAR < year < dt.MAXYEAR and answers(year)), None)
    if anchor is None:
        return range(0)
    first = last = anchor
    while first - 1 > dt.MINYEAR and answers(first - 1):
        first -= 1
    while last + 1 < dt.MAXYEAR and answers(last + 1):
        last += 1
    return range(first, last + 1)


# --- the calendar -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BeyondData:
    """A computation consulted days the holiday data does not cover: its result is provisional.

    There the calendar knows only the statutory holidays; the State Council's notice for that year may add
    days off or make-up working days and so move the date.  Dates follow the notice once it is imported
    (``counter holidays import``); a case keeps the flag it was taken with: its paper already says so.

    ``first`` is the earliest such day; ``data_until`` the last covered day before
    it (``None`` when no data precedes it), which the warning names.
    """

    first: dt.date
    data_until: dt.date | None


@dataclass(frozen=True, slots=True)
class DateResult:
    """A computed date, and whether any day it depends on lies beyond the data (then it is provisional)."""

    date: dt.date
    beyond: BeyondData | None = None

    @property
    def beyond_data(self) -> bool:
        return self.beyond is not None


@dataclass(frozen=True, slots=True)
class DayCount:
    """A number of working days, flagged like :class:`DateResult`."""

    days: int
    beyond: BeyondData | None = None

    @property
    def beyond_data(self) -> bool:
        return self.beyond is not None


class _Reach:
    """Remembers the first consulted day outside the data."""

    def __init__(self, table: HolidayTable) -> None:
        self._table = table
        self.first: dt.date | None = None

    def see(self, day: dt.date) -> None:
        if (self.first is None or day < self.first) and not self._table.covers(day):
            self.first = day

    def result(self) -> BeyondData | None:
        if self.first is None:
            return None
        return BeyondData(self.first, self._table.covered_until(self.first))


class WorkCalendar:
    """Working-day arithmetic over a :class:`HolidayTable`.

    Results never depend on the clock and never raise for a date beyond the data: there they count the
    statutory holidays with the weekly rhythm and carry a :class:`BeyondData` flag, the provisional mark.
    """

    def __init__(self, table: HolidayTable) -> None:
        self.table = table

    def is_working_day(self, day: dt.date) -> bool:
        return not self.table.is_day_off(day)

    def _next_working(self, day: dt.date, reach: _Reach) -> dt.date:
        """``day`` itself if it is a working day, else the next one."""
        reach.see(day)
        while not self.is_working_day(day):
            day += _ONE_DAY
            reach.see(day)
        return day

    def add_working_days(self, start: dt.date, n: int) -> DateResult:
        """The ``n``-th working day after ``start``.

        Day 1 is the first working day after ``start``: the day a period starts is
        not counted (民法典 第二百零一条), and 行政许可法 第八十二条 counts its limits in
        working days without public holidays.  ``n == 0`` is ``start`` itself when it
        is a working day, else the next one (即办件: done the day it can be).
        """
        if n < 0:
            raise ValueError(f"a number of days cannot be negative: {n}")
        reach = _Reach(self.table)
        if n == 0:
            return DateResult(self._next_working(start, reach), reach.result())
        day = start
        for _ in range(n):
            day = self._next_working(day + _ONE_DAY, reach)
        return DateResult(day, reach.result())

    def add_calendar_days(self, start: dt.date, n: int) -> DateResult:
        """``start`` plus ``n`` calendar days, moved to the next working day if it is a day off.

        A deadline never falls on a day off: the office is closed, so the applicant
        could not hand anything in; a period whose last day is a public holiday ends on
        the day after the holiday (民法典 第二百零三条).
        """
        if n < 0:
            raise ValueError(f"a number of days cannot be negative: {n}")
        reach = _Reach(self.table)
        return DateResult(self._next_working(start + dt.timedelta(days=n), reach), reach.result())

    def beyond(self, first: dt.date, last: dt.date) -> BeyondData | None:
        """The provisional mark of dates computed from ``first`` up to ``last``: where the data stops before them.

        For a screen that names the last covered day of several dates at once (each counted on its own).
        """
        reach = _Reach(self.table)
        for day in _days(first, last):
            reach.see(day)
            if reach.first is not None:
                break
        return reach.result()

    def deadline(self, start: dt.date, limit: TimeLimit) -> DateResult:
        if limit.unit is TimeUnit.WORKING_DAY:
            return self.add_working_days(start, limit.value)
        return self.add_calendar_days(start, limit.value)

    def working_days_between(self, a: dt.date, b: dt.date) -> DayCount:
        """Working days after ``a`` up to and including ``b``; negative when ``b`` is before ``a``.

        The inverse of :meth:`add_working_days`: ``add_working_days(a, n)`` lands on
        ``b`` exactly when this counts ``n`` and ``b`` is a working day.
        """
        sign, low, high = (1, a, b) if a <= b else (-1, b, a)
        reach = _Reach(self.table)
        count = 0
        for day in _days(low + _ONE_DAY, high):
            reach.see(day)
            count += self.is_working_day(day)
        return DayCount(sign * count, reach.result())
