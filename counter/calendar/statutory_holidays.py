"""The statutory holidays: what the law fixes before the State Council's yearly notice says more.

《全国年节及纪念日放假办法》 as revised in 2024 (in force from 1 January 2025), 第二条, gives every citizen these
days off:

* 元旦, 1 day: 1 January;
* 春节, 4 days: 农历除夕 and 正月初一 to 初三;
* 清明节, 1 day: the day of the 清明 solar term;
* 劳动节, 2 days: 1 and 2 May;
* 端午节, 1 day: 农历五月初五;
* 中秋节, 1 day: 农历八月十五;
* 国庆节, 3 days: 1 to 3 October.

The lunar dates and the solar term come from lunar_python (6tail's 寿星万年历 algorithm, pure Python), not from a
table written here: any year is answered the same way.

第六条: 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假.  The 办法 does not say which working day: the
State Council's yearly notice decides it.  Until that notice, a statutory day that falls on a Saturday or Sunday is
given its substitute on the first working day after the holiday (after its last day, for 春节 and 国庆节), one day
for each such day.  That is the nearest guess, and the one the notices made for the one-day holidays: 元旦 2023 on a
Sunday, 2022年12月31日至2023年1月2日; 端午节 2025 on a Saturday, 5月31日至6月2日; 清明节 2026 on a Sunday, 4月4日至6日.
A statutory day that is also a day of another holiday (中秋节 on 3 October, as in 2028) is treated the same way: the
law gives both holidays, so one day more is off, as the 2020 notice did with 中秋节 on 1 October (10月1日至8日).

The two long holidays are modelled as the notices have given them, not as the law's minimum (:func:`long_holidays`).
Every notice of the chinesecalendar years gave 春节 and 国庆节 seven to nine days, bridging days taken back by
make-up weekends: a fallback of the law's four and three days put provisional deadlines inside the real holiday
(国庆节 2027 would end on 5 October; every notice since 2015 has kept 1 to 7 October off).  So, until the year's
notice:

* 春节 is 除夕 to 正月初七, eight days: the two notices under the 2024 revision, 2025 (1月28日至2月4日) and 2026
  (2月15日至23日, a Sunday before 除夕 included), both end on 初七; the notices of 2015 to 2023 ended on 初六 with
  除夕 not yet a statutory day, and 2024's ran 初一 to 初八.
* 国庆节 is 1 to 7 October, as in every notice from 2015 to 2026; with 中秋节 on one of those days one more day, to
  8 October (2017, 2020, 2025), and with 中秋节 on 29 or 30 September the days from it (2023: 9月29日至10月6日, its
  7 October a make-up working day, which a model without make-up days keeps off).

劳动节 is left at the law's two days and their substitutes: the notices since 2020 gave five days, but which five
depends on the weekday (2022 and 2023 started on the Saturday before 1 May), so no rule fits them all.

What cannot be known before the notice is left out: the weekends it turns into working days (调休上班), and the
bridging days of the other holidays.  A model without make-up working days counts fewer working days than the notice
will, so a provisional date may come out later than the notice's, never inside a long holiday the notices have
always given.  Such a date is provisional all the same: the calendar (:mod:`counter.calendar.workdays`) uses these
days only where no notice has been imported, marks every result that used them, and a case's deadline printed with
them binds the office if the notice gives an earlier one (:mod:`counter.case.dates_moved`).

The years before 2025 followed earlier revisions (春节 初一 to 初三, 劳动节 one day); they are not encoded: the
holiday data (chinesecalendar, from 2004) covers them, and a date before the data is marked as such in any case.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from enum import StrEnum

FIRST_YEAR = 2025  # the 2024 revision is in force from 1 January 2025

_ONE_DAY = dt.timedelta(days=1)


class Festival(StrEnum):
    NEW_YEAR = "new_year"  # 元旦
    SPRING_FESTIVAL = "spring_festival"  # 春节
    QINGMING = "qingming"  # 清明节
    LABOUR_DAY = "labour_day"  # 劳动节
    DRAGON_BOAT = "dragon_boat"  # 端午节
    MID_AUTUMN = "mid_autumn"  # 中秋节
    NATIONAL_DAY = "national_day"  # 国庆节


@dataclass(frozen=True, slots=True)
class StatutoryHoliday:
    """One holiday of 第二条 in one year: its days, in order."""

    festival: Festival
    days: tuple[dt.date, ...]


@dataclass(frozen=True, slots=True)
class StatutoryYear:
    """A year's statutory holidays, the weekdays given in place of those that fall on a weekend (第六条), and the
    days of 春节 and 国庆节 the notices have always added (:func:`long_holidays`)."""

    year: int
    holidays: tuple[StatutoryHoliday, ...]
    substitutes: frozenset[dt.date]
    customary: frozenset[dt.date] = frozenset()
    days_off: frozenset[dt.date] = field(init=False)  # all together: asked for every day counted beyond the data

    def __post_init__(self) -> None:
        days = frozenset(day for holiday in self.holidays for day in holiday.days)
        object.__setattr__(self, "days_off", days | self.substitutes | self.customary)


def _lunar(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of a day of lunar year ``year`` (its ordinary month, never the leap one)."""
    from lunar_python import Lunar  # about 10 ms, loaded only when a date lies beyond the holiday data

    solar = Lunar.fromYmd(year, month, day).getSolar()
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year: int) -> dt.date:
    from lunar_python import Lunar

    # lunar year ``year`` runs from late January or February, so its table holds this year's 清明 (early April)
    solar = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def statutory_holidays(year: int) -> tuple[StatutoryHoliday, ...]:
    """第二条's holidays of ``year``, in the order of the year; none before :data:`FIRST_YEAR`."""
    if year < FIRST_YEAR:
        return ()
    new_year = _lunar(year, 1, 1)  # 正月初一 of the lunar year that starts in this Gregorian year
    spring = tuple(new_year + dt.timedelta(days=k) for k in range(-1, 3))  # 除夕 and 初一 to 初三
    holidays = (
        StatutoryHoliday(Festival.NEW_YEAR, (dt.date(year, 1, 1),)),
        StatutoryHoliday(Festival.SPRING_FESTIVAL, spring),
        StatutoryHoliday(Festival.QINGMING, (_qingming(year),)),
        StatutoryHoliday(Festival.LABOUR_DAY, (dt.date(year, 5, 1), dt.date(year, 5, 2))),
        StatutoryHoliday(Festival.DRAGON_BOAT, (_lunar(year, 5, 5),)),
        StatutoryHoliday(Festival.MID_AUTUMN, (_lunar(year, 8, 15),)),
        StatutoryHoliday(Festival.NATIONAL_DAY, tuple(dt.date(year, 10, d) for d in (1, 2, 3))),
    )
    return tuple(sorted(holidays, key=lambda h: h.days[0]))  # 中秋节 may fall after 国庆节's first day


