"""The one outcome of an intake: examples on the small-restaurant bundle, then properties over any bundle."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from counter.calendar.workdays import HolidayTable, WorkCalendar
from counter.catalog.model import Bundle, GuideStatus, ItemType, Material, Necessity, TimeLimit
from counter.intake.checklist import (
    NOT_ACCEPTABLE,
    PRESENT,
    Checklist,
    ProblemCode,
    Receipt,
    checklist_problems,
    record,
    start_checklist,
    unaccounted,
    unanswered,
)
from counter.intake.no_licence import no_licence_text
from counter.intake.outcome import (
    Decision,
    DeferralPolicy,
    DeferralRequest,
    DeferredMaterial,
    MissingMaterial,
    Outcome,
    Reason,
    ReasonCode,
    Refusal,
    RefusalGround,
    decide,
)
from counter.intake.policies import CorrectionPolicy
from counter.intake.turn_to import turn_to_text
from tests.intake.samples import (
    CALENDAR,
    CD,
    DEF,
    REQ,
    RESTAURANT,
    TODAY,
    WD,
    WILLING,
    bundles,
    checklists,
    everything_received,
    item,
    material,
    record_as,
    requests,
    unpublished,
)


def march(day: int) -> dt.date:
    return dt.date(2025, 3, day)


def decide_now(
    checklist: Checklist,
    request: DeferralRequest | None = None,
    refusal: Refusal | None = None,
    bundle: Bundle = RESTAURANT,
    today: dt.date = TODAY,
) -> Decision:
    return decide(bundle, checklist, request, refusal, today=today, calendar=CALENDAR)


def with_receipts(**receipts: Receipt) -> Checklist:
    checklist = everything_received()
    for code, receipt in receipts.items():
        checklist = record_as(checklist, RESTAURANT, code, receipt)
    return checklist


# --- examples on the restaurant -------------------------------------------------------


def test_everything_handed_in_is_accepted_with_the_longest_item_promise() -> None:
    decision = decide_now(everything_received())
    assert decision == Decision(
        Outcome.ACCEPT,
        (Reason(ReasonCode.ALL_PRESENT),),
        promised_date=march(16),  # 环境影响登记表备案 promises nothing: its legal 10 calendar days
        accepted_on=TODAY,
    )


def test_the_bundle_promise_wins_over_the_items_when_the_guide_states_one() -> None:
    bundle = replace(RESTAURANT, promised_limit=TimeLimit(3, WD))
    assert decide_now(everything_received(), bundle=bundle).promised_date == march(11)


def test_missing_optional_material_does_not_matter() -> None:
    checklist = record(everything_received(), "sign_design", Receipt.DEFECTIVE)
    assert decide_now(checklist).outcome is Outcome.ACCEPT


def test_an_unconfirmed_shared_material_is_fetched_by_the_office_not_demanded() -> None:
    decision = decide_now(with_receipts(id_card=Receipt.MISSING))
    assert decision.outcome is Outcome.ACCEPT
    assert decision.reasons == (
        Reason(ReasonCode.ALL_PRESENT),
        Reason(ReasonCode.SHARED_TO_FETCH, "id_card", "经营者身份证件"),
    )


def test_minor_materials_are_due_when_the_guide_says_and_the_promise_moves_instead() -> None:
    """从业人员健康证明's 3 working days are printed whole (11 March); the department's two after them pass the
    bundle's promise of 3 (also the 11th), so the case is promised for the 13th instead of cutting the period."""
    bundle = replace(RESTAURANT, promised_limit=TimeLimit(3, WD))
    decision = decide_now(with_receipts(health=Receipt.MISSING), WILLING, bundle=bundle)
    assert decision == Decision(
        Outcome.DEFER,
        (Reason(ReasonCode.DEFERRED, "health", "从业人员健康证明"),),
        deferred=(DeferredMaterial("health", "从业人员健康证明", "从业人员健康证明须真实有效", "", march(11)),),
        promised_date=march(13),
        accepted_on=TODAY,
    )
    # 食品安全管理制度's own 7 working days with the margin pass 环境影响登记表备案's legal 10 calendar days: the
    # law, not the promise, refuses its deferral, and says so
    refused = decide_now(with_receipts(health=Receipt.MISSING, rules=Receipt.DEFECTIVE), WILLING)
    assert refused.outcome is Outcome.CORRECT
    assert Reason(ReasonCode.DEFERRAL_PAST_LEGAL, "rules", "食品安全管理制度") in refused.reasons


