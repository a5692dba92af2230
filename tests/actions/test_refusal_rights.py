"""A refusal is its notice: none is made whose rights clause names a 复议 body the site has not named yet."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document, save_office_settings
from counter.actions.cases.item_authority import set_entrustment
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.take import preview, take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.catalog.departments import PLACE
from counter.db.catalog_store import current_guide
from counter.documents.data import OfficeSettings
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import answer
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Outcome, Reason, ReasonCode, Refusal, RefusalGround
from counter.intake.turn_to import turn_to_text
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant

CYBER_CAFE = "XAM-YJS-007"  # 我要开网吧: its 消防 item's 复议 body is the site's to name
#: a hall of its departments' own level, a 行政机关 (the 司法局's answer): it accepts in their name (许可法 第二十四条)
COUNTY_HALL = OfficeSettings(office_level="county", office_name="乌兰浩特市政务服务中心", administrative_organ="yes")


def refusal_request(sessions: sessionmaker[Session]) -> IntakeRequest:
    with sessions() as s:
        stored = current_guide(s, CYBER_CAFE)
    assert stored is not None
    bodies = turn_to_text((i.code, i.department.replace(PLACE, "科尔沁右翼前旗")) for i in stored.bundle.items)
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    return IntakeRequest(checklist, applicant(), refusal=Refusal(RefusalGround.NOT_IN_REMIT, bodies))


def test_a_refusal_waits_until_the_site_names_the_body_its_notice_must_print(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        save_office_settings(s, "XAM01", COUNTY_HALL, desk=desk)
    request = refusal_request(sessions)
    with sessions.begin() as s, pytest.raises(IntakeNotPossible) as refused:
        take_intake(s, desk, request, TODAY, office_calendar(s))
    decision = refused.value.decision
    assert decision is not None
    assert decision.outcome is Outcome.INCOMPLETE
    candidates = "兴安盟消防救援支队、乌兰浩特市人民政府"
    assert decision.reasons == (Reason(ReasonCode.REVIEW_BODY_UNNAMED, "乌兰浩特市消防救援大队", candidates),)
    named = dataclasses.replace(
        COUNTY_HALL, rights_overrides="乌兰浩特市消防救援大队=兴安盟消防救援支队|乌兰浩特市人民法院"
    )
    with sessions.begin() as s:
        save_office_settings(s, "XAM01", named, desk=desk)
    with sessions.begin() as s:
        taken = take_intake(s, desk, request, TODAY, office_calendar(s))
    assert taken.decision.outcome is Outcome.REFUSE
    with sessions.begin() as s:
        notice = make_document(s, desk, taken.case_no, DocumentKind.REFUSAL, TODAY)
    assert notice.pdf.startswith(b"%PDF")


TEA_HOUSE = "XAM-YJS-042"  # 我要开茶楼: its 消防 item is applied for only by a 公众聚集场所


def test_a_refusal_waits_only_for_the_bodies_of_the_items_applied_for(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """A tea house that is no 公众聚集场所 applies for no 消防 check: its refusal names no 消防救援大队's rights."""
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        save_office_settings(s, "XAM01", COUNTY_HALL, desk=desk)
    with sessions() as s:
        stored = current_guide(s, TEA_HOUSE)
    assert stored is not None
    bodies = turn_to_text((i.code, i.department.replace(PLACE, "科尔沁右翼前旗")) for i in stored.bundle.items)
    for assembly, outcome in (("no", Outcome.REFUSE), ("yes", Outcome.INCOMPLETE)):
        checklist = answer(fresh_checklist(stored), stored.bundle, "assembly", assembly)
        checklist = complete_checklist(stored.bundle, checklist)
        request = IntakeRequest(checklist, applicant(), refusal=Refusal(RefusalGround.NOT_IN_REMIT, bodies))
        with sessions() as s:
            decision = preview(s, request, TODAY, office_calendar(s), site_code="XAM01")
        assert decision.outcome is outcome, assembly


def test_a_refusal_in_the_name_of_departments_that_entrusted_the_league_hall_waits_for_their_bodies(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """The league's hall, a 行政机关 entrusted by 授权 with every item of 我要开网吧: its refusal is the departments'
    (counter.documents.acceptance), so it waits for the 消防 brigade's 复议 body as the county hall's does."""
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        stored = current_guide(s, CYBER_CAFE)
        assert stored is not None
        save_office_settings(s, "XAM01", OfficeSettings(administrative_organ="yes"), desk=desk)
        for item in stored.bundle.items:
            set_entrustment(s, desk, "XAM01", item.code, "兴政服授〔2026〕1号")
    with sessions.begin() as s, pytest.raises(IntakeNotPossible) as refused:
        take_intake(s, desk, refusal_request(sessions), TODAY, office_calendar(s))
    decision = refused.value.decision
    assert decision is not None
    assert [reason.code for reason in decision.reasons] == [ReasonCode.REVIEW_BODY_UNNAMED]
