"""Working days: the 2026 holidays as chinesecalendar has them, the edge of the data, imports.

The 2026 dates asserted here were read from chinesecalendar and agree with the State
Council's 2026 schedule: 春节 off 2月15日-23日 with 2月14日 (Sat) and 2月28日 (Sat) worked;
中秋节 off 9月25日-27日; 国庆节 off 10月1日-7日 with 9月20日 (Sun) and 10月10日 (Sat) worked.
"""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.calendar.schedule import ScheduleProblem, ScheduleProblemCode, parse_official_schedule
from counter.calendar.workdays import BeyondData, DateSpan, HolidayTable, WorkCalendar
from counter.catalog.model import TimeLimit, TimeUnit
from counter.words.workdays import beyond_data_warning, schedule_problem_text

D = dt.date
PACKAGE = HolidayTable.from_chinesecalendar(until_year=2026)
CALENDAR = WorkCalendar(PACKAGE)

# The 2026 schedule written the way the State Council's notice words it.
NOTICE_2026 = """\
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
"""

# SAMPLE DATA, NOT THE OFFICIAL 2027 SCHEDULE: invented for these tests in the wording of the
# annual notice, with real 2027 weekdays, so that an import of "next year" can be exercised.
SAMPLE_NOTICE_2027 = """\
国务院办公厅关于2027年部分节假日安排的通知（测试样例，非官方）
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至13日（周六）放假调休，共9天。1月31日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。5月8日（周六）上班。
五、端午节：6月9日（周三）放假1天。
六、中秋节：9月15日（周三）放假1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。
国务院办公厅
2026年11月4日
"""


def working(day: dt.date) -> bool:
    return CALENDAR.is_working_day(day)


# --- the package's data -----------------------------------------------------------------


