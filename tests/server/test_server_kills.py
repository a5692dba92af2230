"""The hall server killed (SIGKILL) in the middle of its work on PostgreSQL, started again: nothing lost, nothing
sent twice.  And two servers on one database: the same desks served by either, the hall's work run by both safely.

Each test takes intakes through the server as a desk does (``intake.take_intake`` over HTTPS), so the SMS and the
platform's reports are queued by the real intake; the server's own hall work sends them (``--hall-work on``).  A
sender killed between its claim and its mark leaves the row claimed until its lease runs out (a minute or more); the
test then moves the lease's end to now, as the minute passing would, instead of waiting it out.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text, update

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.site import init_site
from counter.actions.site.demo import complete_checklist, fresh_checklist, run_demo
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.engine import Sessions, make_engine, make_sessions
from counter.service.admin import ADD_ACCOUNT
from counter.service.catalog import PUBLISH_GUIDE
from counter.service.intake import READ_CURRENT_GUIDE, TAKE_INTAKE, TakeIntake
from counter.service.local import new_key, serve
from counter.service.outbox import CHANGE_GATEWAY, CHANGE_PLATFORM, ChangeGateway, ChangePlatform
from counter.service.remote import CONNECT_TIMEOUT_S, Remote, ServerUnreachable
from counter.service.requests import BundleCode
from counter.service.sync import IMPORT_PACKAGE, ImportPackage
from counter.sync.package import _header_json, _split
from counter.sync.sites import SiteKind
from tests.codings import CHOSEN
from tests.conftest import made_database
from tests.db.hall_worker import applicant
from tests.pg_server import CATALOG, PgDatabases
from tests.platform_stub import SECRET as PLATFORM_SECRET
from tests.platform_stub import STALL, Platform, running_platform
from tests.server.server_process import PreparedHall, ServerProcess, prepared_hall
from tests.sms_gateway import HELD, SECRET, Gateway, running_gateway
from tests.sync.sync_world import TODAY, Site, introduce, make_site

pytestmark = pytest.mark.program

PASSWORD = "Xam01desk2026"
BUNDLE = "XAM-YJS-008"  # 我要开小餐馆: every intake of it queues the applicant's 受理 SMS
#: the server's hall work, a round every half second: the tests wait on what it did, not on a clock
HALL_WORK = ("--hall-work", "on", "--work-interval", "0.5")
WAIT_S = 60.0


@pytest.fixture
def database(pg_databases: PgDatabases) -> Iterator[str]:
    name = pg_databases.create(CATALOG)
    url = pg_databases.cluster.url(name)
    service = serve(url)
    first = Desk(DeskIdentity("XAM01", "1"), "宝音")
    assert service.call(ADD_ACCOUNT, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD), first) == ()
    admin = Desk(first.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    for login in ("wulan", "baoyin"):
        assert service.call(ADD_ACCOUNT, NewAccount(login, login, frozenset({Role.CLERK}), PASSWORD), admin) == ()
    service.close()
    try:
        yield url
    finally:
        pg_databases.drop(name)


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    with running_gateway() as gateway:  # its CA trusted through SSL_CERT_FILE, which the servers' env copies
        yield gateway


@pytest.fixture
def hall(tmp_path: Path, database: str, gateway: Gateway) -> PreparedHall:
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(
        COUNTER_HOME=str(tmp_path / "server-home"),  # the server's key folder: the gateway's secret goes there
        COUNTER_MACHINE_CONFIG=str(tmp_path / "machine" / "desk.toml"),
        COUNTER_STATE=str(tmp_path / "state"),
    )
    return prepared_hall(tmp_path, database, ("8", "9"), env)


@pytest.fixture
def servers(hall: PreparedHall) -> Iterator[list[ServerProcess]]:
    """The servers a test starts, each stopped at its end."""
    made: list[ServerProcess] = []
    yield made
    for server in made:
        server.stop()


@pytest.fixture
def rows(hall: PreparedHall) -> Iterator[Sessions]:
    """The test's own look at the database: what was queued and marked."""
    engine = make_engine(hall.url)
    yield make_sessions(engine)
    engine.dispose()


