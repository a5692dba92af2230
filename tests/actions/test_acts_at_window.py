"""An agreement for 受理 alone is no power to refuse or to tell a 补正 in the department's name (许可法 第二十四条:
在委托范围内): for those acts the window does what a window that only receives does, and says so on its papers and
to the platform.  074 我要办理医师执业注册, its one item entrusted by the 卫健委 for 受理 alone, on both databases."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases import received_cases
from counter.actions.cases.case_view import read_case
from counter.actions.cases.documents import make_document, office_settings
from counter.actions.cases.item_authority import set_entrustment
from counter.actions.cases.item_steps import route_items
from counter.actions.cases.item_track import received_codes
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.reads_shown import resubmission
from counter.actions.intake.take import lapse_correction, take_intake
from counter.actions.outbox.messages import save_gateway
from counter.actions.outbox.platform_facts import facts_of
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.decisions import lapse_day
from counter.case.intake_request import IntakeRequest, intake_request
from counter.case.moments import BEIJING
from counter.case.site_authority import EntrustedAct
from counter.case.status import CaseStatus
from counter.catalog.model import Item
from counter.db import models
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.db.platform_store import claimed
from counter.documents.acceptance import all_received
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import Receipt, record
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Outcome, ReasonCode, Refusal, RefusalGround
from counter.intake.turn_to import turn_to_text
from counter.sms.kinds import MessageKind
from counter.sms.texts import MessageFacts, message_text
from counter.words.cases import case_status_text
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.actions.test_messages import GATEWAY
from tests.actions.test_platform import configure
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTRUSTMENT, entrust
from tests.platform_stub import Platform, running_platform
from tests.signed_in import signed_in

DOCTOR = "XAM-YJS-074"  # 我要办理医师执业注册: one item, the 卫健委's licence
ITEM = "YJS074-01"
HEALTH = "兴安盟卫生健康委员会"
ACCEPT_ONLY = frozenset({EntrustedAct.ACCEPT})


@pytest.fixture
def platform() -> Iterator[Platform]:
    with running_platform() as platform:
        yield platform


def _accept_only(sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path) -> IntakeRequest:
    """The hall entrusted with the item's 受理 alone, reporting to the platform and telling by SMS; a complete
    request for the item."""
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=desk)
        save_gateway(s, GATEWAY, desk=desk)
        entrust(s, desk, ITEM)
        set_entrustment(s, desk, "XAM01", ITEM, ENTRUSTMENT, ACCEPT_ONLY)
    configure(sessions, desk, platform, keys)
    with sessions() as s:
        stored = current_guide(s, DOCTOR)
    assert stored is not None
    return IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), applicant())


def _told(sessions: sessionmaker[Session]) -> dict[str, str]:
    with sessions() as s:
        (event_id,) = s.scalars(select(models.PlatformEvent.id)).all()
        return facts_of(s, claimed(s, event_id))


def _text(made: bytes, path: Path) -> str:
    path.write_bytes(made)
    return pdf_text(path).replace("\n", "")


def test_a_refusal_the_agreement_leaves_out_is_asked_and_ends_in_the_applicants_withdrawal(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, tmp_path: Path
) -> None:
    """第二项 found at the window: not the hall's to refuse in the 卫健委's name; unasked, the intake waits; not
    insisting, the applicant withdraws, on the hall's 申请事项告知书, and the platform hears a withdrawal."""
    request = _accept_only(sessions, desk, platform, tmp_path / "keys")
    refusal = Refusal(RefusalGround.NOT_IN_REMIT, turn_to_text([(ITEM, "科尔沁右翼前旗卫生健康委员会")]), insists=None)
    with sessions.begin() as s, pytest.raises(IntakeNotPossible) as waiting:
        take_intake(s, desk, dataclasses.replace(request, refusal=refusal), TODAY, office_calendar(s))
    assert waiting.value.decision is not None
    assert [r.code for r in waiting.value.decision.reasons] == [ReasonCode.INSISTS_UNASKED]
    withdrawn = dataclasses.replace(request, refusal=dataclasses.replace(refusal, insists=False))
    with sessions.begin() as s:
        taken = take_intake(s, desk, withdrawn, TODAY, office_calendar(s))
    with sessions.begin() as s:
        notice = make_document(s, desk, taken.case_no, DocumentKind.REFUSAL, TODAY)
        view = case_view(s, taken.case_no)
    assert view is not None
    assert view.status is CaseStatus.WITHDRAWN
    text = _text(notice.pdf, tmp_path / "refusal.pdf")
    assert "申请事项告知书" in text
    assert f"{HEALTH}不予受理通知书" not in text
    assert "受本机关委托" not in text
    assert "12345" in text
    assert _told(sessions)["event.kind"] == "withdrawn"