def test_the_package_range_is_found_by_probing() -> None:
    chinese_calendar = importlib.import_module("chinese_calendar")
    table = HolidayTable.from_chinesecalendar()
    first, last = table.covered[0].first, table.last_covered
    assert last is not None
    assert (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    assert len(table.covered) == 1
    chinese_calendar.is_workday(first)  # answers inside the range …
    chinese_calendar.is_workday(last)
    for outside in (first - dt.timedelta(days=1), last + dt.timedelta(days=1)):
        with pytest.raises(NotImplementedError):  # … and refuses just outside it
            chinese_calendar.is_workday(outside)


def test_the_table_agrees_with_the_package_day_by_day() -> None:
    chinese_calendar = importlib.import_module("chinese_calendar")
    day = D(2024, 1, 1)
    while day <= D(2026, 12, 31):
        assert working(day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(days=1)


def test_until_year_stops_the_data() -> None:
    assert PACKAGE.last_covered == D(2026, 12, 31)
    assert HolidayTable.from_chinesecalendar(until_year=2025).last_covered == D(2025, 12, 31)


# --- 2026: Spring Festival ---------------------------------------------------------------


def test_spring_festival_2026() -> None:
    assert working(D(2026, 2, 14))  # Saturday, 调休上班
    assert all(not working(D(2026, 2, d)) for d in range(15, 24))  # 15th (Sun) … 23rd (Mon) off
    assert working(D(2026, 2, 24))
    assert working(D(2026, 2, 28))  # Saturday, 调休上班
    assert not working(D(2026, 3, 1))  # an ordinary Sunday


def test_friday_before_spring_festival_plus_working_days() -> None:
    friday = D(2026, 2, 13)
    assert CALENDAR.add_working_days(friday, 1).date == D(2026, 2, 14)  # the make-up Saturday counts
    assert CALENDAR.add_working_days(friday, 2).date == D(2026, 2, 24)  # then the holiday is skipped
    assert CALENDAR.working_days_between(friday, D(2026, 2, 24)).days == 2


# --- 2026: Mid-autumn and National Day -----------------------------------------------


def test_national_day_2026() -> None:
    assert working(D(2026, 9, 20))  # Sunday, 调休上班
    assert not any(working(D(2026, 9, d)) for d in (25, 26, 27))  # 中秋节
    assert not any(working(D(2026, 10, d)) for d in range(1, 8))
    assert working(D(2026, 10, 8))
    assert working(D(2026, 10, 10))  # Saturday, 调休上班
    assert not working(D(2026, 10, 11))


def test_day_before_national_day_plus_one_lands_after_the_holiday() -> None:
    result = CALENDAR.add_working_days(D(2026, 9, 30), 1)
    assert result.date == D(2026, 10, 8)
    assert not result.beyond_data
    assert result.beyond is None


def test_five_working_days_across_national_day() -> None:
    # 10-8 (1), 10-9 (2), Saturday 10-10 worked (3), Sunday 10-11 off, 10-12 (4), 10-13 (5)
    result = CALENDAR.deadline(D(2026, 9, 30), TimeLimit(5, TimeUnit.WORKING_DAY))
    assert result.date == D(2026, 10, 13)
    assert not result.beyond_data
    assert CALENDAR.working_days_between(D(2026, 9, 30), D(2026, 10, 13)).days == 5


def test_the_weekend_before_mid_autumn_has_a_working_sunday() -> None:
    assert CALENDAR.add_working_days(D(2026, 9, 18), 1).date == D(2026, 9, 20)
    assert CALENDAR.add_working_days(D(2026, 9, 24), 1).date == D(2026, 9, 28)


# --- calendar days ---------------------------------------------------------------------


def test_calendar_deadline_on_a_holiday_moves_to_the_next_working_day() -> None:
    result = CALENDAR.deadline(D(2026, 9, 21), TimeLimit(10, TimeUnit.CALENDAR_DAY))  # lands on 10-1
    assert result.date == D(2026, 10, 8)
    assert CALENDAR.add_calendar_days(D(2026, 2, 1), 15).date == D(2026, 2, 24)  # lands on 2-16


def test_calendar_deadline_on_a_make_up_saturday_stays() -> None:
    assert CALENDAR.add_calendar_days(D(2026, 10, 3), 7).date == D(2026, 10, 10)


def test_calendar_deadline_on_an_ordinary_weekend_moves_to_monday() -> None:
    assert CALENDAR.add_calendar_days(D(2026, 11, 21), 7).date == D(2026, 11, 30)  # Saturday 11-28


def test_zero_days() -> None:
    assert CALENDAR.add_working_days(D(2026, 11, 20), 0).date == D(2026, 11, 20)  # a Friday
    assert CALENDAR.add_working_days(D(2026, 11, 22), 0).date == D(2026, 11, 23)  # a Sunday
    assert CALENDAR.deadline(D(2026, 10, 1), TimeLimit(0, TimeUnit.CALENDAR_DAY)).date == D(2026, 10, 8)


def test_negative_counts_are_a_programming_error() -> None:
    with pytest.raises(ValueError, match="negative"):
        CALENDAR.add_working_days(D(2026, 1, 5), -1)
    with pytest.raises(ValueError, match="negative"):
        CALENDAR.add_calendar_days(D(2026, 1, 5), -1)


def test_working_days_between_counts_backwards_too() -> None:
    assert CALENDAR.working_days_between(D(2026, 10, 13), D(2026, 9, 30)).days == -5
    assert CALENDAR.working_days_between(D(2026, 10, 13), D(2026, 10, 13)).days == 0


# --- beyond the data --------------------------------------------------------------------


def test_2027_is_beyond_the_data_and_says_so() -> None:
    result = CALENDAR.add_working_days(D(2026, 12, 31), 1)
    assert result.date == D(2027, 1, 4)  # 元旦 is a Friday, then the weekend
    assert result.beyond_data
    assert result.beyond == BeyondData(first=D(2027, 1, 1), data_until=D(2026, 12, 31))
    assert beyond_data_warning(result.beyond) == (
        "节假日安排只到2026年12月31日，此后的日期按法定节假日推算，为暂定日期，以国务院办公厅公布的节假日安排为准"
    )


def test_beyond_the_data_the_statutory_holidays_and_the_weekends_are_off() -> None:
    assert not working(D(2027, 2, 20))  # a Saturday
    assert not working(D(2027, 2, 5))  # a Friday, 除夕
    assert not working(D(2027, 2, 9))  # a Tuesday, in place of 初一 on Saturday
    assert not working(D(2027, 2, 12))  # a Friday, 初七: the long 春节 the notices give
    assert working(D(2027, 2, 15))
    result = CALENDAR.add_working_days(D(2027, 2, 4), 5)
    assert result.date == D(2027, 2, 19)  # 5th-14th off: 15th, 16th, 17th, 18th, 19th
    assert result.beyond is not None
    assert result.beyond.first == D(2027, 2, 5)
    counted = CALENDAR.working_days_between(D(2027, 2, 4), D(2027, 2, 19))
    assert counted.days == 5
    assert counted.beyond_data


def test_the_issue_dates_skip_new_year_and_the_spring_festival() -> None:
    new_year = CALENDAR.add_working_days(D(2026, 12, 28), 5)
    assert new_year.date == D(2027, 1, 5)  # 29th, 30th, 31st, 1-4, 1-5: 元旦 and the weekend skipped
    assert new_year.beyond == BeyondData(first=D(2027, 1, 1), data_until=D(2026, 12, 31))
    spring = CALENDAR.add_working_days(D(2027, 2, 1), 5)
    assert spring.date == D(2027, 2, 16)  # 2nd, 3rd, 4th, then 除夕 to 初七 and the weekend off, 15th, 16th
    assert spring.beyond_data


def test_the_mark_of_several_dates_names_where_the_data_stops() -> None:
    assert CALENDAR.beyond(D(2026, 12, 28), D(2027, 1, 5)) == BeyondData(D(2027, 1, 1), D(2026, 12, 31))
    assert CALENDAR.beyond(D(2026, 12, 28), D(2026, 12, 31)) is None


def test_a_computation_inside_the_data_is_not_flagged() -> None:
    assert not CALENDAR.add_working_days(D(2026, 12, 29), 2).beyond_data  # lands on 12-31
    assert not CALENDAR.working_days_between(D(2026, 1, 1), D(2026, 12, 31)).beyond_data


def test_before_the_data_is_flagged_too() -> None:
    table = HolidayTable.from_chinesecalendar()
    before = table.covered[0].first - dt.timedelta(days=30)
    result = WorkCalendar(table).add_calendar_days(before, 0)
    assert result.beyond == BeyondData(first=before, data_until=None)
    assert beyond_data_warning(result.beyond).endswith("为暂定日期，以国务院办公厅公布的节假日安排为准")


def test_far_beyond_the_data_never_raises() -> None:
    # Sunday 2099-12-20: 12-21…25, 12-28…31, 元旦 on Friday 1-1 off, 1-4…8, 1-11…15, 1-18
    result = CALENDAR.deadline(D(2099, 12, 20), TimeLimit(20, TimeUnit.WORKING_DAY))
    assert result.date == D(2100, 1, 18)
    assert result.beyond is not None
    assert result.beyond.first == D(2099, 12, 21)


def test_an_empty_table_flags_everything() -> None:
    result = WorkCalendar(HolidayTable()).add_working_days(D(2026, 10, 1), 1)
    assert result.date == D(2026, 10, 8)  # 国庆节 as the notices give it, 1 to 7 October
    assert result.beyond == BeyondData(first=D(2026, 10, 2), data_until=None)


# --- importing next year's schedule ----------------------------------------------------


def test_the_2026_notice_reads_as_the_package_has_it() -> None:
    table, problems = parse_official_schedule(NOTICE_2026, 2026)
    assert problems == []
    assert table.covered == (DateSpan(D(2026, 1, 1), D(2026, 12, 31)),)
    assert table.days_off == {d for d in PACKAGE.days_off if d.year == 2026}
    assert table.working_days == {d for d in PACKAGE.working_days if d.year == 2026}


def test_after_importing_2027_the_same_dates_come_from_the_table() -> None:
    sample, problems = parse_official_schedule(SAMPLE_NOTICE_2027, 2027)
    assert problems == []
    calendar = WorkCalendar(PACKAGE.merge(sample))
    assert calendar.table.covered == (DateSpan(D(2004, 1, 1), D(2027, 12, 31)),)

    new_year = calendar.add_working_days(D(2026, 12, 31), 1)
    assert new_year.date == D(2027, 1, 4)  # 1-3 January off in the sample
    assert not new_year.beyond_data

    # Spring Festival: 2-5 … 2-13 off, Sunday 1-31 and Saturday 2-20 worked
    assert calendar.is_working_day(D(2027, 1, 31))
    assert not calendar.is_working_day(D(2027, 2, 5))
    assert calendar.is_working_day(D(2027, 2, 20))
    spring = calendar.add_working_days(D(2027, 2, 4), 5)
    assert spring.date == D(2027, 2, 19)  # 15th … 19th
    assert not spring.beyond_data

    # one year on, the data ends again
    after = calendar.add_working_days(D(2027, 12, 31), 1)
    assert after.date == D(2028, 1, 4)  # 元旦 a Saturday: its substitute on Monday the 3rd
    assert after.beyond is not None
    assert after.beyond.first == D(2028, 1, 1)


def test_the_sample_2027_schedule_reads_every_holiday() -> None:
    table, _ = parse_official_schedule(SAMPLE_NOTICE_2027, 2027)
    assert len(table.days_off) == 3 + 9 + 3 + 5 + 1 + 1 + 7
    assert table.working_days == {
        D(2027, 1, 31),
        D(2027, 2, 20),
        D(2027, 5, 8),
        D(2027, 9, 26),
        D(2027, 10, 9),
    }


def test_the_date_per_line_form() -> None:
    text = "# 2027 sample\n2027-01-01,off\n2027-1-2, off\n2027-02-07,work\n2027-02-08,放假,除夕前一天\n"
    table, problems = parse_official_schedule(text, 2027)
    assert problems == []
    assert table.days_off == {D(2027, 1, 1), D(2027, 1, 2), D(2027, 2, 8)}
    assert table.working_days == {D(2027, 2, 7)}


def test_ranges_across_months_and_years() -> None:
    text = "端午节：5月31日至6月2日放假，共3天。\n元旦：2026年12月31日至2027年1月2日放假调休，共3天。\n"
    table, problems = parse_official_schedule(text, 2027)
    assert problems == []
    assert table.days_off == {D(2027, 5, 31), D(2027, 6, 1), D(2027, 6, 2)} | {
        D(2026, 12, 31),
        D(2027, 1, 1),
        D(2027, 1, 2),
    }


def test_a_range_without_years_runs_on_into_the_next_year() -> None:
    # the 元旦 line of a notice for 2026 as some notices write it: the end, a month before the start, is in 2027
    table, problems = parse_official_schedule("元旦：12月31日（周四）至1月2日放假，共3天。", 2026)
    assert problems == []
    assert table.days_off == {D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 2)}


def test_a_bracket_without_a_weekday_is_no_check() -> None:
    table, problems = parse_official_schedule("春节：2月16日（除夕）至18日放假，共3天。", 2026)
    assert problems == []
    assert table.days_off == {D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18)}


