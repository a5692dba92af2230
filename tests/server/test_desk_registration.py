"""Two desk registrations at once on the hall's PostgreSQL: one stands, the other is told in Chinese and keeps nothing.

Both found no row and both wrote one; the later insert waited for the first to commit, then failed on the unique key
and ``counter serve add-desk`` ended on a raw database error.  Here the first registration's transaction is held
open, the second is sent and seen waiting on its lock, then the first commits: the race, every time.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from counter.access.desk_session import DeskRegisteredMeanwhile
from counter.actions.admin.desk_sessions import register_desk
from counter.db import models
from counter.server.main import DESK_REGISTERED_MEANWHILE
from counter.service.hall import REGISTER_DESK, DeskKey
from counter.service.local import serve
from tests.pg_server import CATALOG, PgDatabases
from tests.server.hall_server import counter

pytestmark = pytest.mark.program

FIRST, SECOND = "a" * 64, "b" * 64  # the key hashes of the two registrations
WAIT_S = 60.0  # the second registration's start, on a loaded machine


@pytest.fixture
def url(pg_databases: PgDatabases) -> Iterator[str]:
    name = pg_databases.create(CATALOG)
    try:
        yield pg_databases.cluster.url(name)
    finally:
        pg_databases.drop(name)


def _held(url: str, desk_no: str) -> tuple[Session, Callable[[], None]]:
    """A registration of ``desk_no`` written and not committed yet; the function that commits it."""
    engine = create_engine(url)
    session = Session(engine)
    register_desk(session, desk_no, FIRST)
    session.flush()

    def commit() -> None:
        session.commit()
        session.close()
        engine.dispose()

    return session, commit


def _once_waiting(url: str, began: Callable[[], bool]) -> None:
    """Return once another connection to the database waits on a lock: the second registration, behind the first;
    or once it ended without waiting (what it met is then asserted by the test)."""
    engine = create_engine(url)
    deadline = time.monotonic() + WAIT_S
    try:
        with engine.connect() as conn:
            while time.monotonic() < deadline:
                waiting = conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        " AND datname = current_database()"
                    )
                ).scalar_one()
                conn.rollback()  # the server's view of its sessions is taken once a transaction: a new one each time
                if waiting or not began():
                    return
                time.sleep(0.02)  # polling the server's own view of its locks: there is nothing to wait on
    finally:
        engine.dispose()
    raise AssertionError(f"the second registration did not wait on the first within {WAIT_S} s")


def _key_of(url: str, desk_no: str) -> str | None:
    engine = create_engine(url)
    with engine.connect() as conn:
        key = conn.execute(select(models.HallDesk.key_hash).where(models.HallDesk.desk_no == desk_no)).scalar()
    engine.dispose()
    return key


def test_one_desk_added_twice_at_once_keeps_the_first_and_tells_the_second(url: str, tmp_path: Path) -> None:
    service = serve(url)
    service.call(REGISTER_DESK, DeskKey("1", "1" * 64))  # the site's identity made: only the desk's row races
    service.close()
    env = {k: v for k, v in os.environ.items() if k != "COUNTER_DB_URL"}
    env.update(COUNTER_HOME=str(tmp_path / "home"), COUNTER_STATE=str(tmp_path / "state"))
    _session, commit = _held(url, "8")
    done: list[subprocess.CompletedProcess[str]] = []
    second = threading.Thread(target=lambda: done.append(counter("serve", "add-desk", "--db", url, "--desk", "8",
                                                                 env=env)))  # fmt: skip
    second.start()
    try:
        _once_waiting(url, second.is_alive)
    finally:
        commit()
        second.join()
    (ran,) = done
    assert ran.returncode == 1, ran
    assert ran.stderr.strip() == DESK_REGISTERED_MEANWHILE.format(desk="8"), ran
    assert "Error" not in ran.stderr
    assert _key_of(url, "8") == FIRST  # the key the first was shown still opens the desk


def test_two_desks_added_at_once_on_a_new_hall_register_one_and_tell_the_other(url: str) -> None:
    """The hall's first registration makes the site's identity: a second at the same moment wrote it too."""
    _session, commit = _held(url, "8")
    service = serve(url)
    failed: list[BaseException] = []

    def second() -> None:
        try:
            service.call(REGISTER_DESK, DeskKey("9", SECOND))
        except BaseException as err:
            failed.append(err)

    thread = threading.Thread(target=second)
    thread.start()
    try:
        _once_waiting(url, thread.is_alive)
    finally:
        commit()
        thread.join()
    assert [type(err) for err in failed] == [DeskRegisteredMeanwhile], failed
    assert _key_of(url, "9") is None
    service.call(REGISTER_DESK, DeskKey("9", SECOND))  # asked again, it registers
    service.close()
    assert (_key_of(url, "8"), _key_of(url, "9")) == (FIRST, SECOND)
