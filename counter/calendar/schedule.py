"""Reading the State Council's yearly holiday notice into a :class:`~counter.calendar.workdays.HolidayTable`.

An administrator pastes the notice, or a date list, when it is published; the calendar
(:mod:`counter.calendar.workdays`) then counts with it.  Kept apart from the counting: the
wording of a notice and its checks change with each year's notice, the counting does not.

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
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from counter.calendar.workdays import DateSpan, HolidayTable, is_weekend


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
    TOO_MANY_DAYS_OFF = "too_many_days_off"  # line 0; detail: the weekdays off listed for the year, and the most


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
#: The most weekdays (Monday to Friday) a year's table may give off.  全国年节及纪念日放假办法 gives 13 days, and a
#: notice adds the bridging days it takes back as make-up weekends: recent years gave 17–20 weekdays off.  A table
#: giving more is a mistake (a whole year listed off), and every deadline counted across it would move by months.
MOST_WEEKDAYS_OFF = 25
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
        written = match.string[match.start(1) : match.end(3)]  # the date as written, without the kind after it
        return _LineRead(problems=(ScheduleProblem(number, ScheduleProblemCode.INVALID_DATE, written),))
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
            if not is_weekend(day)
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
    weekdays_off = sum(1 for day in off - both if day.year == year and not is_weekend(day))
    if weekdays_off > MOST_WEEKDAYS_OFF:
        detail = f"{weekdays_off},{MOST_WEEKDAYS_OFF}"
        problems.append(ScheduleProblem(0, ScheduleProblemCode.TOO_MANY_DAYS_OFF, detail))
    covered = (DateSpan(dt.date(year, 1, 1), dt.date(year, 12, 31)),)
    return HolidayTable(frozenset(off - both), frozenset(work - both), covered), problems
