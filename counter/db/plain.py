"""Plain statements sent on the driver's own cursor: those the desk sends most (an intake's writes, the case page's).

``Connection.execute`` spends more on a statement than the driver does: on SQLite, some 85 µs of processor time
before and after the driver's own 10-30 µs (the execution context, the events looked up, the cache key, the result's
metadata).  An intake sends ten such statements, every one built once (``functools.cache``) and sent with the same
few values; that handling was a third of the intake's time, and the reason the desk's commit was three times the bare
driver's writing the same rows (``benchmarks/bench_intake.py``).

What SQLAlchemy does for a statement is kept; only the handling around each execution is not:

- SQLAlchemy compiles the statement, once per dialect and set of values given: its SQL, the order of its parameters,
  the values bound in it (a literal, a ``+ 1``) and its types' conversions both ways (SQLite keeps a moment as text,
  and gives a boolean back as an integer).
- A column's default that is a plain value (``default=""``) is bound as SQLAlchemy binds it; a statement that
  leaves a value for a Python function to compute (``default=utcnow``) is refused when compiled: give the value.
- The driver's error is raised as SQLAlchemy raises it (an ``IntegrityError`` is an ``IntegrityError``), and a lost
  connection is taken out of the pool, through the connection's own handling of a driver's error.
- The statement runs on the session's connection, in its transaction.
- When anything listens to the statements sent (``before_cursor_execute``: a test counting round trips, or the
  engine's echo), the statement goes through ``Connection.execute``, so that it sees each one.

On PostgreSQL, :func:`batched` sends such statements without waiting for each one's answer: an intake waits for the
server five times instead of ten.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import functools
import operator
import sys
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Connection, Dialect, TypeDecorator, event
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql import Executable, Insert
from sqlalchemy.sql.compiler import SQLCompiler

from counter.db.work import PlainUnit, Work

_REQUIRED = object()  # a parameter the statement does not bind a value for: the caller must give it

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True, slots=True)
class _Slot:
    key: str  # the name the caller gives the value under
    name: str  # the parameter's name in the SQL (named style)
    default: Any  # the value bound in the statement, or _REQUIRED
    convert: Processor  # the type's conversion for the driver, if any


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    positional: bool
    returns: bool  # whether it returns rows (a SELECT, a RETURNING)
    names: tuple[str, ...]  # the returned columns' names
    results: tuple[Processor, ...] | None  # None: no column needs converting
    # its parameters (:class:`_Slot`) as :func:`_arguments` reads them, taken apart once for the keys it was compiled
    # for: the values in the parameters' order (``pick``), the defaults of those not given, the places of the values
    # the types convert (most take none), the names in the SQL
    pick: Callable[[Mapping[str, Any]], tuple[Any, ...]]
    defaults: dict[str, Any]
    converts: tuple[tuple[int, Callable[[Any], Any]], ...]
    parameters: tuple[str, ...]


def flushed(session: Work) -> Connection:
    """The session's connection, once what its unit of work changed is flushed, as the session's own execute would
    have (nothing to do in a unit of work that only reads): a plain statement then reads what the transaction wrote."""
    session.flush()
    return session.connection()


def run(connection: Connection, statement: Executable, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """Send ``statement`` with ``values``; the rows it returns (none for a write without RETURNING)."""
    if _observed(connection):
        result = connection.execute(statement, values)
        return [tuple(row) for row in result] if result.returns_rows else []
    compiled = _compile(statement, connection.dialect, frozenset(values))
    rows = _send(connection, compiled.sql, _arguments(compiled, values), fetch=compiled.returns)
    return _converted(compiled.results, rows)


def named_rows(connection: Connection, statement: Executable, values: Mapping[str, Any]) -> list[Any]:
    """The rows of ``statement`` as :func:`run` gives them, each also read by its columns' names (``row.case_no``)."""
    if _observed(connection):
        return list(connection.execute(statement, values))  # SQLAlchemy's rows are read by name too
    row_class = _named(_compile(statement, connection.dialect, frozenset(values)).names)
    return [row_class._make(row) for row in run(connection, statement, values)]


