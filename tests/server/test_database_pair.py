"""The hall's database as a pair (运维手册 五, step 12): the primary killed during intakes, nothing lost or doubled.

The pair is built as the manual builds it (:mod:`tests.server.pg_pair`: pg_auto_failover's monitor, a primary and
a synchronous standby), ``counter db upgrade`` run on the servers' address naming both nodes, and a real
``counter serve`` started on that address.  Two desks take ten intakes each; after the sixth, the primary's keeper and
PostgreSQL are killed (SIGKILL), as a power cut would.  A desk whose request is not answered does what the window
does with an intake's commit (:mod:`counter.ui.door.connection`): it keeps the intake and asks again, under the same
uid and idempotency key, until the server answers.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import ssl
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import select, update

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.engine import Sessions, make_engine, make_sessions
from counter.db.url import TRUSTED_NETWORK_ENV
from counter.host.database.backups import pg_commands
from counter.host.database.database_faults import StoreFault
from counter.service.admin import ADD_ACCOUNT
from counter.service.intake import READ_CURRENT_GUIDE, TAKE_INTAKE, TakeIntake
from counter.service.local import new_key, serve
from counter.service.remote import Remote, ServerUnreachable
from counter.service.requests import BundleCode
from tests.db.hall_worker import applicant
from tests.pg_server import AS_POSTGRES, import_shipped_catalog
from tests.server.pg_pair import Pair, build_pair
from tests.server.server_process import PreparedHall, ServerProcess, prepared_hall
from tests.sms_gateway import Gateway, running_gateway

pytestmark = pytest.mark.pg  # PostgreSQL servers of its own, started and stopped here: about a minute

PASSWORD = "Xam01desk2026"
BUNDLE = "XAM-YJS-008"  # 我要开小餐馆: every intake of it queues the applicant's 受理 SMS
PER_DESK = 10
KILL_AFTER = 6  # intakes taken before the primary dies
WAIT_S = 120.0


@pytest.fixture
def pair(monkeypatch: pytest.MonkeyPatch) -> Iterator[Pair]:
    monkeypatch.setenv(TRUSTED_NETWORK_ENV, "1")  # the pair speaks in clear on loopback (tests.server.pg_pair)
    made = build_pair()  # under /tmp: the test's own folder is root's alone, and postgres runs the pair
    try:
        yield made
    finally:
        made.stop()


def _prepared(pair: Pair, folder: Path) -> PreparedHall:
    """The hall's database as the manual's step 5 makes it, on the pair's address; its accounts; its desks."""
    url = pair.url()
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(
        COUNTER_HOME=str(folder / "server-home"),
        COUNTER_MACHINE_CONFIG=str(folder / "machine" / "desk.toml"),
        COUNTER_STATE=str(folder / "state"),
    )
    upgraded = subprocess.run(
        [sys.executable, "-m", "counter", "db", "upgrade", "--db", url],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert upgraded.returncode == 0, upgraded.stderr
    engine = make_engine(url)
    try:
        import_shipped_catalog(make_sessions(engine))
    finally:
        engine.dispose()
    service = serve(url)
    first = Desk(DeskIdentity("XAM01", "1"), "宝音")
    assert service.call(ADD_ACCOUNT, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD), first) == ()
    admin = Desk(first.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    for login in ("wulan", "baoyin"):
        assert service.call(ADD_ACCOUNT, NewAccount(login, login, frozenset({Role.CLERK}), PASSWORD), admin) == ()
    service.close()
    return prepared_hall(folder, url, ("8", "9"), env)


class DeskAtWork(threading.Thread):
    """A desk taking its intakes one after another; an intake not answered kept and asked again, as the window does."""

    def __init__(self, clerk: Remote, machine: int, taken: list[str]) -> None:
        super().__init__(name=f"desk-{machine}", daemon=True)
        self.clerk, self.machine, self.taken = clerk, machine, taken
        self.numbers: list[str] = []
        self.waits: list[float] = []
        self.retried = 0
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            stored = self.clerk.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE))
            assert stored is not None
            checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
            for n in range(PER_DESK):
                request = TakeIntake(IntakeRequest(checklist, applicant(self.machine, n), uid=new_key()))
                self.numbers.append(self._until_answered(request, new_key()))
                self.taken.append(self.numbers[-1])
        except BaseException as err:  # the test's thread reads it
            self.failure = err

    def _until_answered(self, request: TakeIntake, key: str) -> str:
        began = time.monotonic()
        while True:
            try:
                case_no = self.clerk.call(TAKE_INTAKE, request, key=key).case_no
            except (ServerUnreachable, StoreFault):  # the server away, or its database: kept, asked again
                if time.monotonic() - began > WAIT_S:
                    raise
                self.retried += 1
                time.sleep(0.5)  # the window's own wait before it asks again
                continue
            self.waits.append(time.monotonic() - began)
            return case_no