def test_a_day_without_its_month_or_a_date_line_with_no_such_date_is_reported() -> None:
    _, problems = parse_official_schedule("至5日放假\n2027-02-30,off\n2027-02-07,work", 2027)
    assert problems == [
        ScheduleProblem(1, ScheduleProblemCode.UNRECOGNISED, "5日"),
        ScheduleProblem(2, ScheduleProblemCode.INVALID_DATE, "2027-02-30"),
    ]
    # the date as written, as for a date of notice wording: not the kind after it
    assert schedule_problem_text(problems[1]) == "第2行：日期“2027-02-30”不存在"


def test_older_wording_with_compensatory_rest() -> None:
    table, problems = parse_official_schedule("元旦：1月1日放假，1月2日（星期一）补休。", 2017)
    assert problems == []
    assert table.days_off == {D(2017, 1, 1), D(2017, 1, 2)}


def test_a_notice_for_another_year_is_caught_by_its_weekdays() -> None:
    _, problems = parse_official_schedule(NOTICE_2026, 2027)
    codes = {p.code for p in problems}
    assert ScheduleProblemCode.WEEKDAY_MISMATCH in codes
    # 1月4日 and 5月9日 are weekdays in 2027, so they cannot be make-up working days either
    assert codes == {ScheduleProblemCode.WEEKDAY_MISMATCH, ScheduleProblemCode.WORKDAY_NOT_WEEKEND}