@functools.lru_cache(maxsize=64)
def _named(names: tuple[str, ...]) -> Any:
    return collections.namedtuple("Row", names)  # the names are the statement's, known when run


def run_sql(connection: Connection, sql: str) -> None:
    """Send ``sql``, a statement of the driver's own language with no values (SQLite's ``BEGIN IMMEDIATE``)."""
    if _observed(connection):
        connection.exec_driver_sql(sql)
        return
    _send(connection, sql, ())


def run_many(connection: Connection, statement: Executable, rows: Sequence[Mapping[str, Any]]) -> None:
    """Send ``statement`` once for each of ``rows`` (the driver's ``executemany``); every row names the same values."""
    if not rows:
        return
    if _observed(connection):
        connection.execute(statement, list(rows))
        return
    compiled = _compile(statement, connection.dialect, frozenset(rows[0]))
    _send(connection, compiled.sql, [_arguments(compiled, row) for row in rows], many=True)


def _send(connection: Connection, sql: str, arguments: Any, *, many: bool = False, fetch: bool = False) -> list[Any]:
    """``sql`` on a cursor of the connection's driver connection (the session's, open); the rows, when ``fetch``.

    The rows are fetched because the statement returns some, not because the cursor says so: in a batch it knows
    only once answered.
    """
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        if many:
            cursor.executemany(sql, arguments)
        else:
            cursor.execute(sql, arguments)
        return list(cursor.fetchall()) if fetch else []
    except Exception as err:
        # SQLAlchemy's own handling of a driver's error (a private method: it has no public form): raised as
        # SQLAlchemy's, a lost connection invalidated
        connection._handle_dbapi_exception(err, sql, arguments, cursor, None)
    finally:
        cursor.close()


@contextlib.contextmanager
def batched(connection: Connection) -> Iterator[None]:
    """On PostgreSQL, the statements sent in the block go without waiting for each one's answer (psycopg's pipeline).

    A statement whose rows are read (a RETURNING) still waits, for everything sent before it; the block's end waits
    for the rest.  An error of a statement is raised there at the latest, as SQLAlchemy's: the unit of work then
    rolls back whole, as it does for an error raised by the statement itself.

    Only this module's statements are batched.  A statement SQLAlchemy sends itself (the session flushing a changed
    object, a read through the session) ends the batch first: in a pipeline the driver knows neither the rows an
    UPDATE matched nor whether a SELECT returns rows until it is answered, and SQLAlchemy asks both at once.  On
    SQLite, which answers within the process, the block changes nothing.
    """
    if connection.dialect.name != "postgresql" or _observed(connection):
        yield
        return
    batch = _Batch(connection)
    event.listen(connection, "before_execute", batch.end)
    try:
        yield
    except BaseException:
        batch.abandon()
        raise
    else:
        batch.end()
    finally:
        event.remove(connection, "before_execute", batch.end)


class _Batch:
    """A pipeline opened on the connection's driver connection, ended once."""

    def __init__(self, connection: Connection) -> None:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        self.connection = connection
        self.pipeline = raw.pipeline()
        self.pipeline.__enter__()
        self.open = True

    def end(self, *_: object) -> None:
        """Wait for every answer; an error of a statement in the batch raised as SQLAlchemy's."""
        if not self.open:
            return
        self.open = False
        try:
            self.pipeline.__exit__(None, None, None)
        except Exception as err:
            self.connection._handle_dbapi_exception(err, None, None, None, None)  # as in run

    def abandon(self) -> None:
        """The block failed: the pipeline is left as the driver leaves it on an error (the unit of work rolls back)."""
        if self.open:
            self.open = False
            with contextlib.suppress(Exception):  # the block's own error is the one to raise
                self.pipeline.__exit__(*sys.exc_info())


#: whether each transaction open is observed (:func:`_observed`), found at its first plain statement
_observed_transactions: weakref.WeakKeyDictionary[object, bool] = weakref.WeakKeyDictionary()
#: the transaction last asked about, and whether it is observed: an intake's dozen statements all ask of one, and
#: the dictionary's lookup, in Python, cost more than the answer (held here, it is not another one's identity)
_last_found: tuple[object, bool] = (None, False)