def test_a_correction_the_agreement_leaves_out_is_the_halls_notice(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, tmp_path: Path
) -> None:
    """A material missing: the hall tells it once in its own name (补齐材料告知书), the 卫健委 not named as issuer,
    12345 and the hall's complaint line on it; the platform hears no 受理 date."""
    request = _accept_only(sessions, desk, platform, tmp_path / "keys")
    with sessions() as s:
        stored = current_guide(s, DOCTOR)
        hall = office_settings(s, "XAM01")
    assert stored is not None
    missing = dataclasses.replace(request, checklist=record(request.checklist, stored.bundle.materials[0].code,
                                                            Receipt.MISSING))  # fmt: skip
    with sessions.begin() as s:
        taken = take_intake(s, desk, missing, TODAY, office_calendar(s))
    with sessions.begin() as s:
        notice = make_document(s, desk, taken.case_no, DocumentKind.CORRECTION, TODAY)
    assert taken.decision.outcome is Outcome.CORRECT
    assert notice.heading.startswith("补齐材料告知书")
    text = _text(notice.pdf, tmp_path / "correction.pdf")
    assert "补齐补正通知书" not in text
    assert "本告知书不是行政机关作出的补正通知或者受理决定" in text
    assert f"{HEALTH}审批业务专用章" not in text
    assert "受本机关委托" not in text
    assert "视为放弃" not in text
    assert "12345" in text
    assert hall.complaint_phone in text
    told = _told(sessions)
    assert told["event.kind"] == "correction"
    assert told["case.accepted_on"] == ""
    text = _message(sessions, taken.case_no)
    assert "补齐材料告知书" in text  # the paper in the applicant's hand, which says it is no 补正通知
    assert "补正" not in text


def _message(sessions: sessionmaker[Session], case_no: str) -> str:
    """The words of the case's one message, as the sender words them."""
    with sessions() as s:
        (kind,) = s.scalars(
            select(models.OutboxMessage.kind).join(models.Case).where(models.Case.case_no == case_no)
        ).all()
    return message_text(MessageFacts(MessageKind(kind), case_no, date=TODAY), "兴安盟政务服务中心")


def test_a_correction_the_agreement_covers_is_told_as_the_departments_notice(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, tmp_path: Path
) -> None:
    """Under an agreement that covers 补正 the window's paper is the 卫健委's 补齐补正通知书: the message names it."""
    request = _accept_only(sessions, desk, platform, tmp_path / "keys")
    with sessions.begin() as s:
        set_entrustment(s, desk, "XAM01", ITEM, ENTRUSTMENT, ACCEPT_ONLY | {EntrustedAct.CORRECT})
        stored = current_guide(s, DOCTOR)
    assert stored is not None
    missing = dataclasses.replace(request, checklist=record(request.checklist, stored.bundle.materials[0].code,
                                                            Receipt.MISSING))  # fmt: skip
    with sessions.begin() as s:
        taken = take_intake(s, desk, missing, TODAY, office_calendar(s))
    with sessions.begin() as s:
        notice = make_document(s, desk, taken.case_no, DocumentKind.CORRECTION, TODAY)
    assert "补齐补正通知书" in _text(notice.pdf, tmp_path / "correction.pdf")
    text = _message(sessions, taken.case_no)
    assert "按补齐补正通知书补齐材料" in text
    assert "告知书" not in text


