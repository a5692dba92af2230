"""A department's own papers of an item the hall only received: its 受理通知书, issued by its 签收.

048 (养老保险关系转移接续) in the received standing: the hall's 收件凭证 accepts nothing, so the 社会保险事业服务中心's
签收 is the 受理 (行政许可法 第三十二条第二款: 书面凭证, 专用印章, 注明日期).  The paper is the department's, dated the
day it signed, with the dates that run from it; where the promise moved from the one the 收件凭证 printed, it says
so; it is kept and reprinted byte for byte, at the department's desk or the window's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document
from counter.actions.cases.hand_over import hand_over_results
from counter.actions.cases.item_papers import make_item_paper
from counter.actions.cases.item_steps import item_standings, route_items, take_item_step
from counter.actions.intake.take import take_intake
from counter.actions.outbox.messages import save_gateway
from counter.actions.site.demo import complete_checklist
from counter.case.decisions import DecisionRefused
from counter.case.hand_over import HandOverRequest, HandOverWay
from counter.case.intake_request import IntakeRequest
from counter.case.item_path import ItemEvent, StepProblem, StepRefused
from counter.case.item_step_request import StepRequest
from counter.db import models
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind, DocumentProblem, record_kind
from counter.documents.model import DocumentNotPossible
from counter.intake.checklist import start_checklist
from counter.platform.events import PlatformKind
from counter.sms.kinds import MessageKind
from counter.sms.texts import BODY
from tests.actions.test_intake_actions import applicant
from tests.actions.test_item_steps import at
from tests.actions.test_messages import GATEWAY
from tests.actions.test_platform import configure
from tests.actions.test_platform_case import Sender
from tests.actions.test_platform_licence import held_of_kind
from tests.audit.conftest import ACTORS, desk_of
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import entrust_in
from tests.platform_stub import running_platform

TRANSFER, PENSION = "XAM-YJS-048", "152201-YJS048-01"
CENTRE = "乌兰浩特市社会保险事业服务中心"
STAFF = Actor("saran", "萨仁", frozenset({Role.DEPARTMENT}))
NO_MEDICAL = {"medical": "no", "agent": "self"}
#: a Friday; the centre signs for the item the Tuesday after, so its promise runs two working days later
RECEIVED = dt.date(2026, 11, 20)
SIGNED = dt.date(2026, 11, 24)


def accounts(sessions: sessionmaker[Session]) -> None:
    """The window's clerk, and the centre's staff member with her department."""
    clerk = ACTORS[Role.CLERK]
    with sessions.begin() as s:
        s.add(models.Account(login=clerk.login, name=clerk.name, roles="clerk", password_hash="x", department=""))
        s.add(models.Account(login=STAFF.login, name=STAFF.name, roles="department", password_hash="x",
                             department=CENTRE))  # fmt: skip


def taken(sessions: sessionmaker[Session], desk: Desk) -> str:
    with sessions.begin() as s:
        save_gateway(s, GATEWAY, desk=desk)
    with sessions() as s:
        stored = current_guide(s, TRANSFER)
    assert stored is not None
    checklist = complete_checklist(
        stored.bundle, start_checklist(stored.bundle, NO_MEDICAL, guide_version=stored.version_id)
    )
    with sessions.begin() as s:
        return take_intake(s, desk, IntakeRequest(checklist, applicant()), RECEIVED, office_calendar(s)).case_no


def signed(sessions: sessionmaker[Session], number: str) -> None:
    """Routed at the window on the intake day, signed for by the centre's staff on :data:`SIGNED`."""
    with sessions.begin() as s:
        route_items(s, desk_of(ACTORS[Role.CLERK]), number, at(RECEIVED))
    with sessions.begin() as s:
        take_item_step(s, desk_of(STAFF), number, PENSION, StepRequest(ItemEvent.SIGNED), at(SIGNED))


def paper_text(pdf: bytes, folder: Path) -> str:
    path = folder / "acceptance.pdf"
    path.write_bytes(pdf)
    return pdf_text(path)