def _observed(connection: Connection) -> bool:
    """Whether something listens to the statements this connection sends, or echoes them.

    Found once for each transaction (a unit of work's, SQLAlchemy's or the driver's: :class:`DriverUnit`), at its
    first plain statement: asking the events cost 1.4 µs, as much as the rest of the handling of a statement, and an
    intake sends a dozen.  A listener added while a unit of work is open therefore sees its statements from the next
    one on, on the same connection too (a desk keeps one between its intakes:
    :class:`counter.db.work.KeptConnection`).
    """
    transaction = connection.get_transaction() or _driver_transactions.get(connection)
    if transaction is None:
        return _listened(connection)
    last = _last_found
    if last[0] is transaction:
        return last[1]
    known = _observed_transactions.get(transaction)
    if known is None:
        known = _observed_transactions[transaction] = _listened(connection)
    _found(transaction, known)
    return known


def _found(transaction: object, observed: bool) -> None:
    global _last_found  # noqa: PLW0603 - one pair, replaced whole: a thread reads the old pair or the new one
    _last_found = (transaction, observed)


def _listened(connection: Connection) -> bool:
    """Whether anything listens to the statements the connection sends, or echoes them (the engine's ``echo``,
    read as SQLAlchemy reads it, once when the connection is made, and shown by the connection only privately)."""
    dispatch = connection.dispatch
    return bool(dispatch.before_cursor_execute or dispatch.after_cursor_execute or connection._echo)


class _DriverTransaction:
    """A transaction the driver began (:class:`DriverUnit`): what the unit's notes are kept for."""

    __slots__ = ("__weakref__",)


#: the transaction each connection's driver began, while SQLAlchemy has none on it (:class:`DriverUnit`); a plain
#: dictionary, asked at each statement (a weak one's lookup is Python's): the unit takes its entry out when it ends
_driver_transactions: dict[Connection, _DriverTransaction] = {}


def begun_by_driver(connection: Connection) -> bool:
    """Whether a :class:`DriverUnit` began the transaction the connection is in: SQLAlchemy's, begun on it now,
    joins that one and sends no BEGIN (:func:`counter.db.engine._begin_as_write`)."""
    return connection in _driver_transactions


class DriverUnit(PlainUnit):
    """A :class:`PlainUnit` on SQLite whose ``BEGIN IMMEDIATE`` and ``COMMIT`` the driver sends, outside SQLAlchemy's
    transaction: an SQLite desk runs its intakes in these, on the connection it keeps
    (:class:`counter.db.work.KeptConnection`).

    SQLAlchemy's transaction around the driver's (its objects, their events, the begin's listener that sends
    ``BEGIN IMMEDIATE``) cost 8 µs a unit in a loop and some 20 within an intake, whose whole commit the bare driver
    writes in 0.7 ms.  What the unit still asks of SQLAlchemy joins the driver's transaction: a path that asks for the
    ORM (:func:`counter.db.work.orm`), or a statement sent through SQLAlchemy, begins SQLAlchemy's transaction on the
    connection, which sends no second BEGIN (:func:`begun_by_driver`), and the unit then ends through it.  When
    anything listens to the statements (a test counting them, the engine's echo), the unit is begun through
    SQLAlchemy as a :class:`PlainUnit` is, so that it sees each one.  The driver's errors are raised as SQLAlchemy's
    (:func:`_send`, :func:`_ended`).
    """

    _BEGIN = "BEGIN IMMEDIATE"  # a write's: the file's write lock taken first, so that it waits instead of failing

    def _begin(self) -> Any:
        connection = self._connection
        if _listened(connection):
            return super()._begin()
        _send(connection, self._BEGIN, ())
        transaction = _driver_transactions[connection] = _DriverTransaction()
        _observed_transactions[transaction] = False  # found just now: its statements need not ask again
        _found(transaction, False)
        return transaction

    def _commit(self) -> None:
        if type(self._transaction) is not _DriverTransaction:
            super()._commit()
            return
        connection = self._connection
        joined = connection.get_transaction()  # SQLAlchemy's, begun in the unit: it commits the driver's too
        if joined is not None:
            joined.commit()
        else:
            _ended(connection, "commit")
        del _driver_transactions[connection]  # only once committed: a commit that failed is rolled back on close

    def _roll_back(self) -> None:
        if type(self._transaction) is not _DriverTransaction:
            super()._roll_back()
            return
        connection = self._connection
        if _driver_transactions.pop(connection, None) is None:
            return  # committed
        joined = connection.get_transaction()
        if joined is not None:
            if joined.is_active:
                joined.rollback()
        elif connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
            _ended(connection, "rollback")