def test_without_a_request_deferrable_materials_are_demanded_in_a_correction() -> None:
    decision = decide_now(with_receipts(health=Receipt.MISSING))
    assert decision.outcome is Outcome.CORRECT
    assert decision.missing == (MissingMaterial("health", "从业人员健康证明", "从业人员健康证明须真实有效", "", DEF),)
    assert decision.reasons == (
        Reason(ReasonCode.DEFERRABLE_MISSING, "health", "从业人员健康证明"),
        Reason(ReasonCode.DEFERRAL_NOT_REQUESTED),
    )


def test_bad_credit_and_an_unsigned_pledge_are_both_named() -> None:
    decision = decide_now(with_receipts(health=Receipt.MISSING), DeferralRequest(False, False))
    assert decision.outcome is Outcome.CORRECT
    assert decision.reasons[1:] == (
        Reason(ReasonCode.DEFERRAL_CREDIT_UNCONFIRMED),
        Reason(ReasonCode.DEFERRAL_PLEDGE_UNSIGNED),
    )


def test_a_missing_main_material_demands_everything_missing_at_once() -> None:
    checklist = with_receipts(premises=Receipt.DEFECTIVE, floor_plan=Receipt.MISSING, health=Receipt.MISSING)
    decision = decide_now(checklist, WILLING)
    assert decision == Decision(
        Outcome.CORRECT,
        (
            Reason(ReasonCode.REQUIRED_DEFECTIVE, "premises", "经营场所使用证明"),
            Reason(ReasonCode.REQUIRED_MISSING, "floor_plan", "经营场所平面布局图"),
            Reason(ReasonCode.DEFERRABLE_MISSING, "health", "从业人员健康证明"),
            Reason(ReasonCode.DEFERRAL_MAIN_MISSING),
        ),
        missing=(
            MissingMaterial("premises", "经营场所使用证明", "经营场所使用证明须真实有效", "复印件字迹不清", REQ),
            MissingMaterial("floor_plan", "经营场所平面布局图", "经营场所平面布局图须真实有效", "", REQ),
            MissingMaterial("health", "从业人员健康证明", "从业人员健康证明须真实有效", "", DEF),
        ),
        correction_due=march(27),  # 15 working days: the default office setting
        notify_by=march(13),  # the law's 5 working days
    )


def test_the_applicant_period_is_an_office_setting() -> None:
    policy = CorrectionPolicy(applicant_period=TimeLimit(30, CD))
    checklist = with_receipts(floor_plan=Receipt.MISSING)
    decision = decide(RESTAURANT, checklist, None, None, today=TODAY, calendar=CALENDAR, policy=policy)
    assert decision.correction_due == dt.date(2025, 4, 5)
    assert decision.notify_by == march(13)


def test_a_matter_outside_the_remit_is_refused_naming_the_body_to_turn_to_for_each_item() -> None:
    bodies = (("REG", " 兴安盟市场监督管理局 "), ("XCY", "兴安盟市场监督管理局"), ("HJ", "兴安盟生态环境局"))
    refusal = Refusal(RefusalGround.NOT_IN_REMIT, turn_to_text(bodies))
    decision = decide_now(start_checklist(RESTAURANT), refusal=refusal)  # materials are not looked at
    assert decision == Decision(
        Outcome.REFUSE,
        (Reason(ReasonCode.REFUSED_NOT_IN_REMIT),),
        refusal=RefusalGround.NOT_IN_REMIT,
        turn_to="REG：兴安盟市场监督管理局\nXCY：兴安盟市场监督管理局\nHJ：兴安盟生态环境局",
    )


