"""The clerk's checklist: which lines it has, how they are recorded, and what keeps it open."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.catalog.model import Bundle, CopyForm, Necessity
from counter.intake.checklist import (
    Checklist,
    ChecklistProblem,
    MaterialEntry,
    ProblemCode,
    Receipt,
    ReceivedMedium,
    answer,
    checklist_problems,
    record,
    start_checklist,
    unaccounted,
    unanswered,
)
from tests.intake.samples import INDIVIDUAL_NO_AGENT, RESTAURANT, bundles, checklists, everything_received


def codes(checklist: Checklist) -> list[str]:
    return [e.code for e in checklist.entries]


def test_unanswered_situations_keep_every_material_on_the_list() -> None:
    checklist = start_checklist(RESTAURANT)
    assert codes(checklist) == [m.code for m in RESTAURANT.materials]
    assert unanswered(checklist, RESTAURANT) == ["operator", "agent"]


def test_answers_drop_materials_that_do_not_apply() -> None:
    checklist = start_checklist(RESTAURANT, INDIVIDUAL_NO_AGENT, guide_version=7)
    assert "authorisation" not in codes(checklist)
    assert "articles" not in codes(checklist)
    assert checklist.answers == (("operator", "individual"), ("agent", "no"))
    assert checklist.guide_version == 7
    assert checklist.bundle_code == "XCY"


def test_lines_start_pending_except_optional_ones_which_start_missing() -> None:
    checklist = start_checklist(RESTAURANT, INDIVIDUAL_NO_AGENT)
    states = {e.code: e.receipt for e in checklist.entries}
    assert states["sign_design"] is Receipt.MISSING
    assert states["id_card"] is Receipt.PENDING  # shared: confirmed by the clerk, not assumed
    assert {c for c, r in states.items() if r is Receipt.PENDING} == {
        "application",
        "id_card",
        "premises",
        "floor_plan",
        "health",
        "rules",
    }


def test_unaccounted_lists_untouched_lines_and_a_deliberate_missing_is_accounted() -> None:
    checklist = start_checklist(RESTAURANT, INDIVIDUAL_NO_AGENT)
    checklist = record(checklist, "health", Receipt.MISSING)
    checklist = record(checklist, "application", Receipt.RECEIVED, medium=ReceivedMedium.PAPER, originals=1)
    assert unaccounted(checklist, RESTAURANT) == ["id_card", "premises", "floor_plan", "rules"]


def test_answering_keeps_what_was_recorded_and_adds_new_lines_as_pending() -> None:
    checklist = start_checklist(RESTAURANT, {"operator": "individual"})
    checklist = record(checklist, "authorisation", Receipt.MISSING)
    checklist = record(checklist, "premises", Receipt.DEFECTIVE, defect_note="租赁合同已过期")
    checklist = answer(checklist, RESTAURANT, "operator", "company")
    assert checklist.entry("articles") == MaterialEntry("articles", Receipt.PENDING)
    assert checklist.entry("premises") == MaterialEntry("premises", Receipt.DEFECTIVE, defect_note="租赁合同已过期")
    checklist = answer(checklist, RESTAURANT, "agent", "no")
    assert checklist.entry("authorisation") is None
    checklist = answer(checklist, RESTAURANT, "agent", "yes")
    assert checklist.entry("authorisation") == MaterialEntry("authorisation", Receipt.PENDING)
    assert checklist.answers == (("operator", "company"), ("agent", "yes"))
    assert codes(checklist) == [m.code for m in RESTAURANT.materials_for(checklist.answers_dict())]


def test_an_answer_the_guide_does_not_offer_is_refused() -> None:
    with pytest.raises(ValueError, match=r"operator\.shop"):
        start_checklist(RESTAURANT, {"operator": "shop"})
    with pytest.raises(ValueError, match=r"size\.large"):
        answer(start_checklist(RESTAURANT), RESTAURANT, "size", "large")


def test_recording_a_material_not_on_the_list_is_refused() -> None:
    with pytest.raises(KeyError, match="articles"):
        record(start_checklist(RESTAURANT, INDIVIDUAL_NO_AGENT), "articles", Receipt.MISSING)


def test_record_keeps_only_what_fits_the_receipt() -> None:
    checklist = start_checklist(RESTAURANT, INDIVIDUAL_NO_AGENT)
    missing = record(checklist, "premises", Receipt.MISSING, originals=2, medium=ReceivedMedium.PAPER, defect_note="x")
    assert missing.entry("premises") == MaterialEntry("premises", Receipt.MISSING)
    received = record(
        checklist,
        "premises",
        Receipt.RECEIVED,
        originals=1,
        copies=1,
        medium=ReceivedMedium.PAPER,
        defect_note="x",
    )
    assert received.entry("premises") == MaterialEntry("premises", Receipt.RECEIVED, 1, 1, ReceivedMedium.PAPER)
    shared = record(checklist, "id_card", Receipt.SHARED_CONFIRMED, copies=1)
    assert shared.entry("id_card") == MaterialEntry("id_card", Receipt.SHARED_CONFIRMED, medium=ReceivedMedium.SHARED)
    defective = record(checklist, "premises", Receipt.DEFECTIVE, copies=1, defect_note="  缺少产权证明  ")
    assert defective.entry("premises") == MaterialEntry("premises", Receipt.DEFECTIVE, 0, 1, None, "缺少产权证明")
    assert record(received, "premises", Receipt.PENDING).entry("premises") == MaterialEntry("premises")
    assert checklist.entry("premises") == MaterialEntry("premises")  # the original is untouched


def test_copy_form_and_count_follow_from_originals_and_copies() -> None:
    assert MaterialEntry("a", Receipt.RECEIVED, 1, 0).copy_form is CopyForm.ORIGINAL
    assert MaterialEntry("a", Receipt.RECEIVED, 0, 2).copy_form is CopyForm.COPY
    assert MaterialEntry("a", Receipt.RECEIVED, 1, 2).copy_form is CopyForm.ORIGINAL_AND_COPY
    assert MaterialEntry("a", Receipt.RECEIVED, 1, 2).count == 3
    assert MaterialEntry("a", Receipt.SHARED_CONFIRMED).copy_form is None
    with pytest.raises(ValueError, match="negative"):
        MaterialEntry("a", Receipt.RECEIVED, -1, 0)


def test_a_fully_recorded_checklist_has_no_problems() -> None:
    assert checklist_problems(everything_received(), RESTAURANT) == ()


def test_every_problem_is_reported_at_once() -> None:
    checklist = start_checklist(RESTAURANT, {"operator": "individual"})
    checklist = record(checklist, "premises", Receipt.DEFECTIVE, defect_note=" ")
    checklist = record(checklist, "application", Receipt.RECEIVED)  # no medium
    checklist = record(checklist, "floor_plan", Receipt.RECEIVED, medium=ReceivedMedium.PAPER)  # no originals
    checklist = record(checklist, "health", Receipt.RECEIVED, medium=ReceivedMedium.PAPER, copies=1)
    checklist = record(checklist, "rules", Receipt.RECEIVED, medium=ReceivedMedium.ELECTRONIC)  # paper only
    checklist = record(checklist, "id_card", Receipt.SHARED_CONFIRMED)
    checklist = record(checklist, "authorisation", Receipt.MISSING)
    checklist = record(checklist, "sign_design", Receipt.DEFECTIVE)  # optional: never a problem
    assert checklist_problems(checklist, RESTAURANT) == (
        ChecklistProblem(ProblemCode.SITUATION_UNANSWERED, "agent", "是否委托代办?"),
        ChecklistProblem(ProblemCode.MEDIUM_MISSING, "application", "小餐饮店登记申请表"),
        ChecklistProblem(ProblemCode.DEFECT_NOTE_MISSING, "premises", "经营场所使用证明"),
        ChecklistProblem(ProblemCode.COUNT_TOO_LOW, "floor_plan", "经营场所平面布局图"),
        ChecklistProblem(ProblemCode.MEDIUM_NOT_ACCEPTED, "rules", "食品安全管理制度"),
    )


def test_electronic_material_is_not_counted_in_paper_pieces() -> None:
    checklist = record(everything_received(), "floor_plan", Receipt.RECEIVED, medium=ReceivedMedium.ELECTRONIC)
    assert checklist_problems(checklist, RESTAURANT) == ()


def test_untouched_lines_and_lines_of_another_list_are_problems() -> None:
    checklist = everything_received()
    checklist = replace(
        checklist,
        bundle_code="OTHER",
        answers=(*checklist.answers, ("size", "large")),
        entries=(
            *(e for e in checklist.entries if e.code != "premises"),
            MaterialEntry("articles", Receipt.RECEIVED, 1, 0, ReceivedMedium.PAPER),
        ),
    )
    checklist = record(checklist, "health", Receipt.PENDING)
    assert checklist_problems(checklist, RESTAURANT) == (
        ChecklistProblem(ProblemCode.BUNDLE_MISMATCH, "OTHER", RESTAURANT.name),
        ChecklistProblem(ProblemCode.ANSWER_UNKNOWN, "size.large"),
        ChecklistProblem(ProblemCode.MATERIAL_NOT_IN_LIST, "articles"),
        ChecklistProblem(ProblemCode.MATERIAL_UNACCOUNTED, "premises", "经营场所使用证明"),
        ChecklistProblem(ProblemCode.MATERIAL_UNACCOUNTED, "health", "从业人员健康证明"),
    )


@given(st.data())
def test_the_list_always_matches_the_answers_whatever_their_order(data: st.DataObject) -> None:
    bundle: Bundle = data.draw(bundles())
    checklist = start_checklist(bundle)
    for situation in data.draw(st.permutations(bundle.situations)):
        checklist = record(checklist, checklist.entries[0].code, Receipt.MISSING) if checklist.entries else checklist
        checklist = answer(checklist, bundle, situation.code, data.draw(st.sampled_from(("a", "b"))))
        assert codes(checklist) == [m.code for m in bundle.materials_for(checklist.answers_dict())]
    assert [s for s, _ in checklist.answers] == [s.code for s in bundle.situations]
    assert unanswered(checklist, bundle) == []


@given(st.data())
def test_a_complete_consistent_checklist_has_no_problems(data: st.DataObject) -> None:
    bundle: Bundle = data.draw(bundles())
    checklist = data.draw(checklists(bundle))
    assert checklist_problems(checklist, bundle) == ()


@given(st.data())
def test_unaccounted_is_exactly_the_pending_required_and_deferrable_lines(data: st.DataObject) -> None:
    bundle: Bundle = data.draw(bundles())
    checklist = data.draw(checklists(bundle, complete=False))
    pending = [
        e.code
        for e, m in zip(checklist.entries, bundle.materials_for(checklist.answers_dict()), strict=True)
        if e.receipt is Receipt.PENDING and m.necessity is not Necessity.OPTIONAL
    ]
    assert unaccounted(checklist, bundle) == pending
    reported = {p.subject for p in checklist_problems(checklist, bundle) if p.code is ProblemCode.MATERIAL_UNACCOUNTED}
    assert reported == set(pending)
