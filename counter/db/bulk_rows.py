"""Many rows written at once: by ``COPY`` on PostgreSQL, by multi-row ``INSERT`` on SQLite.

:func:`bulk_insert` writes rows now.  Taking in a township's package, the
hall's Python reads and checks records while PostgreSQL inserts rows, checks
their foreign keys and updates indexes; done one after the other, each waits
for the other about half the time.  A :class:`RowWriter` on PostgreSQL hands
each batch of rows, already encoded as ``COPY`` text, to a thread of its own
that streams it to the server and waits for the server to finish, while the
caller goes on to the next batch (the driver lets go of the interpreter while
it waits).  Batches reach the server
in the order they were put, in the caller's transaction.  On SQLite, which
runs in this process, the rows go in at once, in the caller's thread.

While a writer is open the caller must not use the session: the writer's
thread owns its connection until :meth:`RowWriter.close`.
"""

from __future__ import annotations

import datetime as dt
import functools
import queue
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from operator import attrgetter
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Date, DateTime, Table
from sqlalchemy.orm import Session

T = TypeVar("T")

#: a row given as an object: the values that lead it (a case id, say), then the object, whose attributes are the rest
Item = tuple[tuple[Any, ...], Any]

#: the interpreter's switch interval while a writer runs: the writer's thread needs the interpreter for a
#: moment at every step of a COPY, and at the default 5 ms the server would sit waiting for its next data
SWITCH_S = 0.00005

#: how many batches may wait for the server: enough to keep it busy, few enough to bound memory
DEPTH = 4


# --- writing now ----------------------------------------------------------------------------