def test_one_body_for_the_whole_bundle_is_not_enough() -> None:
    """第二项 names where each item goes: one text for all would send every item to one department."""
    one = decide_now(start_checklist(RESTAURANT), refusal=Refusal(RefusalGround.NOT_IN_REMIT, "兴安盟市场监督管理局"))
    assert one == Decision(
        Outcome.INCOMPLETE,
        tuple(Reason(ReasonCode.TURN_TO_MISSING, i.code, i.name) for i in RESTAURANT.items),
    )
    two = Refusal(RefusalGround.NOT_IN_REMIT, turn_to_text((("REG", "甲局"), ("XCY", "乙局"))))
    assert decide_now(start_checklist(RESTAURANT), refusal=two).reasons == (
        Reason(ReasonCode.TURN_TO_MISSING, "HJ", "环境影响登记表备案"),
    )


def test_a_matter_needing_no_licence_is_refused() -> None:
    licences = no_licence_text(item.code for item in RESTAURANT.items)
    decision = decide_now(everything_received(), refusal=Refusal(RefusalGround.NO_LICENCE_NEEDED, licences))
    assert decision.outcome is Outcome.REFUSE
    assert decision.refusal is RefusalGround.NO_LICENCE_NEEDED
    assert decision.reasons == (Reason(ReasonCode.REFUSED_NO_LICENCE_NEEDED),)


def test_a_refusal_outside_the_remit_without_the_body_is_not_finished() -> None:
    decision = decide_now(everything_received(), refusal=Refusal(RefusalGround.NOT_IN_REMIT, "  "))
    assert decision == Decision(
        Outcome.INCOMPLETE, tuple(Reason(ReasonCode.TURN_TO_MISSING, i.code, i.name) for i in RESTAURANT.items)
    )


def test_a_refusal_whose_bodies_hold_what_no_paper_prints_is_not_finished() -> None:
    """The 第二项 bodies are printed on the notice: a control character or a reversed run among them is no typing."""
    for bad in ("甲局\u202e", "甲\x00局"):
        bodies = turn_to_text((item.code, bad) for item in RESTAURANT.items)
        decision = decide_now(everything_received(), refusal=Refusal(RefusalGround.NOT_IN_REMIT, bodies))
        assert decision == Decision(Outcome.INCOMPLETE, (Reason(ReasonCode.TURN_TO_NOT_TAKEN),))


def test_a_refusal_without_its_ground_is_not_finished_whatever_the_checklist() -> None:
    for refusal in (Refusal(None), Refusal(None, "兴安盟卫生健康委员会")):
        decision = decide_now(everything_received(), refusal=refusal)
        assert decision == Decision(Outcome.INCOMPLETE, (Reason(ReasonCode.GROUND_MISSING),))
        assert not decision.outcome.decided


def test_an_unpublished_guide_blocks_intake_before_anything_else() -> None:
    bundle = unpublished(RESTAURANT)
    for refusal in (None, Refusal(RefusalGround.NO_LICENCE_NEEDED)):
        decision = decide_now(everything_received(), WILLING, refusal, bundle=bundle)
        assert decision == Decision(
            Outcome.UNPUBLISHED, (Reason(ReasonCode.GUIDE_UNPUBLISHED, "XCY", RESTAURANT.name),)
        )
        assert not decision.outcome.decided


def test_a_draft_guide_is_refused_with_its_own_reason_unless_drafts_may_be_taken() -> None:
    draft = replace(RESTAURANT, status=GuideStatus.DRAFT)
    refused = decide_now(everything_received(), WILLING, bundle=draft)
    assert refused == Decision(Outcome.UNPUBLISHED, (Reason(ReasonCode.GUIDE_DRAFT, "XCY", RESTAURANT.name),))
    allowed = decide(draft, everything_received(), WILLING, None, today=TODAY, calendar=CALENDAR, draft_allowed=True)
    assert allowed == decide_now(everything_received(), WILLING)
    assert allowed.outcome is Outcome.ACCEPT