def _said(sessions: sessionmaker[Session], case_no: str) -> tuple[str, str]:
    """The case's state as its page says it, and as the lists (and ``case show``) say it."""
    with sessions() as s:
        page = read_case(s, case_no, TODAY)
        listed = received_cases.is_received(s, case_no)
    assert page is not None
    shown = case_status_text(page.view.status, all_received(item.received for item in page.items))
    return shown, case_status_text(page.view.status, listed)


def test_a_correction_the_hall_told_is_named_its_notice_and_its_lapse_threatens_nothing(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, tmp_path: Path
) -> None:
    """Its paper the hall's 补齐材料告知书, the case reads 已告知补齐材料 on its page and in the lists, and its lapse
    ends the 收件 registration, as the paper said, never "视为放弃申请"."""
    request = _accept_only(sessions, desk, platform, tmp_path / "keys")
    with sessions() as s:
        stored = current_guide(s, DOCTOR)
    assert stored is not None
    missing = dataclasses.replace(request, checklist=record(request.checklist, stored.bundle.materials[0].code,
                                                            Receipt.MISSING))  # fmt: skip
    with sessions.begin() as s:
        taken = take_intake(s, desk, missing, TODAY, office_calendar(s))
    assert _said(sessions, taken.case_no) == ("已告知补齐材料", "已告知补齐材料")
    supervisor = signed_in(sessions, desk)
    with sessions.begin() as s:
        view = case_view(s, taken.case_no)
        assert view is not None
        assert view.correction_due is not None
        lapse_correction(s, supervisor, taken.case_no, lapse_day(view.correction_due, office_calendar(s)))
    assert _said(sessions, taken.case_no) == ("逾期未补齐，本次收件登记已终结",) * 2


def _insisting(sessions: sessionmaker[Session], desk: Desk, request: IntakeRequest) -> str:
    """第二项 found at the window, the applicant told and insisting: the case taken, its number."""
    refusal = Refusal(RefusalGround.NOT_IN_REMIT, turn_to_text([(ITEM, "科尔沁右翼前旗卫生健康委员会")]), insists=True)
    with sessions.begin() as s:
        return take_intake(s, desk, dataclasses.replace(request, refusal=refusal), TODAY, office_calendar(s)).case_no


def test_an_applicant_who_insists_is_received_and_forwarded_not_accepted_in_the_departments_name(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, tmp_path: Path
) -> None:
    """The hall may not refuse in the 卫健委's name, so it does not accept in it either an application it judged
    refusable: a 收件凭证 in its own name, the item forwarded that day, the platform told 收件 with no 受理 date,
    the case said 已收件; the 卫健委 signs for it at its own desk."""
    number = _insisting(sessions, desk, _accept_only(sessions, desk, platform, tmp_path / "keys"))
    told = _told(sessions)
    with sessions.begin() as s:
        receipt = make_document(s, desk, number, DocumentKind.RECEIPT, TODAY)
        routed = route_items(s, desk, number, dt.datetime.combine(TODAY, dt.time(15), tzinfo=BEIJING))
    assert receipt.heading.startswith("收件凭证")
    text = _text(receipt.pdf, tmp_path / "receipt.pdf")
    assert "受理凭证" not in text
    assert "受本机关委托" not in text
    assert f"{HEALTH}审批业务专用章" not in text
    assert "12345" in text
    assert routed == (ITEM,)
    with sessions() as s:
        assert received_codes(s, number, "XAM01", _items(s, number)) == {ITEM}  # its 签收 is the 卫健委's
    assert _said(sessions, number) == ("已收件", "已收件")
    assert told["event.kind"] == "received"
    assert told["case.accepted_on"] == ""
    assert told["case.refusal_ground"] == ""  # nothing was refused
    with sessions.begin() as s:  # its reprint tells what it told, by the record it keeps
        set_entrustment(s, desk, "XAM01", ITEM, ENTRUSTMENT, ACCEPT_ONLY | {EntrustedAct.REFUSE})
        assert make_document(s, desk, number, DocumentKind.RECEIPT, TODAY).heading.startswith("收件凭证")