def test_every_problem_is_reported_with_its_line() -> None:
    text = "\n".join(
        [
            "春节：2月15日至23日放假调休，共8天。",  # 1: count
            "2月14日（周日）上班",  # 2: weekday
            "清明节：2月30日放假",  # 3: no such date
            "元旦：1月1日至3日",  # 4: no action
            "2027-01-01,offf",  # 5: unknown kind
            "2027-01-01",  # 6: no kind at all
            "清明节：4月6日至4日放假",  # 7: backwards
            "国庆节：10月1日至11月30日放假",  # 8: far too long
            "1月6日（周二）上班",  # 9: a working day that is no weekend
            "2030-01-01,off",  # 10: wrong year
            "2月21日上班",  # 11: a Saturday already off in line 1
        ]
    )
    _, problems = parse_official_schedule(text, 2026)
    assert problems == [
        ScheduleProblem(1, ScheduleProblemCode.DAY_COUNT_MISMATCH, "8,9"),
        ScheduleProblem(2, ScheduleProblemCode.WEEKDAY_MISMATCH, "2026-02-14,周日"),
        ScheduleProblem(3, ScheduleProblemCode.INVALID_DATE, "2月30日"),
        ScheduleProblem(4, ScheduleProblemCode.NO_ACTION),
        ScheduleProblem(5, ScheduleProblemCode.UNRECOGNISED, "offf"),
        ScheduleProblem(6, ScheduleProblemCode.UNRECOGNISED, "2027-01-01"),
        ScheduleProblem(7, ScheduleProblemCode.BAD_RANGE, "2026-04-06..2026-04-04"),
        ScheduleProblem(8, ScheduleProblemCode.BAD_RANGE, "2026-10-01..2026-11-30"),
        ScheduleProblem(9, ScheduleProblemCode.WORKDAY_NOT_WEEKEND, "2026-01-06"),
        ScheduleProblem(10, ScheduleProblemCode.WRONG_YEAR, "2030-01-01"),
        ScheduleProblem(11, ScheduleProblemCode.CONFLICT, "2026-02-21"),
    ]
    messages = [schedule_problem_text(p) for p in problems]
    assert messages[0] == "第1行：写明共8天，列出的放假日却是9天"
    assert messages[1] == "第2行：2026年2月14日是星期六，括号中却写“周日”，请核对年份和日期"
    assert messages[6] == "第7行：日期范围2026年4月6日至2026年4月4日不对：结束日早于开始日，或长达一个月以上"
    assert messages[8] == "第9行：2026年1月6日是星期二，调休上班日应是周六或周日"
    assert messages[10] == "第11行：2026年2月21日既写了放假又写了上班"
    assert all(m.startswith(f"第{p.line}行：") for m, p in zip(messages, problems, strict=True))


