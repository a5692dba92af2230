"""Decisions item by item through the actions: a lapsed 容缺 denies only its items, never before the day after."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.case_reads import case_rows
from counter.actions.cases.decisions import decide_item, deny_lapsed_deferral
from counter.actions.cases.documents import make_document
from counter.actions.intake.take import move_case
from counter.case.decisions import DecisionProblem, DecisionRefused, ItemDecision, undecided_items
from counter.case.numbers import DOC_NO_MAX, DeskIdentity
from counter.case.status import CaseEvent, CaseStatus, MoveNotAllowed
from counter.db.case_lists import deferrals_due_by
from counter.db.case_store import case_by_no, case_materials, case_view
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import Receipt, record
from counter.intake.not_possible import IntakeNotPossible, NotPossibleWhy
from counter.intake.outcome import DeferralRequest
from tests.actions.test_intake_actions import full_request, take
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTERED, entrust_in
from tests.signed_in import signed_in

FOOD = "152201-YJS008-02"  # 食品经营许可: the only item M08 (食品安全管理制度文本) serves
OTHERS = ("152201-YJS008-01", "152201-YJS008-03", "152201-YJS008-04")


@pytest.fixture
def desk(owner: sessionmaker[Session]) -> Desk:
    """The window's clerk, signed in as its supervisor too (a 不予批准 at the window is a supervisor's); the
    restaurant's departments entrusted the window in writing first: these tests are about what a decision does."""
    single = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    entrust_in(owner, single, FOOD, *OTHERS)
    return signed_in(owner, single)


def deferred_case(sessions: sessionmaker[Session], desk: Desk) -> tuple[str, dt.date]:
    request = full_request(sessions)
    checklist = record(request.checklist, "M08", Receipt.MISSING)
    number = take(
        sessions, desk, dataclasses.replace(request, checklist=checklist, deferral=DeferralRequest(True, True))
    )
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    (due,) = {m.due_on for m in view.deferred_open()}
    assert due is not None
    return number, due