def test_allowing_drafts_does_not_open_an_unpublished_bundle() -> None:
    bundle = unpublished(RESTAURANT)
    decision = decide(bundle, everything_received(), WILLING, None, today=TODAY, calendar=CALENDAR, draft_allowed=True)
    assert decision.reasons == (Reason(ReasonCode.GUIDE_UNPUBLISHED, "XCY", RESTAURANT.name),)


def test_an_unfinished_checklist_has_no_outcome_and_says_why() -> None:
    checklist = start_checklist(RESTAURANT, {"operator": "individual"})
    decision = decide_now(checklist, WILLING)
    assert decision.outcome is Outcome.INCOMPLETE
    assert not decision.outcome.decided
    assert decision.reasons[0] == Reason(ProblemCode.SITUATION_UNANSWERED, "agent", "是否委托代办?")
    assert [r.subject for r in decision.reasons[1:]] == unaccounted(checklist, RESTAURANT)
    assert (decision.missing, decision.deferred, decision.promised_date) == ((), (), None)


def test_nothing_handed_in_is_never_deferred() -> None:
    only_minor = replace(
        RESTAURANT,
        situations=(),
        materials=tuple(m for m in RESTAURANT.materials if m.necessity is not REQ),
    )
    checklist = start_checklist(only_minor)
    for code in ("health", "rules", "sign_design"):
        checklist = record(checklist, code, Receipt.MISSING)
    decision = decide_now(checklist, WILLING, bundle=only_minor)
    assert decision.outcome is Outcome.CORRECT
    assert Reason(ReasonCode.DEFERRAL_NOTHING_HANDED_IN) in decision.reasons
    assert [m.code for m in decision.missing] == ["health", "rules"]


def test_a_deferrable_material_with_no_limit_at_all_cannot_be_deferred() -> None:
    bundle = replace(
        RESTAURANT,
        situations=(),
        items=(item("X", "无时限事项", None),),
        materials=(
            material("application", "申请表", REQ, items=("X",)),
            material("photo", "门头照片", DEF, items=("X",)),
        ),
    )
    checklist = record_as(start_checklist(bundle), bundle, "application", Receipt.RECEIVED)
    checklist = record(checklist, "photo", Receipt.MISSING)
    decision = decide_now(checklist, WILLING, bundle=bundle)
    assert decision.outcome is Outcome.CORRECT
    assert decision.reasons[1:] == (Reason(ReasonCode.DEFERRAL_NO_DEADLINE, "photo", "门头照片"),)


def test_a_date_beyond_the_calendar_data_is_flagged() -> None:
    decision = decide_now(with_receipts(floor_plan=Receipt.MISSING), today=dt.date(2026, 12, 21))
    assert decision.outcome is Outcome.CORRECT
    assert decision.beyond_calendar_data
    assert decision.reasons[-1] == Reason(ReasonCode.BEYOND_CALENDAR_DATA)
    assert not decide_now(with_receipts(floor_plan=Receipt.MISSING)).beyond_calendar_data


# --- properties over any bundle -------------------------------------------------------


def applicable(bundle: Bundle, checklist: Checklist) -> list[Material]:
    return list(bundle.materials_for(checklist.answers_dict()))


def short(bundle: Bundle, checklist: Checklist, necessity: Necessity) -> set[str]:
    """Codes of demanded (not shared) materials of this necessity that are missing or defective."""
    return {
        m.code
        for m in applicable(bundle, checklist)
        if m.necessity is necessity and not m.shared and receipt_of(checklist, m.code) in NOT_ACCEPTABLE
    }


def receipt_of(checklist: Checklist, code: str) -> Receipt:
    entry = checklist.entry(code)
    assert entry is not None
    return entry.receipt


