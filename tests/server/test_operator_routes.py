"""The server's routes for its operator, asked in process: ``GET /v1/health`` without a token, and the metrics page
in Prometheus's text format, answered to the hall's own network alone."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

import pytest

from counter import __version__
from counter.db.revision import HEAD
from counter.host.database.database_faults import DbFault, StoreFault
from counter.server.app import make_app
from counter.server.secrets_hash import digest
from counter.service.admin import ACCOUNTS_EXIST
from counter.service.hall import REGISTER_DESK, DeskKey
from counter.service.local import InProcess, serve
from tests.conftest import made_database
from tests.pg_server import MIGRATED, FreshDatabases

Message = MutableMapping[str, Any]


def _ask(app: Any, method: str, path: str, body: bytes = b"", client: str = "127.0.0.1") -> tuple[int, bytes]:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "https",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"content-length", str(len(body)).encode())],
        "client": (client, 50000),
        "server": ("127.0.0.1", 8443),
    }
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[tuple[InProcess, Path]]:
    path = tmp_path / "hall.sqlite3"
    service = serve(made_database(path, catalog=False))
    yield service, path
    service.close()


def _queue_message(path: Path, made: dt.datetime) -> None:
    """An SMS waiting since ``made``, as the intake that queued it left it."""
    stamp = made.strftime("%Y-%m-%d %H:%M:%S.%f")
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO outbox_message (key, case_id, kind, phone, item_code, tracking, text, state, attempts,"
            " next_at, created_at, gateway_id, last_error) VALUES ('m1', 1, 'accepted', '', '', '', '', 'waiting', 0,"
            " ?, ?, '', '')",
            (stamp, stamp),
        )


def test_health_answers_without_a_token_how_the_hall_is(hall: tuple[InProcess, Path]) -> None:
    service, path = hall
    status, body = _ask(make_app(service), "GET", "/v1/health")
    assert (status, json.loads(body)) == (
        200,
        {"database": "ok", "schema": HEAD, "version": __version__, "oldest_unsent_s": None},
    )
    _queue_message(path, dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    status, body = _ask(make_app(service), "GET", "/v1/health")
    assert status == 200
    assert 3590 < json.loads(body)["oldest_unsent_s"] < 3700


class DatabaseAway:
    def call(self, *_: Any, **__: Any) -> Any:
        raise StoreFault(DbFault.UNREACHABLE, "connection refused")


def test_health_is_503_while_the_database_is_away() -> None:
    status, body = _ask(make_app(DatabaseAway()), "GET", "/v1/health")  # type: ignore[arg-type]
    assert (status, json.loads(body)) == (503, {"database": "away", "version": __version__})


def _figure(page: str, name: str) -> float:
    [line] = [line for line in page.splitlines() if line.startswith(name + " ") or line.startswith(name + "{")]
    return float(line.rpartition(" ")[2])


def test_the_metrics_count_requests_refusals_outboxes_and_sessions(hall: tuple[InProcess, Path]) -> None:
    service, path = hall
    _queue_message(path, dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5))
    app = make_app(service)
    sign_in = json.dumps({"login": "wulan", "password": "x" * 12, "desk_no": "8", "desk_key": "no-key"}).encode()
    for _ in range(3):
        assert _ask(app, "POST", "/v1/sign-in", sign_in)[0] == 403
    assert _ask(app, "POST", f"/v1/operations/{ACCOUNTS_EXIST.name}", b"{}")[0] == 401
    assert _ask(app, "GET", "/v1/health")[0] == 200
    status, body = _ask(app, "GET", "/v1/metrics", client="192.168.10.2")
    page = body.decode()
    assert status == 200
    assert _figure(page, 'counter_requests_total{operation="sign_in",status="403"}') == 3
    assert _figure(page, 'counter_requests_total{operation="health",status="200"}') == 1
    assert _figure(page, 'counter_request_seconds_count{operation="sign_in"}') == 3
    assert _figure(page, 'counter_refusals_total{reason="unknown"}') == 1
    assert _figure(page, f'counter_requests_total{{operation="{ACCOUNTS_EXIST.name}",status="401"}}') == 1
    assert _figure(page, "counter_database_up") == 1
    assert _figure(page, 'counter_outbox_unsent{outbox="sms"}') == 1
    assert 290 < _figure(page, 'counter_outbox_oldest_unsent_seconds{outbox="sms"}') < 400
    assert _figure(page, "counter_sessions_open") == 0
    assert _figure(page, "process_resident_memory_bytes") > 0
    assert _figure(page, 'counter_connections_closed_total{reason="no_head"}') >= 0


def test_the_metrics_are_answered_to_the_halls_network_alone(hall: tuple[InProcess, Path]) -> None:
    app = make_app(hall[0])
    assert _ask(app, "GET", "/v1/metrics", client="203.0.113.9")[0] == 404
    assert _ask(app, "GET", "/v1/metrics", client="::1")[0] == 200


def test_a_desk_being_set_up_learns_whether_its_key_is_its_desks(hall: tuple[InProcess, Path]) -> None:
    """``counter desk --server`` asks before a clerk's first sign-in: the key right, another desk's, or not a key."""
    service = hall[0]
    service.call(REGISTER_DESK, DeskKey("8", digest("desk-8-key")))
    app = make_app(service)
    asked = json.dumps({"desk_no": "8", "desk_key": "desk-8-key"}).encode()
    assert _ask(app, "POST", "/v1/desk-check", asked) == (204, b"")
    wrong = json.dumps({"desk_no": "9", "desk_key": "desk-8-key"}).encode()
    status, body = _ask(app, "POST", "/v1/desk-check", wrong)
    assert (status, json.loads(body)) == (403, {"refused": "unknown"})
    status, body = _ask(app, "POST", "/v1/desk-check", b'{"desk_no": 8}')
    assert (status, json.loads(body)) == (400, {"refused": "request"})


def test_a_desk_check_while_the_database_is_away_is_503_not_a_refusal() -> None:
    """The desk must not be told its key is wrong because the database did not answer."""
    asked = json.dumps({"desk_no": "8", "desk_key": "desk-8-key"}).encode()
    status, body = _ask(make_app(DatabaseAway()), "POST", "/v1/desk-check", asked)  # type: ignore[arg-type]
    assert (status, json.loads(body)) == (503, {"refused": "store"})


def test_a_scrape_while_the_database_is_away_says_so_and_is_answered() -> None:
    status, body = _ask(make_app(DatabaseAway()), "GET", "/v1/metrics")  # type: ignore[arg-type]
    assert status == 200
    assert _figure(body.decode(), "counter_database_up") == 0


def test_health_tells_a_stranger_only_up_or_down(hall: tuple[InProcess, Path]) -> None:
    """Outside the hall's network: no version to pick an attack by, no age of the messages stuck."""
    service, _ = hall
    status, body = _ask(make_app(service), "GET", "/v1/health", client="203.0.113.7")
    assert (status, json.loads(body)) == (200, {"database": "ok"})
    status, body = _ask(make_app(DatabaseAway()), "GET", "/v1/health", client="203.0.113.7")  # type: ignore[arg-type]
    assert (status, json.loads(body)) == (503, {"database": "away"})


def test_health_and_the_metrics_name_the_postgresql_node_written_to_and_its_standbys(
    fresh_pg: FreshDatabases,
) -> None:
    url = fresh_pg.url(MIGRATED)
    service = serve(url)
    try:
        app = make_app(service)
        status, body = _ask(app, "GET", "/v1/health")
        told = json.loads(body)
        cluster = fresh_pg.databases.cluster
        node = f"{cluster.folder}:{cluster.port}"  # as libpq reached it: the test server's socket folder and port
        assert (status, told["primary"], told["standbys"]) == (200, node, [])  # one node, no standby
        assert _ask(app, "GET", "/v1/health", client="203.0.113.9")[1] == b'{"database":"ok"}'  # a stranger: no node
        page = _ask(app, "GET", "/v1/metrics")[1].decode()
        assert _figure(page, f'counter_database_primary{{node="{node}"}}') == 1
        assert _figure(page, "counter_replication_standbys") == 0  # a pair down to one would show this
    finally:
        service.close()
