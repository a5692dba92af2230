"""Rows written in bulk: COPY text that reads back as written, and a writer that keeps order and reports failure."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest
from sqlalchemy import Boolean, Column, Date, DateTime, Engine, Integer, MetaData, Table, Text, select
from sqlalchemy.orm import Session, sessionmaker

from counter.db.bulk_rows import Item, RowWriter, bulk_insert, copy_text, object_copy_text
from counter.db.engine import make_sessions
from counter.db.sync.tables import utc

ROWS: list[tuple[Any, ...]] = [
    (1, "平常的一行", True, dt.date(2026, 11, 20), dt.datetime(2026, 11, 20, 8, 30, 5, 120, tzinfo=dt.UTC)),
    (2, "tab\there", False, None, None),
    (3, "line\nbreak\r\nand a back\\slash", None, dt.date(2026, 1, 1), None),
    (4, "\\N", True, None, dt.datetime(2026, 2, 3, 4, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=8)))),
    (5, "", False, None, None),
    (6, None, None, None, None),
]

METADATA = MetaData()
SAMPLE = Table(
    "bulk_sample", METADATA,
    Column("n", Integer, primary_key=True), Column("words", Text, nullable=True), Column("flag", Boolean),
    Column("day", Date), Column("at", DateTime(timezone=True)),
)  # fmt: skip
NAMES = ("n", "words", "flag", "day", "at")
STRICT = Table("bulk_strict", METADATA, Column("n", Integer, primary_key=True), Column("words", Text, nullable=False))


@dataclass(frozen=True)
class Sample:
    """A row's values other than its number, as an object's attributes (what ``put_objects`` reads)."""

    words: str | None
    flag: bool | None = None
    day: dt.date | None = None
    at: dt.datetime | None = None


def as_items(rows: list[tuple[Any, ...]]) -> list[Item]:
    return [((n,), Sample(*rest)) for n, *rest in rows]


def test_plain_rows_are_joined_as_they_are() -> None:
    row = (7, "材料", True, dt.date(2026, 11, 20), dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC), None)
    assert copy_text([row], 6) == "7\t材料\tTrue\t2026-11-20\t2026-11-20 08:00:00+00:00\t\\N\n".encode()


def test_text_with_a_tab_a_break_or_a_backslash_is_escaped() -> None:
    assert copy_text([(1, "a\tb"), (2, "c\\d\r\ne"), (3, "\\N"), (4, None)], 2) == (
        b"1\ta\\tb\n2\tc\\\\d\\r\\ne\n3\t\\\\N\n4\t\\N\n"
    )


@pytest.fixture
def sessions(either_engine: Engine) -> sessionmaker[Session]:
    METADATA.create_all(either_engine)
    return make_sessions(either_engine)


def stored(sessions: sessionmaker[Session]) -> list[tuple[Any, ...]]:
    with sessions() as session:
        rows = session.execute(select(SAMPLE).order_by(SAMPLE.c.n)).all()
    return [(n, words, flag, day, None if at is None else utc(at)) for n, words, flag, day, at in rows]


def expected() -> list[tuple[Any, ...]]:
    return [(*row[:4], None if row[4] is None else utc(row[4])) for row in ROWS]


def write_batches(
    sessions: sessionmaker[Session], batches: list[list[tuple[Any, ...]]], then: Exception | None = None
) -> None:
    """The batches through one writer in one transaction; ``then`` raised while the writer is still open."""
    with sessions.begin() as session, RowWriter(session) as writer:
        for batch in batches:
            writer.put(SAMPLE, NAMES, batch)
        if then is not None:
            raise then


def test_rows_read_back_as_they_were_written(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        bulk_insert(session, SAMPLE, NAMES, ROWS)
    assert stored(sessions) == expected()


def test_the_writer_writes_its_batches_in_order_in_the_callers_transaction(sessions: sessionmaker[Session]) -> None:
    interval = sys.getswitchinterval()
    write_batches(sessions, [[row] for row in ROWS])
    assert sys.getswitchinterval() == interval
    assert stored(sessions) == expected()


def test_a_batch_the_database_refuses_is_raised_and_nothing_stays(sessions: sessionmaker[Session]) -> None:
    refusals = (sqlite3.IntegrityError, psycopg.errors.UniqueViolation)
    with pytest.raises(refusals) as caught:
        write_batches(sessions, [ROWS[:2], ROWS[1:3], ROWS[3:]])  # row 2 twice
    assert "bulk_sample" in str(caught.value)
    assert "unique" in str(caught.value).lower()
    assert stored(sessions) == []


def test_a_failure_of_the_caller_lets_the_writer_finish_and_is_the_one_raised(
    sessions: sessionmaker[Session],
) -> None:
    interval = sys.getswitchinterval()
    with pytest.raises(LookupError, match="the caller's"):
        write_batches(sessions, [ROWS], then=LookupError("the caller's own failure"))
    assert sys.getswitchinterval() == interval
    assert stored(sessions) == []


def test_objects_give_the_text_of_their_rows() -> None:
    rows = [*ROWS, (7, "None of the above", True, None, None), (8, "平常", None, dt.date(2026, 11, 21), None)]
    for part in ([rows[0]], rows[:1] + rows[6:], rows):  # plain, plain with the word None, every awkward value
        assert object_copy_text(SAMPLE, 1, NAMES[1:], as_items(part)) == copy_text(part, len(NAMES))


def test_the_writer_writes_objects_as_their_rows(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session, RowWriter(session) as writer:
        writer.put_objects(SAMPLE, NAMES[:1], NAMES[1:], as_items(ROWS[:3]))
        writer.put_objects(SAMPLE, NAMES[:1], NAMES[1:], as_items(ROWS[3:]))
    assert stored(sessions) == expected()


def test_a_none_where_the_table_wants_a_value_is_refused(sessions: sessionmaker[Session]) -> None:
    """Only nullable columns are looked at for None: elsewhere it must not slip in as the word ``None``."""
    refusals = (sqlite3.IntegrityError, psycopg.errors.NotNullViolation)
    with pytest.raises(refusals), sessions.begin() as session, RowWriter(session) as writer:
        writer.put_objects(STRICT, ("n",), ("words",), [((1,), Sample("有")), ((2,), Sample(None))])
    with sessions() as session:
        assert session.execute(select(STRICT)).all() == []


def test_objects_rows_on_sqlite_keep_times_and_days_as_sqlalchemy_writes_them(sessions: sessionmaker[Session]) -> None:
    """SQLite compares stored times as text: a time written from an object is in the one form the app writes."""
    with sessions.begin() as session, RowWriter(session) as writer:
        writer.put_objects(SAMPLE, NAMES[:1], NAMES[1:], as_items(ROWS))
    with sessions() as session:
        if session.get_bind().dialect.name != "sqlite":
            return
        raw = session.connection().exec_driver_sql("SELECT day, at FROM bulk_sample ORDER BY n").all()
    assert [tuple(r) for r in raw] == [
        ("2026-11-20", "2026-11-20 08:30:05.000120"), (None, None), ("2026-01-01", None),
        (None, "2026-02-02 20:05:06.000000"), (None, None), (None, None),
    ]  # fmt: skip


def test_rows_on_sqlite_keep_times_and_days_as_sqlalchemy_writes_them(sessions: sessionmaker[Session]) -> None:
    """The same text from rows as from objects (documents, prints and ratings go in as rows): one form in the file."""
    with sessions.begin() as session:
        bulk_insert(session, SAMPLE, NAMES, ROWS)
    with sessions() as session:
        if session.get_bind().dialect.name != "sqlite":
            return
        raw = session.connection().exec_driver_sql("SELECT n, words, flag, day, at FROM bulk_sample ORDER BY n").all()
    assert [tuple(r) for r in raw] == [
        (1, "平常的一行", 1, "2026-11-20", "2026-11-20 08:30:05.000120"), (2, "tab\there", 0, None, None),
        (3, "line\nbreak\r\nand a back\\slash", None, "2026-01-01", None),
        (4, "\\N", 1, None, "2026-02-02 20:05:06.000000"), (5, "", 0, None, None), (6, None, None, None, None),
    ]  # fmt: skip
