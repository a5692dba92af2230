"""一窗出件: a 小餐馆 case's results handed over at once, with its 送达回证; a part only when the applicant asks.

On both databases, through the actions as the faces call them: the hand-over is a line of the case's history with
its audit entry, a denied item's 不予批准决定书 is made on the way so its number is on the 送达回证, and the
送达回证 is numbered, kept and reprinted byte for byte.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.decisions import case_and_bundle, record_decision
from counter.actions.cases.documents import make_document
from counter.actions.cases.hand_over import hand_over_results, record_signed_return
from counter.actions.cases.item_authority import check_item
from counter.actions.intake.take import move_case
from counter.case.hand_over import (
    HandOver,
    HandOverProblem,
    HandOverRefused,
    HandOverRequest,
    HandOverWay,
    SignedReturnProblem,
    SignedReturnRefused,
    hand_over_note,
)
from counter.case.status import CaseEvent, CaseStatus, MoveNotAllowed
from counter.db import models
from counter.db.case_store import case_view
from counter.documents.kinds import DocumentKind
from counter.intake.not_possible import IntakeNotPossible, NotPossibleWhy
from counter.parties.identifiers import make_id_number
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_steps import ITEMS, at
from tests.documents.pdf_tools import pdf_lines, pdf_text

ENTRUSTED_RESTAURANT = True  # its departments' items decided at the window under their 授权 (tests/actions/conftest.py)

AGENT_ID = make_id_number("152201", dt.date(1980, 3, 4), 12)
PICKUP = HandOverRequest(HandOverWay.PICKUP, recipient="其木格", id_no=AGENT_ID)


def decide(sessions: sessionmaker[Session], desk: Desk, number: str, codes: tuple[str, ...], approve: bool) -> None:
    with sessions.begin() as s:
        for code in codes:
            text = f"JY1522010{code[-2:]}" if approve else "经营场所不符合食品安全要求"
            case, bundle = case_and_bundle(s, number)
            acting = check_item(s, desk, case.case_no, bundle, case.site_code, code)  # under the 授权
            record_decision(s, desk, number, code, approve=approve, text=text, at=at(TODAY), acting=acting)


def hand(sessions: sessionmaker[Session], desk: Desk, number: str, request: HandOverRequest):  # type: ignore[no-untyped-def]
    with sessions.begin() as s:
        return hand_over_results(s, desk, number, request, at(TODAY, 15))


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf)
    return pdf_text(path)


def lines_of(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf)
    return pdf_lines(path)


def test_every_result_goes_out_together_with_one_service_receipt(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = take(sessions, desk, full_request(sessions))
    decide(sessions, desk, number, ITEMS[:3], approve=True)
    decide(sessions, desk, number, ITEMS[3:], approve=False)
    done = hand(sessions, desk, number, PICKUP)
    assert done.status is CaseStatus.DELIVERED
    assert [i.code for i in done.hand_over.items] == list(ITEMS)
    assert done.hand_over.id_masked == AGENT_ID[:6] + "********" + AGENT_ID[-4:]  # kept masked
    denial = done.hand_over.items[3]
    assert not denial.granted
    assert denial.paper_no  # its 不予批准决定书 was made on the way
    receipt = done.service_receipt
    assert receipt.kind is DocumentKind.SERVICE_RECEIPT
    text = text_of(receipt.pdf, tmp_path)
    assert "送达回证" in text
    for item in done.hand_over.items:
        assert item.paper_no in text  # every licence's number, and the denial's
    assert AGENT_ID not in text
    assert "其木格" in text
    with sessions.begin() as s:  # a reprint is recorded: a write
        view = case_view(s, number)
        kinds = set(s.scalars(select(models.DocumentRecord.kind)))
        reprint = make_document(s, desk, number, DocumentKind.SERVICE_RECEIPT, TODAY, hand_over_no=1)
        entry = s.scalars(
            select(models.AuditEntry).where(models.AuditEntry.subject == number).order_by(models.AuditEntry.id.desc())
        ).first()
    assert view is not None
    assert view.status is CaseStatus.DELIVERED
    assert view.history[-1].event == CaseEvent.DELIVERED.value
    assert AGENT_ID not in view.history[-1].note
    assert {"service.1", "denial.4"} <= kinds
    assert reprint.reprint
    assert reprint.pdf == receipt.pdf  # the same paper, byte for byte
    assert entry is not None
    assert entry.action == "document_made"  # the 送达回证, after the hand-over's own entry


def test_a_part_goes_out_only_when_the_applicant_asks(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = take(sessions, desk, full_request(sessions))
    decide(sessions, desk, number, ITEMS[:2], approve=True)
    with pytest.raises(HandOverRefused) as refused:
        hand(sessions, desk, number, PICKUP)
    assert refused.value.problems == (HandOverProblem.NOT_ALL_DECIDED,)
    part = HandOverRequest(HandOverWay.PICKUP, recipient="其木格", id_no=AGENT_ID, partial=True)
    first = hand(sessions, desk, number, part)
    assert first.status is CaseStatus.ACCEPTED  # two items still with their departments
    assert [i.code for i in first.hand_over.items] == list(ITEMS[:2])
    assert "先行送达" in text_of(first.service_receipt.pdf, tmp_path)
    decide(sessions, desk, number, ITEMS[2:], approve=True)
    posted = HandOverRequest(HandOverWay.POST, carrier="中国邮政EMS", tracking_no="1151234567890")
    second = hand(sessions, desk, number, posted)
    assert second.status is CaseStatus.DELIVERED
    assert [i.code for i in second.hand_over.items] == list(ITEMS[2:])  # only what the first did not give
    assert second.service_receipt.doc_no != first.service_receipt.doc_no
    assert "1151234567890" in text_of(second.service_receipt.pdf, tmp_path)
    with pytest.raises(HandOverRefused) as refused:  # nothing is handed over twice
        hand(sessions, desk, number, HandOverRequest(HandOverWay.PICKUP, "其木格", AGENT_ID, items=(ITEMS[0],)))
    assert HandOverProblem.ALREADY_HANDED in refused.value.problems


def test_every_problem_is_named_at_once_and_nothing_is_kept(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    decide(sessions, desk, number, ITEMS, approve=True)
    bad = HandOverRequest(HandOverWay.PICKUP, recipient=" ", id_no=AGENT_ID[:-1] + "0", items=("152201-NO-01",))
    with pytest.raises(HandOverRefused) as refused:
        hand(sessions, desk, number, bad)
    assert set(refused.value.problems) == {
        HandOverProblem.NOT_DECIDED, HandOverProblem.NOT_ALL_DECIDED, HandOverProblem.NO_RECIPIENT,
        HandOverProblem.BAD_ID,
    }  # fmt: skip
    with pytest.raises(HandOverRefused) as refused:
        hand(sessions, desk, number, HandOverRequest(HandOverWay.POST, carrier="EMS"))
    assert refused.value.problems == (HandOverProblem.NO_TRACKING,)
    with pytest.raises(HandOverRefused) as refused:
        hand(sessions, desk, number, HandOverRequest(HandOverWay.ELECTRONIC))
    assert refused.value.problems == (HandOverProblem.NO_ADDRESS,)
    with sessions() as s:
        view = case_view(s, number)
        records = list(s.scalars(select(models.DocumentRecord.kind)))
    assert view is not None
    assert view.status is CaseStatus.READY
    assert "service.1" not in records


def posted(tracking_no: str, carrier: str = "顺丰") -> HandOverRequest:
    return HandOverRequest(HandOverWay.POST, carrier=carrier, tracking_no=tracking_no)


@pytest.mark.parametrize(
    ("request_", "problem"),
    [
        # the words a clerk typed as a "tracking number", which the hall's signed POSTED message carried verbatim
        (posted("SF1，欠邮费5元点t.cn/Ev1L补缴否则退回"), HandOverProblem.BAD_TRACKING),
        (posted("SF1234567890\u202e"), HandOverProblem.BAD_TRACKING),
        (posted("SF12\x0034567890"), HandOverProblem.BAD_TRACKING),
        (posted("SF1234567890", carrier="顺\u202e丰"), HandOverProblem.BAD_CARRIER),
        (HandOverRequest(HandOverWay.PICKUP, "其\u200b木格", AGENT_ID), HandOverProblem.BAD_RECIPIENT),
        (HandOverRequest(HandOverWay.ELECTRONIC, address="a@b.cn\x00"), HandOverProblem.BAD_ADDRESS),
        (posted("SF1234567890", carrier=" "), HandOverProblem.NO_CARRIER),  # a parcel no one can trace
        (HandOverRequest(HandOverWay.PICKUP, "其木格" * 100, AGENT_ID), HandOverProblem.TOO_LONG),
    ],
)
def test_a_text_out_of_its_shape_is_refused_by_its_field(
    sessions: sessionmaker[Session], desk: Desk, request_: HandOverRequest, problem: HandOverProblem
) -> None:
    """Each refused by the check of the field it stands in, NUL included (never a database fault), and nothing kept."""
    number = take(sessions, desk, full_request(sessions))
    decide(sessions, desk, number, ITEMS, approve=True)
    with pytest.raises(HandOverRefused) as refused:
        hand(sessions, desk, number, request_)
    assert refused.value.problems == (problem,)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.status is CaseStatus.READY


def test_a_withdrawn_case_hands_nothing_over(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    decide(sessions, desk, number, ITEMS[:1], approve=True)
    with sessions.begin() as s:
        move_case(s, desk, number, CaseEvent.WITHDRAWN, "申请人不再经营")
    with pytest.raises(MoveNotAllowed):
        hand(sessions, desk, number, HandOverRequest(HandOverWay.PICKUP, "其木格", AGENT_ID, partial=True))


def test_a_case_every_item_of_which_was_denied_hands_its_decisions_over_and_stays_denied(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    number = take(sessions, desk, full_request(sessions))
    decide(sessions, desk, number, ITEMS, approve=False)
    done = hand(sessions, desk, number, HandOverRequest(HandOverWay.ELECTRONIC, address="兴安盟政务服务网 个人空间"))
    assert done.status is CaseStatus.DENIED
    assert all(i.paper_no for i in done.hand_over.items)  # four 不予批准决定书, each numbered
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.history[-1].event == CaseEvent.ITEMS_HANDED.value


def test_the_window_no_longer_marks_a_case_delivered_without_its_record(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    number = take(sessions, desk, full_request(sessions))
    decide(sessions, desk, number, ITEMS, approve=True)
    with sessions.begin() as s, pytest.raises(IntakeNotPossible):
        move_case(s, desk, number, CaseEvent.DELIVERED)


def test_a_same_day_mark_or_record_given_by_a_caller_hands_nothing_over(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """A caller of the generic step (a desk's request at the hall's server) writing the same-day step's note, its bare
    mark or a hand-over record marked same-day: the case is not 已送达 without its hand-over step, no 送达回证 made."""
    number = take(sessions, desk, full_request(sessions))
    decide(sessions, desk, number, ITEMS, approve=True)
    record = HandOver(HandOverWay.PICKUP, (), "其木格", "1522**********123X", same_day=True)
    for event, note in ((CaseEvent.DELIVERED, "same_day"), (CaseEvent.DELIVERED, hand_over_note(record)),
                        (CaseEvent.ITEMS_HANDED, "same_day")):  # fmt: skip
        with sessions.begin() as s, pytest.raises(IntakeNotPossible) as refused:
            move_case(s, desk, number, event, note)
        assert refused.value.why is NotPossibleWhy.HAND_OVER_BY_ITS_STEP
    with sessions() as s:
        view = case_view(s, number)
        papers = s.scalars(select(models.DocumentRecord.kind)).all()
    assert view is not None
    assert view.status is CaseStatus.READY
    assert DocumentKind.SERVICE_RECEIPT.value not in papers


def test_a_posted_result_is_served_on_the_day_its_return_is_signed_not_the_day_it_is_posted(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = take(sessions, desk, full_request(sessions))
    decide(sessions, desk, number, ITEMS, approve=True)
    posted = HandOverRequest(HandOverWay.POST, carrier="中国邮政EMS", tracking_no="1151234567890")
    done = hand(sessions, desk, number, posted)
    first = lines_of(done.service_receipt.pdf, tmp_path)
    assert any("交寄日期2026年11月20日" in line for line in first)  # the day it left
    assert "送达日期年月日" in first  # left blank, to be filled in from the signed return
    assert "送达时间：年月日" in first
    signed = TODAY + dt.timedelta(days=3)
    with sessions.begin() as s:
        kept = record_signed_return(s, desk, number, 1, signed, at(signed, 9))
    assert kept.served_on == signed
    with sessions.begin() as s:  # the 送达回证 reprinted once its return came back
        again = make_document(s, desk, number, DocumentKind.SERVICE_RECEIPT, signed, hand_over_no=1)
    assert (again.reprint, again.doc_no) == (True, done.service_receipt.doc_no)
    later = lines_of(again.pdf, tmp_path)
    assert any("交寄日期2026年11月20日" in line for line in later)
    assert "送达日期2026年11月23日" in later
    assert "送达时间：2026年11月23日" in later


def test_a_signed_return_is_recorded_once_for_a_posted_hand_over_only(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    number = take(sessions, desk, full_request(sessions))
    decide(sessions, desk, number, ITEMS[:2], approve=True)
    hand(sessions, desk, number, HandOverRequest(HandOverWay.PICKUP, "其木格", AGENT_ID, partial=True))
    decide(sessions, desk, number, ITEMS[2:], approve=True)
    hand(sessions, desk, number, HandOverRequest(HandOverWay.POST, carrier="中国邮政EMS", tracking_no="1151234567890"))

    def refused(hand_over_no: int, signed_on: dt.date) -> tuple[SignedReturnProblem, ...]:
        with sessions.begin() as s, pytest.raises(SignedReturnRefused) as caught:
            record_signed_return(s, desk, number, hand_over_no, signed_on, at(TODAY, 16))
        return caught.value.problems

    assert refused(1, TODAY) == (SignedReturnProblem.NOT_POSTED,)  # collected at the window
    assert refused(3, TODAY) == (SignedReturnProblem.NO_HAND_OVER,)
    assert refused(2, TODAY - dt.timedelta(days=1)) == (SignedReturnProblem.BEFORE_POSTED,)
    assert refused(2, TODAY + dt.timedelta(days=1)) == (SignedReturnProblem.AFTER_TODAY,)
    with sessions.begin() as s:
        record_signed_return(s, desk, number, 2, TODAY, at(TODAY, 16))
    assert refused(2, TODAY) == (SignedReturnProblem.ALREADY_SIGNED,)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.status is CaseStatus.DELIVERED  # the status stays
    assert [line.event for line in view.history].count(CaseEvent.SERVICE_SIGNED.value) == 1
