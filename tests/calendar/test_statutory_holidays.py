"""The statutory holidays of 全国年节及纪念日放假办法 (2024 revision), against dates known from the published calendars.

The lunar dates below are those of the Hong Kong Observatory's Gregorian-lunar calendar conversion tables:
春节 (正月初一) 2027-02-06, 2028-01-26, 2030-02-03; 端午 2027-06-09, 2028-05-28; 中秋 2027-09-15, 2028-10-03;
清明 2027-04-05, 2028-04-04.  For 2025 and 2026, whose arrangements the State Council has published, every statutory
day and every substitute day must be a day off in that arrangement (chinesecalendar's copy of it).
"""

from __future__ import annotations

import datetime as dt

import pytest

from counter.calendar.statutory_holidays import (
    Festival,
    StatutoryHoliday,
    long_holidays,
    statutory_holidays,
    statutory_year,
)
from counter.calendar.workdays import HolidayTable

D = dt.date


def days_of(year: int, festival: Festival) -> tuple[dt.date, ...]:
    (holiday,) = [h for h in statutory_holidays(year) if h.festival is festival]
    return holiday.days


@pytest.mark.parametrize(
    ("year", "eve"),
    [(2027, D(2027, 2, 5)), (2028, D(2028, 1, 25)), (2030, D(2030, 2, 2))],
)
def test_spring_festival_is_the_eve_and_the_first_three_days(year: int, eve: dt.date) -> None:
    assert days_of(year, Festival.SPRING_FESTIVAL) == tuple(eve + dt.timedelta(days=k) for k in range(4))


@pytest.mark.parametrize(
    ("year", "festival", "day"),
    [
        (2027, Festival.QINGMING, D(2027, 4, 5)),
        (2028, Festival.QINGMING, D(2028, 4, 4)),
        (2027, Festival.DRAGON_BOAT, D(2027, 6, 9)),
        (2028, Festival.DRAGON_BOAT, D(2028, 5, 28)),
        (2027, Festival.MID_AUTUMN, D(2027, 9, 15)),
        (2028, Festival.MID_AUTUMN, D(2028, 10, 3)),
        (2029, Festival.NEW_YEAR, D(2029, 1, 1)),
    ],
)
def test_one_day_holidays(year: int, festival: Festival, day: dt.date) -> None:
    assert days_of(year, festival) == (day,)


def test_labour_day_and_national_day_are_fixed_dates() -> None:
    assert days_of(2031, Festival.LABOUR_DAY) == (D(2031, 5, 1), D(2031, 5, 2))
    assert days_of(2031, Festival.NATIONAL_DAY) == (D(2031, 10, 1), D(2031, 10, 2), D(2031, 10, 3))


def test_the_holidays_come_in_the_order_of_the_year() -> None:
    # 2025: 中秋节 on 6 October, after 国庆节
    assert [h.festival for h in statutory_holidays(2025)][-2:] == [Festival.NATIONAL_DAY, Festival.MID_AUTUMN]


def test_a_holiday_on_a_weekend_gets_the_next_working_days_in_its_place() -> None:
    year = statutory_year(2027)
    # 春节: Saturday 6 and Sunday 7 February -> Tuesday 9 and Wednesday 10 (after 初三, Monday 8);
    # 劳动节: Saturday 1 and Sunday 2 May -> 3 and 4 May; 国庆节: Saturday 2 and Sunday 3 October -> 4 and 5 October
    assert year.substitutes == {
        *(D(2027, 2, 9), D(2027, 2, 10)),
        *(D(2027, 5, 3), D(2027, 5, 4)),
        *(D(2027, 10, 4), D(2027, 10, 5)),
    }


def test_a_holiday_on_another_holiday_gets_a_day_in_its_place() -> None:
    year = statutory_year(2028)
    # 元旦 a Saturday -> Monday 3 January; 端午 a Sunday -> Monday 29 May;
    # 国庆节 1 October a Sunday -> Wednesday 4; 中秋节 on 3 October, a day of 国庆节 -> Thursday 5
    assert year.substitutes == {D(2028, 1, 3), D(2028, 5, 29), D(2028, 10, 4), D(2028, 10, 5)}


