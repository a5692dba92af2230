"""A desk's units of work on a connection it keeps (:class:`counter.db.work.KeptConnection`): on SQLite, the
intake's; the pool is asked only for the first, after a failure, and by a unit begun while the kept one is in use."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, text

from counter.actions.store import Store
from counter.db.work import KeptConnection, PlainUnit, Work
from tests.pg_server import FreshDatabases


class Pool:
    """What the mark_engine's pool gave out and took back."""

    def __init__(self, mark_engine: Engine) -> None:
        self.out = self.back = 0
        self.second_out = threading.Event()
        event.listen(mark_engine, "checkout", self._out)
        event.listen(mark_engine, "checkin", self._back)

    def _out(self, *_: object) -> None:
        self.out += 1
        if self.out == 2:
            self.second_out.set()

    def _back(self, *_: object) -> None:
        self.back += 1


def marks(mark_engine: Engine) -> list[int]:
    with mark_engine.connect() as connection:
        return [n for (n,) in connection.execute(text("SELECT n FROM mark ORDER BY n"))]


def add(n: int) -> Callable[[PlainUnit], None]:
    """The action of a unit that marks ``n``."""

    def marking(unit: PlainUnit) -> None:
        unit.connection().execute(text("INSERT INTO mark VALUES (:n)"), {"n": n})

    return marking


def test_units_run_on_one_connection_until_it_is_closed(mark_engine: Engine) -> None:
    pool = Pool(mark_engine)
    kept = KeptConnection(mark_engine)
    for n in range(3):
        kept.run(add(n))
    assert (pool.out, pool.back) == (1, 0)
    kept.close()
    assert (pool.out, pool.back) == (1, 1)
    assert marks(mark_engine) == [0, 1, 2]


def test_a_failed_unit_gives_its_connection_back_and_the_next_takes_another(mark_engine: Engine) -> None:
    pool = Pool(mark_engine)
    kept = KeptConnection(mark_engine)
    kept.run(add(1))

    def failing(unit: PlainUnit) -> None:
        add(2)(unit)
        raise RuntimeError("the action failed")

    with pytest.raises(RuntimeError):
        kept.run(failing)
    assert (pool.out, pool.back) == (1, 1)  # rolled back, and back in the pool
    kept.run(add(3))
    kept.close()
    assert (pool.out, pool.back) == (2, 2)
    assert marks(mark_engine) == [1, 3]


def test_a_unit_begun_while_the_kept_one_is_in_use_takes_its_own(mark_engine: Engine) -> None:
    """The second waits for the first's write lock (``BEGIN IMMEDIATE``), on a connection of its own."""
    pool = Pool(mark_engine)
    kept = KeptConnection(mark_engine)
    begun = threading.Event()

    def second() -> None:
        begun.wait()
        kept.run(add(2))

    def first(unit: PlainUnit) -> None:
        add(1)(unit)
        begun.set()
        assert pool.second_out.wait(10)  # the second took its own connection while this unit is open

    other = threading.Thread(target=second)
    other.start()
    kept.run(first)
    other.join()
    assert (pool.out, pool.back) == (2, 1)  # the second's own connection went back; the kept one stays out
    kept.close()
    assert marks(mark_engine) == [1, 2]


def test_a_store_on_sqlite_keeps_one_connection_for_its_plain_units(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}", create=True)
    mark_engine = store.sessions().writer
    pool = Pool(mark_engine)
    for _ in range(3):
        store.write_plain(lambda unit: unit.connection().execute(text("SELECT 1")))
    assert (pool.out, pool.back) == (1, 0)
    store.dispose()
    assert pool.back == 1  # given back before the mark_engine is disposed of: the file is left closed


def test_a_listener_added_between_units_sees_the_next_unit_on_the_kept_connection(mark_engine: Engine) -> None:
    """Whether a statement is sent plainly is asked once per transaction (``plain._observed``), not once per
    connection: a kept connection outlives many."""
    from counter.db import plain

    seen: list[str] = []
    kept = KeptConnection(mark_engine)
    statement = text("SELECT count(*) FROM mark")
    kept.run(lambda unit: plain.run(unit.connection(), statement, {}))

    def sending(_c: object, _cursor: object, sql: str, *_: object) -> None:
        seen.append(sql)

    event.listen(mark_engine, "before_cursor_execute", sending)
    try:
        kept.run(lambda unit: plain.run(unit.connection(), statement, {}))
    finally:
        event.remove(mark_engine, "before_cursor_execute", sending)
        kept.close()
    assert seen[-1] == "SELECT count(*) FROM mark"


def test_a_stores_plain_read_runs_on_the_kept_connection_and_a_busy_one_reads_on_its_own(tmp_path: Path) -> None:
    # the intake panel's preview reads on the connection its commit then writes on, one unit at a time
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}", create=True)
    drivers: list[object] = []

    def driver(unit: Work) -> object:
        return unit.connection().connection.dbapi_connection

    store.write_plain(lambda unit: drivers.append(driver(unit)))
    store.read_plain(lambda unit: drivers.append(driver(unit)))
    store.write_plain(lambda unit: drivers.append(driver(unit)))
    assert drivers[0] is drivers[1] is drivers[2]

    def read_while_writing(unit: Work) -> None:
        drivers.append(store.read_plain(driver))  # another thread's read, say, while the kept one is in use

    store.write_plain(read_while_writing)
    assert drivers[-1] is not drivers[0]
    store.dispose()


def test_a_stores_plain_read_on_a_hall_server_is_a_read_only_transaction(fresh_pg: FreshDatabases) -> None:
    # no kept connection there: a plain unit of its own, read only as a read's session is
    store = Store(fresh_pg.url())
    try:
        answer = store.read_plain(lambda unit: unit.connection().exec_driver_sql("SHOW transaction_read_only").scalar())
    finally:
        store.dispose()
    assert answer == "on"
