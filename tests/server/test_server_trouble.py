"""The server's own trouble reaches a desk in the door's shape, and the desk reads it as a wait, never as a crash.

A sign-in refused by a database that could not take it now (SQLite busy with the hall's own work, PostgreSQL
restarting) came back as the framework's plain-text 500, and the desk's transport failed on it with a JSON error:
the clerk saw an unexpected-error window.  Here the routes run in process (an ASGI call: no port, no thread) on a
service whose database is away, and the transport is asked by a stub that answers as such a server does.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import pytest

from counter.access.pads import PadFound
from counter.host.database.database_faults import DbFault, StoreFault
from counter.server.app import STORE_AWAY
from counter.service.admin import ACCOUNTS_EXIST
from counter.service.call import Clock
from counter.service.faults import decode_fault
from counter.service.hall import FIND_SESSION
from counter.service.pads import FIND_PAD
from counter.service.remote import NotUnderstood, Refused, Remote, ServerUnreachable
from counter.service.requests import Nothing
from tests.https_stub import serving
from tests.server.asgi_call import post
from tests.server.test_strict_door import SESSION


class DatabaseAway:
    """A service whose every call meets a database that cannot take it now (or ``error``)."""

    def __init__(self, error: Exception | None = None) -> None:
        self.error = error or StoreFault(DbFault.LOCKED, "OperationalError: database is locked")

    def call(self, *_: Any, **__: Any) -> Any:
        raise self.error


SIGN_IN_BODY = json.dumps({"login": "wulan", "password": "x", "desk_no": "8", "desk_key": "k"}).encode()
BEARER = {"Authorization": "Bearer a-token", "Desk-Key": "a-key"}


def test_a_sign_in_the_database_cannot_take_now_is_answered_as_such() -> None:
    assert post(DatabaseAway(), "/v1/sign-in", SIGN_IN_BODY, {}) == (503, {"refused": STORE_AWAY})


def test_an_operations_session_the_database_cannot_find_now_is_answered_as_such() -> None:
    path = f"/v1/operations/{ACCOUNTS_EXIST.name}"
    assert post(DatabaseAway(), path, b"{}", BEARER) == (503, {"refused": STORE_AWAY})


def test_a_sign_out_the_database_cannot_take_now_is_answered_as_such() -> None:
    assert post(DatabaseAway(), "/v1/sign-out", b"", BEARER) == (503, {"refused": STORE_AWAY})


class AwayInTheWork(DatabaseAway):
    """A service that finds the desk's session, then whose operation meets a database that cannot take it now."""

    clock = Clock()  # the server's own: the door makes each call's context from it

    def call(self, op: Any, *_: Any, **__: Any) -> Any:
        if op is FIND_SESSION:
            return SESSION
        raise self.error

    def run(self, *_: Any, **__: Any) -> Any:
        raise self.error


def test_an_operation_the_database_cannot_take_now_comes_to_the_desk_as_its_fault() -> None:
    """The session found, the operation's own transaction refused (SQLite busy, PostgreSQL restarting): answered 503
    with the database's fault, which the desk reads as the same wait as on its own database, nothing applied."""
    status, body = post(AwayInTheWork(), f"/v1/operations/{ACCOUNTS_EXIST.name}", b"{}", BEARER)
    assert status == 503
    fault = decode_fault(body)
    assert isinstance(fault, StoreFault)
    assert fault.fault is DbFault.LOCKED


def test_an_operation_refused_over_a_damaged_data_key_comes_to_the_desk_as_that_fault() -> None:
    """The hall's data key damaged: the operation's refusal reaches the desk as the store's fault of that name, which
    its window words as the desk's own database would, never the door's 500 a desk shows as an unexpected error."""
    damaged = StoreFault(DbFault.DATA_KEY, "data key /srv/keys/site-data-sm4-1.key: wrong_size", "DataKeyDamaged")
    status, body = post(AwayInTheWork(damaged), f"/v1/operations/{ACCOUNTS_EXIST.name}", b"{}", BEARER)
    assert status == 503
    fault = decode_fault(body)
    assert isinstance(fault, StoreFault)
    assert (fault.fault, fault.connection_lost) == (DbFault.DATA_KEY, False)  # said at once, not waited for


def test_an_operations_failure_it_does_not_declare_is_answered_in_json_and_logged_with_its_desk(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A fault of the program inside an operation: the desk gets the door's 500 (its clerk an error it can report),
    the server's log the operation, the desk and the traceback, for support."""
    with caplog.at_level(logging.ERROR, logger="counter.server.app"):
        status, body = post(AwayInTheWork(KeyError("bundle")), f"/v1/operations/{ACCOUNTS_EXIST.name}", b"{}", BEARER)
    assert (status, body) == (500, {"refused": "server"})
    (record,) = [r for r in caplog.records if r.name == "counter.server.app"]
    assert record.getMessage() == f"operation {ACCOUNTS_EXIST.name} failed at desk {SESSION.desk_no}"
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], KeyError)


