"""Statements sent on the driver's cursor (counter.db.plain) write and read what ``Connection.execute`` does."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    Integer,
    MetaData,
    Table,
    Text,
    bindparam,
    event,
    exists,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from counter.db import plain
from counter.db.engine import make_sessions

METADATA = MetaData()
SAMPLE = Table(
    "plain_sample", METADATA,
    Column("id", Integer, primary_key=True), Column("code", Text, nullable=False, unique=True),
    Column("flag", Boolean, nullable=False), Column("day", Date), Column("at", DateTime(timezone=True)),
    Column("note", Text, nullable=False, default=""), Column("count", Integer, nullable=False, default=0),
)  # fmt: skip
STAMPED = Table(
    "plain_stamped", METADATA,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False, default=lambda: dt.datetime.now(dt.UTC)),
)  # fmt: skip

AT = dt.datetime(2026, 11, 24, 1, 30, 5, 120, tzinfo=dt.UTC)
ROW = {"flag": True, "day": dt.date(2026, 11, 24), "at": AT}
ADD = insert(SAMPLE).returning(SAMPLE.c.id)
BUMP = (
    update(SAMPLE)
    .where(SAMPLE.c.code == bindparam("which"))
    .values(count=SAMPLE.c.count + 1, note=literal("bumped"))
    .returning(SAMPLE.c.count, SAMPLE.c.at)
)
FOUND = select(exists(select(SAMPLE.c.id).where(SAMPLE.c.code == bindparam("which"))))


@pytest.fixture
def engine(either_engine: Engine) -> Engine:
    METADATA.create_all(either_engine)
    return either_engine


def stored(engine: Engine) -> dict[str, tuple[Any, ...]]:
    with engine.connect() as connection:
        rows = connection.execute(select(SAMPLE).order_by(SAMPLE.c.code))
        return {row.code: tuple(row)[2:] for row in rows}


def test_rows_sent_plainly_are_stored_as_sqlalchemy_stores_them(engine: Engine) -> None:
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        connection = session.connection()
        [(first,)] = plain.run(connection, ADD, {"code": "plain", **ROW})
        second = connection.execute(ADD, {"code": "sqlalchemy", **ROW}).scalar_one()
        plain.run_many(connection, insert(SAMPLE), [{"code": f"plain-{n}", **ROW} for n in range(3)])
        connection.execute(insert(SAMPLE), [{"code": f"sqlalchemy-{n}", **ROW} for n in range(3)])
        assert second == first + 1  # the id given back by RETURNING
        # a value bound in the statement (the literal, the ``+ 1``), and the returned moment converted back as
        # SQLAlchemy converts it (SQLite keeps its wall time only)
        bumped = plain.run(connection, BUMP, {"which": "plain"})
        assert bumped == [tuple(r) for r in connection.execute(BUMP, {"which": "sqlalchemy"})]
        assert bumped[0][0] == 1
        assert bumped[0][1].replace(tzinfo=dt.UTC) == AT
        # a boolean the database gives back as an integer (SQLite) comes back a boolean, as SQLAlchemy gives it
        assert plain.run(connection, FOUND, {"which": "plain-2"}) == [(True,)]
        assert plain.run(connection, FOUND, {"which": "none"}) == [(False,)]
    rows = stored(engine)
    assert len(rows) == 8
    assert rows["plain"] == rows["sqlalchemy"]
    assert rows["plain"][:2] + rows["plain"][3:] == (True, dt.date(2026, 11, 24), "bumped", 1)
    for n in range(3):
        assert rows[f"plain-{n}"] == rows[f"sqlalchemy-{n}"] == (*rows["plain"][:3], "", 0)


def test_a_drivers_error_is_raised_as_sqlalchemys_and_the_transaction_is_rolled_back(engine: Engine) -> None:
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        plain.run(session.connection(), ADD, {"code": "kept", **ROW})
    with sessions.begin() as session:
        plain.run(session.connection(), ADD, {"code": "lost", **ROW})
        with pytest.raises(IntegrityError):
            plain.run(session.connection(), ADD, {"code": "kept", **ROW})
        session.rollback()
    twice = [{"code": "also lost", **ROW}, {"code": "kept", **ROW}]
    with sessions.begin() as session:
        with pytest.raises(IntegrityError):
            plain.run_many(session.connection(), insert(SAMPLE), twice)
        session.rollback()
    assert list(stored(engine)) == ["kept"]
    with sessions.begin() as session:  # the connection given back to the pool still works
        plain.run(session.connection(), ADD, {"code": "after", **ROW})
    assert list(stored(engine)) == ["after", "kept"]


def test_a_value_left_to_a_python_function_is_refused(engine: Engine) -> None:
    with make_sessions(engine).begin() as session, pytest.raises(ValueError, match="from a function"):
        plain.run(session.connection(), insert(STAMPED), {"id": 1})


def test_a_value_not_given_is_named(engine: Engine) -> None:
    with make_sessions(engine).begin() as session, pytest.raises(KeyError, match="which"):
        plain.run(session.connection(), BUMP, {})


def test_a_value_sqlalchemy_writes_into_the_statement_when_sent_is_refused(engine: Engine) -> None:
    """``IN`` of a list and ``literal_execute`` are written into the SQL by SQLAlchemy's execution, which a plain
    statement does not go through: sent as they compile, the server would read their marks as SQL."""
    listed = select(SAMPLE.c.id).where(SAMPLE.c.code.in_(["a", "b"]))
    written = select(SAMPLE.c.id).where(SAMPLE.c.code == bindparam(None, "a", literal_execute=True))
    with make_sessions(engine).begin() as session:
        for statement in (listed, written):
            with pytest.raises(ValueError, match="written into the statement"):
                plain.run(session.connection(), statement, {})


def test_statements_go_through_sqlalchemy_while_something_listens_to_them(engine: Engine) -> None:
    """From the first unit of work that begins after a listener was added: a connection asks once (see
    ``plain._observed``), as SQLAlchemy reads an engine's ``echo`` once per connection."""
    seen: list[str] = []

    def sending(_c: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.startswith("BEGIN"):  # a writing unit's first, on SQLite
            seen.append(statement.split(maxsplit=1)[0])

    sessions = make_sessions(engine)
    with sessions.begin() as session:
        plain.run(session.connection(), ADD, {"code": "unseen", **ROW})
    event.listen(engine, "before_cursor_execute", sending)
    try:
        with sessions.begin() as session:
            connection = session.connection()
            plain.run(connection, ADD, {"code": "seen", **ROW})
            plain.run_many(connection, insert(SAMPLE), [{"code": "seen too", **ROW}])
            assert plain.run(connection, FOUND, {"which": "seen"}) == [(True,)]
        with sessions.plain() as unit:
            plain.run(unit.connection(), FOUND, {"which": "unseen"})
    finally:
        event.remove(engine, "before_cursor_execute", sending)
    assert seen == ["INSERT", "INSERT", "SELECT", "SELECT"]
    assert list(stored(engine)) == ["seen", "seen too", "unseen"]


def test_a_batch_sends_its_rows_and_answers_what_is_asked(engine: Engine) -> None:
    with make_sessions(engine).begin() as session:
        connection = session.connection()
        with plain.batched(connection):
            plain.run_many(connection, insert(SAMPLE), [{"code": f"batch-{n}", **ROW} for n in range(3)])
            [(last,)] = plain.run(connection, ADD, {"code": "asked", **ROW})
            plain.run(connection, BUMP, {"which": "batch-1"})
            plain.run(connection, insert(SAMPLE), {"code": "unasked", **ROW})
        assert plain.run(connection, FOUND, {"which": "unasked"}) == [(True,)]
    rows = stored(engine)
    assert list(rows) == ["asked", "batch-0", "batch-1", "batch-2", "unasked"]
    assert rows["batch-1"][3:] == ("bumped", 1)
    assert isinstance(last, int)


def send_three(connection: Connection, codes: list[str]) -> None:
    with plain.batched(connection):
        for code in codes:
            plain.run(connection, insert(SAMPLE), {"code": code, **ROW})


def test_an_error_in_a_batch_is_raised_as_sqlalchemys_and_nothing_of_it_is_kept(engine: Engine) -> None:
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        plain.run(session.connection(), ADD, {"code": "kept", **ROW})
    with sessions.begin() as session:
        connection = session.connection()
        with pytest.raises(IntegrityError):  # raised by the statement, or at the batch's end at the latest
            send_three(connection, ["lost", "kept", "also lost"])
        session.rollback()
    assert list(stored(engine)) == ["kept"]
    with sessions.begin() as session:
        plain.run(session.connection(), ADD, {"code": "after", **ROW})
    assert list(stored(engine)) == ["after", "kept"]


def test_a_statement_sqlalchemy_sends_itself_ends_the_batch_first(engine: Engine) -> None:
    # in a pipeline the driver knows neither the rows an UPDATE matched nor whether a SELECT returns rows, and the
    # session's flush of a changed object asks the first (a resubmitted intake moves its earlier case on)
    with make_sessions(engine).begin() as session:
        connection = session.connection()
        with plain.batched(connection):
            plain.run(connection, insert(SAMPLE), {"code": "batched", **ROW})
            changed = connection.execute(update(SAMPLE).where(SAMPLE.c.code == "batched").values(note="seen"))
            assert changed.rowcount == 1
            assert connection.execute(select(SAMPLE.c.note).where(SAMPLE.c.code == "batched")).scalar_one() == "seen"
            plain.run(connection, insert(SAMPLE), {"code": "after", **ROW})
    assert list(stored(engine)) == ["after", "batched"]


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2026, 11, 20, 2, 30),  # no microseconds: SQLAlchemy still writes six digits
        dt.datetime(2026, 11, 20, 2, 30, 5, 120, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 20, 10, 30, 5, 999999, tzinfo=dt.timezone(dt.timedelta(hours=8))),  # its wall time
        dt.datetime(999, 1, 2, 3, 4, 5),
        dt.date(2026, 11, 20),  # a day given for a moment: SQLAlchemy's own conversion
    ],
)
def test_a_moment_is_sent_to_sqlite_as_the_text_sqlalchemy_makes(value: dt.date) -> None:
    """The quicker conversion (``plain._quicker``) gives SQLite the very text SQLAlchemy's own does."""
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    for column_type in (DateTime(), DateTime(timezone=True), Date()):
        if isinstance(column_type, Date) and isinstance(value, dt.datetime):
            continue
        impl = column_type.dialect_impl(dialect)
        own = impl.bind_processor(dialect)
        quicker = plain._quicker(impl, own)
        assert own is not None
        assert quicker is not None
        assert quicker is not own  # the default storage format: the quicker one is used
        assert quicker(value) == own(value)