@given(st.data())
def test_a_complete_checklist_has_exactly_one_of_the_three_outcomes(data: st.DataObject) -> None:
    bundle = data.draw(bundles())
    checklist = data.draw(checklists(bundle))
    request = data.draw(requests)
    decision = decide_now(checklist, request, bundle=bundle)
    required, deferrable = short(bundle, checklist, REQ), short(bundle, checklist, DEF)
    assert decision.outcome in (Outcome.ACCEPT, Outcome.DEFER, Outcome.CORRECT)
    assert (decision.outcome is Outcome.ACCEPT) == (not required and not deferrable)
    if decision.outcome is Outcome.DEFER:
        assert not required
        assert request is not None
        assert request.no_bad_credit
        assert request.pledge_signed
        assert {d.code for d in decision.deferred} == deferrable
    if required:
        assert decision.outcome is Outcome.CORRECT


@given(st.data())
def test_a_correction_lists_every_shortfall_once_and_nothing_received(data: st.DataObject) -> None:
    bundle = data.draw(bundles())
    checklist = data.draw(checklists(bundle))
    decision = decide_now(checklist, data.draw(requests), bundle=bundle)
    listed = [m.code for m in decision.missing]
    assert len(listed) == len(set(listed))
    if decision.outcome is Outcome.CORRECT:
        assert set(listed) == short(bundle, checklist, REQ) | short(bundle, checklist, DEF)
        for missing in decision.missing:
            entry = checklist.entry(missing.code)
            assert entry is not None
            assert entry.receipt not in PRESENT
            assert missing.defect_note == entry.defect_note
        assert decision.correction_due is not None
        assert decision.notify_by is not None
    else:
        assert listed == []


@given(st.data())
def test_deferral_is_granted_exactly_when_its_conditions_hold(data: st.DataObject) -> None:
    bundle = data.draw(bundles())
    checklist = data.draw(checklists(bundle))
    request = data.draw(requests)
    decision = decide_now(checklist, request, bundle=bundle)
    deferrable = short(bundle, checklist, DEF)
    materials = {m.code: m for m in applicable(bundle, checklist)}
    something_in = any(
        receipt_of(checklist, m.code) is not Receipt.MISSING
        for m in materials.values()
        if m.necessity is not Necessity.OPTIONAL
    )
    has_limit = all(
        materials[code].deferral_limit is not None
        or bundle.promised_limit is not None
        or any(i.code in materials[code].items and (i.promised_limit or i.legal_limit) for i in bundle.items)
        for code in deferrable
    )
    expected = (
        bool(deferrable)
        and not short(bundle, checklist, REQ)
        and request == DeferralRequest(True, True)
        and something_in
        and has_limit
        and all(_room_before_completion(bundle, materials[code]) for code in deferrable)
    )
    assert (decision.outcome is Outcome.DEFER) == expected


def _room_before_completion(bundle: Bundle, material: Material) -> bool:
    """Whether a working day after today, within the material's limits, leaves the margin before every completion;
    for a material with the guide's own period, whether the margin after it ends within the served items' law."""
    served = [i for i in bundle.items if i.code in material.items]
    if material.deferral_limit is not None:
        examined = CALENDAR.deadline(CALENDAR.deadline(TODAY, material.deferral_limit).date, DeferralPolicy().margin)
        legal = [CALENDAR.deadline(TODAY, i.legal_limit).date for i in served if i.legal_limit is not None]
        return all(examined.date <= day for day in legal)
    completions = [i.promised_limit or i.legal_limit for i in served] + [bundle.promised_limit]
    finish = [CALENDAR.deadline(TODAY, limit).date for limit in completions if limit is not None]
    limits = [material.deferral_limit, *completions]
    dates = [CALENDAR.deadline(TODAY, limit).date for limit in limits if limit is not None]
    if not finish or not dates:
        return True
    margin = DeferralPolicy().margin
    days = (TODAY + dt.timedelta(days=n) for n in range(1, (min(dates) - TODAY).days + 1))
    return any(d.weekday() < 5 and CALENDAR.deadline(d, margin).date <= min(finish) for d in days)


