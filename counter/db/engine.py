"""Engines and sessions for SQLite (a desk, a township) and PostgreSQL (a hall).

SQLite runs in WAL mode with foreign keys on and full sync: a township laptop
that loses power keeps every committed case.  The URL comes from ``--db``, else
``COUNTER_DB_URL``, else an SQLite file in the user's data folder.

A unit of work that writes (``sessions.begin()``, what every action that changes something runs in) starts on
SQLite as a write: ``BEGIN IMMEDIATE`` takes the file's one write lock before the first read, so what the action
reads (the case it moves on, the uid of an intake already committed, the desk's counters) cannot change before it
writes, and a desk that finds the lock taken waits for it (``busy_timeout``) instead of failing.  Without it the
driver began the transaction only at the first INSERT or UPDATE: the reads before it ran each on its own, and two
desks could both read a correction notice as still open and both resubmit it.  A read (``sessions()``) keeps the
driver's way: no transaction, no lock, so a supervisor's list never holds up an intake.  PostgreSQL needs none of
this: its writers lock rows, never the database.

A read on PostgreSQL runs in a read-only transaction that ends with COMMIT (:class:`CounterSession`).  Ended with
ROLLBACK, as a session ends what it did not commit, psycopg forgets every statement it had prepared on the
connection and sends ``DEALLOCATE ALL``: one more round trip, and the next read parses and plans its statements
again, for none of them is run the five times psycopg waits for before it prepares one within a unit of work.  Read
only, so committing cannot keep anything a read did by mistake: the server refuses the write.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError, SAWarning
from sqlalchemy.orm import Session, sessionmaker

from counter.db import server_check
from counter.db.issued_notes import note_commits
from counter.db.url import PlainConnection, plain_at_connection

__all__ = ["DESK_BOUNDS", "Bounds", "check_server", "make_engine", "make_sessions"]


CONNECT_TIMEOUT_S = 5
#: ``error`` makes SQLAlchemy's warnings (a query with a cartesian product, a value it cannot convert) errors in this
#: process.  The test suite sets it for every program it starts, so that a command run in a subprocess fails on a
#: faulty query as the tests' own process does (pytest's ``filterwarnings = error`` reaches no subprocess, and
#: ``PYTHONWARNINGS`` cannot name SQLAlchemy's warning: it is read before the installed packages can be imported).
SQL_WARNINGS_ENV = "COUNTER_SQL_WARNINGS"
#: ``off`` turns SQLite's sync off in this process and the programs it starts: for the test suite alone, whose
#: thousands of throwaway databases need not outlive a power cut, while a desk's must (tests/conftest.py sets it,
#: and keeps it unset for the tests of what a kill or a power cut leaves).  Unset, or any other value: FULL.
SQLITE_SYNC_ENV = "COUNTER_TEST_SQLITE_SYNC"
#: the execution option of the engine that :meth:`Sessions.begin` binds its sessions to on SQLite
WRITES = "counter_writes"
#: PostgreSQL's settings for every session of a desk, sent with the connection: no JIT compiling (the server compiles
#: a query whose estimated cost passes jit_above_cost, and for the month's figures of a 2M-case hall that compiling
#: took 2.8 s of a 3.6 s answer, against 13 ms to 120 ms for the desk's other reads)
SESSION_OPTIONS = "-c jit=off"


@dataclass(frozen=True)
class Bounds:
    """How long a desk's session on PostgreSQL may wait or hold, each sent with the connection; 0: without bound.

    Without them a unit of work could wait for ever: for a row another desk (or a supervisor's psql) keeps locked,
    behind a statement that never ends, while the window shows its wait cursor and the applicant stands at the
    counter; and a connection left in an open transaction (a desk frozen, a laptop asleep mid-write) would hold its
    row locks, and with them every other desk that reaches the same case, until someone ended it by hand.

    - ``lock_s`` (``lock_timeout``), 5 s: a desk's write holds its rows for milliseconds (an intake commits in tens
      of them on a 5M-case hall), so a lock held longer is held by something that is not a desk's unit of work, and
      the clerk is better told at once that the record is busy than kept waiting.  SQLite's ``busy_timeout``, 10 s,
      bounds the same wait on a township's file.
    - ``statement_s`` (``statement_timeout``), 60 s: a desk's reads on a 2M-case hall answer within 120 ms once JIT
      is off (:data:`SESSION_OPTIONS`), the month's figures in under 4 s even with it; a statement still running at
      a minute is one gone wrong (a plan on a table never analysed, a server out of memory), ended so that the
      window can say so.
    - ``idle_in_transaction_s`` (``idle_in_transaction_session_timeout``), 120 s: no unit of work waits on the clerk
      inside a transaction (each runs whole within one user event), so a transaction idle for two minutes belongs to
      a desk that hung or lost its network, and the server ends it and frees its locks.

    ``counter db upgrade`` sets its own lock wait (``--lock-timeout``) and no statement bound for its transaction
    (:mod:`counter.db.migrate`): a migration on a big hall may rewrite a table for minutes.
    """

    lock_s: float = 5.0
    statement_s: float = 60.0
    idle_in_transaction_s: float = 120.0

    def options(self) -> str:
        """The bounds as libpq's ``options``: ``-c lock_timeout=5000 ...``, in milliseconds."""
        settings = (
            ("lock_timeout", self.lock_s),
            ("statement_timeout", self.statement_s),
            ("idle_in_transaction_session_timeout", self.idle_in_transaction_s),
        )
        return " ".join(f"-c {name}={round(seconds * 1000)}" for name, seconds in settings)


