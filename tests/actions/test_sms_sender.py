"""The sender against a real HTTP server playing the hall's gateway: delivered once, retried, failed for good."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.outbox.messages import (
    BATCH,
    message_list,
    queue_reminders,
    retry_message,
    save_gateway,
    send_due,
)
from counter.db import models
from counter.host.keys.data_key import sm4_key_path
from counter.host.machine.paths import site_key_path
from counter.host.outward.sms_gateway import Answer, SmsRequest, post_message
from counter.outbox.reasons import UNOPENED_PHONE
from counter.outbox.rules import SendRound, claim_lease, request_key
from counter.sms.gateway import GatewaySettings
from tests.actions.senders import Clock, Writes
from tests.actions.test_intake_actions import ID, full_request, take
from tests.actions.test_item_decisions import deferred_case
from tests.actions.test_item_steps import at
from tests.db.test_personal_sealing import damaged, put_back
from tests.sms_gateway import SECRET, STALL, Gateway, running_gateway


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    with running_gateway() as gateway:
        yield gateway


def configure(
    sessions: sessionmaker[Session],
    desk: Desk,
    gateway: Gateway,
    *,
    endpoint: str = "",
    timeout: float = 5,
    attempts: int = 4,
    templates: dict[str, str] | None = None,
) -> GatewaySettings:
    settings = GatewaySettings(endpoint or gateway.url, "hall", SECRET, "", timeout, attempts, templates or {})
    with sessions.begin() as s:
        save_gateway(s, settings, desk=desk)
    return settings


def messages(sessions: sessionmaker[Session]) -> list[models.OutboxMessage]:
    with sessions() as s:
        rows = list(s.scalars(select(models.OutboxMessage).order_by(models.OutboxMessage.id)))
        s.expunge_all()
        return rows


def test_a_message_is_delivered_signed_with_its_key_its_case_number_and_no_id_number(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    configure(sessions, desk, gateway, templates={"accepted": "SMS_0001"})
    number = take(sessions, desk, full_request(sessions))
    clock = Clock()
    assert send_due(Writes(sessions), clock=clock) == SendRound(sent=1)
    (message,) = messages(sessions)
    (request,) = gateway.requests
    assert gateway.bad_signatures == 0
    assert (message.state, message.attempts, message.gateway_id) == ("sent", 1, "GW0001")
    assert message.sent_at is not None
    assert request["idempotency_key"] == request["request_id"] == request_key(message.key)
    assert (request["phone"], request["account"], request["template_id"]) == ("13904821111", "hall", "SMS_0001")
    assert request["content"] == message.text
    assert number in message.text
    assert message.text.startswith("【兴安盟政务服务中心】")  # no signature set: the office's name
    assert request["params"]["case_no"] == number
    assert ID not in str(request)
    assert send_due(Writes(sessions), clock=clock) == SendRound()  # nothing twice
    assert len(gateway.requests) == 1


def test_a_gateway_error_is_retried_after_its_wait_and_delivered_once(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    configure(sessions, desk, gateway)
    take(sessions, desk, full_request(sessions))
    gateway.script = [500]
    clock = Clock()
    assert send_due(Writes(sessions), clock=clock) == SendRound(waiting=1)
    (message,) = messages(sessions)
    assert (message.state, message.attempts, message.last_error[:8]) == ("waiting", 1, "HTTP 500")
    clock.advance(seconds=29)
    assert send_due(Writes(sessions), clock=clock) == SendRound()  # its first wait is thirty seconds
    clock.advance(seconds=1)
    assert send_due(Writes(sessions), clock=clock) == SendRound(sent=1)
    (message,) = messages(sessions)
    assert (message.state, message.attempts, message.last_error) == ("sent", 2, "")
    assert len(gateway.requests) == 2
    assert gateway.requests[0]["content"] == gateway.requests[1]["content"]  # the same words each time
    assert gateway.deliveries() == [request_key(message.key)]


@pytest.mark.slow  # about a second alone: in the full run, not the quick tier
def test_a_gateway_that_does_not_answer_in_time_is_tried_again(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    configure(sessions, desk, gateway, timeout=1)
    take(sessions, desk, full_request(sessions))
    gateway.script = [STALL]
    clock = Clock()
    assert send_due(Writes(sessions), clock=clock) == SendRound(waiting=1)
    (message,) = messages(sessions)
    assert (message.state, message.last_error) == ("waiting", "timeout after 1 s")
    clock.advance(minutes=1)
    assert send_due(Writes(sessions), clock=clock) == SendRound(sent=1)


def test_a_repeat_after_a_crash_between_send_and_mark_is_dropped_by_the_idempotency_key(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    settings = configure(sessions, desk, gateway)
    take(sessions, desk, full_request(sessions))
    clock = Clock()

    def crash_after_sending(request: SmsRequest) -> Answer:
        post_message(request)
        raise SystemExit("killed before the mark")

    with pytest.raises(SystemExit):
        send_due(Writes(sessions), clock=clock, post=crash_after_sending)
    (message,) = messages(sessions)
    assert (message.state, gateway.deliveries()) == ("sending", [request_key(message.key)])  # delivered, never marked
    assert send_due(Writes(sessions), clock=clock) == SendRound()  # another sender leaves it while it is claimed
    lease = claim_lease(settings.timeout, BATCH)
    clock.advance(seconds=lease.total_seconds() - 1)
    assert send_due(Writes(sessions), clock=clock) == SendRound()  # the claim holds through the batch's attempts
    clock.advance(seconds=1)  # the claim's lease ran out
    assert send_due(Writes(sessions), clock=clock) == SendRound(sent=1)
    (message,) = messages(sessions)
    assert (message.state, message.gateway_id, message.attempts) == ("sent", "GW0001", 2)
    assert [r["idempotency_key"] for r in gateway.requests] == [request_key(message.key)] * 2
    assert gateway.deliveries() == [request_key(message.key)]  # the applicant got it once


def test_a_message_that_keeps_failing_waits_in_the_failed_list_until_a_supervisor_retries_it(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    configure(sessions, desk, gateway, attempts=3)
    number = take(sessions, desk, full_request(sessions))
    gateway.script = [503, 502, 500]
    clock = Clock()
    rounds = []
    for _ in range(3):
        rounds.append(send_due(Writes(sessions), clock=clock))
        clock.advance(hours=1)
    assert rounds == [SendRound(waiting=1), SendRound(waiting=1), SendRound(failed=1)]
    assert send_due(Writes(sessions), clock=clock) == SendRound()  # failed for good: no more attempts
    with sessions() as s:
        (failed,) = message_list(s, desk, failed_only=True)
    assert (failed.case_no, failed.state, failed.attempts, failed.phone) == (number, "failed", 3, "139****1111")
    assert failed.last_error.startswith("HTTP 500")
    with sessions.begin() as s:
        assert retry_message(s, desk, failed.id)
        assert not retry_message(s, desk, failed.id)  # waiting again, not failed
    assert send_due(Writes(sessions), clock=clock) == SendRound(sent=1)
    assert gateway.deliveries() == [request_key(messages(sessions)[0].key)]


def test_a_refusal_that_waiting_cannot_change_fails_at_once(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    configure(sessions, desk, gateway)
    take(sessions, desk, full_request(sessions))
    gateway.script = [400]
    assert send_due(Writes(sessions), clock=Clock()) == SendRound(failed=1)
    assert messages(sessions)[0].state == "failed"


def test_no_gateway_listening_is_tried_again(sessions: sessionmaker[Session], desk: Desk, gateway: Gateway) -> None:
    configure(sessions, desk, gateway, endpoint="https://127.0.0.1:9/closed")
    take(sessions, desk, full_request(sessions))
    assert send_due(Writes(sessions), clock=Clock()) == SendRound(waiting=1)
    assert messages(sessions)[0].last_error.startswith("no connection")


def test_two_senders_at_once_never_send_one_message_twice(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    configure(sessions, desk, gateway)
    for _ in range(12):
        take(sessions, desk, full_request(sessions))
    start = threading.Barrier(2)
    rounds: list[SendRound] = []

    def sender() -> None:
        start.wait()
        rounds.append(send_due(Writes(sessions), clock=Clock(), batch=2))

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r.sent for r in rounds) == 12
    keys = [r["idempotency_key"] for r in gateway.requests]
    assert len(keys) == len(set(keys)) == 12
    assert {m.state for m in messages(sessions)} == {"sent"}


def test_a_reminder_whose_date_passed_while_the_gateway_was_down_is_not_sent(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    configure(sessions, desk, gateway)
    _number, due = deferred_case(sessions, desk)
    with sessions.begin() as s:
        queue_reminders(s, due, at(due))
    clock = Clock()
    clock.now = max(clock.now, dt.datetime.combine(due + dt.timedelta(days=1), dt.time(9), tzinfo=dt.UTC))
    assert send_due(Writes(sessions), clock=clock) == SendRound(sent=1, failed=1)  # the acceptance, the reminder
    reminder = next(m for m in messages(sessions) if m.kind == "deferral_due")
    assert (reminder.state, reminder.last_error) == ("failed", f"expired: due {due.isoformat()}")
    assert [r["content"] for r in gateway.requests if "容缺" in r["content"]] == []


def test_a_message_whose_phone_its_data_key_cannot_open_fails_by_name_and_is_sent_once_the_key_is_back(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    """The hall's data key damaged after the intake: the queued phone reads as （已加密）, which went to the gateway
    as the number and was marked sent, the applicant told nothing.  The message fails with why, sending nothing,
    and a retry once the key is put back delivers it."""
    configure(sessions, desk, gateway)
    take(sessions, desk, full_request(sessions))
    key_file = sm4_key_path(site_key_path(), 1)
    kept = key_file.read_bytes()
    damaged(key_file, "cut short")
    clock = Clock()
    assert send_due(Writes(sessions), clock=clock) == SendRound(failed=1)
    (message,) = messages(sessions)
    assert (message.state, message.last_error) == ("failed", UNOPENED_PHONE)
    assert gateway.requests == []
    put_back(key_file, kept)
    with sessions.begin() as s:
        assert retry_message(s, desk, message.id)
    clock.past_now()
    assert send_due(Writes(sessions), clock=clock) == SendRound(sent=1)
    assert [r["phone"] for r in gateway.requests] == ["13904821111"]
