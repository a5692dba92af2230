"""A unit of work begun and committed by SQLite's driver (:class:`counter.db.plain.DriverUnit`): an SQLite desk's
intakes, on the connection it keeps.  It holds the write lock from its start, as SQLAlchemy's would; what it still
asks of SQLAlchemy joins it; and what the driver raises is SQLAlchemy's error, the unit rolled back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, Integer, event, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from counter.db import plain
from counter.db.work import orm
from tests.db.test_kept_connection import marks


@pytest.fixture
def connection(mark_engine: Engine) -> Iterator[Connection]:
    with mark_engine.connect() as made:
        yield made


def _file(mark_engine: Engine) -> str:
    return str(mark_engine.url.database)


def _other_writer_waits(mark_engine: Engine) -> bool:
    """Whether another connection, waiting for nobody, is refused the write lock."""
    other = sqlite3.connect(_file(mark_engine), timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as err:
        return "locked" in str(err)
    else:
        other.execute("ROLLBACK")
        return False
    finally:
        other.close()


def _mark(connection: Connection, n: int) -> None:
    plain.run_sql(connection, f"INSERT INTO mark VALUES ({n})")


def test_the_driver_begins_with_the_write_lock_and_commits_without_sqlalchemy(
    mark_engine: Engine, connection: Connection
) -> None:
    unit = plain.DriverUnit(connection)
    _mark(connection, 1)
    assert not connection.in_transaction(), "SQLAlchemy began nothing"
    assert connection.connection.dbapi_connection.in_transaction  # type: ignore[union-attr]
    assert _other_writer_waits(mark_engine), "BEGIN IMMEDIATE: the lock is the unit's from its start"
    unit.commit()
    unit.close()
    assert not _other_writer_waits(mark_engine)
    assert marks(mark_engine) == [1]


def test_what_goes_through_sqlalchemy_joins_the_drivers_transaction(
    mark_engine: Engine, connection: Connection
) -> None:
    unit = plain.DriverUnit(connection)
    _mark(connection, 1)
    connection.execute(text("INSERT INTO mark VALUES (2)"))  # SQLAlchemy's own transaction begins: no second BEGIN
    orm(unit).execute(text("INSERT INTO mark VALUES (3)"))  # a path that asks for the ORM
    assert connection.in_transaction()
    unit.commit()
    unit.close()
    assert not connection.in_transaction()
    assert marks(mark_engine) == [1, 2, 3]


@pytest.mark.parametrize("joined", [False, True], ids=["driver only", "sqlalchemy joined"])
def test_a_unit_closed_uncommitted_rolls_back_whole(mark_engine: Engine, connection: Connection, joined: bool) -> None:
    unit = plain.DriverUnit(connection)
    _mark(connection, 1)
    if joined:
        orm(unit).execute(text("INSERT INTO mark VALUES (2)"))
    unit.close()
    assert not connection.connection.dbapi_connection.in_transaction  # type: ignore[union-attr]
    assert not plain.begun_by_driver(connection)
    assert marks(mark_engine) == []
    plain.DriverUnit(connection).close()  # the connection begins again as new


def test_the_drivers_errors_are_sqlalchemys(mark_engine: Engine, connection: Connection) -> None:
    unit = plain.DriverUnit(connection)
    _mark(connection, 1)
    with pytest.raises(IntegrityError):
        _mark(connection, 1)
    unit.close()
    holder = sqlite3.connect(_file(mark_engine), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another desk writing
    try:
        connection.connection.dbapi_connection.execute("PRAGMA busy_timeout=0")  # type: ignore[union-attr]
        with pytest.raises(OperationalError, match="locked"):
            plain.DriverUnit(connection)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not plain.begun_by_driver(connection)


def test_a_unit_whose_statements_are_listened_to_is_begun_through_sqlalchemy(
    mark_engine: Engine, connection: Connection
) -> None:
    sent: list[str] = []

    def keep(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        sent.append(statement)

    event.listen(mark_engine, "before_cursor_execute", keep)
    unit = plain.DriverUnit(connection)
    assert connection.in_transaction()
    _mark(connection, 1)
    unit.commit()
    unit.close()
    assert sent == ["BEGIN IMMEDIATE", "INSERT INTO mark VALUES (1)"]
    assert marks(mark_engine) == [1]


def test_a_session_on_the_unit_never_commits_it(mark_engine: Engine, connection: Connection) -> None:
    unit = plain.DriverUnit(connection)
    session: Session = orm(unit)
    session.execute(text("INSERT INTO mark VALUES (1)"))
    session.flush()
    assert _other_writer_waits(mark_engine)
    unit.close()  # never committed: the session's own work goes too
    assert marks(mark_engine) == []


def test_a_unit_that_only_reads_leaves_the_write_lock_to_the_other_desks(
    mark_engine: Engine, connection: Connection
) -> None:
    # the intake panel's preview of the form, on the connection the intakes run on: reading one state of the file
    first = plain.DriverUnit(connection)
    _mark(connection, 1)
    first.commit()
    first.close()
    unit = plain.DriverReadUnit(connection)
    count = text("SELECT count(*) FROM mark").columns(n=Integer)
    seen = plain.run(connection, count, {})
    assert connection.connection.dbapi_connection.in_transaction  # type: ignore[union-attr]
    assert not _other_writer_waits(mark_engine), "a deferred BEGIN: no write lock"
    other = sqlite3.connect(_file(mark_engine), isolation_level=None)
    other.execute("INSERT INTO mark VALUES (2)")  # another desk writes meanwhile
    other.close()
    assert plain.run(connection, count, {}) == seen == [(1,)]  # one state, as read first
    unit.commit()
    unit.close()
    assert marks(mark_engine) == [1, 2]