#: a desk's bounds (:class:`Bounds`)
DESK_BOUNDS = Bounds()
#: libpq's words for a setting the server does not have, which it refuses the connection over
_UNKNOWN_SETTING = "unrecognized configuration parameter"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=OFF" if os.environ.get(SQLITE_SYNC_ENV) == "off" else "PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _begin_as_write(conn: Connection) -> None:
    """A writing unit of work takes the write lock first (the driver issues no BEGIN of its own after this one)."""
    if conn.get_execution_options().get(WRITES):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(
    url: str, session_options: str | None = None, bounds: Bounds = DESK_BOUNDS, connections: int | None = None
) -> Engine:
    """An engine on ``url``.  No folder is made for an SQLite file: whether a missing database may be made is
    decided above (:mod:`counter.actions.admin.database_file`), never as a side effect of opening it.

    On PostgreSQL each new connection is refused when it went over the network without verified TLS (libpq's
    service file may have chosen, :func:`counter.db.url.plain_at_connection`), and the engine's first one when the
    server is not PostgreSQL this program can use (:mod:`counter.db.server_check`), before SQLAlchemy asks it
    anything.  ``session_options``: instead of :data:`SESSION_OPTIONS` and ``bounds``' settings; ``bounds``: how
    long each session may wait for a lock, run a statement and sit idle in a transaction (:class:`Bounds`);
    ``connections``: the most the pool holds, none beyond (the hall server: one per worker thread and its own work);
    None: SQLAlchemy's 5 and 10 more, a desk's few threads' need.
    """
    if os.environ.get(SQL_WARNINGS_ENV) == "error":
        warnings.simplefilter("error", SAWarning)
    parsed = make_url(url)
    # a fault's text goes to the log for support (counter.actions.site.store): never with the values the statement
    # carried, an applicant's name, phone or ID number typed at the window
    engine_options: dict[str, Any] = {"hide_parameters": True}
    if connections is not None:
        engine_options |= {"pool_size": connections, "max_overflow": 0}
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, **engine_options)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin_as_write)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    # a desk whose server is unreachable says so within seconds instead of hanging the window
    options = f"{SESSION_OPTIONS} {bounds.options()}" if session_options is None else session_options
    connect = {"connect_timeout": CONNECT_TIMEOUT_S, "options": options}
    engine = create_engine(url, connect_args=connect, **engine_options)
    event.listen(engine, "connect", _Connected(), insert=True)  # before the dialect's own first look at the server
    event.listen(engine, "checkin", _checked_in)
    event.listen(engine, "checkout", functools.partial(_ping_if_idle, engine.dialect))
    return engine


class _Connected:
    """Each new connection: refused when it went plain over the network; the first: refused on a server not ours."""

    def __init__(self) -> None:
        self.server_checked = False

    def __call__(self, dbapi_connection: Any, _record: Any) -> None:
        info = dbapi_connection.info
        host = info.host
        if plain_at_connection(host, info.get_parameters().get("sslmode", "")):
            dbapi_connection.close()
            raise PlainConnection(f"connected to {host} without sslmode=verify-full")
        if not self.server_checked:
            server_check.refuse_unsupported(dbapi_connection)
            self.server_checked = True


