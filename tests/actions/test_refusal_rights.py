"""A refusal is its notice, one body's act: where several departments would refuse together, the hall tells and each
department decides on its own paper, so nothing waits for a 复议 body (a department's own refusal and denial wait for
theirs: tests/documents/test_remedies.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document, save_office_settings
from counter.actions.cases.item_steps import route_items
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.moments import BEIJING
from counter.catalog.departments import PLACE
from counter.db.catalog_store import current_guide
from counter.documents.data import OfficeSettings
from counter.documents.kinds import DocumentKind
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Outcome, ReasonCode, Refusal, RefusalGround
from counter.intake.turn_to import turn_to_text
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import with_agreements

CYBER_CAFE = "XAM-YJS-007"  # 我要开网吧: its 消防 item's 复议 body is the site's to name
#: a hall of its departments' own level, a 行政机关 (the 司法局's answer): it accepts in their name where their
#: agreement is recorded (许可法 第二十四条)
COUNTY_HALL = OfficeSettings(office_level="county", office_name="乌兰浩特市政务服务中心", administrative_organ="yes")


def refusal_request(sessions: sessionmaker[Session]) -> IntakeRequest:
    with sessions() as s:
        stored = current_guide(s, CYBER_CAFE)
    assert stored is not None
    bodies = turn_to_text((i.code, i.department.replace(PLACE, "科尔沁右翼前旗")) for i in stored.bundle.items)
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    return IntakeRequest(checklist, applicant(), refusal=Refusal(RefusalGround.NOT_IN_REMIT, bodies, insists=False))


def test_a_refusal_several_departments_would_issue_is_the_halls_and_waits_for_no_body(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """One paper, one body: 我要开网吧's departments never refuse together; the hall tells, and waits for nothing."""
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        save_office_settings(s, "XAM01", with_agreements(COUNTY_HALL), desk=desk)
    with sessions.begin() as s:
        taken = take_intake(s, desk, refusal_request(sessions), TODAY, office_calendar(s))
    assert taken.decision.outcome is Outcome.REFUSE
    with sessions.begin() as s:
        notice = make_document(s, desk, taken.case_no, DocumentKind.REFUSAL, TODAY)
    path = tmp_path / "refusal.pdf"
    path.write_bytes(notice.pdf)
    text = pdf_text(path, page=1)
    assert "申请事项告知书" in text
    assert "各委托机关" not in text


NEW_CAR = "XAM-YJS-055"  # 我要办理新车上牌: 车辆购置税申报 (旗县市税务局), 机动车注册登记 (盟车管所, a licence)


def new_car(sessions: sessionmaker[Session], refusal: bool) -> IntakeRequest:
    with sessions() as s:
        stored = current_guide(s, NEW_CAR)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    if not refusal:
        return IntakeRequest(checklist, applicant())
    bodies = turn_to_text((i.code, i.department.replace(PLACE, "兴安盟")) for i in stored.bundle.items)
    return IntakeRequest(checklist, applicant(), refusal=Refusal(RefusalGround.NOT_IN_REMIT, bodies, insists=False))


def test_a_hall_set_up_as_the_guide_says_takes_a_new_car_case(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """The league hall (league level, no agreement, the 司法局 not asked yet: docs/install-and-operations.md) only
    receives for the 车管所: nothing is made in its name, so nothing waits for the 司法局's answer."""
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        save_office_settings(s, "XAM01", OfficeSettings(office_level="league"), desk=desk)
    for refusal, outcome in ((False, Outcome.ACCEPT), (True, Outcome.REFUSE)):
        with sessions.begin() as s:
            taken = take_intake(s, desk, new_car(sessions, refusal), TODAY, office_calendar(s))
        assert taken.decision.outcome is outcome
    with sessions.begin() as s:  # the 司法局 answered yes; still no agreement with the 车管所
        save_office_settings(s, "XAM01", OfficeSettings(office_level="league", administrative_organ="yes"), desk=desk)
    with sessions.begin() as s:
        taken = take_intake(s, desk, new_car(sessions, True), TODAY, office_calendar(s))
        notice = make_document(s, desk, taken.case_no, DocumentKind.REFUSAL, TODAY)
    path = tmp_path / "new-car.pdf"
    path.write_bytes(notice.pdf)
    text = pdf_text(path, page=1)
    assert "申请事项告知书" in text
    assert "车辆管理所不予受理通知书" not in text
    assert "车辆管理所审批业务专用章" not in text
    assert "以本机关名义出具" not in text


def test_an_applicant_who_insists_at_a_window_that_only_receives_is_forwarded_the_same_day(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """055 第二项 at the league hall, which only receives for the 车管所: unasked, the intake waits; insisting, the
    materials are a 收件 (收件凭证, 12345 on it) and the items go to their departments that day."""
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        save_office_settings(s, "XAM01", OfficeSettings(office_level="league"), desk=desk)
    unasked = new_car(sessions, True)
    refusal = unasked.refusal
    assert refusal is not None
    unasked = dataclasses.replace(unasked, refusal=dataclasses.replace(refusal, insists=None))
    with sessions.begin() as s, pytest.raises(IntakeNotPossible) as waiting:
        take_intake(s, desk, unasked, TODAY, office_calendar(s))
    assert waiting.value.decision is not None
    assert [r.code for r in waiting.value.decision.reasons] == [ReasonCode.INSISTS_UNASKED]
    insisted = dataclasses.replace(unasked, refusal=dataclasses.replace(refusal, insists=True))
    with sessions.begin() as s:
        taken = take_intake(s, desk, insisted, TODAY, office_calendar(s))
    with sessions.begin() as s:
        receipt = make_document(s, desk, taken.case_no, DocumentKind.RECEIPT, TODAY)
        routed = route_items(s, desk, taken.case_no, dt.datetime.combine(TODAY, dt.time(15), tzinfo=BEIJING))
    assert taken.decision.outcome is Outcome.ACCEPT
    path = tmp_path / "receipt.pdf"
    path.write_bytes(receipt.pdf)
    text = pdf_text(path, page=1)
    assert "收件凭证" in text
    assert "12345" in text
    assert "不予受理" not in text
    assert len(routed) == 2  # 车辆购置税申报 and 机动车注册登记, forwarded on the day of the 收件