class DriverReadUnit(DriverUnit):
    """A :class:`DriverUnit` that only reads (the intake panel's preview of the form): begun by a deferred ``BEGIN``,
    which takes no write lock, so that the other desks on the file write meanwhile.  Its reads see one state of the
    database, as a read's session's do.  When anything listens to the statements, it is begun through SQLAlchemy as
    a :class:`DriverUnit` then is, with the write lock (a test counting statements, the engine's echo)."""

    _BEGIN = "BEGIN"


def _ended(connection: Connection, how: str) -> None:
    """The driver's transaction committed or rolled back by the driver itself; its error raised as SQLAlchemy's."""
    driver = connection.connection.dbapi_connection
    try:
        getattr(driver, how)()
    except Exception as err:
        connection._handle_dbapi_exception(err, None, None, None, None)  # as in _send


def _arguments(compiled: _Compiled, values: Mapping[str, Any]) -> Any:
    """The driver's parameters: each slot's value given (or its default), converted as its type asks.

    An intake's case has some forty values, and this runs once for each of its dozen statements and each checklist
    line: the values are taken in one call (``operator.itemgetter``), as the statement was compiled for exactly these
    keys (:func:`_compile`); looking them up one by one cost the intake more than the driver's own sending.
    """
    taken = compiled.pick({**compiled.defaults, **values} if compiled.defaults else values)
    if compiled.converts:
        listed = list(taken)
        for place, convert in compiled.converts:
            value = listed[place]
            if value is not None:  # None is sent as None (see _compile): a checklist line has two
                listed[place] = convert(value)
        taken = tuple(listed)
    if compiled.positional:
        return taken
    return dict(zip(compiled.parameters, taken, strict=True))


def _converted(results: tuple[Processor, ...] | None, rows: list[Any]) -> list[tuple[Any, ...]]:
    if not rows:  # a write's: most of an intake's statements return nothing
        return rows
    if results is None:
        return [tuple(row) for row in rows]
    return [tuple(v if f is None else f(v) for f, v in zip(results, row, strict=True)) for row in rows]