def check_server(engine: Engine) -> None:
    """Connect once, so that a server this program cannot use is named before anything is asked of it.

    Raises :class:`counter.db.server_check.UnsupportedServer` (and whatever connecting raises).  A server that
    refuses the connection over a session setting it does not have (openGauss has no ``jit``) is asked its version
    once more without the settings, and named if it is not one of ours.
    """
    from sqlalchemy.exc import OperationalError

    if engine.dialect.name != "postgresql":
        return
    try:
        with engine.connect():
            return
    except OperationalError as err:
        if _UNKNOWN_SETTING not in str(err.orig):
            raise
        probe = make_engine(engine.url.render_as_string(hide_password=False), session_options="")
        try:
            with probe.connect():
                pass  # the server is PostgreSQL of ours after all: the setting itself is what it refused
        finally:
            probe.dispose()
        raise


#: a connection back in the pool longer than this is asked whether its server is still there before it is used
IDLE_PING_S = 10.0
_CHECKED_IN = "counter_checked_in"  # the connection record's info: when it was last given back to the pool


def _checked_in(_dbapi_connection: Any, record: Any) -> None:
    record.info[_CHECKED_IN] = time.monotonic()


def _ping_if_idle(dialect: Dialect, dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """A pooled connection idle for :data:`IDLE_PING_S` is pinged before use; a dead one is replaced, unseen.

    SQLAlchemy's ``pool_pre_ping`` pings at every checkout: a round trip to the hall's server before every unit
    of work, a tenth to a fifth of opening a case there (2.5 ms at p95 on a 5M-case hall) and one more wait in
    every intake.  What the ping guards against is a connection the server ended while it sat in the pool (a
    restart overnight, a network cut while the clerk served an applicant at the counter); a connection given back
    a moment ago, between the desk's reads of one task, has not gone that way.  So the ping is SQLAlchemy's own
    (:meth:`Dialect.do_ping`), asked only after an idle spell; when it fails, :class:`DisconnectionError` makes the
    pool connect that record afresh and try again, as ``pool_pre_ping`` does.  A server gone within the spell is
    met by the unit of work itself, which says the connection was lost (an intake waits and commits once it is
    back: :mod:`counter.ui.door.connection`).
    """
    checked_in = record.info.get(_CHECKED_IN)
    if checked_in is None or time.monotonic() - checked_in < IDLE_PING_S:
        return  # a connection just made, or just used
    try:
        alive = dialect.do_ping(dbapi_connection)
    except Exception as err:  # whatever the driver raises for a dead line: the record is connected afresh
        idle = time.monotonic() - checked_in
        raise DisconnectionError(f"connection idle for {idle:.0f} s failed its ping: {err}") from err
    if not alive:
        raise DisconnectionError("connection idle failed its ping")


#: the execution option that makes a transaction on PostgreSQL a read-only one (SQLAlchemy's)
READ_ONLY = "postgresql_readonly"


class CounterSession(Session):
    """A session that ends a read-only transaction it was left with by committing it (see the module's docstring).

    Only when the block ends without an error: a read that failed is rolled back, as any session's.
    """

    def __exit__(self, type_: Any, value: Any, traceback: Any) -> None:
        read_only = self.bind is not None and self.bind.get_execution_options().get(READ_ONLY)
        if type_ is None and read_only and self.in_transaction():
            self.commit()
        super().__exit__(type_, value, traceback)


class Sessions(sessionmaker[Session]):
    """Sessions on one engine: ``sessions()`` for reading, ``sessions.begin()`` for one transaction that writes.

    On SQLite the transaction's session is bound to the same engine (same pool, same connections) with
    :data:`WRITES` set, which makes its BEGIN an immediate one; on PostgreSQL a read's session is bound to it with
    :data:`READ_ONLY` set, and the transaction's to the engine as made (see the module's docstring).
    """

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine, class_=CounterSession, expire_on_commit=False)
        note_commits(self, engine)  # what a commit numbered, noted outside the database (counter.db.issued_notes)
        postgres = engine.dialect.name == "postgresql"
        self.reader = engine.execution_options(**{READ_ONLY: True}) if postgres else engine
        self.writer = engine.execution_options(**{WRITES: True}) if engine.dialect.name == "sqlite" else engine

    def __call__(self, **local_kw: Any) -> Session:
        """A session for reading, unless ``bind`` says otherwise."""
        local_kw.setdefault("bind", self.reader)
        return super().__call__(**local_kw)

    @contextlib.contextmanager
    def begin(self) -> Iterator[Session]:
        """A session in a transaction that writes: committed when the block ends, rolled back when it raises."""
        with self(bind=self.writer) as session, session.begin():
            yield session


def make_sessions(engine: Engine) -> Sessions:
    return Sessions(engine)
