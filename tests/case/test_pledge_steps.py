"""The steps after a promise found false, as rules on a plain record (counter.case.pledge_steps): the 复查 before the
hearing, the hearing's period from its service, a complete record of what it gave before the revocation, and each
period no shorter than the item's floor."""

from __future__ import annotations

import dataclasses
import datetime as dt

from counter.case.pledge_checks import PledgeProblem
from counter.case.pledge_steps import (
    DEFAULT_PERIOD_FLOOR,
    FalsePromise,
    HearingRecord,
    Recheck,
    period_floor,
    period_refusal,
    text_refusal,
)
from counter.catalog.model import NoticePledge, TimeLimit, TimeUnit

ORDERED = FalsePromise(correction_ordered=True)
SERVED = dataclasses.replace(ORDERED, correction_served=dt.date(2026, 12, 11), correct_by=dt.date(2026, 12, 18))
FAILED = dataclasses.replace(SERVED, recheck=Recheck.NOT_CORRECTED)
HEARD = dataclasses.replace(FAILED, heard_on=dt.date(2026, 12, 21))
HEARD_SERVED = dataclasses.replace(HEARD, hearing_served=dt.date(2026, 12, 23), hear_by=dt.date(2026, 12, 30))


def test_a_period_has_a_floor_per_item_and_five_working_days_where_none_is_set() -> None:
    pledge = NoticePledge("承诺", TimeLimit(20, TimeUnit.WORKING_DAY), "依据")
    assert period_floor(pledge) == DEFAULT_PERIOD_FLOOR == 5
    assert period_floor(dataclasses.replace(pledge, period_floor=10)) == 10
    assert period_refusal(None, 5) is PledgeProblem.NO_PERIOD
    assert period_refusal(1, 5) is PledgeProblem.PERIOD_TOO_SHORT  # one working day is no chance to be heard
    assert period_refusal(4, 5) is PledgeProblem.PERIOD_TOO_SHORT
    assert period_refusal(5, 5) is None


def test_the_recheck_follows_the_orders_service_and_says_not_corrected_only_once_it_ran_out() -> None:
    day = dt.date(2026, 12, 16)
    assert FalsePromise(False).recheck_refusal(day, Recheck.CORRECTED, "已改正") is PledgeProblem.NO_CORRECTION
    assert ORDERED.recheck_refusal(day, Recheck.CORRECTED, "已改正") is PledgeProblem.NOT_SERVED
    assert SERVED.recheck_refusal(day, Recheck.CORRECTED, "已改正") is None  # corrected early: the licence stands
    assert SERVED.recheck_refusal(day, Recheck.STILL_NOT, "仍不符合") is None
    last = dt.date(2026, 12, 18)
    assert SERVED.recheck_refusal(last, Recheck.NOT_CORRECTED, "未改正") is PledgeProblem.CORRECTION_OPEN
    assert SERVED.recheck_refusal(last + dt.timedelta(days=1), Recheck.NOT_CORRECTED, "未改正") is None
    assert SERVED.recheck_refusal(day, Recheck.STILL_NOT, " ") is PledgeProblem.NO_FINDING
    assert FAILED.recheck_refusal(day, Recheck.CORRECTED, "已改正") is PledgeProblem.ALREADY_DONE  # one finding


def test_the_hearing_follows_a_failed_recheck_where_a_correction_was_ordered() -> None:
    assert FalsePromise(False).hear_refusal() is None  # the item's law orders no correction: heard after the check
    assert ORDERED.hear_refusal() is PledgeProblem.NOT_RECHECKED
    assert SERVED.hear_refusal() is PledgeProblem.NOT_RECHECKED
    assert dataclasses.replace(SERVED, recheck=Recheck.CORRECTED).hear_refusal() is PledgeProblem.CORRECTED
    assert FAILED.hear_refusal() is None
    assert dataclasses.replace(SERVED, recheck=Recheck.STILL_NOT).hear_refusal() is None
    assert HEARD.hear_refusal() is PledgeProblem.ALREADY_DONE


def test_the_revocation_waits_on_the_recheck_the_hearings_service_its_period_and_its_record() -> None:
    after = dt.date(2026, 12, 31)
    none = HearingRecord()
    assert SERVED.revoke_refusal(after, none) is PledgeProblem.NOT_RECHECKED
    assert dataclasses.replace(SERVED, recheck=Recheck.CORRECTED).revoke_refusal(after, none) is PledgeProblem.CORRECTED
    assert FAILED.revoke_refusal(after, none) is PledgeProblem.NOT_HEARD
    assert HEARD.revoke_refusal(after, none) is PledgeProblem.NOT_SERVED  # its period has not begun
    assert HEARD_SERVED.revoke_refusal(dt.date(2026, 12, 30), none) is PledgeProblem.NOT_HEARD  # its last day
    assert HEARD_SERVED.revoke_refusal(after, none) is None  # nothing said within the period
    said = HearingRecord("已清走货物")
    assert HEARD_SERVED.revoke_refusal(after, said) is PledgeProblem.NO_HEARING_RECORD  # heard, never answered
    answered = HearingRecord("已清走货物", "复查时仍被封堵，不予采纳")
    assert HEARD_SERVED.revoke_refusal(after, answered) is None
    assert HEARD_SERVED.revoke_refusal(after, HearingRecord("", "无")) is PledgeProblem.NO_HEARING_RECORD
    unordered = FalsePromise(False, heard_on=dt.date(2026, 12, 21), hearing_served=dt.date(2026, 12, 21),
                             hear_by=dt.date(2026, 12, 28))  # fmt: skip
    assert unordered.revoke_refusal(after, none) is None  # no correction in the item's law: no 复查 asked


def test_a_hearing_record_is_none_or_said_and_answered() -> None:
    assert HearingRecord().none_given
    assert HearingRecord().complete
    assert HearingRecord(" ", " ").complete
    assert not HearingRecord("说明").complete
    assert HearingRecord("说明", "复核意见").complete
    assert not HearingRecord("", "复核意见").complete


def test_what_reaches_a_paper_is_held_to_a_notes_shape() -> None:
    assert text_refusal("复查发现通道仍被封堵。", "") is None
    assert text_refusal("复查" * 251) is PledgeProblem.TEXT_SHAPE  # over the 500 characters of a note
    assert text_refusal("已清走", "不成立\x07") is PledgeProblem.TEXT_SHAPE  # a character no paper holds