def test_an_unexpected_failure_is_answered_in_json() -> None:
    assert post(DatabaseAway(RuntimeError("a bug")), "/v1/sign-in", SIGN_IN_BODY, {}) == (500, {"refused": "server"})


class Answers(BaseHTTPRequestHandler):
    """Answers each request with the next of ``script`` (status, content type, body); counts what it was asked."""

    script: ClassVar[list[tuple[int, str, bytes]]] = []
    asked: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).asked.append(self.path)
        status, content_type, body = type(self).script.pop(0)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:
        pass


@dataclass(frozen=True)
class Stub:
    root: str
    ca_file: Path
    answers: type[Answers]  # its script and what it was asked

    def remote(self) -> Remote:
        """A desk's transport, signed in as far as the stub cares, with short waits between its retries."""
        remote = Remote(self.root, self.ca_file, retry_waits_s=(0.01, 0.01))
        remote._token, remote._desk_key = "a token", "a key"
        return remote


@pytest.fixture
def stub(tmp_path: Path) -> Iterator[Stub]:
    with serving("hall", tmp_path) as served:
        answers = type("Script", (Answers,), {"script": [], "asked": []})
        served.server.RequestHandlerClass = answers
        assert served.ca_file is not None
        yield Stub(served.root, served.ca_file, answers)


AWAY = (503, "application/json", json.dumps({"refused": STORE_AWAY}).encode())


def test_the_desk_asks_again_while_the_servers_database_is_away(stub: Stub) -> None:
    stub.answers.script[:] = [AWAY, AWAY, (200, "application/json", b"true")]
    assert stub.remote().call(ACCOUNTS_EXIST, Nothing()) is True
    assert len(stub.answers.asked) == 3


def test_a_database_away_for_longer_than_the_retries_is_a_server_away(stub: Stub) -> None:
    stub.answers.script[:] = [AWAY, AWAY, AWAY]
    with pytest.raises(ServerUnreachable):
        stub.remote().call(ACCOUNTS_EXIST, Nothing())


def test_an_answer_that_is_not_json_is_a_refusal_not_a_crash(stub: Stub) -> None:
    stub.answers.script[:] = [(500, "text/plain", b"Internal Server Error")]
    with pytest.raises(Refused) as refused:
        stub.remote().call(ACCOUNTS_EXIST, Nothing())
    assert (refused.value.status, refused.value.reason) == (500, "unreadable")


@pytest.mark.parametrize(
    "fault",
    [
        {"fault": "FaultOfANewerRelease", "values": {}},
        {"fault": "counter.intake.not_possible:IntakeNotPossible", "values": {"decision": None}},  # a path: no code
    ],
)
def test_a_fault_this_desk_does_not_know_is_a_refusal_never_an_import(stub: Stub, fault: dict[str, Any]) -> None:
    stub.answers.script[:] = [(422, "application/json", json.dumps(fault).encode())]
    with pytest.raises(NotUnderstood) as refused:
        stub.remote().call(ACCOUNTS_EXIST, Nothing())
    assert isinstance(refused.value, Refused)  # the window words it as the server's refusal, never a crash
    assert refused.value.reason == "answer"


def test_an_answer_not_of_the_operations_type_is_refused_not_coerced(stub: Stub) -> None:
    stub.answers.script[:] = [(200, "application/json", b'"false"')]  # was read as True
    with pytest.raises(NotUnderstood) as refused:
        stub.remote().call(ACCOUNTS_EXIST, Nothing())
    assert "got `str`" in refused.value.detail


@pytest.mark.parametrize("path", ["/v1/pad/start", "/v1/pad/next", "/v1/pad/answer", "/v1/pad/unrated"])
def test_a_pads_key_the_database_cannot_find_now_is_answered_as_such(path: str) -> None:
    """Looked up before the body is read, a pad's key met a database away as a 500."""
    assert post(DatabaseAway(), path, b"", {"Pad-Key": "a-pad-key"}) == (503, {"refused": STORE_AWAY})


class PadAwayInTheWork(DatabaseAway):
    """A service that finds the pad's key, then whose work meets a database that cannot take it now."""

    def call(self, op: Any, *_: Any, **__: Any) -> Any:
        if op is FIND_PAD:
            return PadFound("pad-8", "8")
        raise self.error


@pytest.mark.parametrize("path", ["/v1/pad/start", "/v1/pad/next"])
def test_a_pads_ask_the_database_cannot_take_now_is_answered_as_such(path: str) -> None:
    assert post(PadAwayInTheWork(), path, b"", {"Pad-Key": "a-pad-key"}) == (503, {"refused": STORE_AWAY})