def _started(servers: list[ServerProcess], hall: PreparedHall, name: str, *options: str) -> ServerProcess:
    server = ServerProcess(hall, name, options)
    servers.append(server)
    server.start()
    return server


def _set_gateway(admin: Remote, gateway: Gateway) -> None:
    """Through the server, as an administrator's desk does: the secret to the server's key folder."""
    change = ChangeGateway(endpoint=gateway.url, account="hall", secret=SECRET, timeout=5.0, attempts=5)
    admin.call(CHANGE_GATEWAY, change)


def _take_intakes(clerk: Remote, machine: int, count: int) -> list[str]:
    """``count`` intakes of :data:`BUNDLE`, each a different applicant; the case numbers the server gave."""
    stored = clerk.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE))
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    numbers = []
    for n in range(count):
        request = IntakeRequest(checklist, applicant(machine, n), uid=new_key())
        numbers.append(clerk.call(TAKE_INTAKE, TakeIntake(request), key=new_key()).case_no)
    return numbers


def _set_platform(admin: Remote, platform: Platform) -> None:
    """The platform's connection through the server: its secret to the server's key folder."""
    change = ChangePlatform(
        True, platform.url, "hall", PLATFORM_SECRET, 5.0, 5, ca_file=platform.ca_file, codings=CHOSEN
    )
    admin.call(CHANGE_PLATFORM, change)


def _events(sessions: Sessions) -> list[models.PlatformEvent]:
    with sessions() as s:
        rows = list(s.scalars(select(models.PlatformEvent).order_by(models.PlatformEvent.id)))
        s.expunge_all()
        return rows


def _messages(sessions: Sessions) -> list[models.OutboxMessage]:
    with sessions() as s:
        rows = list(s.scalars(select(models.OutboxMessage).order_by(models.OutboxMessage.id)))
        s.expunge_all()
        return rows


def _until(done: Callable[[], bool], what: str, log: Path) -> None:
    deadline = time.monotonic() + WAIT_S
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not within {WAIT_S} s:\n{log.read_text()[-4000:]}")
        time.sleep(0.1)  # a server's work in another process: nothing to wait on but its effects


def _lease_run_out(sessions: Sessions, model: type[models.OutboxMessage] | type[models.PlatformEvent]) -> int:
    """What the lease's minute would do to the rows a killed sender had claimed: they are due again."""
    with sessions.begin() as s:
        done = s.execute(
            update(model).where(model.state == "sending").values(next_at=models.utcnow() - dt.timedelta(seconds=1))
        )
        return int(getattr(done, "rowcount", 0) or 0)


def test_a_server_killed_while_a_message_is_at_the_gateway_loses_none_and_sends_none_twice(
    hall: PreparedHall, gateway: Gateway, servers: list[ServerProcess], rows: Sessions
) -> None:
    server = _started(servers, hall, "server", *HALL_WORK)
    _set_gateway(server.desk("8", "admin", PASSWORD), gateway)
    gateway.script[:] = [200, 200, HELD]  # the third message delivered, its answer never coming
    cases = _take_intakes(server.desk("9", "wulan", PASSWORD), 1, 5)
    _until(lambda: len(gateway.requests) >= 3, "the third message at the gateway", server.log)
    held_key = gateway.requests[2]["idempotency_key"]
    server.kill()  # while it waits for the gateway's answer: delivered, not marked
    sessions = rows
    assert sum(m.state == "sent" for m in _messages(sessions)) == 2
    server.start()
    assert _lease_run_out(sessions, models.OutboxMessage) >= 1
    _until(lambda: all(m.state == "sent" for m in _messages(sessions)), "every message sent", server.log)
    sent = _messages(sessions)
    assert len(sent) == len(cases)  # none lost: one 受理 message per intake
    assert len(gateway.delivered) == len(cases)  # none sent twice: the gateway delivered each key once
    assert {m.gateway_id for m in sent} == set(gateway.delivered.values())
    asked = [r["idempotency_key"] for r in gateway.requests]
    assert asked.count(held_key) == 2  # the held one asked again under its key, and dropped as a repeat
    assert gateway.bad_signatures == 0
    secret_files = list((hall.folder / "server-home").rglob("sms-gateway.secret"))
    assert len(secret_files) == 1
    assert secret_files[0].stat().st_mode & 0o777 == 0o600  # the server's own key folder, its owner's alone


