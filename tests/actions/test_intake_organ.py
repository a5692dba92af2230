"""An intake whose paper would act for an entrusting department on a licence waits for the 司法局's answer.

At a hall that has not recorded whether it is a 行政机关 that may be entrusted with a 行政许可 (许可法 第二十四条第一款;
office setting ``administrative_organ``), the intake of 我要办理新车上牌 — a licence entrusted to the hall by the
catalog — was committed 受理 and only its receipt then refused to print (``organ_unanswered``): the applicant had a
case and no paper.  The outcome now says it before the commit, in the window's words, and the commit is refused until
the administrator answers in 单位信息; answered, the same intake is taken.  Only where an agreement is recorded: seed
001 第三十二条 alone entrusts nothing, and a hall without one only receives (tests/actions/test_refusal_rights.py).
"""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import office_settings, save_office_settings
from counter.actions.intake.take import preview, take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.db.catalog_store import current_guide
from counter.documents.acceptance import OrganAnswer, entrustee_unanswered
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Outcome, Reason, ReasonCode
from counter.words.intake import intake_reason
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.entrusted import with_agreements

NEW_CAR = "XAM-YJS-055"  # 我要办理新车上牌: a licence the catalog has its department entrust to the hall


def request_for(sessions: sessionmaker[Session], desk: Desk, code: str = NEW_CAR) -> IntakeRequest:
    """The intake of ``code`` at the league hall that recorded its agreement with the 车管所 (the league's): its
    receipt would accept the licence in the 车管所's name."""
    with sessions.begin() as s:
        save_office_settings(s, "XAM01", with_agreements(office_settings(s, "XAM01")), desk=desk)
    with sessions() as s:
        stored = current_guide(s, code)
        assert stored is not None
        assert entrustee_unanswered(stored.bundle.items, office_settings(s, "XAM01"))
    return IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), applicant())


def test_an_intake_waits_for_the_answer_its_paper_needs_and_says_who_gives_it(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    request = request_for(sessions, desk)
    with sessions() as s:
        decision = preview(s, request, TODAY, office_calendar(s), site_code="XAM01")
    assert decision.outcome is Outcome.INCOMPLETE
    assert decision.reasons == (Reason(ReasonCode.ORGAN_UNANSWERED),)
    said = intake_reason(ReasonCode.ORGAN_UNANSWERED)
    assert "司法局" in said
    assert "管理员" in said
    assert "“单位信息”" in said
    assert not any(mark in said for mark in ("counter", "--", "/", "\\"))
    with pytest.raises(IntakeNotPossible) as refused, sessions.begin() as s:
        take_intake(s, desk, request, TODAY)
    assert refused.value.decision is not None
    assert refused.value.decision.reasons == (Reason(ReasonCode.ORGAN_UNANSWERED),)

    with sessions.begin() as s:
        office = office_settings(s, "XAM01")
        answered = dataclasses.replace(office, administrative_organ=OrganAnswer.YES.value)
        save_office_settings(s, "XAM01", answered, desk=desk)
    with sessions() as s:
        assert preview(s, request, TODAY, office_calendar(s), site_code="XAM01").outcome is Outcome.ACCEPT
    with sessions.begin() as s:
        assert take_intake(s, desk, request, TODAY).decision.outcome is Outcome.ACCEPT


def test_an_intake_with_nothing_entrusted_on_a_licence_is_taken_unanswered(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """我要开小餐馆: its items only received at the hall, the answer changes none of its papers."""
    with sessions() as s:
        stored = current_guide(s, "XAM-YJS-008")
        assert stored is not None
        assert not entrustee_unanswered(stored.bundle.items, office_settings(s, "XAM01"))
    request = IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), applicant())
    with sessions.begin() as s:
        assert take_intake(s, desk, request, TODAY).decision.outcome is Outcome.ACCEPT
