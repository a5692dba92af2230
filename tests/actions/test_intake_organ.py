"""An entrusted licence at a hall the 司法局 has not yet said may be entrusted is received, never sent home.

Whether the hall is a 行政机关 that may be entrusted with a 行政许可 (许可法 第二十四条第一款; office setting
``administrative_organ``) is the 司法局's answer.  While it was pending, the intake of 我要办理新车上牌 — a licence the
catalog has its department entrust to the hall, the agreement recorded — was refused whole, and an applicant with a
whole application went home with nothing: the hall may always receive (第二十六条).  Now, unanswered, the licence is
received: the intake is taken, its receipt is a 收件凭证 that forwards to the 车管所, and nothing is accepted in the
车管所's name; answered "yes", the next intake is accepted in its name.  Only where an agreement is recorded: seed 001
第三十二条 alone entrusts nothing, and a hall without one only receives (tests/actions/test_refusal_rights.py).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_documents, office_settings, save_office_settings
from counter.actions.intake.take import preview, take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.db.catalog_store import current_guide
from counter.documents.acceptance import Acceptance, OrganAnswer, acceptance_of, is_licensing
from counter.documents.kinds import DocumentKind
from counter.intake.outcome import Outcome
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.db.hall_worker import applicant as another
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import with_agreements

NEW_CAR = "XAM-YJS-055"  # 我要办理新车上牌: a licence the catalog has its department entrust to the hall
SEAL = "车辆管理所审批业务专用章"  # a paper in the 车管所's name


def request_for(sessions: sessionmaker[Session], desk: Desk, code: str = NEW_CAR) -> IntakeRequest:
    """The intake of ``code`` at the league hall that recorded its agreement with the 车管所 (the league's)."""
    with sessions.begin() as s:
        save_office_settings(s, "XAM01", with_agreements(office_settings(s, "XAM01")), desk=desk)
    with sessions() as s:
        stored = current_guide(s, code)
        assert stored is not None
    return IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), applicant())


def receipt_text(sessions: sessionmaker[Session], desk: Desk, case_no: str, folder: Path) -> str:
    """The text of the case's receipts, one per issuing body, its blanks taken out."""
    with sessions.begin() as s:
        made = make_documents(s, desk, case_no, DocumentKind.RECEIPT, TODAY)
    texts = []
    for n, paper in enumerate(made):
        path = folder / f"{case_no}-{n}.pdf"
        path.write_bytes(paper.pdf)
        texts.append("".join(pdf_text(path).split()))
    return "\n".join(texts)


def test_an_entrusted_licence_is_received_while_the_answer_is_pending_and_accepted_once_it_is_yes(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    request = request_for(sessions, desk)
    with sessions() as s:
        office = office_settings(s, "XAM01")
        stored = current_guide(s, NEW_CAR)
        assert stored is not None
        licences = [item for item in stored.bundle.items if is_licensing(item)]
        assert licences  # the bundle's licence, whose entrustment waits on the answer
        assert {acceptance_of(item, office) for item in licences} == {Acceptance.RECEIVED}
        assert preview(s, request, TODAY, office_calendar(s), site_code="XAM01").outcome is Outcome.ACCEPT
    with sessions.begin() as s:
        received = take_intake(s, desk, request, TODAY)
    assert received.decision.outcome is Outcome.ACCEPT, received.decision.reasons
    text = receipt_text(sessions, desk, received.case_no, tmp_path)
    assert "收件凭证" in text
    assert "收件后转送" in text
    assert SEAL not in text  # nothing in the 车管所's name while the hall may not be entrusted

    with sessions.begin() as s:
        answered = dataclasses.replace(office_settings(s, "XAM01"), administrative_organ=OrganAnswer.YES.value)
        save_office_settings(s, "XAM01", answered, desk=desk)
    with sessions.begin() as s:
        accepted = take_intake(s, desk, dataclasses.replace(request, parties=another(3, 2)), TODAY)
    assert accepted.decision.outcome is Outcome.ACCEPT
    assert SEAL in receipt_text(sessions, desk, accepted.case_no, tmp_path)  # a paper in the entrusting body's name
    # the case received before the answer stays received: its receipt, reprinted, is the same 收件凭证
    assert "收件凭证" in receipt_text(sessions, desk, received.case_no, tmp_path)


def test_an_intake_with_nothing_entrusted_on_a_licence_is_taken_unanswered(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """我要开小餐馆: its items only received at the hall, the answer changes none of its papers."""
    with sessions() as s:
        stored = current_guide(s, "XAM-YJS-008")
        assert stored is not None
    request = IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), applicant())
    with sessions.begin() as s:
        assert take_intake(s, desk, request, TODAY).decision.outcome is Outcome.ACCEPT
