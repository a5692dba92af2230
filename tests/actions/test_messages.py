"""Messages to applicants are queued with the step they tell of: in its transaction, once, only where they can go."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import decide_item
from counter.actions.cases.documents import make_document
from counter.actions.intake.same_day import finish_same_day
from counter.actions.intake.take import take_intake
from counter.actions.outbox.messages import queue_reminders, save_gateway, sms_promised
from counter.case.hand_over import HandOverRequest, HandOverWay
from counter.db import models
from counter.db.outbox_store import GATEWAY_KEY, moment_text, word
from counter.db.settings_store import get_setting, mark_training
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.outbox.secret_shown import stored_json
from counter.sms.gateway import GatewayProblem, GatewaySettings
from counter.sms.gateway_refused import GatewayRefused
from tests.actions.conftest import TODAY
from tests.actions.test_hand_over import AGENT_ID, PICKUP, decide, hand
from tests.actions.test_intake_actions import ID, applicant, full_request, take
from tests.actions.test_item_decisions import OTHERS, deferred_case
from tests.actions.test_item_steps import ITEMS, at
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTERED
from tests.same_day_catalog import add_immediate_guide
from tests.sms_gateway import SECRET

GATEWAY = GatewaySettings("https://127.0.0.1:9/sms/send", "hall", SECRET)

ENTRUSTED_RESTAURANT = True  # its departments' items decided at the window under their 授权 (tests/actions/conftest.py)


def outbox(sessions: sessionmaker[Session]) -> list[models.OutboxMessage]:
    with sessions() as s:
        rows = list(s.scalars(select(models.OutboxMessage).order_by(models.OutboxMessage.id)))
        s.expunge_all()
        return rows


@pytest.fixture
def gateway(sessions: sessionmaker[Session], desk: Desk) -> GatewaySettings:
    with sessions.begin() as s:
        save_gateway(s, GATEWAY, desk=desk)
    return GATEWAY


@pytest.mark.usefixtures("gateway")
def test_an_intake_queues_its_message_keyed_by_its_history_line(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    (message,) = outbox(sessions)
    with sessions() as s:
        case = s.scalars(select(models.Case).where(models.Case.case_no == number)).one()
        line = s.scalars(select(models.CaseHistory).where(models.CaseHistory.case_id == case.id)).one()
        assert message.key == f"{case.uid}:taken:{moment_text(line.at)}"
    assert moment_text(line.at).startswith(TODAY.isoformat()[:4])
    assert (message.case_id, message.kind, message.phone) == (case.id, "accepted", "13904821111")
    assert message.state == "waiting"
    assert message.text == ""  # worded when the sender first claims it


@pytest.mark.usefixtures("gateway")
def test_a_rolled_back_intake_leaves_no_message(sessions: sessionmaker[Session], desk: Desk) -> None:
    request = full_request(sessions)
    queued = []

    def intake_then_power_cut() -> None:
        with sessions.begin() as s:
            take_intake(s, desk, request, TODAY, office_calendar(s))
            queued.append(s.scalar(select(func.count()).select_from(models.OutboxMessage)))
            raise RuntimeError("the desk lost its power before COMMIT")

    with pytest.raises(RuntimeError):
        intake_then_power_cut()
    assert queued == [1]  # queued with the intake, in its transaction
    assert outbox(sessions) == []
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(models.Case)) == 0


def test_without_a_gateway_nothing_is_queued_and_nothing_promised(sessions: sessionmaker[Session], desk: Desk) -> None:
    take(sessions, desk, full_request(sessions))
    assert outbox(sessions) == []
    with sessions() as s:
        assert not sms_promised(s)


@pytest.mark.usefixtures("gateway")
def test_without_a_phone_nothing_is_queued(sessions: sessionmaker[Session], desk: Desk) -> None:
    silent = Parties(Applicant(ApplicantKind.PERSON, "巴特尔", ID, "", "乌兰浩特市五一街"))
    take(sessions, desk, full_request(sessions, silent))
    assert outbox(sessions) == []
    told = dataclasses.replace(applicant(), notify_phone="13800000000")
    take(sessions, desk, full_request(sessions, told))
    assert [m.phone for m in outbox(sessions)] == ["13800000000"]  # the notify phone before the applicant's


def test_a_gateway_set_or_emptied_is_seen_by_the_next_line(sessions: sessionmaker[Session], desk: Desk) -> None:
    """Every history line asks whether the hall has a gateway: without one no message is queued; one set, or
    emptied, later counts from the next line on."""
    for _ in range(2):
        take(sessions, desk, full_request(sessions))
    assert outbox(sessions) == []
    with sessions.begin() as s:
        save_gateway(s, GATEWAY, desk=desk)
    for _ in range(2):
        take(sessions, desk, full_request(sessions))
    assert len(outbox(sessions)) == 2
    with sessions.begin() as s:
        save_gateway(s, GatewaySettings(), desk=desk)
        assert not sms_promised(s)
    take(sessions, desk, full_request(sessions))
    assert len(outbox(sessions)) == 2


def test_the_gateways_settings_are_checked_kept_and_promise_the_sms(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    with sessions.begin() as s, pytest.raises(GatewayRefused) as refused:
        save_gateway(s, GatewaySettings("sms.example", "hall", ""), desk=desk)
    assert refused.value.problems == (GatewayProblem.BAD_ENDPOINT, GatewayProblem.NO_SECRET)
    with sessions.begin() as s:
        save_gateway(s, GATEWAY, desk=desk)
    with sessions() as s:
        assert sms_promised(s)
        trail = s.scalars(select(models.AuditEntry.detail).where(models.AuditEntry.subject == GATEWAY_KEY)).one()
        assert SECRET not in trail  # the secret never enters the audit trail
        assert get_setting(s, GATEWAY_KEY) == stored_json(GATEWAY)


@pytest.mark.usefixtures("gateway")
@pytest.mark.parametrize("item_message_sent", [True, False])
def test_a_decision_tells_its_item_and_the_last_ones_tell_ready_instead(
    sessions: sessionmaker[Session], desk: Desk, item_message_sent: bool
) -> None:
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        decide_item(s, desk, number, OTHERS[0], approve=True, text="JY-1", entered=ENTERED)
    accepted, granted = outbox(sessions)
    assert (accepted.kind, granted.kind, granted.item_code) == ("accepted", "item_granted", OTHERS[0])
    if item_message_sent:  # worded: a sender has it
        with sessions.begin() as s:
            word(s, granted.id, "…")
    with sessions.begin() as s:  # the last decisions at once: their 办结 tells the one message
        for code in ("152201-YJS008-02", *OTHERS[1:]):
            decide_item(s, desk, number, code, approve=True, entered=ENTERED)
    kinds = [m.kind for m in outbox(sessions)]
    # an item message no sender has taken yet is taken back: "ready" says it all
    assert kinds == (["accepted", "item_granted", "ready"] if item_message_sent else ["accepted", "ready"])


def test_a_same_day_case_told_only_of_its_acceptance(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as s:
        immediate = add_immediate_guide(s)
        save_gateway(s, GATEWAY, desk=desk)
    from counter.actions.site.demo import complete_checklist, fresh_checklist
    from counter.case.intake_request import IntakeRequest

    checklist = complete_checklist(immediate.bundle, fresh_checklist(immediate))
    number = take(sessions, desk, IntakeRequest(checklist, applicant()))
    with sessions.begin() as s:
        finish_same_day(s, desk, number, TODAY)  # decided and handed over to the applicant standing there
    assert [m.kind for m in outbox(sessions)] == ["accepted"]


@pytest.mark.usefixtures("gateway")
def test_a_deferral_coming_due_is_reminded_once_per_due_date(sessions: sessionmaker[Session], desk: Desk) -> None:
    number, due = deferred_case(sessions, desk)
    early = due - dt.timedelta(days=10)
    with sessions.begin() as s:
        assert queue_reminders(s, early, at(early)) == 0  # not within two working days yet
    with sessions.begin() as s:
        assert queue_reminders(s, due, at(due)) == 1
    with sessions.begin() as s:
        assert queue_reminders(s, due, at(due)) == 0  # the same deferral and date: once
    reminders = [m for m in outbox(sessions) if m.kind == "deferral_due"]
    assert [(m.due_on, m.key.endswith(f":deferral_due:{due.isoformat()}")) for m in reminders] == [(due, True)]
    with sessions.begin() as s:
        late = due + dt.timedelta(days=1)
        assert queue_reminders(s, late, at(late)) == 0  # overdue: the supervisor's, not a reminder
    assert number


@pytest.mark.usefixtures("gateway")
def test_a_deferral_coming_due_of_an_applicant_without_a_phone_is_not_reminded(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """No phone given at the intake: no reminder queued to nobody, and the one of a case with a phone still is."""
    silent = Parties(Applicant(ApplicantKind.PERSON, "巴特尔", ID, "", "乌兰浩特市五一街"))
    request = full_request(sessions, silent)
    missing = record(request.checklist, "M08", Receipt.MISSING)
    take(sessions, desk, dataclasses.replace(request, checklist=missing, deferral=DeferralRequest(True, True)))
    number, due = deferred_case(sessions, desk)
    with sessions.begin() as s:
        assert queue_reminders(s, due, at(due)) == 1
    reminders = [m for m in outbox(sessions) if m.kind == "deferral_due"]
    assert [m.phone for m in reminders] == [applicant().applicant.phone]
    assert number


def test_the_receipt_promises_an_sms_only_where_one_will_go_and_a_reprint_says_what_it_said(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    def receipt(number: str) -> str:
        with sessions.begin() as s:
            made = make_document(s, desk, number, DocumentKind.RECEIPT, TODAY)
        path = tmp_path / f"{made.doc_no}.pdf"
        path.write_bytes(made.pdf)
        return pdf_text(path)

    before = take(sessions, desk, full_request(sessions))
    unpromised = receipt(before)
    assert "可拨打咨询电话查询办理进度和结果" in unpromised  # no progress page set: no code to scan
    assert "短信告知" not in unpromised
    with sessions.begin() as s:
        save_gateway(s, GATEWAY, desk=desk)
    after = take(sessions, desk, full_request(sessions))
    assert "办理进度和结果将以短信告知" in receipt(after)
    assert receipt(before) == unpromised  # the reprint: no promise it did not make
    silent = Parties(Applicant(ApplicantKind.PERSON, "巴特尔", ID, "", "乌兰浩特市五一街"))
    assert "短信告知" not in receipt(take(sessions, desk, full_request(sessions, silent)))  # no phone to tell


@pytest.mark.usefixtures("gateway")
@pytest.mark.parametrize(
    ("request_", "kind", "tracking"),
    [
        (HandOverRequest(HandOverWay.POST, carrier="EMS", tracking_no="EA123456789CN"), "posted", "EA123456789CN"),
        (HandOverRequest(HandOverWay.ELECTRONIC, address="batu@example.cn"), "sent_online", ""),
        (PICKUP, None, ""),  # collected at the window: the one who collects needs no message
    ],
)
def test_a_hand_over_tells_how_the_results_went_and_takes_back_the_ready_message(
    sessions: sessionmaker[Session], desk: Desk, request_: HandOverRequest, kind: str | None, tracking: str
) -> None:
    number = take(sessions, desk, full_request(sessions))
    decide(sessions, desk, number, ITEMS, approve=True)
    assert [m.kind for m in outbox(sessions)] == ["accepted", "ready"]
    hand(sessions, desk, number, request_)
    told = [(m.kind, m.tracking) for m in outbox(sessions)]
    assert told == [("accepted", ""), *([(kind, tracking)] if kind else [])]  # "ready" unsent: taken back
    assert all(AGENT_ID not in m.key + m.tracking for m in outbox(sessions))


def test_a_training_database_tells_nobody(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as s:
        save_gateway(s, GATEWAY, desk=desk)  # a copy of a hall's database, say, opened for training
        mark_training(s)
    take(sessions, desk, full_request(sessions))
    assert outbox(sessions) == []
    with sessions() as s:
        assert not sms_promised(s)