@given(st.data())
def test_no_deferred_material_is_due_after_any_promise_it_serves(data: st.DataObject) -> None:
    bundle = data.draw(bundles(with_deferrable=True))
    checklist = data.draw(checklists(bundle))
    for m in applicable(bundle, checklist):
        if m.necessity is REQ and not m.shared:
            checklist = record_as(checklist, bundle, m.code, Receipt.RECEIVED)
    checklist = record(checklist, "m0", Receipt.MISSING)
    decision = decide_now(checklist, WILLING, bundle=bundle)
    no_deferral = {
        ReasonCode.DEFERRAL_NO_DEADLINE,
        ReasonCode.DEFERRAL_NOTHING_HANDED_IN,
        ReasonCode.DEFERRAL_NO_MARGIN,
        ReasonCode.DEFERRAL_PAST_LEGAL,
    }
    assert (decision.outcome is Outcome.DEFER) == (not no_deferral & {r.code for r in decision.reasons})
    materials = {m.code: m for m in bundle.materials}
    margin = DeferralPolicy().margin
    for deferred in decision.deferred:
        material = materials[deferred.code]
        served = [i for i in bundle.items if i.code in material.items]
        if material.deferral_limit is not None:
            # the guide's own period, whole; the department's margin after it within the law, and the case's
            # promise no earlier than that
            assert deferred.due == CALENDAR.deadline(TODAY, material.deferral_limit).date
            examined = CALENDAR.deadline(deferred.due, margin).date
            legal = [CALENDAR.deadline(TODAY, i.legal_limit).date for i in served if i.legal_limit is not None]
            assert all(examined <= day for day in legal)
            assert decision.promised_date is not None
            assert examined <= decision.promised_date
            continue
        # an item promising nothing is bounded by its legal limit
        completions = [i.promised_limit or i.legal_limit for i in served] + [bundle.promised_limit]
        finish = [CALENDAR.deadline(TODAY, limit).date for limit in completions if limit is not None]
        limits = [material.deferral_limit, *completions]
        latest = min(CALENDAR.deadline(TODAY, limit).date for limit in limits if limit is not None)
        assert deferred.due <= latest
        assert deferred.due > TODAY or not finish  # a margin always leaves a day after the intake
        for day in finish:
            assert CALENDAR.deadline(deferred.due, margin).date <= day  # the department keeps its margin


@given(st.data())
def test_optional_materials_never_change_the_decision(data: st.DataObject) -> None:
    bundle = data.draw(bundles())
    checklist = data.draw(checklists(bundle, complete=data.draw(st.booleans())))
    request = data.draw(requests)
    flipped = checklist
    for m in applicable(bundle, checklist):
        if m.necessity is Necessity.OPTIONAL:
            flipped = record(flipped, m.code, data.draw(st.sampled_from(Receipt)))
    assert decide_now(flipped, request, bundle=bundle) == decide_now(checklist, request, bundle=bundle)


@given(st.data())
def test_shared_materials_are_never_demanded_nor_deferred(data: st.DataObject) -> None:
    bundle = data.draw(bundles())
    checklist = data.draw(checklists(bundle))
    decision = decide_now(checklist, data.draw(requests), bundle=bundle)
    shared = {m.code for m in bundle.materials if m.shared}
    assert not shared & {m.code for m in decision.missing}
    assert not shared & {d.code for d in decision.deferred}


@given(st.data())
def test_an_unpublished_bundle_never_gets_a_receipt(data: st.DataObject) -> None:
    bundle = data.draw(bundles(status=GuideStatus.UNPUBLISHED))
    checklist = data.draw(checklists(bundle, complete=data.draw(st.booleans())))
    refusal = data.draw(st.none() | st.builds(Refusal, st.none() | st.sampled_from(RefusalGround), st.text(max_size=3)))
    decision = decide_now(checklist, data.draw(requests), refusal, bundle=bundle)
    assert decision.outcome is Outcome.UNPUBLISHED
    assert decision.outcome not in (Outcome.ACCEPT, Outcome.DEFER)