def test_no_rule_before_the_2024_revision() -> None:
    assert statutory_holidays(2024) == ()
    assert statutory_year(2024).days_off == frozenset()


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_statutory_and_substitute_day_is_off_in_the_published_arrangement(year: int) -> None:
    published = HolidayTable.from_chinesecalendar(until_year=2026)
    assert published.covers(D(year, 1, 1))
    statutory = statutory_year(year)
    assert len(statutory.days_off) >= 13  # the 办法's 13 days, and the substitutes
    assert [day for day in sorted(statutory.days_off) if not published.is_day_off(day)] == []


def _long_holidays_of(year: int) -> frozenset[dt.date]:
    """The model's 春节 and 国庆节 for ``year``, whatever revision of the 办法 held then: its dates of 除夕 and 中秋节
    with the 2024 revision's days, for comparing the model with the notices it was made from."""
    from lunar_python import Lunar

    first = Lunar.fromYmd(year, 1, 1).getSolar()
    eve = dt.date(first.getYear(), first.getMonth(), first.getDay()) - dt.timedelta(days=1)
    mid = Lunar.fromYmd(year, 8, 15).getSolar()
    holidays = (
        StatutoryHoliday(Festival.SPRING_FESTIVAL, tuple(eve + dt.timedelta(days=k) for k in range(4))),
        StatutoryHoliday(Festival.MID_AUTUMN, (dt.date(mid.getYear(), mid.getMonth(), mid.getDay()),)),
        StatutoryHoliday(Festival.NATIONAL_DAY, tuple(D(year, 10, d) for d in (1, 2, 3))),
    )
    return long_holidays(holidays)


PUBLISHED = HolidayTable.from_chinesecalendar(until_year=2026)


@pytest.mark.parametrize("year", range(2015, 2027))
def test_national_day_is_modelled_as_every_notice_since_2015_gave_it(year: int) -> None:
    """Every day the model keeps off around 1 October was off in that year's notice, and every weekday the notice
    gave off there is in the model — but 7 October 2023, a make-up working day the model cannot know."""
    modelled = {d for d in _long_holidays_of(year) if d.month in (9, 10)}
    given = {D(year, 9, 28) + dt.timedelta(days=k) for k in range(14)}
    given = {d for d in given if PUBLISHED.is_day_off(d) and d.weekday() < 5}
    assert given <= modelled
    assert [d for d in sorted(modelled) if not PUBLISHED.is_day_off(d)] == ([D(2023, 10, 7)] if year == 2023 else [])


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_spring_festival_is_modelled_as_the_notices_under_the_2024_revision_gave_it(year: int) -> None:
    """除夕 to 初七: exactly the weekdays the 2025 and 2026 notices gave off for 春节."""
    modelled = {d for d in _long_holidays_of(year) if d.month < 3}
    eve = min(modelled)
    around = {eve - dt.timedelta(days=7) + dt.timedelta(days=k) for k in range(21)}
    given = {d for d in around if PUBLISHED.is_day_off(d) and d.weekday() < 5}
    assert given == {d for d in modelled if d.weekday() < 5}


def test_the_long_holidays_beyond_the_data() -> None:
    """2027: 春节 除夕 Friday 5 to 初七 Friday 12 February, 国庆节 1 to 7 October (中秋节 on 15 September); 2028: 国庆节
    to 8 October, 中秋节 falling on 3 October."""
    year = statutory_year(2027)
    assert {D(2027, 2, 5) + dt.timedelta(days=k) for k in range(8)} <= year.days_off
    assert D(2027, 2, 15) not in year.days_off
    assert {D(2027, 10, d) for d in range(1, 8)} <= year.days_off
    assert D(2027, 10, 8) not in year.days_off
    assert {D(2028, 10, d) for d in range(1, 9)} <= statutory_year(2028).days_off
    assert D(2028, 10, 9) not in statutory_year(2028).days_off
    assert {D(2028, 1, 25) + dt.timedelta(days=k) for k in range(8)} <= statutory_year(2028).days_off