def test_the_centres_signing_issues_its_acceptance_in_its_name_and_date(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = taken(sessions, desk)
    accounts(sessions)
    signed(sessions, number)
    with sessions() as s:
        view = case_view(s, number)
        assert view is not None
        stored = s.scalars(
            select(models.DocumentRecord).where(models.DocumentRecord.kind == record_kind(DocumentKind.ACCEPTANCE, 1))
        ).one()  # issued by the 签收 itself, in the centre's series, on its day
        [pension] = [i for i in item_standings(s, number, SIGNED) if i.code == PENSION]
    assert stored.issued_on == SIGNED
    assert pension.promised_due is not None
    assert view.promised_on is not None
    assert pension.promised_due.date != view.promised_on  # the 收件凭证 counted from the intake: the promise moved
    with sessions.begin() as s:
        made = make_item_paper(s, desk_of(STAFF), number, PENSION, DocumentKind.ACCEPTANCE, SIGNED)
    assert made.reprint
    assert made.doc_no == stored.doc_no
    text = paper_text(made.pdf, tmp_path)
    assert "受理通知书" in text
    assert f"{CENTRE}审批业务专用章或部门公章" in text  # its seal, not the hall's
    assert "本中心于2026年11月24日予以受理" in text
    receipt, promised = (f"{d.year}年{d.month}月{d.day}日" for d in (view.promised_on, pension.promised_due.date))
    assert "受理日期2026年11月24日" in text
    assert f"{promised}（自受理之日起30个工作日）" in text
    assert f"承诺办结日期{receipt}" in text  # the 收件凭证's, and this paper's own
    assert f"承诺办结日期为{promised}，以本通知书为准" in text
    # the applicant is told by SMS, with the date now promised
    with sessions() as s:
        [message] = s.scalars(
            select(models.OutboxMessage).where(models.OutboxMessage.kind == MessageKind.ITEM_ACCEPTED.value)
        ).all()
    assert message.item_code == PENSION
    assert message.due_on == pension.promised_due.date
    # the window's reprint is the same paper, byte for byte
    with sessions.begin() as s:
        again = make_document(s, desk_of(ACTORS[Role.CLERK]), number, DocumentKind.ACCEPTANCE, RECEIVED, PENSION)
    assert again.pdf == made.pdf


def test_the_platform_hears_the_centres_acceptance_as_the_centres_with_its_date(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        number = taken(sessions, desk)
        accounts(sessions)
        signed(sessions, number)
        with sessions() as s:
            [pension] = [i for i in item_standings(s, number, SIGNED) if i.code == PENSION]
            doc_no = s.scalars(
                select(models.DocumentRecord.doc_no).where(
                    models.DocumentRecord.kind == record_kind(DocumentKind.ACCEPTANCE, 1)
                )
            ).one()
        Sender(sessions, keys).due_now()
        held = held_of_kind(platform, PlatformKind.ITEM_ACCEPTED)
    assert pension.promised_due is not None
    assert held["accept_dept"] == CENTRE  # the department's act, not the hall's
    assert held["accepted_item_code"] == PENSION
    assert held["dept_accept_date"] == SIGNED.isoformat()
    assert held["dept_promise_date"] == pension.promised_due.date.isoformat()
    assert held["dept_accept_doc_no"] == doc_no


def test_another_departments_staff_cannot_make_the_centres_paper(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = taken(sessions, desk)
    accounts(sessions)
    signed(sessions, number)
    with sessions.begin() as s, pytest.raises(DecisionRefused):
        make_item_paper(s, desk_of(ACTORS[Role.CLERK]), number, PENSION, DocumentKind.ACCEPTANCE, SIGNED)


def test_no_paper_before_the_centre_signs(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = taken(sessions, desk)
    accounts(sessions)
    with sessions.begin() as s:
        route_items(s, desk_of(ACTORS[Role.CLERK]), number, at(RECEIVED))
    with sessions.begin() as s, pytest.raises(DocumentNotPossible) as raised:
        make_item_paper(s, desk_of(STAFF), number, PENSION, DocumentKind.ACCEPTANCE, SIGNED)
    assert raised.value.problems == (DocumentProblem.NOT_SIGNED,)


def test_an_item_accepted_at_the_window_gets_no_department_acceptance(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    entrust_in(owner, desk, PENSION)  # the window accepted it in the centre's name: its 受理凭证 is the 受理
    number = taken(sessions, desk)
    signed_at_window = desk
    with sessions.begin() as s:
        route_items(s, desk, number, at(RECEIVED))
    with sessions.begin() as s:
        take_item_step(s, signed_at_window, number, PENSION, StepRequest(ItemEvent.SIGNED), at(SIGNED))
    with sessions.begin() as s, pytest.raises(DocumentNotPossible) as raised:
        make_document(s, desk, number, DocumentKind.ACCEPTANCE, SIGNED, PENSION)
    assert raised.value.problems == (DocumentProblem.ACCEPTED_AT_WINDOW,)


REFUSED_WHY = "申请人原参保地不属于本统筹地区，养老保险关系转移接续应向转入地经办机构申请。"


def refuse(sessions: sessionmaker[Session], number: str, day: dt.date, desk: Desk | None = None) -> None:
    """The centre's staff refuse to accept the item (不予受理) instead of signing for it."""
    request = StepRequest(ItemEvent.REFUSED, reason=REFUSED_WHY)
    with sessions.begin() as s:
        take_item_step(s, desk or desk_of(STAFF), number, PENSION, request, at(day))


def routed(sessions: sessionmaker[Session], number: str) -> None:
    with sessions.begin() as s:
        route_items(s, desk_of(ACTORS[Role.CLERK]), number, at(RECEIVED))


def test_the_centres_refusal_prints_in_its_name_with_its_remedy_and_tells_the_applicant(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = taken(sessions, desk)
    accounts(sessions)
    routed(sessions, number)
    refuse(sessions, number, SIGNED)
    with sessions() as s:
        stored = s.scalars(
            select(models.DocumentRecord).where(models.DocumentRecord.kind == record_kind(DocumentKind.ITEM_REFUSAL, 1))
        ).one()  # issued by the refusal itself, on its day
        [message] = s.scalars(
            select(models.OutboxMessage).where(models.OutboxMessage.kind == MessageKind.ITEM_REFUSED.value)
        ).all()
        view = case_view(s, number)
    assert view is not None
    assert stored.issued_on == SIGNED
    assert message.item_code == PENSION
    assert "不予受理通知书" in BODY[MessageKind(message.kind)]
    with sessions.begin() as s:
        made = make_item_paper(s, desk_of(STAFF), number, PENSION, DocumentKind.ITEM_REFUSAL, SIGNED)
    assert made.reprint
    text = paper_text(made.pdf, tmp_path)
    assert "不予受理通知书" in text
    assert f"{CENTRE}审批业务专用章或部门公章" in text  # its seal, not the hall's
    assert "本中心于2026年11月24日决定不予受理" in text
    assert REFUSED_WHY in text
    assert "申请行政复议" in text  # 社会保险法 第八十三条: 复议 or 诉讼
    assert "提起行政诉讼" in text
    assert "应当先" not in text  # no 复议前置: a refusal to accept decides no tax
    assert "退还" not in text
    assert view.decisions()[PENSION].not_accepted  # closed, and no 不予批准 of it
    with sessions.begin() as s, pytest.raises(DocumentNotPossible) as no_denial:
        make_item_paper(s, desk_of(STAFF), number, PENSION, DocumentKind.DENIAL, SIGNED)
    assert no_denial.value.problems == (DocumentProblem.NOT_DENIED,)


def test_the_centre_refuses_before_it_signs_never_after(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = taken(sessions, desk)
    accounts(sessions)
    signed(sessions, number)
    with pytest.raises(StepRefused) as after:  # accepted: what follows is a 不予批准, not a refusal to accept
        refuse(sessions, number, SIGNED)
    assert after.value.problem is StepProblem.WRONG_STATE


def test_an_item_accepted_at_the_window_is_not_refused_by_its_department(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    entrust_in(owner, desk, PENSION)  # the window accepted it in the centre's name
    number = taken(sessions, desk)
    with sessions.begin() as s:
        route_items(s, desk, number, at(RECEIVED))
    with pytest.raises(StepRefused) as raised:
        refuse(sessions, number, SIGNED, desk)
    assert raised.value.problem is StepProblem.ACCEPTED_AT_WINDOW


def test_the_platform_hears_the_centres_refusal_as_the_centres_with_its_code(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        number = taken(sessions, desk)
        accounts(sessions)
        routed(sessions, number)
        refuse(sessions, number, SIGNED)
        Sender(sessions, keys).due_now()
        held = held_of_kind(platform, PlatformKind.ITEM_DECIDED)
    assert held["decided_item_code"] == PENSION
    assert held["decided_dept"] == CENTRE  # the department's act, not the hall's
    assert held["decided_date"] == SIGNED.isoformat()
    assert held["item_result"] == "3"  # 不予受理, apart from 不予批准 ("2")
    assert held["item_result_note"] == REFUSED_WHY


def test_the_refused_item_is_handed_over_with_its_own_notice(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """统一出件 of an item its department refused to accept: its 不予受理通知书 goes with it, never a 不予批准决定书."""
    number = taken(sessions, desk)
    accounts(sessions)
    routed(sessions, number)
    refuse(sessions, number, SIGNED)
    with sessions() as s:
        notice = s.scalars(
            select(models.DocumentRecord.doc_no).where(
                models.DocumentRecord.kind == record_kind(DocumentKind.ITEM_REFUSAL, 1)
            )
        ).one()
    request = HandOverRequest(HandOverWay.PICKUP, recipient="孟根", id_no="152201198507160010", items=(PENSION,))
    with sessions.begin() as s:
        handed = hand_over_results(s, desk_of(ACTORS[Role.CLERK]), number, request, at(SIGNED))
    with sessions() as s:
        kinds = set(s.scalars(select(models.DocumentRecord.kind)))
    assert record_kind(DocumentKind.DENIAL, 1) not in kinds
    [item] = handed.hand_over.items
    assert (item.code, item.granted, item.paper_no) == (PENSION, False, notice)
    text = paper_text(handed.service_receipt.pdf, tmp_path)  # the 送达回证 names the paper handed over
    assert "不予受理通知书" in text
    assert "不予批准决定书" not in text