def test_the_primary_killed_during_intakes_loses_none_and_doubles_none(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with running_gateway() as gateway:  # its CA trusted through SSL_CERT_FILE, which the server's env copies
        hall = _prepared(pair, tmp_path / "hall")
        server = ServerProcess(hall, "server", ("--hall-work", "on", "--work-interval", "0.5"))
        server.start()
        try:
            _intakes_across_the_switch(pair, hall, server, gateway, capsys)
        finally:
            server.stop()


def _intakes_across_the_switch(
    pair: Pair, hall: PreparedHall, server: ServerProcess, gateway: Gateway, capsys: pytest.CaptureFixture[str]
) -> None:
    from counter.service.outbox import CHANGE_GATEWAY, ChangeGateway
    from tests.sms_gateway import SECRET

    server.desk("8", "admin", PASSWORD).call(
        CHANGE_GATEWAY, ChangeGateway(endpoint=gateway.url, account="hall", secret=SECRET, timeout=5.0, attempts=5)
    )
    assert pair.primary() == "node-a"
    before = _health(server, hall)
    assert before["primary"] == f"127.0.0.1:{pair.ports['node-a']}"
    [standby] = before["standbys"]
    assert (standby["state"], standby["sync"]) == ("streaming", "quorum")  # ANY 1 (…): a commit waits for it
    taken: list[str] = []
    desks = [DeskAtWork(server.desk(no, login, PASSWORD), machine, taken)
             for machine, (no, login) in enumerate((("8", "wulan"), ("9", "baoyin")), start=1)]  # fmt: skip
    for desk in desks:
        desk.start()
    deadline = time.monotonic() + WAIT_S
    while len(taken) < KILL_AFTER and time.monotonic() < deadline:
        time.sleep(0.05)  # intakes in flight at another process: nothing to wait on but their count
    pair.kill("node-a")
    switched_s = pair.wait_for({"node-b": "wait_primary"}, "the standby promoted")
    for desk in desks:
        desk.join(timeout=WAIT_S * 2)
        assert desk.failure is None, f"{desk.name}: {desk.failure!r}\n{server.log.read_text()[-4000:]}"
    after = _health(server, hall)
    assert (after["primary"], after["standbys"]) == (f"127.0.0.1:{pair.ports['node-b']}", [])  # down to one
    engine = make_engine(hall.url)
    try:
        sessions = make_sessions(engine)
        stranded = _lease_run_out(sessions)
        _until_sent(sessions, len(taken), server)
        with sessions() as s:
            cases = list(s.scalars(select(models.Case.case_no)))
            messages = list(s.execute(select(models.OutboxMessage.state, models.OutboxMessage.gateway_id)))
    finally:
        engine.dispose()
    answered = [number for desk in desks for number in desk.numbers]
    assert len(answered) == 2 * PER_DESK
    assert sorted(cases) == sorted(answered)  # every intake once: none lost, none taken twice
    for desk in desks:  # each desk's numbers one after another, no gap where the primary died
        sequences = [int(number.rsplit("-", 1)[1]) for number in desk.numbers]
        assert sequences == list(range(1, PER_DESK + 1)), desk.numbers
    assert len(messages) == len(cases)  # one 受理 SMS per intake
    assert len(gateway.delivered) == len(cases)  # each delivered once, whatever was asked again
    assert {gateway_id for _, gateway_id in messages} == set(gateway.delivered.values())
    assert pair.primary() == "node-b"
    dump, _ = pg_commands(hall.url, pair.folder / "counter.dump")  # the backup's command, on the pair's address
    dumped = subprocess.run(
        [*AS_POSTGRES, *shlex.split(dump)], capture_output=True, text=True, cwd=pair.folder, check=False
    )
    assert dumped.returncode == 0, dumped.stderr  # reached the new primary through both names
    longest = max(wait for desk in desks for wait in desk.waits)
    with capsys.disabled():
        print(
            f"\ndatabase pair: primary killed after {KILL_AFTER} of {2 * PER_DESK} intakes, standby promoted in "
            f"{switched_s:.1f} s; asked again {sum(d.retried for d in desks)} times; {stranded} SMS claimed when it "
            f"died, sent again under their keys; "
            f"the desks' longest wait {longest:.1f} s"
        )


def _health(server: ServerProcess, hall: PreparedHall) -> dict[str, Any]:
    """``/v1/health`` as the hall's technician asks it, from this machine: told the nodes."""
    context = ssl.create_default_context(cafile=str(hall.ca_file))
    with urllib.request.urlopen(f"{server.root}/v1/health", context=context, timeout=30) as answer:
        return cast(dict[str, Any], json.loads(answer.read()))


def _lease_run_out(sessions: Sessions) -> int:
    """What the claim's lease running out would do, minutes later, to the SMS a sender had claimed and sent when the
    primary died, its mark lost with it: they are due again (sent under the same key, the gateway drops the
    repeat).  As tests/server/test_server_kills.py does, instead of waiting the lease out."""
    with sessions.begin() as s:
        done = s.execute(
            update(models.OutboxMessage)
            .where(models.OutboxMessage.state == "sending")
            .values(next_at=models.utcnow() - dt.timedelta(seconds=1))
        )
        return int(getattr(done, "rowcount", 0) or 0)


def _until_sent(sessions: Sessions, count: int, server: ServerProcess) -> None:
    deadline = time.monotonic() + WAIT_S
    while True:
        with sessions() as s:
            states = list(s.scalars(select(models.OutboxMessage.state)))
        if len(states) == count and all(state == "sent" for state in states):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"messages {states} not sent:\n{server.log.read_text()[-4000:]}")
        time.sleep(0.2)  # the server's hall work in another process: nothing to wait on but its rows
