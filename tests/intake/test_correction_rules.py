"""The 补正 five-working-day rule, 当场更正 and the 容缺 margin, in the pure decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from counter.calendar.workdays import HolidayTable, WorkCalendar
from counter.catalog.model import TimeLimit
from counter.intake.checklist import Checklist, ProblemCode, Receipt, ReceivedMedium, record
from counter.intake.outcome import (
    Decision,
    DeferralPolicy,
    DeferralRequest,
    Outcome,
    Reason,
    ReasonCode,
    decide,
)
from tests.intake.samples import CALENDAR, RESTAURANT, TODAY, WD, WILLING, everything_received, record_as


def march(day: int) -> dt.date:
    return dt.date(2025, 3, day)


def with_receipts(**receipts: Receipt) -> Checklist:
    checklist = everything_received()
    for code, receipt in receipts.items():
        checklist = record_as(checklist, RESTAURANT, code, receipt)
    return checklist


def decide_on(
    checklist: Checklist,
    today: dt.date,
    received_on: dt.date | None = None,
    request: DeferralRequest | None = None,
    policy: DeferralPolicy | None = None,
) -> Decision:
    return decide(
        RESTAURANT,
        checklist,
        request,
        None,
        today=today,
        calendar=CALENDAR,
        received_on=received_on,
        deferral_policy=policy,
    )


# --- 行政许可法 第三十二条第一款第四项: five working days to tell a correction ---------------------


def test_a_correction_told_within_five_working_days_counts_its_notice_limit_from_arrival() -> None:
    # received Thursday 6 March; the fifth working day after it is Thursday 13 March
    decision = decide_on(with_receipts(floor_plan=Receipt.MISSING), march(13), received_on=TODAY)
    assert decision.outcome is Outcome.CORRECT
    assert decision.notify_by == march(13)
    assert decision.correction_due == march(13) + dt.timedelta(days=21)  # 15 working days from the notice


def test_a_correction_told_late_is_refused_and_the_application_accepted_from_arrival() -> None:
    decision = decide_on(with_receipts(floor_plan=Receipt.MISSING), march(14), received_on=TODAY)
    assert decision == Decision(
        Outcome.ACCEPT,
        (Reason(ReasonCode.CORRECTION_NOTICE_LATE),),
        promised_date=march(16),  # counted from the day of arrival, as for an acceptance that day
        accepted_on=TODAY,
    )
    assert not decision.missing
    assert decision.correction_due is None


def test_the_rule_only_concerns_a_correction() -> None:
    late = march(20)
    accepted = decide_on(everything_received(), late, received_on=TODAY)
    assert accepted.reasons == (Reason(ReasonCode.ALL_PRESENT),)
    assert accepted.accepted_on == late
    deferred = decide_on(with_receipts(health=Receipt.MISSING), late, received_on=TODAY, request=WILLING)
    assert deferred.outcome is Outcome.DEFER
    assert deferred.accepted_on == late


def test_materials_cannot_arrive_after_the_decision() -> None:
    with pytest.raises(ValueError, match="received"):
        decide_on(everything_received(), TODAY, received_on=TODAY + dt.timedelta(days=1))


def test_without_a_received_day_the_decision_day_is_the_arrival() -> None:
    decision = decide_on(with_receipts(floor_plan=Receipt.MISSING), TODAY)
    assert decision.outcome is Outcome.CORRECT
    assert decision.notify_by == march(13)


# --- 行政许可法 第三十二条第一款第三项: 当场更正 ------------------------------------------------------


def corrected(checklist: Checklist, code: str, note: str = "申请表经营面积笔误，申请人当场更正并签字") -> Checklist:
    paper = ReceivedMedium.PAPER
    return record(checklist, code, Receipt.CORRECTED_ON_SPOT, originals=1, medium=paper, defect_note=note)


def test_a_material_corrected_on_the_spot_counts_as_received() -> None:
    checklist = corrected(everything_received(), "application")
    decision = decide_on(checklist, TODAY)
    assert decision.outcome is Outcome.ACCEPT
    entry = checklist.entry("application")
    assert entry is not None
    assert entry.defect_note == "申请表经营面积笔误，申请人当场更正并签字"


def test_a_correction_on_the_spot_says_what_was_corrected() -> None:
    decision = decide_on(corrected(everything_received(), "application", note="  "), TODAY)
    assert decision.outcome is Outcome.INCOMPLETE
    assert decision.reasons == (Reason(ProblemCode.CORRECTION_NOTE_MISSING, "application", "小餐饮店登记申请表"),)


def test_a_correction_on_the_spot_is_checked_for_medium_and_count_like_a_received_line() -> None:
    checklist = record(everything_received(), "application", Receipt.CORRECTED_ON_SPOT, defect_note="笔误已改")
    decision = decide_on(checklist, TODAY)
    assert {r.code for r in decision.reasons} == {ProblemCode.MEDIUM_MISSING}


# --- 容缺: due when the guide says; the promise moves past the margin, the law stops it -----------


def test_the_margin_is_an_office_setting_that_moves_the_promise_never_the_due_date() -> None:
    """从业人员健康证明 is due in the guide's 3 working days (11 March) whatever the margin; the department's margin
    after it passes 小餐饮店登记's promise (13 March) with five days, so the case's promise moves to the 18th."""
    checklist = with_receipts(health=Receipt.MISSING)
    for days, promised in ((0, march(16)), (2, march(16)), (5, march(18))):
        policy = DeferralPolicy(TimeLimit(days, WD))
        decision = decide_on(checklist, TODAY, request=WILLING, policy=policy)
        assert [d.due for d in decision.deferred] == [march(11)]
        assert decision.promised_date == promised  # 环境影响登记表备案's legal 10 calendar days end on the 16th


def test_only_the_law_stops_a_deferral_and_every_other_reason_is_named_with_it() -> None:
    # 食品安全管理制度's 7 working days (17 March) serve 环境影响登记表备案, whose legal 10 calendar days end on the
    # 16th: no promise may move past the law, so it cannot be deferred; 从业人员健康证明 could, with a margin of 5
    checklist = with_receipts(health=Receipt.MISSING, rules=Receipt.MISSING)
    five = DeferralPolicy(TimeLimit(5, WD))
    decision = decide_on(checklist, TODAY, request=DeferralRequest(True, False), policy=five)
    assert decision.outcome is Outcome.CORRECT
    assert decision.reasons == (
        Reason(ReasonCode.DEFERRABLE_MISSING, "health", "从业人员健康证明"),
        Reason(ReasonCode.DEFERRABLE_MISSING, "rules", "食品安全管理制度"),
        Reason(ReasonCode.DEFERRAL_PLEDGE_UNSIGNED),
        Reason(ReasonCode.DEFERRAL_PAST_LEGAL, "rules", "食品安全管理制度"),
    )
    assert [m.code for m in decision.missing] == ["health", "rules"]


def test_a_material_without_its_own_period_is_still_due_the_margin_before_the_promise() -> None:
    """Without a period of its own in the guide, a deferred material is due by the promises it serves, less the
    margin; a margin that leaves no day after the intake refuses it."""
    bundle = replace(
        RESTAURANT,
        materials=tuple(replace(m, deferral_limit=None) if m.code == "health" else m for m in RESTAURANT.materials),
    )
    checklist = with_receipts(health=Receipt.MISSING)
    decision = decide(bundle, checklist, WILLING, None, today=TODAY, calendar=CALENDAR)
    assert [d.due for d in decision.deferred] == [march(11)]  # two working days before the 13th
    five = DeferralPolicy(TimeLimit(5, WD))
    refused = decide(bundle, checklist, WILLING, None, today=TODAY, calendar=CALENDAR, deferral_policy=five)
    assert Reason(ReasonCode.DEFERRAL_NO_MARGIN, "health", "从业人员健康证明") in refused.reasons


def test_the_margin_counts_working_days_across_a_holiday() -> None:
    calendar = WorkCalendar(HolidayTable.from_chinesecalendar(until_year=2025))
    checklist = with_receipts(health=Receipt.MISSING)
    decision = decide(RESTAURANT, checklist, WILLING, None, today=dt.date(2025, 9, 26), calendar=calendar)
    # the working days after Friday 26 September are 28 (a make-up Sunday), 29, 30 September, then 9 and 10
    # October: the guide's three end on the 30th, and the margin's two on the 10th
    assert decision.outcome is Outcome.DEFER
    assert [d.due for d in decision.deferred] == [dt.date(2025, 9, 30)]
    assert decision.promised_date == dt.date(2025, 10, 10)