@pytest.mark.parametrize("by_form", [True, False], ids=["answer's form", "request naming the case"])
def test_the_answer_to_a_correction_told_after_insisting_is_received_again_not_accepted_in_its_name(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, tmp_path: Path, by_form: bool
) -> None:
    """Insisting, with a material missing: the hall's 补齐材料告知书.  The applicant comes back with the material; the
    answer's form carries the finding insisted on, and a request that only names the case it answers (a file for
    ``counter case take``) is decided with it too, so the new case is received and forwarded as the first was — a
    收件凭证 in the hall's name, the platform told 收件 with no 受理 date — never accepted in the 卫健委's name under
    an agreement for 受理 alone, nor asked again."""
    request = _accept_only(sessions, desk, platform, tmp_path / "keys")
    with sessions() as s:
        stored = current_guide(s, DOCTOR)
    assert stored is not None
    code = stored.bundle.materials[0].code
    first = _insisting(sessions, desk, dataclasses.replace(request, checklist=record(request.checklist, code,
                                                                                    Receipt.MISSING)))  # fmt: skip
    with sessions.begin() as s:
        assert make_document(s, desk, first, DocumentKind.CORRECTION, TODAY).heading.startswith("补齐材料告知书")
        draft = resubmission(s, desk, first, "intake.resubmission")
    assert draft is not None
    assert draft.insisted
    answered = intake_request(dataclasses.replace(draft, checklist=complete_checklist(stored.bundle, draft.checklist)),
                              "")  # fmt: skip
    if not by_form:
        answered = dataclasses.replace(answered, refusal=None)
    with sessions.begin() as s:
        taken = take_intake(s, desk, answered, TODAY, office_calendar(s))
    with sessions.begin() as s:
        receipt = make_document(s, desk, taken.case_no, DocumentKind.RECEIPT, TODAY)
        view = case_view(s, taken.case_no)
        (event_id,) = s.scalars(
            select(models.PlatformEvent.id).join(models.Case).where(models.Case.case_no == taken.case_no)
        ).all()
        told = facts_of(s, claimed(s, event_id))
    assert view is not None
    assert (view.previous_case_no, view.outcome, view.refusal_ground) == (first, "accept", "not_in_remit")
    assert receipt.heading.startswith("收件凭证")
    text = _text(receipt.pdf, tmp_path / "receipt.pdf")
    assert "受本机关委托" not in text
    assert f"{HEALTH}审批业务专用章" not in text
    assert _said(sessions, taken.case_no) == ("已收件", "已收件")
    assert (told["event.kind"], told["case.accepted_on"], told["case.refusal_ground"]) == ("received", "", "")


def test_an_agreement_that_covers_the_refusal_refuses_in_the_departments_name_insisting_or_not(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, tmp_path: Path
) -> None:
    """Under an agreement for 受理 and 不予受理 the window's 第二项 is the 卫健委's act with its remedy: the answer
    changes nothing, the paper is its 不予受理通知书."""
    request = _accept_only(sessions, desk, platform, tmp_path / "keys")
    with sessions.begin() as s:
        set_entrustment(s, desk, "XAM01", ITEM, ENTRUSTMENT, ACCEPT_ONLY | {EntrustedAct.REFUSE})
    number = _insisting(sessions, desk, request)
    with sessions.begin() as s:
        notice = make_document(s, desk, number, DocumentKind.REFUSAL, TODAY)
        view = case_view(s, number)
    assert view is not None
    assert view.status is CaseStatus.REFUSED
    text = _text(notice.pdf, tmp_path / "refusal.pdf")
    assert "不予受理通知书" in text
    assert "受本机关委托" in text
    assert _told(sessions)["event.kind"] == "refused"


def _items(session: Session, number: str) -> tuple[Item, ...]:
    view = case_view(session, number)
    assert view is not None
    stored = current_guide(session, DOCTOR)
    assert stored is not None
    return tuple(stored.bundle.for_case(dict(view.answers)).items)
