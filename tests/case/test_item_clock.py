"""An item's dates by law and by promise, across 2026's 中秋 and 国庆 holidays, with pauses and an extension.

2026 as the State Council set it (tests/calendar/test_workdays.py): 中秋节 off 9月25日-27日; 国庆节 off 10月1日-7日,
with 9月20日 (Sun) and 10月10日 (Sat) worked.  The dates below were counted by hand on that calendar.
"""

from __future__ import annotations

import datetime as dt

from counter.calendar.workdays import DateResult, HolidayTable, WorkCalendar
from counter.case.item_clock import (
    DueAlert,
    PauseSpan,
    correction_deadline,
    due_alert,
    item_clock,
    served_promise,
    signed_on,
)
from counter.case.item_path import ItemEvent, ItemStep, PauseReason
from counter.catalog.model import TimeLimit, TimeUnit

D = dt.date
CALENDAR = WorkCalendar(HolidayTable.from_chinesecalendar(until_year=2026))
ACCEPTED = D(2026, 9, 21)  # a Monday
LEGAL = TimeLimit(20, TimeUnit.WORKING_DAY)  # 行政许可法 第四十二条
PROMISED = TimeLimit(5, TimeUnit.WORKING_DAY)  # the hall's promise for 我要开小餐馆
BY = "市场监管局 李娜"
ROUTED = [ItemStep(ItemEvent.ROUTED, ACCEPTED, "窗口 张敏"), ItemStep(ItemEvent.SIGNED, ACCEPTED, BY)]


def test_both_dates_count_from_the_day_after_acceptance_and_skip_the_holidays() -> None:
    clock = item_clock(CALENDAR, ACCEPTED, LEGAL, PROMISED, ROUTED)
    # 22, 23, 24 Sep; 25-27 off; 28, 29 Sep
    assert clock.promised_due is not None
    assert clock.promised_due.date == D(2026, 9, 29)
    # then 30 Sep; 1-7 Oct off; 8, 9, 10 (a Saturday worked), 12-16, 19-23, 26 Oct
    assert clock.legal_due is not None
    assert clock.legal_due.date == D(2026, 10, 26)
    assert not clock.legal_due.beyond_data


def test_a_paused_item_has_no_date_until_its_clock_runs_again() -> None:
    paused = [*ROUTED, ItemStep(ItemEvent.PAUSED, D(2026, 9, 23), BY, pause=PauseReason.INSPECTION)]
    clock = item_clock(CALENDAR, ACCEPTED, LEGAL, PROMISED, paused)
    assert (clock.legal_due, clock.promised_due) == (None, None)
    assert clock.paused_since == D(2026, 9, 23)
    resumed_on = ItemStep(ItemEvent.RESUMED, D(2026, 9, 28), BY)
    resumed = item_clock(CALENDAR, ACCEPTED, LEGAL, PROMISED, [*paused, resumed_on])
    # not counted: the working days after 23 Sep up to and including 28 Sep, that is 24 and 28 Sep
    assert resumed.pauses == (PauseSpan(D(2026, 9, 23), D(2026, 9, 28)),)
    assert resumed.paused_since is None
    assert resumed.promised_due is not None
    assert resumed.promised_due.date == D(2026, 10, 8)  # 7 working days
    assert resumed.legal_due is not None
    assert resumed.legal_due.date == D(2026, 10, 28)  # 22 working days


def test_an_extension_moves_the_legal_date_and_leaves_the_promise_as_it_was() -> None:
    extended = [*ROUTED, ItemStep(ItemEvent.EXTENDED, D(2026, 10, 20), BY, days=10, approved_by="局长 王立新",
                                  reason="需现场核查经营场所")]  # fmt: skip
    clock = item_clock(CALENDAR, ACCEPTED, LEGAL, PROMISED, extended)
    # 30 working days: after 26 Oct, 27-30 Oct, 2-6 Nov, 9 Nov
    assert clock.legal_due is not None
    assert clock.legal_due.date == D(2026, 11, 9)
    assert clock.promised_due is not None
    assert clock.promised_due.date == D(2026, 9, 29)


def test_a_limit_in_calendar_days_stops_for_every_day_of_a_pause() -> None:
    legal = TimeLimit(30, TimeUnit.CALENDAR_DAY)
    steps = [*ROUTED, ItemStep(ItemEvent.PAUSED, D(2026, 9, 23), BY, pause=PauseReason.EXPERT_REVIEW),
             ItemStep(ItemEvent.RESUMED, D(2026, 9, 28), BY)]  # fmt: skip
    clock = item_clock(CALENDAR, ACCEPTED, legal, None, steps)
    # 21 Sep + 30 + 5 days paused = 26 Oct, a Monday
    assert clock.legal_due is not None
    assert clock.legal_due.date == D(2026, 10, 26)
    assert clock.promised_due is None  # no promise in the catalog


