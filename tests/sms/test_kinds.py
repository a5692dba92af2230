"""Which step of a case tells the applicant what."""

from __future__ import annotations

import json

import pytest

from counter.case.decisions import item_note
from counter.case.same_day import NOTE_SAME_DAY
from counter.case.status import CaseEvent
from counter.intake.outcome import Outcome
from counter.sms.kinds import ITEM_KINDS, MessageKind, Tell, message_key, tell_of


@pytest.mark.parametrize(
    ("outcome", "kind"),
    [
        (Outcome.ACCEPT, MessageKind.ACCEPTED),
        (Outcome.DEFER, MessageKind.ACCEPTED),
        (Outcome.CORRECT, MessageKind.CORRECTION),
        (Outcome.REFUSE, None),  # the applicant holds the refusal notice
    ],
)
def test_the_intake_tells_its_outcome(outcome: Outcome, kind: MessageKind | None) -> None:
    assert tell_of(CaseEvent.TAKEN.value, outcome.value, "pickup") == Tell(kind)


def test_an_items_decision_tells_the_item() -> None:
    granted = tell_of(CaseEvent.ITEM_APPROVED.value, item_note("SCJG-01", "许可证号JY123"), "pickup")
    denied = tell_of(CaseEvent.ITEM_DENIED.value, item_note("HB-02", "未达标"), "pickup")
    assert granted == Tell(MessageKind.ITEM_GRANTED, item_code="SCJG-01")
    assert denied == Tell(MessageKind.ITEM_DENIED, item_code="HB-02")


def test_completion_tells_ready_for_pickup_and_takes_back_the_item_messages() -> None:
    assert tell_of(CaseEvent.COMPLETED.value, "", "pickup") == Tell(MessageKind.READY, replaces=ITEM_KINDS)
    # by post or online, the message goes when the result leaves
    assert tell_of(CaseEvent.COMPLETED.value, "", "post") == Tell(None, replaces=ITEM_KINDS)


def test_a_hand_over_tells_how_it_went_with_the_tracking_number_and_nothing_else_of_the_record() -> None:
    record = {"way": "post", "carrier": "EMS", "tracking_no": "EA123456789CN", "recipient": "", "items": []}
    posted = tell_of(CaseEvent.DELIVERED.value, json.dumps(record), "pickup")  # the way recorded, not the one chosen
    assert posted.kind is MessageKind.POSTED
    assert posted.tracking == "EA123456789CN"
    assert MessageKind.READY in posted.replaces
    pickup = {"way": "pickup", "recipient": "巴特尔", "id_masked": "152201********0011"}
    at_window = tell_of(CaseEvent.DELIVERED.value, json.dumps(pickup), "post")
    assert at_window.kind is None
    assert at_window.tracking == ""
    assert tell_of(CaseEvent.DELIVERED.value, NOTE_SAME_DAY, "pickup").kind is None  # standing at the window
    assert tell_of(CaseEvent.DELIVERED.value, "", "electronic").kind is MessageKind.SENT_ONLINE
    assert tell_of(CaseEvent.DELIVERED.value, "", "post") == Tell(
        MessageKind.POSTED, replaces=ITEM_KINDS | {MessageKind.READY}
    )


@pytest.mark.parametrize("typed", ["SF1，欠邮费5元点t.cn/Ev1L补缴否则退回", "SF1234567890\u202e", "SF12\x0034567890"])
def test_a_tracking_number_out_of_its_shape_never_reaches_the_message(typed: str) -> None:
    """A line recorded before the hand-over was held to its shape, or carried in from elsewhere: told untracked."""
    record = {"way": "post", "carrier": "EMS", "tracking_no": typed, "items": []}
    posted = tell_of(CaseEvent.DELIVERED.value, json.dumps(record), "pickup")
    assert (posted.kind, posted.tracking) == (MessageKind.POSTED, "")


def test_a_part_posted_ahead_tells_that_it_left_and_takes_nothing_back() -> None:
    record = {"way": "post", "carrier": "EMS", "tracking_no": "EA123456789CN", "items": [], "partial": True}
    posted = tell_of(CaseEvent.ITEMS_HANDED.value, json.dumps(record), "pickup")
    assert posted == Tell(MessageKind.POSTED, tracking="EA123456789CN")
    pickup = {"way": "pickup", "recipient": "巴特尔", "items": [], "partial": True}
    assert tell_of(CaseEvent.ITEMS_HANDED.value, json.dumps(pickup), "post").kind is None  # standing at the window


def test_steps_inside_a_department_tell_nothing_and_a_voided_case_takes_back_everything() -> None:
    for event in (CaseEvent.ITEM_ROUTED, CaseEvent.ITEM_SIGNED, CaseEvent.ITEM_PAUSED, CaseEvent.DEFERRAL_EXTENDED):
        assert tell_of(event.value, "x", "pickup") == Tell(None)
    assert tell_of("not_an_event", "", "pickup") == Tell(None)
    assert tell_of(CaseEvent.VOIDED.value, "录入错误", "pickup").replaces == frozenset(MessageKind)


def test_a_messages_key_names_the_case_what_and_when() -> None:
    key = message_key("a" * 32, "taken", "2026-11-20T01:02:03.000004+00:00")
    assert key == "a" * 32 + ":taken:2026-11-20T01:02:03.000004+00:00"
    assert len(key) <= 120


def test_a_departments_extension_is_told_as_the_law_has_it_told() -> None:
    """行政许可法 第四十二条: 应当将延长期限的理由告知申请人 — the message says so, the 期限告知书 gives the reason."""
    note = '152201-YJS008-02：{"days": 10, "approved_by": "局长", "reason": "需现场核查"}'
    assert tell_of(CaseEvent.ITEM_EXTENDED.value, note, "pickup") == Tell(
        MessageKind.ITEM_EXTENDED, item_code="152201-YJS008-02"
    )