def test_two_servers_on_one_database_serve_the_same_desks_and_both_send_safely(
    hall: PreparedHall, gateway: Gateway, servers: list[ServerProcess], rows: Sessions
) -> None:
    a = _started(servers, hall, "server-a", *HALL_WORK)
    b = _started(servers, hall, "server-b", *HALL_WORK)
    _set_gateway(a.desk("8", "admin", PASSWORD), gateway)
    at_a = a.desk("8", "wulan", PASSWORD)
    at_b = b.desk("9", "baoyin", PASSWORD)
    # a session opened at one server is the other's too: nothing of it is held in either process
    moved = Remote(b.root, hall.ca_file)
    b.made.append(moved)
    moved._token, moved._desk_key = at_a._token, hall.desk_keys["8"]
    cases = _take_intakes(at_a, 1, 4) + _take_intakes(at_b, 2, 4) + _take_intakes(moved, 3, 2)
    assert len(set(cases)) == len(cases) == 10
    sessions = rows
    _until(
        lambda: len(_messages(sessions)) == 10 and all(m.state == "sent" for m in _messages(sessions)),
        "every message sent",
        a.log,
    )
    asked = [r["idempotency_key"] for r in gateway.requests]
    assert len(asked) == len(set(asked)) == len(gateway.delivered) == 10  # two senders, each message asked once


def test_a_desk_naming_both_servers_moves_to_the_other_with_its_session_and_applies_each_write_once(
    hall: PreparedHall, servers: list[ServerProcess], rows: Sessions
) -> None:
    a = _started(servers, hall, "server-a")
    b = _started(servers, hall, "server-b")
    desk = Remote(f"{a.root} {b.root}", hall.ca_file, retry_waits_s=(5.0,))  # a wait would show in the timings
    a.made.append(desk)
    assert desk.sign_in("wulan", PASSWORD, "9", hall.desk_keys["9"]).result.signed_in  # at A, the first named
    before = _take_intakes(desk, 1, 2)
    stored = desk.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE))
    assert stored is not None
    request = IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), applicant(1, 9), uid=new_key())
    in_hand, key = TakeIntake(request), new_key()
    first = desk.call(TAKE_INTAKE, in_hand, key=key).case_no  # applied at A; its answer taken as lost below
    a.kill()
    # A's machine still takes connections and answers nothing (hung, or going down): the worst a desk can meet
    with socket.create_server(("127.0.0.1", a.port), backlog=64):
        began = time.monotonic()
        again = desk.call(TAKE_INTAKE, in_hand, key=key).case_no  # the same write asked again: B answers it
        moved_s = time.monotonic() - began
        timings = []
        after = []
        for n in range(3):
            began = time.monotonic()
            request = IntakeRequest(request.checklist, applicant(1, 10 + n), uid=new_key())
            after.append(desk.call(TAKE_INTAKE, TakeIntake(request), key=new_key()).case_no)
            timings.append(time.monotonic() - began)
    assert again == first  # answered from the receipt A kept in the shared database: applied once
    assert moved_s < CONNECT_TIMEOUT_S + 2.0  # A given up within the connect deadline, not its request's timeout
    assert max(timings) < 1.0, timings  # B remembered: A is not asked again at every call
    assert desk.signed_in  # the session A opened holds at B: no new sign-in
    with rows() as s:
        cases = set(s.scalars(select(models.Case.case_no)))
    assert cases == {*before, first, *after}  # nothing lost, nothing twice


