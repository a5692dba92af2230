"""The front store's sender as the hall runs it (``counter front-store send``), killed with SIGKILL in the middle of a
batch: the events it wrote stay written, none is written twice when the next sender takes the batch over, and every
event of the day reaches the front store.

The front store is a throwaway PostgreSQL with the national tables and a trigger that makes each 受理 row take a
moment, so that the kill falls between two events of one batch; the hall's database is an SQLite file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.item_authority import set_item_held
from counter.actions.outbox.front_store import save_front_store, send_due
from counter.actions.outbox.platform import save_platform
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.host.machine.paths import site_key_path
from counter.platform.settings import PlatformSettings
from tests.actions.senders import Clock, Writes
from tests.actions.test_front_store import DDL, hall_codes, rows, settings_for
from tests.actions.test_intake_actions import full_request, take
from tests.codings import CHOSEN, confirm_guides
from tests.conftest import made_database
from tests.pg_server import PgDatabases

CASES = 6  # a day's 受理 of one desk: six events, four 受理 rows each
SLOW = """
CREATE FUNCTION slow_row() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(0.15); RETURN NEW; END $$ LANGUAGE plpgsql;
CREATE TRIGGER slow_accept BEFORE INSERT ON up_pro_accept FOR EACH ROW EXECUTE FUNCTION slow_row();
"""


@pytest.fixture
def slow_front_store(pg_databases: PgDatabases) -> Iterator[str]:
    name = f"front{next(pg_databases._numbers)}"
    with pg_databases.admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = pg_databases.cluster.url(name)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(DDL.read_text(encoding="utf-8"))
        conn.exec_driver_sql(SLOW)
    engine.dispose()
    yield url
    pg_databases.drop(name)


def _marks(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as s:
        return list(s.scalars(select(models.FrontStoreEvent.state)))


@pytest.mark.slow
def test_a_sender_killed_mid_batch_leaves_every_event_in_the_front_store_once(
    tmp_path: Path, slow_front_store: str
) -> None:
    db = made_database(tmp_path / "hall.sqlite3")
    engine = make_engine(db)
    sessions = make_sessions(engine)
    desk = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    try:
        with sessions.begin() as s:  # the hall reports (its codings chosen), and writes to its front store
            save_platform(s, PlatformSettings(True, codings=CHOSEN), desk=desk)
            save_front_store(s, settings_for(slow_front_store), desk=desk)
            hall_codes(s, desk, site_key_path().parent)
            confirm_guides(s, "XAM-YJS-008")  # the site confirmed its guide: a sample guide's cases never leave
            for code in ("152201-YJS008-01", "152201-YJS008-02", "152201-YJS008-03"):  # its own: a 受理, not a 收件
                set_item_held(s, desk, "XAM01", code, held=True)
        numbers = [take(sessions, desk, full_request(sessions)) for _ in range(CASES)]

        sender = subprocess.Popen(
            [sys.executable, "-m", "counter", "front-store", "send", "--once", "--db", db],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=os.environ.copy(),
        )
        try:
            deadline = time.monotonic() + 60
            while len(rows(slow_front_store, "up_pro_accept")) < 8 and time.monotonic() < deadline:
                assert sender.poll() is None, sender.communicate()
                time.sleep(0.05)
        finally:
            sender.send_signal(signal.SIGKILL)  # in the middle of the batch: two events written, four not
            sender.communicate(timeout=10)  # its end, and its pipe closed
        written = rows(slow_front_store, "up_pro_accept")
        assert 8 <= len(written) < 4 * CASES
        assert set(_marks(sessions)) == {"sending"}  # claimed, none marked: the kill came before the batch's marks

        clock = Clock()
        clock.advance(hours=1)  # the dead sender's lease runs out; the next sender takes the batch over
        done = send_due(Writes(sessions), clock=clock)
        assert (done.sent, done.failed) == (CASES, 0)
        assert set(_marks(sessions)) == {"sent"}
        accepts = rows(slow_front_store, "up_pro_accept")
        assert len(accepts) == 4 * CASES  # each event once: those written before the kill not again
        assert {str(r["project_no"]) for r in accepts} == set(numbers)
        assert len({r["row_guid"] for r in accepts}) == len(accepts)
        assert len({r["cd_batch"] for r in accepts}) == 2  # the killed sender's batch and the one that took it over
    finally:
        engine.dispose()
