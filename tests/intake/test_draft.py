"""The intake draft: every field back exactly as typed, and a damaged draft refused, never a crash."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.catalog.model import Bundle
from counter.intake.checklist import Checklist, Receipt, ReceivedMedium, record, start_checklist
from counter.intake.draft import (
    DraftProblemCode,
    DraftUnreadable,
    IntakeDraft,
    draft_from_json,
    draft_to_json,
    fit_checklist,
)
from counter.intake.outcome import DeferralRequest, Refusal, RefusalGround
from counter.intake.parties import Agent, Applicant, ApplicantKind, Delivery
from tests.intake.samples import INDIVIDUAL_NO_AGENT, RESTAURANT, bundles, checklists

# Anything a keyboard, a paste or a card reader can put in a field, lone surrogates included.
typed = st.text(st.characters(codec=None, exclude_categories=()), max_size=30) | st.sampled_from(
    ["王䶮", "李𬭚", "Robert'); DROP TABLE case;--", 'a "quoted" name', "\x00\x07\t\n\u202e", "\ud800"]
)


def a_draft(checklist: Checklist, **changes: Any) -> IntakeDraft:
    draft = IntakeDraft(
        checklist=checklist,
        applicant=Applicant(ApplicantKind.PERSON, "王䶮", "11010519491231002X", "13904821234", "兴安盟"),
        agent=Agent("李𬭚", "", "授权委托书一份"),
        with_agent=False,
        delivery=Delivery.POST,
        delivery_address="乌兰浩特市兴安北大路1号",
        deferral_asked=True,
        no_bad_credit=True,
        refusing=False,
        refusal_ground=RefusalGround.NOT_IN_REMIT,
        turn_to="呼伦贝尔市市场监督管理局",
        previous_case_no="XAM01-20250306-08-0001",
    )
    return replace(draft, **changes)


def restaurant_checklist() -> Checklist:
    checklist = start_checklist(RESTAURANT, INDIVIDUAL_NO_AGENT, guide_version=7)
    codes = [e.code for e in checklist.entries]
    checklist = record(checklist, codes[0], Receipt.RECEIVED, originals=1, copies=2, medium=ReceivedMedium.PAPER)
    return record(
        checklist, codes[1], Receipt.DEFECTIVE, originals=1, medium=ReceivedMedium.PAPER, defect_note="未签字"
    )


def test_a_draft_reads_back_equal_and_keeps_what_is_under_switched_off_boxes() -> None:
    draft = a_draft(restaurant_checklist())
    back = draft_from_json(draft_to_json(draft))
    assert back == draft
    assert back.parties().agent is None  # "委托代办人" off: the agent is not a party …
    assert back.agent.name == "李𬭚"  # … but what was typed for it is still there
    assert back.refusal() is None
    assert back.deferral() == DeferralRequest(no_bad_credit=True, pledge_signed=False)
    switched_on = replace(back, with_agent=True, refusing=True)
    assert switched_on.parties().agent == Agent("李𬭚", "", "授权委托书一份")
    assert switched_on.refusal() == Refusal(RefusalGround.NOT_IN_REMIT, "呼伦贝尔市市场监督管理局")


@given(
    bundle=bundles(),
    data=st.data(),
    name=typed,
    address=typed,
    note=typed,
    asked=st.booleans(),
)
def test_any_form_reads_back_exactly(
    bundle: Bundle, data: st.DataObject, name: str, address: str, note: str, asked: bool
) -> None:
    checklist = replace(data.draw(checklists(bundle, complete=False)), guide_version=3)
    defective = next((e for e in checklist.entries if e.receipt is Receipt.DEFECTIVE), None)
    if defective is not None:
        checklist = record(checklist, defective.code, Receipt.DEFECTIVE, defect_note=note)
    draft = a_draft(
        checklist,
        applicant=Applicant(ApplicantKind.COMPANY, name, name, name, address, name),
        agent=Agent(name, address, note),
        delivery_address=address * 3,
        deferral_asked=asked,
        refusing=asked,
        refusal_ground=data.draw(st.none() | st.sampled_from(RefusalGround)),
        insists=data.draw(st.none() | st.booleans()),
        turn_to=note,
    )
    text = draft_to_json(draft)
    assert text.isascii()  # any string can be stored, whatever the database's encoding
    assert draft_from_json(text) == draft


def test_a_refusal_without_its_ground_reads_back_without_one() -> None:
    draft = a_draft(restaurant_checklist(), refusing=True, refusal_ground=None)
    back = draft_from_json(draft_to_json(draft))
    assert back == draft
    assert back.refusal() == Refusal(None, "呼伦贝尔市市场监督管理局")


def test_the_finding_the_applicant_insisted_on_is_kept_and_taken_without_asking_again() -> None:
    """Told the window's finding, the applicant insisted: the box is off, and the form's intake still carries the
    finding, answered, so the window takes the materials as 收件 and forwards them (outcome_preview.forwarded)
    rather than asking again or refusing; a draft put back after a crash says the same."""
    insisted = a_draft(restaurant_checklist(), insists=True)
    back = draft_from_json(draft_to_json(insisted))
    assert back == insisted
    assert back.refusal() == Refusal(RefusalGround.NOT_IN_REMIT, "呼伦贝尔市市场监督管理局", insists=True)
    assert a_draft(restaurant_checklist(), insists=True, refusal_ground=None).refusal() is None  # nothing found
    saved = json.loads(draft_to_json(insisted))
    saved["refusal"]["insists"] = "yes"
    with pytest.raises(DraftUnreadable) as unreadable:
        draft_from_json(json.dumps(saved))
    assert unreadable.value.detail == "refusal.insists"


def test_a_draft_saved_with_a_ground_keeps_it() -> None:
    saved = content()
    assert saved["refusal"] == {"on": False, "ground": "not_in_remit", "turn_to": "呼伦贝尔市市场监督管理局"}
    assert draft_from_json(json.dumps(saved)).refusal_ground is RefusalGround.NOT_IN_REMIT


def test_a_long_field_survives_whole() -> None:
    draft = a_draft(restaurant_checklist(), delivery_address="路" * 10_000)
    assert draft_from_json(draft_to_json(draft)).delivery_address == "路" * 10_000


def content() -> dict[str, object]:
    loaded = json.loads(draft_to_json(a_draft(restaurant_checklist())))
    assert isinstance(loaded, dict)
    return loaded


@pytest.mark.parametrize(
    ("text", "code", "detail"),
    [
        ("", DraftProblemCode.NOT_JSON, ""),
        ('{"format": 1, "applicant": {"na', DraftProblemCode.NOT_JSON, ""),
        ("[1, 2]", DraftProblemCode.NOT_JSON, ""),
        ("[" * 100_000, DraftProblemCode.NOT_JSON, ""),
        (json.dumps(content() | {"format": 99}), DraftProblemCode.WRONG_FORMAT, "99"),
        (json.dumps(content() | {"applicant": {"name": "王"}}), DraftProblemCode.WRONG_SHAPE, "applicant.kind"),
        (json.dumps(content() | {"guide_version_id": True}), DraftProblemCode.WRONG_SHAPE, "guide_version_id"),
        (json.dumps(content() | {"answers": [["operator"]]}), DraftProblemCode.WRONG_SHAPE, "answers"),
        (json.dumps(content() | {"entries": {}}), DraftProblemCode.WRONG_SHAPE, "entries"),
        (json.dumps(content() | {"delivery": None}), DraftProblemCode.WRONG_SHAPE, "delivery.how"),
        (json.dumps(content() | {"refusal": {"on": 1}}), DraftProblemCode.WRONG_SHAPE, "refusal.on"),
        (
            json.dumps(content() | {"refusal": {"on": True, "turn_to": ""}}),
            DraftProblemCode.WRONG_SHAPE,
            "refusal.ground",
        ),
    ],
)
def test_a_damaged_draft_is_refused_with_a_reason(text: str, code: DraftProblemCode, detail: str) -> None:
    with pytest.raises(DraftUnreadable) as refused:
        draft_from_json(text)
    assert (refused.value.code, refused.value.detail) == (code, detail)


@pytest.mark.parametrize(
    ("field", "value", "detail"),
    [
        ("receipt", "lost", "entries.receipt"),
        ("medium", "fax", "entries.medium"),
        ("originals", -1, "entries.originals"),
        ("copies", "2", "entries.copies"),
    ],
)
def test_a_damaged_line_is_refused(field: str, value: object, detail: str) -> None:
    raw = content()
    entries = raw["entries"]
    assert isinstance(entries, list)
    entries[0] = entries[0] | {field: value}
    with pytest.raises(DraftUnreadable) as refused:
        draft_from_json(json.dumps(raw))
    assert refused.value.code is DraftProblemCode.WRONG_SHAPE
    assert refused.value.detail == detail


def read_or_refuse(text: str) -> IntakeDraft | DraftProblemCode:
    try:
        return draft_from_json(text)
    except DraftUnreadable as refused:
        return refused.code


@given(st.text(max_size=200))
def test_reading_never_fails_other_than_unreadable(text: str) -> None:
    assert isinstance(read_or_refuse(text), IntakeDraft | DraftProblemCode)


def test_the_checklist_is_rebuilt_on_the_guide_line_by_line() -> None:
    draft = a_draft(restaurant_checklist())
    assert fit_checklist(draft, RESTAURANT) == draft.checklist


@pytest.mark.parametrize(
    "checklist",
    [
        replace(restaurant_checklist(), bundle_code="OTHER"),
        replace(restaurant_checklist(), answers=(("operator", "robot"),)),
        replace(restaurant_checklist(), entries=(*restaurant_checklist().entries[:1], replace(
            restaurant_checklist().entries[0], code="NOT-IN-GUIDE"))),
    ],
    ids=["other bundle", "unknown option", "unknown material"],
)  # fmt: skip
def test_a_draft_that_does_not_fit_its_guide_is_refused(checklist: Checklist) -> None:
    with pytest.raises(DraftUnreadable) as refused:
        fit_checklist(a_draft(checklist), RESTAURANT)
    assert refused.value.code is DraftProblemCode.NOT_THIS_GUIDE
