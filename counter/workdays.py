"""Working days: deadlines that respect China's holidays and keep working past the data.

Time limits are set in working days (excluding the public holidays, counting the
official make-up working days, 调休上班) or in calendar days.  The State Council
announces each year's holidays late in the year before, so any holiday data ends
somewhere.  This module never fails at that edge: beyond the data it still knows the statutory holidays
of 《全国年节及纪念日放假办法》 and their substitute days (:mod:`counter.statutory_holidays`), with Saturday
and Sunday off, but not the notice's bridging days nor its make-up working days.  So every result that
consulted a day beyond the data is provisional (:class:`BeyondData`), and the screen and the paper say so.

The data is a :class:`HolidayTable`: the chinesecalendar package's years, merged
with what an administrator imported (:func:`parse_official_schedule`) or edited.

Schedule text format (:func:`parse_official_schedule`)
-------------------------------------------------------
One holiday per line, in the wording of the annual 国务院办公厅关于…部分节假日安排的通知,
which can be pasted as it is::

    元旦：1月1日（周五）至3日（周日）放假，共3天。
    春节：2月15日至23日放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
    劳动节：4月30日至5月4日放假调休，共5天。4月26日（周日）上班。
    元旦：2026年12月31日至2027年1月2日放假

* a date is ``M月D日`` (in the schedule's year) or ``YYYY年M月D日``; a range is
  ``…至D日`` (same month) or ``…至M月D日``; dates listed with ``、`` share the word
  after them;
* each date belongs to the first ``放假`` / ``补休`` / ``休息`` / ``休假`` (a day off) or ``上班`` /
  ``补班`` (a make-up working day) written after it;
* a weekday in brackets, ``（周六）`` or ``（星期六）``, is checked against the date, and
  ``共N天`` / ``放假N天`` against the days off the line lists: both catch a typo or a
  notice of another year;
* lines with no date (the title, the closing paragraph) are skipped, as is the date
  line under the signature; ``#`` starts a comment line.

Or one date per line, ``2027-01-01,off`` / ``2027-02-07,work`` (also ``放假`` / ``上班``).

The imported table covers the whole year: a notice lists every holiday of its year,
and every day it does not list follows the weekly rhythm.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from counter.catalog.model import TimeLimit, TimeUnit
from counter.statutory_holidays import statutory_year

_ONE_DAY = dt.timedelta(days=1)


def _is_weekend(day: dt.date) -> bool:
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
    are off too (:mod:`counter.statutory_holidays`), only the law's minimum, so the calendar flags every
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
    def first_covered(self) -> dt.date | None:
        return self.covered[0].first if self.covered else None

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
        if day in self.days_off or _is_weekend(day):
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
    def from_chinesecalendar(cls, *, until_year: int | None = None) -> HolidayTable:
        """Every year the installed chinesecalendar package has data for.

        The package raises NotImplementedError outside its years, so the range is
        found by asking it, not written down here: a newer package brings its new
        year without a change to this code.  ``until_year`` stops earlier, for a
        result that stays the same when the package grows (tests, and a hall that
        wants its own import to decide a year).
        """
        return _chinesecalendar_table(until_year)


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


@functools.cache
def _chinesecalendar_table(until_year: int | None) -> HolidayTable:
    chinese_calendar = _chinesecalendar()

    years = _chinesecalendar_years()
    if until_year is not None:
        years = range(years.start, min(years.stop, until_year + 1))
    if not years:
        return HolidayTable()

    def listed(days: Iterable[object], *, weekends_only: bool) -> frozenset[dt.date]:
        return frozenset(
            d for d in days if isinstance(d, dt.date) and d.year in years and (_is_weekend(d) or not weekends_only)
        )

    # The package's own tables, read once: asking is_workday day by day re-scans them per call.
    return HolidayTable(
        days_off=listed(chinese_calendar.holidays, weekends_only=False),
        working_days=listed(chinese_calendar.workdays, weekends_only=True),
        covered=(DateSpan(dt.date(years.start, 1, 1), dt.date(years.stop - 1, 12, 31)),),
    )


# --- importing an official schedule ------------------------------------------------


class ScheduleProblemCode(StrEnum):
    UNRECOGNISED = "unrecognised"  # a date line that is neither notice wording nor date,kind
    NO_ACTION = "no_action"  # dates with no 放假 / 上班 after them
    INVALID_DATE = "invalid_date"  # detail: the date as written
    BAD_RANGE = "bad_range"  # detail: start and end, ISO (backwards, or a month or longer)
    CONFLICT = "conflict"  # detail: the date, ISO (listed both off and working)
    WORKDAY_NOT_WEEKEND = "workday_not_weekend"  # detail: the date, ISO
    WEEKDAY_MISMATCH = "weekday_mismatch"  # detail: the date, ISO, and the weekday written
    DAY_COUNT_MISMATCH = "day_count_mismatch"  # detail: days written, days listed
    WRONG_YEAR = "wrong_year"  # detail: the date, ISO
    NO_ENTRIES = "no_entries"  # line 0: nothing in the whole text


@dataclass(frozen=True, slots=True)
class ScheduleProblem:
    line: int  # 1-based; 0 for the text as a whole
    code: ScheduleProblemCode
    detail: str = ""


_OFF_WORDS = ("放假", "补休", "休息", "休假")
_WORK_WORDS = ("上班", "补班")
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

_TOKEN = re.compile(
    r"(?P<date>(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日)"
    r"|(?P<day>(?P<dd>\d{1,2})\s*日)"
    r"|(?P<paren>\((?P<inner>[^()]*)\))"
    r"|(?P<to>至|到|~|—|-)"
    r"|(?P<count>(?:共|放假)\s*(?P<n>\d+)\s*天)"
    r"|(?P<off>" + "|".join(_OFF_WORDS) + r")"
    r"|(?P<work>" + "|".join(_WORK_WORDS) + r")"
)
_LONGEST_RANGE = 31  # days; the longest holiday ever set is 9, so a longer range is a typo
_WEEKDAY_WRITTEN = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_CSV = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*[,;\t ]\s*([^,;\t ]+)(?:\s*[,;\t ].*)?$")
_CSV_KINDS = {"off": True, "holiday": True, "放假": True, "休": True}  # True: a day off
_CSV_KINDS |= {"work": False, "上班": False, "班": False}
_ISO_START = re.compile(r"^\d{4}[-/]\d")  # meant as date,kind but not readable as such
_SIGNATURE_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


@dataclass
class _LineReader:
    """The state of reading one line of notice wording."""

    year: int
    number: int
    off: set[dt.date] = field(default_factory=set)
    work: set[dt.date] = field(default_factory=set)
    problems: list[ScheduleProblem] = field(default_factory=list)
    pending: list[dt.date] = field(default_factory=list)  # waiting for 放假 / 上班
    last: dt.date | None = None  # the date just read, for a range or a weekday in brackets
    range_start: dt.date | None = None  # set by 至 until the end arrives
    written_counts: list[int] = field(default_factory=list)
    off_in_line: int = 0

    def problem(self, code: ScheduleProblemCode, detail: str = "") -> None:
        self.problems.append(ScheduleProblem(self.number, code, detail))

    def make_date(self, year: int, month: int, day: int, written: str) -> dt.date | None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            self.problem(ScheduleProblemCode.INVALID_DATE, written)
            return None

    def add(self, day: dt.date | None) -> None:
        """A date or a range end has been read."""
        self.last = day
        start, self.range_start = self.range_start, None
        if day is None:
            return
        if start is None:
            self.pending.append(day)
            return
        length = (day - start).days
        if not 0 <= length < _LONGEST_RANGE:
            self.problem(ScheduleProblemCode.BAD_RANGE, f"{start.isoformat()}..{day.isoformat()}")
            if start in self.pending:
                self.pending.remove(start)
            return
        # the start is already pending; add the rest of the range
        self.pending.extend(start + dt.timedelta(days=k) for k in range(1, length + 1))

    def full_date(self, match: re.Match[str]) -> None:
        year = int(match["y"]) if match["y"] else None
        if year is None and self.range_start is not None:
            year = self.range_start.year
            # 12月30日至1月1日: the end without a year falls in the next one
            if int(match["m"]) < self.range_start.month:
                year += 1
        self.add(self.make_date(year or self.year, int(match["m"]), int(match["d"]), match["date"]))

    def short_day(self, match: re.Match[str]) -> None:
        """``至23日`` or ``、5日``: the month (and year) of the date before it."""
        before = self.range_start or self.last
        if before is None:
            self.problem(ScheduleProblemCode.UNRECOGNISED, match["day"])
            return
        self.add(self.make_date(before.year, before.month, int(match["dd"]), match["day"]))

    def bracket(self, inner: str) -> None:
        written = _WEEKDAY_WRITTEN.search(inner)
        if written is None or self.last is None:
            return
        if _WEEKDAYS[written[1]] != self.last.weekday():
            self.problem(ScheduleProblemCode.WEEKDAY_MISMATCH, f"{self.last.isoformat()},{written[0]}")

    def assign(self, *, day_off: bool) -> None:
        if day_off:
            self.off.update(self.pending)
            self.off_in_line += len(self.pending)
        else:
            self.work.update(self.pending)
        self.pending = []
        self.last = self.range_start = None

    def finish(self) -> None:
        if self.pending or self.range_start is not None:
            self.problem(ScheduleProblemCode.NO_ACTION)
        for written in self.written_counts:
            if written != self.off_in_line:
                self.problem(ScheduleProblemCode.DAY_COUNT_MISMATCH, f"{written},{self.off_in_line}")


def _read_notice_line(line: str, year: int, number: int) -> _LineReader:
    reader = _LineReader(year, number)
    for match in _TOKEN.finditer(line):
        kind = match.lastgroup
        if match["date"] is not None:
            reader.full_date(match)
        elif match["day"] is not None:
            reader.short_day(match)
        elif match["paren"] is not None:
            reader.bracket(match["inner"])
        elif kind == "to":
            if reader.last is not None and reader.pending and reader.pending[-1] == reader.last:
                reader.range_start = reader.last
        elif match["count"] is not None:
            reader.written_counts.append(int(match["n"]))
            if match["count"].startswith("放假"):
                reader.assign(day_off=True)
        elif kind == "off":
            reader.assign(day_off=True)
        elif kind == "work":
            reader.assign(day_off=False)
    reader.finish()
    return reader


@dataclass(frozen=True, slots=True)
class _LineRead:
    off: frozenset[dt.date] = frozenset()
    work: frozenset[dt.date] = frozenset()
    problems: tuple[ScheduleProblem, ...] = ()


def _read_csv_line(match: re.Match[str], number: int) -> _LineRead:
    kind = _CSV_KINDS.get(match[4].lower())
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return _LineRead(problems=(ScheduleProblem(number, ScheduleProblemCode.INVALID_DATE, match[0]),))
    if kind is None:
        return _LineRead(problems=(ScheduleProblem(number, ScheduleProblemCode.UNRECOGNISED, match[4]),))
    return _LineRead(off=frozenset({day})) if kind else _LineRead(work=frozenset({day}))


def _read_line(line: str, year: int, number: int) -> _LineRead | None:
    """One line in either form; ``None`` for a line that holds no schedule at all."""
    csv = _CSV.match(line)
    if csv is not None:
        return _read_csv_line(csv, number)
    if _ISO_START.match(line):
        return _LineRead(problems=(ScheduleProblem(number, ScheduleProblemCode.UNRECOGNISED, line),))
    if _SIGNATURE_DATE.match(line) or not re.search(r"\d\s*日", line):
        return None  # prose, the title, or the date under the signature
    reader = _read_notice_line(line, year, number)
    return _LineRead(frozenset(reader.off), frozenset(reader.work), tuple(reader.problems))


def parse_official_schedule(text: str, year: int) -> tuple[HolidayTable, list[ScheduleProblem]]:
    """Read one year's holiday schedule; return what was understood and every problem.

    The table holds every line that was understood even when others were not; the
    caller shows the problems and imports only when there are none.  A date listed
    both off and working is left out of the table.  The format is described in the
    module's docstring.
    """
    off: set[dt.date] = set()
    work: set[dt.date] = set()
    problems: list[ScheduleProblem] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = unicodedata.normalize("NFKC", raw).strip()
        read = None if not line or line.startswith("#") else _read_line(line, year, number)
        if read is None:
            continue
        problems.extend(read.problems)
        for day in sorted(read.off | read.work):
            if abs(day.year - year) > 1:
                problems.append(ScheduleProblem(number, ScheduleProblemCode.WRONG_YEAR, day.isoformat()))
        problems.extend(
            ScheduleProblem(number, ScheduleProblemCode.WORKDAY_NOT_WEEKEND, day.isoformat())
            for day in sorted(read.work)
            if not _is_weekend(day)
        )
        clashes = (read.off & work) | (read.work & off) | (read.off & read.work)
        problems.extend(
            ScheduleProblem(number, ScheduleProblemCode.CONFLICT, day.isoformat()) for day in sorted(clashes)
        )
        off |= read.off
        work |= read.work

    both = off & work
    if not off and not work:
        problems.append(ScheduleProblem(0, ScheduleProblemCode.NO_ENTRIES))
        return HolidayTable(), problems
    covered = (DateSpan(dt.date(year, 1, 1), dt.date(year, 12, 31)),)
    return HolidayTable(frozenset(off - both), frozenset(work - both), covered), problems


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

    @property
    def first_beyond(self) -> dt.date | None:
        return self.beyond.first if self.beyond else None


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

    def covers(self, day: dt.date) -> bool:
        return self.table.covers(day)

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