def test_a_date_listed_both_ways_is_left_out() -> None:
    table, problems = parse_official_schedule("2026-10-10,off\n2026-10-10,work\n2026-10-01,off", 2026)
    assert [p.code for p in problems] == [ScheduleProblemCode.CONFLICT]
    assert table.days_off == {D(2026, 10, 1)}
    assert table.working_days == frozenset()


def test_text_without_dates_imports_nothing() -> None:
    table, problems = parse_official_schedule("节假日期间，各地区要妥善安排好值班工作。\n\n", 2027)
    assert problems == [ScheduleProblem(0, ScheduleProblemCode.NO_ENTRIES)]
    assert table == HolidayTable()
    assert schedule_problem_text(problems[0]) == "没有读到任何放假或上班日期"


# --- merging ---------------------------------------------------------------------------


def test_an_edited_year_replaces_the_package_inside_its_coverage() -> None:
    # the office learns that 10-8 is also off, and that 10-10 is not worked after all
    october = HolidayTable(
        days_off=frozenset(D(2026, 10, d) for d in range(1, 9)),
        covered=(DateSpan(D(2026, 10, 1), D(2026, 10, 31)),),
    )
    calendar = WorkCalendar(PACKAGE.merge(october))
    assert not calendar.is_working_day(D(2026, 10, 8))
    assert not calendar.is_working_day(D(2026, 10, 10))
    assert calendar.is_working_day(D(2026, 9, 20))  # outside October the package still decides
    assert calendar.add_working_days(D(2026, 9, 30), 1).date == D(2026, 10, 9)


def test_entries_outside_coverage_win_day_by_day() -> None:
    one_day = HolidayTable(days_off=frozenset({D(2026, 11, 23)}))
    calendar = WorkCalendar(PACKAGE.merge(one_day))
    assert not calendar.is_working_day(D(2026, 11, 23))
    assert calendar.table.covered == PACKAGE.covered


