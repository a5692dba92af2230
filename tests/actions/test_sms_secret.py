"""The gateway's secret is not data, the wire is https, and the gateway learns no case's uid.

The secret lives in a file 0600 beside the site's signing key, never in the ``setting`` table every desk reads and
every backup copies; one an earlier version stored there is moved out by the sender and the row emptied.  An
``http://`` endpoint is never spoken to.  The request's key is a digest of the message's, which names its case's uid.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.outbox.messages import gateway_settings, save_gateway, send_due
from counter.db import models
from counter.db.outbox_store import GATEWAY_KEY
from counter.db.settings_store import get_setting, put_setting
from counter.host.machine.paths import site_key_path
from counter.host.outward.sms_secret import GATEWAY_SECRET, secret_path
from counter.outbox.rules import SendRound
from counter.sms.gateway import GatewaySettings
from tests.actions.senders import Clock, Writes
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_sms_sender import messages
from tests.sms_gateway import SECRET, Gateway, running_gateway


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    with running_gateway() as gateway:
        yield gateway


def stored_everywhere(sessions: sessionmaker[Session]) -> str:
    """Every setting and every audit entry of the database, as text: what a backup copies."""
    with sessions() as session:
        settings = [f"{r.key}={r.value}" for r in session.scalars(select(models.Setting))]
        audited = [r.detail for r in session.scalars(select(models.AuditEntry))]
    return "\n".join(settings + audited)


def test_the_secret_is_a_file_0600_beside_the_site_key_and_never_in_the_database(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    with sessions.begin() as session:
        save_gateway(session, GatewaySettings(gateway.url, "hall", SECRET), desk=desk)
    path = secret_path(GATEWAY_SECRET)
    assert path.parent == site_key_path().parent
    assert path.read_text(encoding="utf-8") == SECRET
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert SECRET not in stored_everywhere(sessions)
    with sessions() as session:
        assert gateway_settings(session).secret == SECRET
    take(sessions, desk, full_request(sessions))
    assert send_due(Writes(sessions), clock=Clock()) == SendRound(sent=1)
    assert gateway.bad_signatures == 0


def test_a_secret_an_earlier_version_stored_is_moved_out_and_still_signs(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    old = json.dumps({"endpoint": gateway.url, "account": "hall", "secret": SECRET, "timeout": 5, "attempts": 4})
    with sessions.begin() as session:
        put_setting(session, GATEWAY_KEY, old)
    take(sessions, desk, full_request(sessions))
    assert send_due(Writes(sessions), clock=Clock()) == SendRound(sent=1)
    assert gateway.bad_signatures == 0
    assert secret_path(GATEWAY_SECRET).read_text(encoding="utf-8") == SECRET
    assert stat.S_IMODE(secret_path(GATEWAY_SECRET).stat().st_mode) == 0o600
    with sessions() as session:
        row = get_setting(session, GATEWAY_KEY)
    assert row is not None
    assert SECRET not in row
    assert json.loads(row)["endpoint"] == gateway.url  # the rest of the settings stay


def test_an_http_endpoint_stored_before_is_never_spoken_to(sessions: sessionmaker[Session], desk: Desk) -> None:
    with running_gateway(tls=False) as plain:
        old = json.dumps({"endpoint": plain.url, "account": "hall", "secret": SECRET, "timeout": 5, "attempts": 4})
        with sessions.begin() as session:
            put_setting(session, GATEWAY_KEY, old)
        take(sessions, desk, full_request(sessions))
        assert send_due(Writes(sessions), clock=Clock()) == SendRound()
        assert plain.requests == []
    (message,) = messages(sessions)
    assert (message.state, message.attempts) == ("waiting", 0)  # unsent and not failed, till the endpoint is put right


def test_a_gateway_whose_certificate_no_trusted_authority_signed_gets_nothing(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    with running_gateway(trusted=False) as stranger:
        with sessions.begin() as session:
            save_gateway(session, GatewaySettings(stranger.url, "hall", SECRET, timeout=5), desk=desk)
        take(sessions, desk, full_request(sessions))
        assert send_due(Writes(sessions), clock=Clock()) == SendRound(waiting=1)
        assert stranger.requests == []
    assert "CERTIFICATE_VERIFY_FAILED" in messages(sessions)[0].last_error


def test_neither_the_text_nor_the_request_carries_the_cases_uid(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    with sessions.begin() as session:
        save_gateway(session, GatewaySettings(gateway.url, "hall", SECRET, timeout=5), desk=desk)
    number = take(sessions, desk, full_request(sessions))
    assert send_due(Writes(sessions), clock=Clock()) == SendRound(sent=1)
    with sessions() as session:
        uid = session.scalar(select(models.Case.uid).where(models.Case.case_no == number))
    assert uid
    (request,) = gateway.requests
    assert uid not in json.dumps(request, ensure_ascii=False)
    assert uid not in messages(sessions)[0].text
    assert number in request["content"]


def test_a_damaged_secret_file_sends_nothing_and_loses_no_message(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    """The secret file overwritten with what is not a secret (bytes that are not text): no request goes out signed
    with a wrong key, the file is not taken for empty, and the messages wait, as they were, for it to be set again."""
    with sessions.begin() as session:
        save_gateway(session, GatewaySettings(gateway.url, "hall", SECRET), desk=desk)
    take(sessions, desk, full_request(sessions))
    damaged = b"\xff\xfe\x00not a secret"
    secret_path(GATEWAY_SECRET).write_bytes(damaged)
    with pytest.raises(OSError, match=GATEWAY_SECRET):
        send_due(Writes(sessions), clock=Clock())
    assert gateway.requests == []
    assert secret_path(GATEWAY_SECRET).read_bytes() == damaged
    assert [(m.state, m.attempts) for m in messages(sessions)] == [("waiting", 0)]


def test_an_older_secret_left_in_the_database_is_kept_beside_the_one_set_here(
    sessions: sessionmaker[Session], desk: Desk, gateway: Gateway
) -> None:
    """The secret set on this machine, and a different one in the database (a backup from before it was moved out,
    put back): the sender signs with this machine's, keeps the database's beside it for the technician to compare,
    and empties the row."""
    with sessions.begin() as session:
        save_gateway(session, GatewaySettings(gateway.url, "hall", SECRET), desk=desk)
    older = "an-older-secret-2025"
    old = json.dumps({"endpoint": gateway.url, "account": "hall", "secret": older, "timeout": 5, "attempts": 4})
    with sessions.begin() as session:
        put_setting(session, GATEWAY_KEY, old)
    take(sessions, desk, full_request(sessions))
    assert send_due(Writes(sessions), clock=Clock()) == SendRound(sent=1)
    assert gateway.bad_signatures == 0
    path = secret_path(GATEWAY_SECRET)
    beside = path.with_name(path.name + ".from-database")
    assert path.read_text(encoding="utf-8") == SECRET
    assert beside.read_text(encoding="utf-8") == older
    assert stat.S_IMODE(beside.stat().st_mode) == 0o600
    assert older not in stored_everywhere(sessions)