@given(st.data())
def test_incomplete_exactly_when_something_is_unaccounted_or_unanswered(data: st.DataObject) -> None:
    bundle = data.draw(bundles())
    checklist = data.draw(checklists(bundle, complete=False))
    decision = decide_now(checklist, data.draw(requests), bundle=bundle)
    open_lines = unaccounted(checklist, bundle) + unanswered(checklist, bundle)
    assert (decision.outcome is Outcome.INCOMPLETE) == bool(open_lines)
    assert (decision.outcome is Outcome.INCOMPLETE) == bool(checklist_problems(checklist, bundle))
    if open_lines:
        assert {r.subject for r in decision.reasons} == set(open_lines)


@given(st.data())
def test_a_refusal_with_its_body_named_refuses_whatever_the_checklist(data: st.DataObject) -> None:
    bundle = data.draw(bundles())
    checklist = data.draw(checklists(bundle, complete=data.draw(st.booleans())))
    ground = data.draw(st.sampled_from(RefusalGround))
    bodies = turn_to_text((item.code, "呼伦贝尔市政务服务局") for item in bundle.items)
    if ground is RefusalGround.NO_LICENCE_NEEDED:  # found of the licences named (counter.intake.no_licence)
        bodies = no_licence_text(item.code for item in bundle.items if item.item_type is ItemType.LICENSING)
    decision = decide_now(checklist, data.draw(requests), Refusal(ground, bodies), bundle=bundle)
    assert decision.outcome is Outcome.REFUSE
    assert decision.refusal is ground
    assert (decision.missing, decision.deferred) == ((), ())


# --- with the real working-day calendar -----------------------------------------------


def test_deferral_across_national_day_with_the_working_day_calendar() -> None:
    calendar = WorkCalendar(HolidayTable.from_chinesecalendar(until_year=2025))
    monday = dt.date(2025, 9, 29)  # 1-8 October are off; Saturday 11 October is a make-up working day
    checklist = with_receipts(health=Receipt.MISSING, rules=Receipt.MISSING)
    decision = decide(RESTAURANT, with_receipts(health=Receipt.MISSING), WILLING, None, today=monday, calendar=calendar)
    assert decision.outcome is Outcome.DEFER
    # the guide's 3 working days: 30 September, 9 and 10 October; the margin's two (the 11th, the 13th) end on
    # 小餐饮店登记's promise
    assert [(d.code, d.due) for d in decision.deferred] == [("health", dt.date(2025, 10, 10))]
    assert decision.promised_date == dt.date(2025, 10, 13)  # 小餐饮店登记: 5 working days, the 11th counts
    assert not decision.beyond_calendar_data
    # 环境影响登记表备案's legal 10 calendar days end on 9 October: 食品安全管理制度's own 7 working days pass them,
    # so it cannot be deferred and is demanded, with the reason
    decision = decide(RESTAURANT, checklist, WILLING, None, today=monday, calendar=calendar)
    assert decision.outcome is Outcome.CORRECT
    assert Reason(ReasonCode.DEFERRAL_PAST_LEGAL, "rules", "食品安全管理制度") in decision.reasons
    assert {m.code for m in decision.missing} == {"health", "rules"}


def test_the_working_day_calendar_flags_a_correction_deadline_beyond_its_data() -> None:
    calendar = WorkCalendar(HolidayTable.from_chinesecalendar(until_year=2025))
    checklist = with_receipts(floor_plan=Receipt.MISSING)
    decision = decide(RESTAURANT, checklist, None, None, today=dt.date(2025, 12, 22), calendar=calendar)
    assert decision.outcome is Outcome.CORRECT
    assert decision.notify_by == dt.date(2025, 12, 29)
    assert decision.beyond_calendar_data
    assert Reason(ReasonCode.BEYOND_CALENDAR_DATA) in decision.reasons