def bulk_insert(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert many rows in the session's transaction without per-value work in SQLAlchemy.

    PostgreSQL takes them by COPY; SQLite by INSERTs of many rows each, with
    dates and times written in the form SQLAlchemy writes and reads
    (``YYYY-MM-DD HH:MM:SS.ffffff``, UTC), only in the rows that hold any.  A
    package of ten thousand cases has a hundred thousand checklist lines: this
    is most of its import.
    """
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        raw: Any = connection.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(_copy_statement(table, columns)) as copy:
            for part in chunks(rows, 2000):  # the server reads one part while the next is encoded
                copy.write(copy_text(part, len(columns)))
        return
    times = tuple(i for i, name in enumerate(columns) if isinstance(table.c[name].type, DateTime))
    days = tuple(i for i, name in enumerate(columns) if isinstance(table.c[name].type, Date))
    if times or days:
        rows = _sqlite_tuple_maker(len(columns), times, days)(rows)
    _sqlite_insert(session, table, columns, rows)


def _sqlite_insert(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Rows whose dates and times are written already as SQLite keeps them, inserted many to a statement."""
    # many rows to a statement: one statement run per row costs SQLite more than the rows' values
    names = ", ".join(f'"{name}"' for name in columns)
    driver: Any = session.connection().connection.driver_connection
    per = max(1, min(500, driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(columns)))
    one = f"({', '.join('?' * len(columns))})"
    full = f'INSERT INTO "{table.name}" ({names}) VALUES {", ".join([one] * per)}'
    cursor = driver.cursor()
    try:
        for part in chunks(rows, per):
            sql = (
                full
                if len(part) == per
                else f'INSERT INTO "{table.name}" ({names}) VALUES {", ".join([one] * len(part))}'
            )
            cursor.execute(sql, list(chain.from_iterable(part)))
    finally:
        cursor.close()


@functools.cache
def _sqlite_tuple_maker(
    width: int, times: tuple[int, ...], days: tuple[int, ...]
) -> Callable[[Sequence[Sequence[Any]]], list[tuple[Any, ...]]]:
    """A function writing rows of ``width`` values with times and days at these places as SQLite keeps them.

    One tuple expression per row, as :func:`_sqlite_row_maker` writes objects' rows (a call per row and a loop
    per value cost more than the values: a package's documents, prints and ratings are fifty thousand rows).
    """
    names = [f"v{i}" for i in range(width)]
    values = [_sqlite_written(v, i in times) if i in times or i in days else v for i, v in enumerate(names)]
    source = f"def rows(rows):\n    return [({', '.join(values)},) for ({', '.join(names)},) in rows]\n"
    scope: dict[str, Any] = {"UTC": dt.UTC, "W": _sqlite_time}
    exec(source, scope)  # the source is made here from numbers, never from data
    rows: Callable[[Sequence[Sequence[Any]]], list[tuple[Any, ...]]] = scope["rows"]
    return rows


def chunks(values: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _copy_statement(table: Table, columns: Sequence[str]) -> str:
    names = ", ".join(f'"{name}"' for name in columns)
    return f'COPY "{table.name}" ({names}) FROM STDIN'


# --- writing beside the caller ------------------------------------------------------------


class RowWriter:
    """Rows for several tables, written in the order they are put (see the module's docstring)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        connection = session.connection()
        self._threaded = connection.dialect.name == "postgresql"
        self._failure: BaseException | None = None
        self._jobs: queue.Queue[tuple[str, bytes] | None] = queue.Queue(maxsize=DEPTH)
        self._thread: threading.Thread | None = None
        self._interval = sys.getswitchinterval()
        if self._threaded:
            self._raw: Any = connection.connection.driver_connection
            sys.setswitchinterval(SWITCH_S)
            self._thread = threading.Thread(target=self._run, name="copy-writer", daemon=True)
            self._thread.start()

    def put(self, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Queue these rows for ``table``; a failure of an earlier batch is raised here or at close."""
        if not rows:
            return
        if not self._threaded:
            bulk_insert(self._session, table, columns, rows)
            return
        self._raise_failure()
        self._jobs.put((_copy_statement(table, columns), copy_text(rows, len(columns))))

    def put_objects(
        self, table: Table, leading: Sequence[str], attributes: Sequence[str], items: Sequence[Item]
    ) -> None:
        """Queue a row per item: its leading values, then the attributes of its object named as the columns.

        The same as :meth:`put` with the rows spelled out, without making them:
        a package's hundred thousand checklist lines go from their records
        straight to ``COPY`` text.
        """
        if not items:
            return
        columns = (*leading, *attributes)
        if not self._threaded:
            _sqlite_insert(self._session, table, columns, sqlite_object_rows(table, len(leading), attributes, items))
            return
        self._raise_failure()
        self._jobs.put((_copy_statement(table, columns), object_copy_text(table, len(leading), attributes, items)))

    def close(self) -> None:
        """Wait until every batch is in; the first failure, if any, is raised here."""
        self._stop()
        self._raise_failure()

    def _stop(self) -> None:
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()
            self._thread = None
            sys.setswitchinterval(self._interval)

    def __enter__(self) -> RowWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _trace: TracebackType | None
    ) -> None:
        if error is None:
            self.close()
            return
        # the caller failed: let the thread finish what it holds (the transaction is rolled back anyway),
        # so the connection is free again; the caller's error is the one that counts
        self._failure = self._failure or error
        self._stop()

    def _raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._failure is not None:
                continue  # after a failure the transaction is lost: drain the queue, write nothing more
            statement, data = job
            try:
                with self._raw.cursor() as cursor, cursor.copy(statement) as copy:
                    copy.write(data)
            except BaseException as err:  # handed to the caller's thread, raised there
                self._failure = err


# --- COPY text --------------------------------------------------------------------------------


def copy_text(rows: Sequence[Sequence[Any]], width: int) -> bytes:
    """The rows in PostgreSQL's ``COPY`` text format: tab between values, ``\\N`` for NULL.

    Each value is written as ``str()`` writes it, which PostgreSQL reads back
    for every type the tables use (``True``, ``2026-11-20``, ``2026-11-20
    08:00:00+00:00``).  Values are almost never text that needs escaping (a tab,
    a line break, a backslash), so the rows are joined as they are and the
    result is checked by counting separators; a batch that fails the count is
    written again with every value escaped.
    """
    text = "\n".join(_line_maker(width)(rows)) + "\n"
    if _joined_as_is(text, len(rows), width, sum([row.count(None) for row in rows])):
        return text.encode()
    return ("\n".join(["\t".join([_escaped(v) for v in row]) for row in rows]) + "\n").encode()


def object_copy_text(table: Table, lead_width: int, attributes: Sequence[str], items: Sequence[Item]) -> bytes:
    """:func:`copy_text` of the items' rows (see :meth:`RowWriter.put_objects`), written from the objects.

    Only the columns ``table`` lets be NULL are looked at for None; a None
    anywhere else would be written ``None``, so a batch with that word in it
    is written again the exact way (where the database refuses the NULL, if
    that is what it was).
    """
    nullable = frozenset(name for name in attributes if table.c[name].nullable)
    lines, nulls = _object_line_maker(lead_width, tuple(attributes), nullable)
    text = "\n".join(lines(items)) + "\n"
    width = lead_width + len(attributes)
    if "None" not in text and _joined_as_is(text, len(items), width, nulls(items)):
        return text.encode()
    return copy_text(object_rows(items, attributes), width)


def object_rows(items: Sequence[Item], attributes: Sequence[str]) -> list[tuple[Any, ...]]:
    """The items' rows as tuples: leading values, then the attributes."""
    values = attrgetter(*attributes)
    if len(attributes) == 1:
        return [(*lead, values(o)) for lead, o in items]
    return [(*lead, *values(o)) for lead, o in items]


def sqlite_object_rows(table: Table, lead_width: int, attributes: Sequence[str], items: Sequence[Item]) -> list[Any]:
    """The items' rows as SQLite keeps them (see :func:`bulk_insert`), their dates and times written on the way."""
    return _sqlite_row_maker(table, lead_width, tuple(attributes))(items)


@functools.cache
def _sqlite_row_maker(
    table: Table, lead_width: int, attributes: tuple[str, ...]
) -> Callable[[Sequence[Item]], list[Any]]:
    """A function writing items of this shape as SQLite's rows, one tuple expression each (as :func:`_line_maker`),
    times and days as SQLite keeps them (:func:`_sqlite_written`)."""
    lead = [f"l{i}" for i in range(lead_width)]
    values = list(lead)
    for a in attributes:
        kind, v = table.c[a].type, f"o.{a}"
        # a None where none may be stays None: the database refuses it
        values.append(_sqlite_written(v, isinstance(kind, DateTime)) if isinstance(kind, Date | DateTime) else v)
    unpacked = "".join(name + ", " for name in lead)
    source = f"def rows(items):\n    return [({', '.join(values)},) for ({unpacked}), o in items]\n"
    scope: dict[str, Any] = {"UTC": dt.UTC, "W": _sqlite_time}
    exec(source, scope)  # the source is made here from column names and a number, never from data
    rows: Callable[[Sequence[Item]], list[Any]] = scope["rows"]
    return rows


def _sqlite_written(value: str, time: bool) -> str:
    """The expression writing ``value`` (a time when ``time``, else a day) as SQLite keeps it; None stays None.

    A time is written ``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC: a record's times are UTC already, so its ISO form is
    cut before the zone; any other zone is turned to UTC first (``W``: :func:`_sqlite_time`).
    """
    written = f"{value}.isoformat(' ', 'microseconds')[:26] if {value}.tzinfo is UTC else W({value})"
    return f"(None if {value} is None else ({written if time else f'{value}.isoformat()'}))"


def _sqlite_time(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _joined_as_is(text: str, rows: int, width: int, nulls: int) -> bool:
    """Whether rows joined unescaped read back as they were: no value held a separator or a backslash."""
    return (
        text.count("\t") == rows * (width - 1)
        and text.count("\n") == rows
        and text.count("\\") == nulls
        and "\r" not in text
    )


@functools.cache
def _line_maker(width: int) -> Callable[[Sequence[Sequence[Any]]], list[str]]:
    """A function that writes rows of ``width`` values as lines, one f-string each (a call per value costs more)."""
    names = [f"v{i}" for i in range(width)]
    fields = "\\t".join(f"{{N if {n} is None else {n}}}" for n in names)
    source = f"def lines(rows):\n    return [f'{fields}' for ({', '.join(names)},) in rows]\n"
    scope: dict[str, Any] = {"N": "\\N"}
    exec(source, scope)  # the source is made here from a number, never from data
    lines: Callable[[Sequence[Sequence[Any]]], list[str]] = scope["lines"]
    return lines


@functools.cache
def _object_line_maker(
    lead_width: int, attributes: tuple[str, ...], nullable: frozenset[str]
) -> tuple[Callable[[Sequence[Item]], list[str]], Callable[[Sequence[Item]], int]]:
    """For items of this shape: a function writing their lines, and one counting the Nones they hold.

    Like :func:`_line_maker`, one f-string per line, the attributes read
    straight from the object, and only the nullable ones tested for None (and
    the leading values: a case's standing leads its row, its desk None when it
    was never sent to the pad).
    """
    lead = [f"l{i}" for i in range(lead_width)]
    fields = [f"{{N if {name} is None else {name}}}" for name in lead]
    fields += [f"{{N if o.{a} is None else o.{a}}}" if a in nullable else f"{{o.{a}}}" for a in attributes]
    line = "\\t".join(fields)
    nones = " + ".join([f"({n} is None)" for n in lead] + [f"(o.{a} is None)" for a in attributes if a in nullable])
    unpacked = "".join(name + ", " for name in lead)
    source = (
        f"def lines(items):\n    return [f'{line}' for ({unpacked}), o in items]\n"
        f"def nulls(items):\n    return sum([{nones or '0'} for ({unpacked}), o in items])\n"
    )
    scope: dict[str, Any] = {"N": "\\N"}
    exec(source, scope)  # the source is made here from column names and a number, never from data
    return scope["lines"], scope["nulls"]


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _escaped(value: Any) -> str:
    return "\\N" if value is None else str(value).translate(_ESCAPES)