def test_a_table_cannot_hold_a_day_both_ways() -> None:
    with pytest.raises(ValueError, match="both off and working"):
        HolidayTable(days_off=frozenset({D(2026, 1, 1)}), working_days=frozenset({D(2026, 1, 1)}))


def test_a_gap_in_the_data_is_flagged() -> None:
    sample, _ = parse_official_schedule(SAMPLE_NOTICE_2027, 2027)
    shifted = HolidayTable(
        frozenset(d.replace(year=2028) for d in sample.days_off if d.month > 2),
        covered=(DateSpan(D(2028, 1, 1), D(2028, 12, 31)),),
    )
    calendar = WorkCalendar(PACKAGE.merge(shifted))
    result = calendar.add_working_days(D(2027, 6, 1), 1)
    assert result.beyond == BeyondData(first=D(2027, 6, 2), data_until=D(2026, 12, 31))
    assert not calendar.add_working_days(D(2028, 6, 1), 1).beyond_data


# --- properties ---------------------------------------------------------------------------

starts = st.dates(min_value=D(2024, 1, 1), max_value=D(2028, 12, 31))
limits = st.builds(TimeLimit, st.integers(min_value=0, max_value=60), st.sampled_from(TimeUnit))


@given(starts, limits)
def test_a_deadline_never_falls_on_a_day_off(start: dt.date, limit: TimeLimit) -> None:
    result = CALENDAR.deadline(start, limit)
    assert CALENDAR.is_working_day(result.date)
    assert result.date >= start
    # the data ends with 2026: exactly the results reaching 2027 looked beyond it
    assert result.beyond_data == (result.date.year >= 2027)


@given(starts, st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=40))
def test_add_working_days_is_monotonic(start: dt.date, n: int, m: int) -> None:
    low, high = sorted((n, m))
    assert CALENDAR.add_working_days(start, low).date <= CALENDAR.add_working_days(start, high).date
    if 1 <= low < high:
        assert CALENDAR.add_working_days(start, low).date < CALENDAR.add_working_days(start, high).date


@given(starts, st.integers(min_value=1, max_value=40))
def test_counting_undoes_adding(start: dt.date, n: int) -> None:
    result = CALENDAR.add_working_days(start, n)
    counted = CALENDAR.working_days_between(start, result.date)
    assert counted.days == n
    assert counted.beyond_data == result.beyond_data


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31)), limits)
def test_no_date_raises(start: dt.date, limit: TimeLimit) -> None:
    result = CALENDAR.deadline(start, limit)
    if result.beyond is not None:
        assert beyond_data_warning(result.beyond)
        assert not PACKAGE.covers(result.beyond.first)


@given(st.text())
def test_any_schedule_text_gets_an_answer(text: str) -> None:
    table, problems = parse_official_schedule(text, 2027)
    assert not table.days_off & table.working_days
    for problem in problems:
        assert schedule_problem_text(problem)


@given(st.text(alphabet="0123456789年月日至、（）()周六日放假上班共天,-\n", max_size=80))
def test_schedule_like_text_gets_an_answer(text: str) -> None:
    _, problems = parse_official_schedule(text, 2027)
    for problem in problems:
        assert schedule_problem_text(problem)


def test_a_table_giving_most_of_the_year_off_is_refused_whole() -> None:
    """336 days off in a year (every day but the make-up Saturdays) would move every deadline by months."""
    days = [dt.date(2027, 1, 1) + dt.timedelta(days=n) for n in range(336)]
    text = "\n".join(f"{day.isoformat()},off" for day in days)
    _, problems = parse_official_schedule(text, 2027)
    assert [p.code for p in problems] == [ScheduleProblemCode.TOO_MANY_DAYS_OFF]
    weekdays = sum(1 for day in days if day.weekday() < 5)
    assert problems[0] == ScheduleProblem(0, ScheduleProblemCode.TOO_MANY_DAYS_OFF, f"{weekdays},25")


def test_a_real_notice_gives_fewer_weekdays_off_than_the_limit() -> None:
    from counter.calendar.schedule import MOST_WEEKDAYS_OFF

    table, problems = parse_official_schedule(NOTICE_2026, 2026)
    assert problems == []
    assert 10 < sum(1 for day in table.days_off if day.weekday() < 5) < MOST_WEEKDAYS_OFF
