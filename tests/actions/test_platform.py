"""Reports to the region's platform: queued with their step, sent once under one key, through every fault.

On both databases, against a real HTTPS server playing the platform with its own CA (:mod:`tests.platform_stub`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.item_authority import set_item_held
from counter.actions.intake.take import take_intake
from counter.actions.outbox.platform import event_list, platform_settings, retry_event, save_platform, send_due
from counter.actions.outbox.platform_facts import facts_of
from counter.db import models
from counter.db.platform_store import PLATFORM_KEY, claimed
from counter.db.settings_store import mark_training, put_setting
from counter.host.outward.platform_client import Report, ReportRequest
from counter.outbox.rules import SendRound, request_key
from counter.outbox.secret_shown import stored_json
from counter.platform.mapping import SOURCES, mapping_file
from counter.platform.settings import PlatformProblem, PlatformSettings
from counter.platform.settings_refused import PlatformRefused
from counter.words.platform import platform_problem
from tests.actions.conftest import TODAY
from tests.actions.senders import Clock, Writes, post_report
from tests.actions.test_intake_actions import ID, full_request, take
from tests.actions.test_sms_secret import stored_everywhere
from tests.codings import CHOSEN, confirm_guides
from tests.platform_stub import DROP, MALFORMED, SECRET, SLOW, STALL, Platform, running_platform


@pytest.fixture
def platform() -> Iterator[Platform]:
    with running_platform() as platform:
        yield platform


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    return tmp_path / "keys"


def configure(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path, *, attempts: int = 4
) -> PlatformSettings:
    settings = PlatformSettings(
        True, platform.url, "hall", SECRET, 1.0, attempts, ca_file=platform.ca_file, codings=CHOSEN
    )
    with sessions.begin() as s:
        save_platform(s, settings, desk=desk, folder=keys)
        confirm_guides(s)
    return settings


def events(sessions: sessionmaker[Session]) -> list[models.PlatformEvent]:
    with sessions() as s:
        rows = list(s.scalars(select(models.PlatformEvent).order_by(models.PlatformEvent.id)))
        s.expunge_all()
        return rows


def sender(sessions: sessionmaker[Session], keys: Path, clock: Clock, **kw: object) -> SendRound:
    return send_due(Writes(sessions), clock=clock, folder=keys, **kw)  # type: ignore[arg-type]


def test_an_intake_queues_its_event_in_its_own_unit_of_work_and_nothing_without_reporting(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path
) -> None:
    take(sessions, desk, full_request(sessions))
    assert events(sessions) == []  # the site does not report
    configure(sessions, desk, platform, keys)
    number = take(sessions, desk, full_request(sessions))
    (event,) = events(sessions)
    assert (event.kind, event.event, event.state) == ("accepted", "taken", "waiting")
    with sessions() as s:
        uid = s.scalar(select(models.Case.uid).where(models.Case.case_no == number))
    assert event.key.startswith(f"{uid}:taken:")
    request = full_request(sessions)

    def cut_off() -> None:
        with sessions.begin() as s:
            take_intake(s, desk, request, TODAY, office_calendar(s))
            assert len(s.scalars(select(models.PlatformEvent.id)).all()) == 2
            raise ConnectionError("the desk lost its network before the commit")

    with pytest.raises(ConnectionError):  # an intake rolled back reports nothing
        cut_off()
    assert len(events(sessions)) == 1


def test_an_event_is_sent_signed_in_the_mapped_elements_under_its_key_and_once(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path
) -> None:
    configure(sessions, desk, platform, keys)
    number = take(sessions, desk, full_request(sessions))
    clock = Clock()
    assert sender(sessions, keys, clock) == SendRound(sent=1)
    (event,) = events(sessions)
    assert (event.state, event.attempts, event.platform_id) == ("sent", 1, "PF000001")
    (request,) = platform.requests
    assert platform.bad_signatures == 0
    assert request["idempotency_key"] == request["request_id"] == request_key(event.key)
    assert request["projid"] == number
    # the site holds no item: its window only received them, and accepted none (许可法 第二十六条)
    assert request["event_type"] == "收件"
    assert "accept_date" not in request  # the departments' 受理, each its own
    assert "promise_date" not in request
    assert request["applicant_cert_no"] == ID
    assert request["applicant_cert_type"] == "111"
    assert request["item_codes"].split(",") == [
        "152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03", "152201-YJS008-04",
    ]  # fmt: skip
    assert request["delivery_type"] == "1"  # 窗口领取
    assert sender(sessions, keys, clock) == SendRound()  # nothing twice
    assert len(platform.requests) == 1


def test_a_window_that_accepts_tells_its_acceptance_with_its_date_and_promise(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path
) -> None:
    """A 行政审批局 holding three items accepts them: its intake is a 受理, dated, with the promise; the tax office's
    item it only receives beside them."""
    configure(sessions, desk, platform, keys)
    admin = dataclasses.replace(desk, actor=dataclasses.replace(desk.actor, roles=frozenset({Role.ADMIN})))
    with sessions.begin() as s:
        for code in ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03"):
            set_item_held(s, admin, desk.identity.site_code, code, held=True)
    take(sessions, desk, full_request(sessions))
    assert sender(sessions, keys, Clock()) == SendRound(sent=1)
    (request,) = platform.requests
    assert request["event_type"] == "受理"
    assert request["accept_date"] == TODAY.isoformat()
    assert request["promise_date"]  # 承诺办结时间


@pytest.mark.slow
@pytest.mark.parametrize("fault", [500, 503, 429, STALL, MALFORMED])
def test_a_fault_is_retried_after_its_wait_and_the_platform_holds_the_event_once(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path, fault: int
) -> None:
    configure(sessions, desk, platform, keys)
    take(sessions, desk, full_request(sessions))
    platform.script = [fault]
    clock = Clock()
    assert sender(sessions, keys, clock) == SendRound(waiting=1)
    (event,) = events(sessions)
    assert (event.state, event.attempts) == ("waiting", 1)
    assert event.last_error
    assert sender(sessions, keys, clock) == SendRound()  # not before its wait
    clock.advance(seconds=31)
    assert sender(sessions, keys, clock) == SendRound(sent=1)
    assert len(platform.held) == 1  # a stalled or garbled answer's event was kept: the repeat is acknowledged
    assert {r["idempotency_key"] for r in platform.requests} == {request_key(event.key)}
    assert events(sessions)[0].state == "sent"


def test_a_slow_answer_within_the_timeout_is_a_sent_event(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path
) -> None:
    configure(sessions, desk, platform, keys)
    take(sessions, desk, full_request(sessions))
    platform.script = [SLOW]
    assert sender(sessions, keys, Clock()) == SendRound(sent=1)


def test_a_refusal_fails_for_good_into_the_supervisors_list_and_a_retry_sends_it(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path
) -> None:
    configure(sessions, desk, platform, keys)
    number = take(sessions, desk, full_request(sessions))
    platform.script = [400]
    clock = Clock()
    assert sender(sessions, keys, clock) == SendRound(failed=1)
    with sessions() as s:
        (row,) = event_list(s, desk, failed_only=True)
    assert (row.case_no, str(row.kind), row.state.value) == (number, "received", "failed")  # as told
    assert row.last_error.startswith("HTTP 400")
    with sessions.begin() as s:
        assert retry_event(s, desk, row.id)
        assert not retry_event(s, desk, row.id)  # waiting again, no longer failed
    clock.advance(seconds=1)  # queued again at the database's now, after the test's clock began
    assert sender(sessions, keys, clock) == SendRound(sent=1)
    assert len(platform.held) == 1


def test_attempts_run_out_into_the_failed_list(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path
) -> None:
    configure(sessions, desk, platform, keys, attempts=2)
    take(sessions, desk, full_request(sessions))
    platform.script = [500, 500]
    clock = Clock()
    assert sender(sessions, keys, clock) == SendRound(waiting=1)
    clock.advance(seconds=31)
    assert sender(sessions, keys, clock) == SendRound(failed=1)
    assert events(sessions)[0].state == "failed"
    assert platform.held == {}


def test_a_sender_killed_between_the_send_and_the_mark_sends_again_under_the_same_key(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path
) -> None:
    configure(sessions, desk, platform, keys)
    take(sessions, desk, full_request(sessions))

    def killed(request: ReportRequest) -> Report:
        post_report(request)
        raise SystemExit("killed after the platform took it")

    clock = Clock()
    with pytest.raises(SystemExit):
        sender(sessions, keys, clock, post=killed)
    (event,) = events(sessions)
    assert event.state == "sending"  # claimed, never marked
    assert sender(sessions, keys, clock) == SendRound()  # its lease holds
    clock.advance(minutes=10)
    assert sender(sessions, keys, clock) == SendRound(sent=1)
    assert len(platform.held) == 1
    assert len(platform.requests) == 2
    assert {r["idempotency_key"] for r in platform.requests} == {request_key(event.key)}


def test_a_platform_certificate_not_of_its_own_ca_sends_nothing(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path
) -> None:
    settings = PlatformSettings(True, platform.url, "hall", SECRET, 1.0, 4, codings=CHOSEN)  # the machine's CAs only
    with sessions.begin() as s:
        save_platform(s, settings, desk=desk, folder=keys)
        confirm_guides(s)
    take(sessions, desk, full_request(sessions))
    assert sender(sessions, keys, Clock()) == SendRound(waiting=1)
    assert platform.requests == []
    assert "CERTIFICATE_VERIFY_FAILED" in events(sessions)[0].last_error


def test_the_secret_is_kept_owner_only_beside_the_keys_and_the_endpoint_is_https_only(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path
) -> None:
    configure(sessions, desk, platform, keys)
    secret = keys / "platform.secret"
    assert secret.read_text(encoding="utf-8") == SECRET
    assert secret.stat().st_mode & 0o777 == 0o600
    with sessions() as s:
        stored = s.scalar(select(models.Setting.value).where(models.Setting.key == "platform.settings"))
        assert stored is not None
        assert SECRET not in stored
    assert SECRET not in stored_everywhere(sessions)  # nor in the audit trail's entry of the change
    with sessions() as s:
        assert platform_settings(s, keys).secret == SECRET
    plain = PlatformSettings(True, "http://127.0.0.1/report", "hall", SECRET, codings=CHOSEN)
    with pytest.raises(PlatformRefused) as refused, sessions.begin() as s:
        save_platform(s, plain, desk=desk, folder=keys)
    assert refused.value.problems == (PlatformProblem.BAD_ENDPOINT,)
    with pytest.raises(PlatformRefused) as refused, sessions.begin() as s:
        save_platform(s, PlatformSettings(True, mapping="no-such-province"), desk=desk, folder=keys)
    assert refused.value.problems == (PlatformProblem.BAD_MAPPING,)


def test_nothing_is_reported_until_the_integrator_chose_each_coding(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path
) -> None:
    """Reporting is not turned on with a list unchosen, naming each; a site turned on before the lists were chosen
    (settings stored by an older version) sends nothing, and its events wait for the choice, not fail."""
    unchosen = PlatformSettings(True, platform.url, "hall", SECRET, 1.0, 4, ca_file=platform.ca_file)
    with pytest.raises(PlatformRefused) as refused, sessions.begin() as s:
        save_platform(s, unchosen, desk=desk, folder=keys)
    assert refused.value.problems == (PlatformProblem.UNCHOSEN_CODING,)
    assert refused.value.lists == ("满意度代码", "评价渠道", "办件类型代码", "办结结果代码（BJJGDM）")
    with pytest.raises(PlatformRefused) as refused, sessions.begin() as s:
        save_platform(s, dataclasses.replace(unchosen, codings=CHOSEN | {"level": "stars"}), desk=desk, folder=keys)
    assert refused.value.problems == (PlatformProblem.BAD_CODING, PlatformProblem.UNCHOSEN_CODING)
    assert (refused.value.bad, refused.value.lists) == (("level=stars",), ("满意度代码",))
    configure(sessions, desk, platform, keys)
    with sessions.begin() as s:  # as an older version stored it: on, with no coding chosen
        put_setting(s, PLATFORM_KEY, stored_json(unchosen))
    take(sessions, desk, full_request(sessions))
    assert sender(sessions, keys, Clock()) == SendRound()
    assert platform.requests == []
    assert [e.state for e in events(sessions)] == ["waiting"]


def test_reporting_is_not_turned_on_in_a_training_database(
    sessions: sessionmaker[Session], desk: Desk, keys: Path
) -> None:
    """A training database never reports (its cases are made up): turning reporting on there said it was done and
    kept nothing; it is refused, naming why."""
    with sessions.begin() as s:
        mark_training(s)
    with pytest.raises(PlatformRefused) as refused, sessions.begin() as s:
        save_platform(s, PlatformSettings(True, codings=CHOSEN), desk=desk, folder=keys)
    assert refused.value.problems == (PlatformProblem.TRAINING,)
    assert "培训数据库不向平台上报" in platform_problem(PlatformProblem.TRAINING)
    with sessions.begin() as s:  # turned off, it is kept as it says
        save_platform(s, PlatformSettings(False), desk=desk, folder=keys)


def test_a_site_without_an_endpoint_keeps_its_events_waiting(
    sessions: sessionmaker[Session], desk: Desk, keys: Path
) -> None:
    with sessions.begin() as s:  # a township that reports through its hall
        save_platform(s, PlatformSettings(True, codings=CHOSEN), desk=desk, folder=keys)
    take(sessions, desk, full_request(sessions))
    assert sender(sessions, keys, Clock()) == SendRound()
    assert [e.state for e in events(sessions)] == ["waiting"]


def test_the_facts_are_the_mappings_sources_and_an_edited_mapping_is_read_by_the_next_round(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    configure(sessions, desk, platform, keys)
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        event = claimed(s, s.scalars(select(models.PlatformEvent.id)).one())
        assert set(facts_of(s, event)) == SOURCES
    edited = tmp_path / "nmg.toml"
    edited.write_text(
        mapping_file("nmg").read_text(encoding="utf-8").replace('field = "projid"', 'field = "BJBH"'),
        encoding="utf-8",
    )
    monkeypatch.setattr("counter.actions.outbox.platform.mapping_file", lambda _name: edited)
    take(sessions, desk, full_request(sessions))
    clock = Clock()
    clock.advance(seconds=2)
    assert sender(sessions, keys, clock) == SendRound(sent=2)
    assert platform.requests[0]["BJBH"] == number  # the integrator's name, no new release
    assert "projid" not in platform.requests[0]


def test_a_kept_connection_the_platform_closed_is_opened_again_for_the_next_event(
    sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path
) -> None:
    configure(sessions, desk, platform, keys)
    take(sessions, desk, full_request(sessions))
    take(sessions, desk, full_request(sessions))
    platform.script = [DROP]
    clock = Clock()
    clock.advance(seconds=1)
    assert sender(sessions, keys, clock) == SendRound(sent=2)
    assert len(platform.held) == 2