def _substitutes(holidays: tuple[StatutoryHoliday, ...]) -> frozenset[dt.date]:
    """第六条's 补假, placed as the module's docstring says."""
    statutory = {day for holiday in holidays for day in holiday.days}
    taken: set[dt.date] = set()  # statutory days already claimed by an earlier holiday
    given: set[dt.date] = set()
    for holiday in holidays:  # in the order of the year: the earlier holiday keeps a shared day
        owed = sum(1 for day in holiday.days if day.weekday() >= 5 or day in taken)
        taken.update(holiday.days)
        day = holiday.days[-1]
        while owed:
            day += _ONE_DAY
            if day.weekday() < 5 and day not in statutory and day not in given:
                given.add(day)
                owed -= 1
    return frozenset(given)


SPRING_LAST_DAY = 7  # 正月初七: where the notices under the 2024 revision (2025, 2026) ended 春节
NATIONAL_DAY_WEEK = 7  # 1 to 7 October: every notice from 2015 to 2026


def long_holidays(holidays: tuple[StatutoryHoliday, ...]) -> frozenset[dt.date]:
    """The days the notices have always given 春节 and 国庆节 (the module's docstring says from which notices)."""
    days: set[dt.date] = set()
    by_festival = {holiday.festival: holiday for holiday in holidays}
    spring = by_festival.get(Festival.SPRING_FESTIVAL)
    if spring is not None:
        eve = spring.days[0]
        days.update(eve + dt.timedelta(days=k) for k in range(SPRING_LAST_DAY + 1))  # 除夕, 初一 … 初七
    national = by_festival.get(Festival.NATIONAL_DAY)
    if national is not None:
        first = national.days[0]
        last = first + dt.timedelta(days=NATIONAL_DAY_WEEK - 1)
        mid_autumn = by_festival.get(Festival.MID_AUTUMN)
        if mid_autumn is not None and first <= mid_autumn.days[0] <= last:
            last += _ONE_DAY  # both holidays in one week: a day more, as in 2017, 2020 and 2025
        elif mid_autumn is not None and first - 2 * _ONE_DAY <= mid_autumn.days[0] < first:
            first = mid_autumn.days[0]  # 中秋节 just before: one holiday from it, as in 2023
        days.update(first + dt.timedelta(days=k) for k in range((last - first).days + 1))
    return frozenset(days)


@functools.cache
def statutory_year(year: int) -> StatutoryYear:
    """The statutory holidays of ``year``, their substitute days and the long holidays' customary days, computed
    once per year (some 7 ms)."""
    holidays = statutory_holidays(year)
    return StatutoryYear(year, holidays, _substitutes(holidays), long_holidays(holidays))