def test_a_date_past_the_holiday_data_is_provisional() -> None:
    clock = item_clock(CALENDAR, D(2026, 12, 21), LEGAL, PROMISED, ROUTED)
    assert clock.legal_due is not None
    assert clock.legal_due.beyond_data
    assert clock.promised_due is not None
    assert not clock.promised_due.beyond_data  # 22-24, 25, 28 Dec


def test_alerts_come_the_working_day_before_on_the_day_and_after() -> None:
    due = D(2026, 10, 12)  # a Monday; the Saturday before it is worked
    assert due_alert(CALENDAR, due, D(2026, 10, 9)) is None  # Friday: Saturday 10 Oct is the next working day
    assert due_alert(CALENDAR, due, D(2026, 10, 10)) is DueAlert.DUE_NEXT
    assert due_alert(CALENDAR, due, due) is DueAlert.DUE_TODAY
    assert due_alert(CALENDAR, due, D(2026, 10, 13)) is DueAlert.OVERDUE
    assert due_alert(CALENDAR, D(2026, 10, 19), D(2026, 10, 16)) is DueAlert.DUE_NEXT  # Friday for Monday
    assert due_alert(CALENDAR, D(2026, 10, 8), D(2026, 9, 30)) is DueAlert.DUE_NEXT  # the holiday between


def test_an_item_waiting_for_a_deferred_material_is_promised_for_the_cases_date_within_the_law() -> None:
    own, legal = DateResult(D(2026, 9, 24)), DateResult(D(2026, 10, 19))
    assert served_promise(own, legal, D(2026, 9, 28)) == DateResult(D(2026, 9, 28))  # moved to the case's date
    assert served_promise(own, legal, D(2026, 9, 22)) == own  # never earlier than its own
    assert served_promise(own, DateResult(D(2026, 9, 25)), D(2026, 9, 28)) == DateResult(D(2026, 9, 25))  # the law
    assert served_promise(None, legal, D(2026, 9, 28)) is None  # paused: no date
    assert served_promise(own, None, None) == own  # a case without a promised date


def test_a_limit_in_calendar_days_extended_ends_on_the_extensions_last_working_day() -> None:
    legal = TimeLimit(30, TimeUnit.CALENDAR_DAY)
    steps = [*ROUTED, ItemStep(ItemEvent.EXTENDED, D(2026, 10, 15), BY, days=10, approved_by="局长 王立新",
                               reason="需组织专家评审")]  # fmt: skip
    clock = item_clock(CALENDAR, ACCEPTED, legal, PROMISED, steps)
    # 21 Sep + 30 days = 21 Oct (a Wednesday); then 10 working days: 22, 23, 26-30 Oct, 2, 3, 4 Nov
    assert clock.legal_due == DateResult(D(2026, 11, 4))
    assert clock.promised_due is not None
    assert clock.promised_due.date == D(2026, 9, 29)  # the promise is not extended


def test_an_extension_reaching_past_the_holiday_data_is_provisional() -> None:
    legal = TimeLimit(20, TimeUnit.CALENDAR_DAY)
    steps = [ItemStep(ItemEvent.EXTENDED, D(2026, 12, 10), BY, days=10, approved_by="局长 王立新", reason="需现场核查")]
    clock = item_clock(CALENDAR, D(2026, 12, 1), legal, None, steps)
    # 1 Dec + 20 days = 21 Dec, inside the data; 10 working days after it reach into 2027, which the data lacks
    assert clock.legal_due is not None
    assert clock.legal_due.beyond_data
    assert clock.legal_due.date > D(2026, 12, 31)


def test_an_item_waiting_for_its_correction_has_no_date_and_its_limits_run_from_the_acceptance_after_it() -> None:
    """许可法 第三十二条: the 补正 comes before the 受理; no limit runs until the 补正 is complete and the department
    accepts, on that day (the caller counts from the 签收: counter.actions.cases.item_track.standings)."""
    routed = ItemStep(ItemEvent.ROUTED, ACCEPTED, "窗口 张敏")
    asked = ItemStep(ItemEvent.CORRECTION, D(2026, 9, 22), BY, reason="进货查验记录制度")
    waiting = item_clock(CALENDAR, ACCEPTED, LEGAL, PROMISED, [routed, asked])
    assert (waiting.legal_due, waiting.promised_due, waiting.paused_since) == (None, None, None)
    accepted = ItemStep(ItemEvent.SIGNED, D(2026, 9, 30), BY)
    path = [routed, asked, accepted]
    assert signed_on(path) == D(2026, 9, 30)
    clock = item_clock(CALENDAR, D(2026, 9, 30), LEGAL, PROMISED, path)
    assert clock.promised_due is not None
    assert clock.promised_due.date == D(2026, 10, 13)  # from 30 Sep: 1-7 Oct off; 8, 9, 10 (Sat worked), 12, 13


def test_the_correction_is_told_within_five_working_days_of_the_halls_receipt() -> None:
    # received Monday 21 Sep: 22, 23, 24 Sep, then 25-27 off, 28, 29 Sep
    assert correction_deadline(CALENDAR, ACCEPTED) == D(2026, 9, 29)
