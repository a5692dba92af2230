"""A desk's unit of work on PostgreSQL ends within its bounds, and the clerk reads why.

Its sessions had no lock_timeout, statement_timeout nor idle_in_transaction_session_timeout: a write on a case
another connection kept locked (a second desk, a supervisor's psql left in a transaction) waited for as long as the
lock was held, the window under its wait cursor with the applicant at the counter.  Now each wait is bounded
(:class:`counter.db.engine.Bounds`) and what the server raises at the bound is a fault worded for the clerk.
"""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from counter.actions.site.store import Store
from counter.db.case_store import case_by_no
from counter.db.engine import Bounds, make_engine
from counter.host.database.database_faults import DbFault, StoreFault
from counter.words.database import fault_text
from tests.db.test_number_check_race import demo_intake
from tests.pg_server import CATALOG, FreshDatabases

BOUND_S = 1.0


@pytest.fixture
def hall(fresh_pg: FreshDatabases) -> str:
    return fresh_pg.url(CATALOG)


def bounded(url: str, **bounds: float) -> Store:
    return Store(url, bounds=Bounds(**bounds))


def test_a_write_on_a_case_another_connection_holds_ends_at_the_lock_bound_worded(hall: str) -> None:
    store = bounded(hall, lock_s=BOUND_S)
    other = make_engine(hall)  # another desk's connection, or a psql left open
    try:
        case_no = demo_intake(store.sessions(), 1)
        with other.connect() as holder, holder.begin():
            holder.execute(text('SELECT id FROM "case" WHERE case_no = :no FOR UPDATE'), {"no": case_no})
            started = time.monotonic()
            with pytest.raises(StoreFault) as raised:
                store.write(lambda session: case_by_no(session, case_no, lock=True))  # what every case step does
            waited = time.monotonic() - started
        assert raised.value.fault is DbFault.LOCKED
        assert not raised.value.connection_lost  # the server answered: nothing to wait for and reconnect to
        assert BOUND_S * 0.9 <= waited < BOUND_S + 4
        assert fault_text(raised.value.fault).startswith("另一窗口正在处理这条记录")
        # the lock let go, the same write goes through
        assert store.write(lambda session: case_by_no(session, case_no, lock=True)) is not None
    finally:
        other.dispose()
        store.dispose()


def test_a_statement_past_its_bound_is_ended_worded(hall: str) -> None:
    store = bounded(hall, statement_s=0.5)
    try:
        started = time.monotonic()
        with pytest.raises(StoreFault) as raised:
            store.read(lambda session: session.execute(text("SELECT pg_sleep(30)")))
        assert time.monotonic() - started < 10
        assert raised.value.fault is DbFault.TOO_SLOW
        assert not raised.value.connection_lost
        assert "超过了时限" in fault_text(raised.value.fault)
    finally:
        store.dispose()


def test_a_transaction_left_idle_past_its_bound_is_ended_worded(hall: str) -> None:
    store = bounded(hall, idle_in_transaction_s=0.5)

    def idle(session: Session) -> None:
        session.execute(text("SELECT 1"))  # the transaction begun
        time.sleep(2)  # the server's bound passes while the transaction waits on nothing
        session.execute(text("SELECT 1"))

    try:
        with pytest.raises(StoreFault) as raised:
            store.write(idle)
        assert raised.value.fault is DbFault.IDLE_ENDED
        assert not raised.value.connection_lost
        assert "停顿太久" in fault_text(raised.value.fault)
        assert store.read(lambda session: session.execute(text("SELECT 1")).scalar()) == 1  # a new connection
    finally:
        store.dispose()


def test_a_desks_connection_carries_its_bounds(hall: str) -> None:
    store = Store(hall)
    try:
        shown = store.read(
            lambda session: [
                session.execute(text(f"SHOW {name}")).scalar()
                for name in ("lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout")
            ]
        )
        assert shown == ["5s", "1min", "2min"]
    finally:
        store.dispose()