def test_a_lapse_waits_for_the_day_after_the_due_date_and_denies_only_the_lapsed_items(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    number, due = deferred_case(sessions, desk)
    for day in (due - dt.timedelta(days=1), due):
        with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
            deny_lapsed_deferral(s, desk, number, day)
        assert refused.value.problem is DecisionProblem.NOT_LAPSED
        assert refused.value.first_day == due + dt.timedelta(days=1)
    with sessions.begin() as s:
        lapse = deny_lapsed_deferral(s, desk, number, due + dt.timedelta(days=1), "未说明正当理由")
    assert (lapse.materials, lapse.items, lapse.status) == (("M08",), (FOOD,), CaseStatus.IN_APPROVAL)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert set(view.decisions()) == {FOOD}
    assert not view.decisions()[FOOD].approved
    assert view.deferred_open() == ()  # lapsed: no longer awaited
    with sessions.begin() as s, pytest.raises(MoveNotAllowed):
        deny_lapsed_deferral(s, desk, number, due + dt.timedelta(days=2))  # once
    for code in OTHERS:  # the other items go on to their departments
        with sessions.begin() as s:
            status = decide_item(s, desk, number, code, approve=True, text="92152201MA0000001X", entered=ENTERED)
    assert status is CaseStatus.READY  # every item decided, some granted
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    events = [h.event for h in view.history]
    assert events == ["taken", "deferral_lapsed", "item_denied", *["item_approved"] * 3, "completed"]


def test_a_denial_states_its_reason_is_made_once_and_the_case_is_denied_item_by_item(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        move_case(s, desk, number, CaseEvent.DENIED, "整件不予批准")
    assert refused.value.problem is DecisionProblem.ITEM_BY_ITEM
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        decide_item(s, desk, number, FOOD, approve=False, text=" ", entered=ENTERED)
    assert refused.value.problem is DecisionProblem.REASON_REQUIRED
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        decide_item(s, desk, number, "152201-YJS999-01", approve=False, text="理由", entered=ENTERED)
    assert refused.value.problem is DecisionProblem.UNKNOWN_ITEM
    # printed on the 决定书 and the 送达回证, reported to the platform: no reordering, invisible or control character
    for typed in ("经营场所\u202e不符合要求", "JY1522010\u200b0001", "JY15220100001\x00"):
        with pytest.raises(DecisionRefused) as refused, sessions.begin() as s:
            decide_item(s, desk, number, FOOD, approve=typed.startswith("JY"), text=typed, entered=ENTERED)
        assert refused.value.problem is DecisionProblem.TEXT_NOT_TAKEN
    for code in (FOOD, *OTHERS):
        with sessions.begin() as s:
            status = decide_item(
                s, desk, number, code, approve=False, text=f"经审查不符合条件（{code[-2:]}）", entered=ENTERED
            )
    assert status is CaseStatus.DENIED  # all denied
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        decide_item(s, desk, number, FOOD, approve=False, text="再次", entered=ENTERED)
    assert refused.value.problem is DecisionProblem.ALREADY_DECIDED
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.denial_reason.startswith("经审查不符合条件（02）；")


def test_each_department_numbers_its_own_denials(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    day = dt.date(2026, 11, 24)
    with sessions.begin() as s:
        for code in (FOOD, "152201-YJS008-01", "152201-YJS008-03"):
            decide_item(s, desk, number, code, approve=False, text="经现场核查不符合条件", entered=ENTERED)
    with sessions.begin() as s:
        food = make_document(s, desk, number, DocumentKind.DENIAL, day, FOOD)
        registration = make_document(s, desk, number, DocumentKind.DENIAL, day, "152201-YJS008-01")
        signboard = make_document(s, desk, number, DocumentKind.DENIAL, day, "152201-YJS008-03")
        again = make_document(s, desk, number, DocumentKind.DENIAL, day + dt.timedelta(days=3), FOOD)
    numbers = [food.doc_no, registration.doc_no, signboard.doc_no]
    assert all(len(n) <= DOC_NO_MAX and n.startswith("XAM01-26-P") for n in numbers)
    # the same department (市场监督管理局) continues its series; 城市管理综合行政执法局 starts its own
    assert food.doc_no.split("-")[2] == registration.doc_no.split("-")[2] != signboard.doc_no.split("-")[2]
    assert [n[-4:] for n in numbers] == ["0001", "0002", "0001"]
    assert (again.doc_no, again.reprint, again.pdf) == (food.doc_no, True, food.pdf)  # one paper per item


def test_completing_is_refused_while_an_item_is_undecided_and_grants_nothing(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """办结 decides nothing: with 食品经营许可 denied and three items undecided it names them and writes nothing (it
    granted all three in the window's name before)."""
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        decide_item(s, desk, number, FOOD, approve=False, text="经现场核查不符合条件", entered=ENTERED)
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        move_case(s, desk, number, CaseEvent.COMPLETED)
    assert refused.value.problem is DecisionProblem.UNDECIDED
    assert refused.value.item_code.split("、") == list(OTHERS)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert list(view.decisions()) == [FOOD]
    assert [h.event for h in view.history] == ["taken", "item_denied"]
    with sessions.begin() as s:  # the departments decide; the last decision closes the case, no 办结 needed
        for code in OTHERS:
            status = decide_item(s, desk, number, code, approve=True, text=f"XK-{code[-2:]}", entered=ENTERED)
    assert status is CaseStatus.READY


def test_a_case_whose_every_item_is_denied_cannot_be_completed(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        for code in (FOOD, *OTHERS):
            decide_item(s, desk, number, code, approve=False, text="经审查不符合条件", entered=ENTERED)
    with sessions.begin() as s, pytest.raises(MoveNotAllowed):
        move_case(s, desk, number, CaseEvent.COMPLETED)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.status is CaseStatus.DENIED
    assert not any(d.approved for d in view.decisions().values())


def test_the_undecided_items_are_those_no_body_decided_in_the_bundles_order() -> None:
    denied = {code: ItemDecision(code, False, "不符合条件") for code in (FOOD, *OTHERS)}
    assert undecided_items((FOOD, *OTHERS), denied) == ()
    assert undecided_items((FOOD, *OTHERS), {FOOD: denied[FOOD]}) == OTHERS
    assert undecided_items((FOOD, *OTHERS), {}) == (FOOD, *OTHERS)
    assert undecided_items((), {}) == ()  # a guide without items: 办结 as before


def test_materials_a_partial_lapse_took_down_are_no_longer_listed_as_due(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    request = full_request(sessions)
    checklist = record(record(request.checklist, "M08", Receipt.MISSING), "M09", Receipt.MISSING)
    number = take(
        sessions, desk, dataclasses.replace(request, checklist=checklist, deferral=DeferralRequest(True, True))
    )
    with sessions.begin() as s:  # M09 due later, as a material with a longer deferral limit would be
        case = case_by_no(s, number)
        assert case is not None
        (m09,) = [line for line in case_materials(s, case.id) if line.material_code == "M09"]
        due = m09.due_on
        assert due is not None
        m09.due_on = later = due + dt.timedelta(days=14)
    with sessions.begin() as s:
        lapse = deny_lapsed_deferral(s, desk, number, due + dt.timedelta(days=1))
    assert lapse.materials == ("M08",)
    assert lapse.status is CaseStatus.AWAITING_DEFERRED  # M09 is still awaited
    with sessions() as s:
        overdue = list(case_rows(s, due + dt.timedelta(days=3), overdue=True))
        soon = list(case_rows(s, due + dt.timedelta(days=1), due_soon=True))
        by_later = deferrals_due_by(s, later)
        listed = {row.case_no: row.next_due for row in case_rows(s, due)}
    assert number not in {row.case_no for row in overdue}  # the lapsed M08 is not due any more
    assert number not in {row.case_no for row in soon}
    assert [(row.case_no, row.next_due) for row in by_later] == [(number, later)]  # due by M09 alone
    assert listed[number] == later


@pytest.mark.slow
def test_the_department_denies_a_licence_for_false_materials_with_what_the_law_attaches(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """行政许可法 第七十八条 is the deciding department's: its own 不予批准 of a licence records it, the one-year bar
    only for a licence the catalog marks public_safety, the 警告 left to 行政处罚法's procedure; no other item."""
    number = take(sessions, desk, full_request(sessions))
    for code, approve in (("152201-YJS008-04", False), (FOOD, True)):  # the tax item; a grant
        with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
            decide_item(s, desk, number, code, approve=approve, text="虚假材料", false_materials=True, entered=ENTERED)
        assert refused.value.problem is DecisionProblem.NOT_A_LICENCE
    reason = "经核查，提交的健康证明系伪造。"
    with sessions.begin() as s:
        decide_item(s, desk, number, FOOD, approve=False, text=reason, false_materials=True, entered=ENTERED)
        decide_item(
            s, desk, number, "152201-YJS008-03", approve=False, text=reason, false_materials=True, entered=ENTERED
        )
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    decisions = view.decisions()
    assert decisions[FOOD] == ItemDecision(FOOD, False, reason, false_materials=True, entered=ENTERED)
    assert view.denial_reason == ""  # two items still open
    day = dt.date(2026, 11, 24)
    with sessions.begin() as s:
        food = make_document(s, desk, number, DocumentKind.DENIAL, day, FOOD)
        signboard = make_document(s, desk, number, DocumentKind.DENIAL, day, "152201-YJS008-03")
    food_text, signboard_text = (pdf_words(paper.pdf, tmp_path) for paper in (food, signboard))
    barred = "该行政许可直接关系公共安全、人身健康、生命财产安全，你在一年内不得再次申请该行政许可。"
    warning = "依照该条应当给予的警告，由本机关依照《中华人民共和国行政处罚法》规定的程序另行作出决定。"
    for text in (food_text, signboard_text):
        assert (
            "你隐瞒有关情况或者提供虚假材料申请行政许可，依照《中华人民共和国行政许可法》第七十八条，不予行政许可。"
            in text
        )
        assert warning in text
        assert reason in text
        assert "〔行政许可法第七十八条〕" not in text  # the stored mark is not the paper's
    assert barred in food_text  # 食品经营许可 is public_safety
    assert barred not in signboard_text  # 户外招牌设置审批 is not


def pdf_words(pdf: bytes, folder: Path) -> str:
    path = folder / "paper.pdf"
    path.write_bytes(pdf)
    return "".join(pdf_text(path).split())


@pytest.mark.parametrize("event", [CaseEvent.WITHDRAWN, CaseEvent.VOIDED])
def test_a_withdrawal_or_void_without_its_reason_is_refused_and_changes_nothing(
    sessions: sessionmaker[Session], desk: Desk, event: CaseEvent
) -> None:
    """A reason of spaces, as a desk of the hall server may send one: refused; the case stays in hand, unwritten."""
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s, pytest.raises(IntakeNotPossible) as refused:
        move_case(s, desk, number, event, " \u3000 ")
    assert refused.value.why is NotPossibleWhy.REASON_REQUIRED
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.status is CaseStatus.ACCEPTED
    assert [h.event for h in view.history] == ["taken"]