@functools.lru_cache(maxsize=256)
def _compile(statement: Executable, dialect: Dialect, keys: frozenset[str]) -> _Compiled:
    """The statement as SQLAlchemy compiles it for ``dialect``, given values for ``keys`` (an INSERT's columns)."""
    if isinstance(statement, Insert) and not statement.exported_columns:
        # an INSERT that asks for nothing back: SQLAlchemy would add RETURNING of the new row's key, to fill in
        # ``inserted_primary_key`` (an answer to wait for, in a batch); ``inline`` leaves it out
        statement = statement.inline()
    compiled = statement.compile(dialect=dialect, column_keys=sorted(keys))  # type: ignore[attr-defined]
    assert isinstance(compiled, SQLCompiler)
    constants = {}  # a column's default that is a plain value (``default=""``): bound as the statement's own value
    for column in (*compiled.insert_prefetch, *compiled.update_prefetch):
        default = column.default if compiled.isinsert else column.onupdate
        if default is None or not default.is_scalar:
            raise ValueError(f"the column {column.key} takes its value from a function when sent: give it")
        constants[column.key] = default.arg  # type: ignore[attr-defined]
    processors = compiled._bind_processors  # private: the types' conversions, as SQLAlchemy applies them
    by_name = {name: bind for bind, name in compiled.bind_names.items()}
    escaped = compiled.escaped_bind_names

    def slot(name: str) -> _Slot:
        bind = by_name[name]
        if bind.expanding or bind.literal_execute:  # SQLAlchemy's execution writes these into the SQL when sent
            raise ValueError(f"the parameter {name} is written into the statement when sent: write it in when built")
        if bind.callable is not None:
            raise ValueError(f"the parameter {name} takes its value from a function when sent: give it")
        default = constants.get(bind.key, _REQUIRED if bind.required else bind.value)
        convert = processors.get(name)
        if convert is not None and not callable(convert):
            raise ValueError(f"a tuple parameter ({name}) is not sent plainly")
        if convert is not None and isinstance(bind.type, TypeDecorator | JSON):
            # their conversion may make something of None (JSON's 'null'): None is sent as None, unconverted
            raise ValueError(f"the parameter {name} is of a type that converts None: not sent plainly")
        return _Slot(bind.key, escaped.get(name, name), default, _quicker(bind.type.dialect_impl(dialect), convert))

    order = compiled.positiontup if compiled.positional else list(by_name)
    assert order is not None
    columns = compiled._result_columns  # private: the returned columns and their types
    results = tuple(column.type._cached_result_processor(dialect, None) for column in columns)
    slots = tuple(slot(name) for name in order)
    missing = sorted(s.key for s in slots if s.default is _REQUIRED and s.key not in keys)
    if missing:
        raise KeyError(f"no value given for the statement's parameter {missing[0]!r}")
    return _Compiled(
        compiled.string,
        compiled.positional,
        bool(columns),
        tuple(column.keyname for column in columns),
        results if any(f is not None for f in results) else None,
        _picker(tuple(s.key for s in slots)),
        {s.key: s.default for s in slots if s.key not in keys},
        tuple((place, s.convert) for place, s in enumerate(slots) if s.convert is not None),
        tuple(s.name for s in slots),
    )


def _quicker(impl: Any, convert: Processor) -> Processor:
    """SQLite's conversion of a day or a moment to its text, made by ``isoformat`` where that gives the same text.

    SQLAlchemy fills a format from the value's fields, a dictionary made for each: 0.7 µs a day, 1.3 µs a moment
    (``isoformat``: 0.15 and 0.5), and an intake sends five moments and four days.  The text is the same for the
    storage format SQLAlchemy keeps by default (``2026-11-20``, ``2026-11-20 02:30:00.000000``), which is
    checked here; a moment's zone is dropped as SQLAlchemy drops it (the desk writes UTC).  A value of
    another type (a day given for a moment) goes to SQLAlchemy's own.
    """
    if convert is None or not isinstance(impl, sqlite.DATE | sqlite.DATETIME):
        return convert
    if isinstance(impl, sqlite.DATETIME) and impl._storage_format == _SQLITE_MOMENT:
        return functools.partial(_moment_text, convert)
    if isinstance(impl, sqlite.DATE) and impl._storage_format == _SQLITE_DAY:
        return functools.partial(_day_text, convert)
    return convert


_SQLITE_MOMENT = sqlite.DATETIME._storage_format  # SQLAlchemy's default (private: the text it stores)
_SQLITE_DAY = sqlite.DATE._storage_format


def _moment_text(fallback: Callable[[Any], Any], value: Any) -> Any:
    if type(value) is dt.datetime:
        # its first 26 characters are the wall time, with or without a zone after them (``replace(tzinfo=None)``
        # cost 0.9 µs, more than the text)
        return value.isoformat(" ", "microseconds")[:26]
    return fallback(value)


def _day_text(fallback: Callable[[Any], Any], value: Any) -> Any:
    return value.isoformat() if type(value) is dt.date else fallback(value)


def _picker(keys: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """The values of ``keys``, in order, as one tuple (``itemgetter`` gives a lone value bare, and no key nothing)."""
    if not keys:
        return lambda _values: ()
    if len(keys) == 1:
        (key,) = keys
        return lambda values: (values[key],)
    return operator.itemgetter(*keys)
