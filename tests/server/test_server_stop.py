"""``counter serve`` stopped (systemd's SIGTERM, a technician's Ctrl-C) while its hall work sends a message: the
message is sent and marked before the process ends, and the stop ends 0.

uvicorn, once its connections were closed, raised the signal again with its default action, so the process died
there: the hall work's stop (which waits for the job under way) and the database's close never ran, the message
stayed claimed until its lease ran out, and a Ctrl-C ended on a KeyboardInterrupt traceback.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.service.admin import ADD_ACCOUNT
from counter.service.local import serve
from counter.service.outbox import CHANGE_GATEWAY, ChangeGateway
from tests.conftest import made_database
from tests.server.server_process import PreparedHall, ServerProcess, prepared_hall
from tests.server.test_server_kills import HALL_WORK, PASSWORD, _messages, _take_intakes, _until
from tests.sms_gateway import LATE, SECRET, Gateway, running_gateway

pytestmark = pytest.mark.program

#: the sender's wait for the gateway's answer: longer than the test holds it
GATEWAY_TIMEOUT_S = 30.0
#: how long the stopped server is seen still finishing its send before the gateway answers
HELD_S = 3.0


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    with running_gateway() as gateway:  # its CA trusted through SSL_CERT_FILE, which the server's env copies
        yield gateway


@pytest.fixture
def hall(tmp_path: Path, gateway: Gateway) -> PreparedHall:
    url = made_database(tmp_path / "hall.sqlite3")
    service = serve(url)
    first = Desk(DeskIdentity("XAM01", "1"), "宝音")
    assert service.call(ADD_ACCOUNT, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD), first) == ()
    admin = Desk(first.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    assert service.call(ADD_ACCOUNT, NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), PASSWORD), admin) == ()
    service.close()
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.pop("JOURNAL_STREAM", None)
    env.update(
        COUNTER_HOME=str(tmp_path / "server-home"),
        COUNTER_MACHINE_CONFIG=str(tmp_path / "machine" / "desk.toml"),
        COUNTER_STATE=str(tmp_path / "state"),
    )
    return prepared_hall(tmp_path, url, ("8", "9"), env)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_server_stopped_while_a_message_is_at_the_gateway_sends_and_marks_it_first(
    hall: PreparedHall, gateway: Gateway, stop: signal.Signals
) -> None:
    server = ServerProcess(hall, "server", HALL_WORK)
    server.start()
    try:
        change = ChangeGateway(
            endpoint=gateway.url, account="hall", secret=SECRET, timeout=GATEWAY_TIMEOUT_S, attempts=5
        )
        server.desk("8", "admin", PASSWORD).call(CHANGE_GATEWAY, change)
        gateway.script[:] = [LATE]
        _take_intakes(server.desk("9", "wulan", PASSWORD), 1, 1)
        _until(lambda: len(gateway.requests) >= 1, "the message at the gateway", server.log)
        while server.made:  # the desks signed out: nothing but the hall work keeps the server
            server.made.pop().close()
        assert server.process is not None
        server.process.send_signal(stop)
        with pytest.raises(subprocess.TimeoutExpired):
            server.process.wait(timeout=HELD_S)  # the send under way is waited for
        gateway.released.set()
        status = server.process.wait(timeout=60)
    finally:
        server.stop()
    engine = make_engine(hall.url)
    try:
        assert [m.state for m in _messages(make_sessions(engine))] == ["sent"]
    finally:
        engine.dispose()
    assert status == 0
    said = server.log.read_text(encoding="utf-8")
    assert "Traceback" not in said
    assert len(gateway.delivered) == 1