def test_a_server_killed_while_a_report_is_at_the_platform_loses_none_and_sends_none_twice(
    hall: PreparedHall, servers: list[ServerProcess], rows: Sessions
) -> None:
    server = _started(servers, hall, "server", *HALL_WORK)
    with running_platform() as platform:
        admin = server.desk("8", "admin", PASSWORD)
        # published before the site reports: a reporting site refuses a sample's illustrative codes, and the
        # shipped guide is a sample's
        admin.call(PUBLISH_GUIDE, BundleCode(BUNDLE))
        _set_platform(admin, platform)
        platform.script[:] = [200, STALL]  # the second report kept by the platform, its answer never coming
        cases = _take_intakes(server.desk("9", "wulan", PASSWORD), 1, 4)
        _until(lambda: len(platform.requests) >= 2, "the second report at the platform", server.log)
        held_key = platform.requests[1]["idempotency_key"]
        server.kill()
        assert _lease_run_out(rows, models.PlatformEvent) >= 1
        server.start()
        _until(lambda: all(e.state == "sent" for e in _events(rows)), "every report sent", server.log)
        events = _events(rows)
        assert len(events) >= len(cases)  # none lost: at least the 受理 of each intake
        assert len(platform.held) == len(events)  # none sent twice: the platform kept each key once
        asked = [r["idempotency_key"] for r in platform.requests]
        assert asked.count(held_key) == 2  # the held one asked again under its key, answered as a repeat
        assert platform.bad_signatures == 0


def test_a_server_killed_during_a_sync_import_keeps_none_of_it_and_takes_it_once_when_asked_again(
    hall: PreparedHall, servers: list[ServerProcess], rows: Sessions, tmp_path: Path
) -> None:
    desk = Desk(DeskIdentity("XAM01", "1"), "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    key_path = Path(hall.env["COUNTER_HOME"]) / "keys" / "site.key"  # the server's own key folder, nowhere else
    with rows.begin() as s:
        identity = init_site(s, "XAM01", "兴安盟政务服务中心", SiteKind.HALL, desk=desk, key_path=key_path)
    hall_site = Site(identity, rows, desk, key_path)
    township = make_site(
        make_sessions(make_engine(made_database(tmp_path / "ars.sqlite3"))),
        "ARS01",
        "明水河镇便民服务中心",
        SiteKind.TOWNSHIP,
        tmp_path,
    )
    introduce(hall_site, township)
    run_demo(township.sessions, township.desk, TODAY)
    export = township.export()
    township.sessions.kw["bind"].dispose()
    assert len(export.packages) == 1
    data = export.packages[0]
    kind = str(_header_json(_split(data)[1])["kind"])
    server = _started(servers, hall, "server", "--hall-work", "off")
    clerk = server.desk("9", "wulan", PASSWORD)
    key = new_key()
    answers: list[object] = []
    blocker = rows.kw["bind"].connect()
    held = blocker.begin()
    # the test holds the package's number open in a transaction of its own: the server's import, its cases written,
    # waits at the end for it, inside its one transaction, where it is killed
    number = {"from_site": "ARS01", "kind": kind, "export_no": export.export_no, "content_hash": "0" * 64}
    blocker.execute(insert(models.SyncImport).values(**number))
    asking = threading.Thread(target=lambda: answers.append(_asked(clerk, data, key)), daemon=True)
    asking.start()
    _until(lambda: _waiting_on_a_lock(rows), "the import waiting inside its transaction", server.log)
    server.kill()
    held.rollback()
    blocker.close()
    asking.join(WAIT_S)
    assert isinstance(answers[0], ServerUnreachable)  # the desk told the server is away, its intake kept
    server.start()
    assert _township_cases(rows) == 0  # nothing of the killed import was kept
    report = clerk.call(IMPORT_PACKAGE, ImportPackage(data), key=key)  # the desk asks again, same key
    assert not report.replayed
    assert report.applied > 0
    taken = _township_cases(rows)
    assert taken > 0
    again = clerk.call(IMPORT_PACKAGE, ImportPackage(data), key=new_key())  # the same package once more
    assert again.replayed
    assert _township_cases(rows) == taken  # taken in once
    with rows() as s:
        assert s.scalar(select(func.count()).select_from(models.SyncImport)) == 1


def _asked(clerk: Remote, data: bytes, key: str) -> object:
    try:
        return clerk.call(IMPORT_PACKAGE, ImportPackage(data), key=key)
    except Exception as err:  # the server killed under the request: the desk is told it could not be reached
        return err


def _waiting_on_a_lock(sessions: Sessions) -> bool:
    with sessions() as s:
        waiting = s.scalar(
            text(
                "select count(*) from pg_stat_activity where datname = current_database() "
                "and wait_event_type = 'Lock' and state = 'active'"
            )
        )
        return bool(waiting)


def _township_cases(sessions: Sessions) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.count()).select_from(models.Case).where(models.Case.site_code == "ARS01")) or 0)
