"""A unit of work as the plainly sent statements see it, and one that is not an ORM session: the intake's.

The desk's hottest write, taking an intake, sends its statements plainly (:mod:`counter.db.plain`) and loads no
object.  Run in an ORM session all the same, it paid for the session's unit of work (the session and its transaction,
their events, the flush before commit, the objects let go after it): 0.05 to 0.1 ms of an intake of 1.1 ms, against
a bare driver's 0.7 ms writing the same rows (``benchmarks/bench_intake.py``).  So :class:`PlainUnit` is a
transaction on one of the engine's connections, which offers the statements what they ask of a session (:class:`Work`):
the connection, a dictionary for the transaction's own notes, the engine, and a flush.

Some paths of an intake still read through the ORM: the guide document not yet kept in the process, the case a 补正
answers, the first check of a day's numbers, a chain's first entry, an SMS gateway's message.  They ask :func:`orm`,
which gives a session joined to the unit's own transaction, made the first time it is asked for: what it reads and
writes is in the same transaction, flushed before the unit commits, and it never commits or ends the unit itself
(``join_transaction_mode="rollback_only"``: a rollback through it still rolls the whole unit back).

What must follow a commit (the numbers noted outside the database: :mod:`counter.actions.number_guard`) registers with
:func:`after_commit`, which a unit calls as the session's ``after_commit`` event is called.

A desk on an SQLite file runs its units on a connection it keeps (:class:`KeptConnection`), not one taken from the
pool for each, and each unit's transaction is begun and committed by the driver itself, SQLAlchemy's joining it only
when a path asks for SQLAlchemy (:class:`counter.db.plain.DriverUnit`).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session


class Work(Protocol):
    """What a unit of work offers the statements sent plainly: an ORM :class:`Session` is one, so is a
    :class:`PlainUnit`."""

    @property
    def info(self) -> dict[Any, Any]:
        """The unit's own notes (settings found missing, numbers to note after the commit)."""

    def connection(self) -> Connection:
        """The connection of the unit's transaction."""

    def flush(self) -> None:
        """What the unit changed through the ORM, sent, so that a plain statement reads it."""

    def get_bind(self) -> Engine | Connection:
        """Where the unit runs: its ``dialect`` and ``engine``."""

    def get_transaction(self) -> object:
        """The transaction the unit is in: notes kept in :attr:`info` hold for this transaction only."""


T = TypeVar("T")
CommitHook = Callable[[Work], None]
_after_commit: list[CommitHook] = []


def after_commit(hook: CommitHook) -> CommitHook:
    """Call ``hook`` after every :class:`PlainUnit` commits (a decorator, as ``event.listens_for``)."""
    _after_commit.append(hook)
    return hook


class PlainUnit:
    """A transaction on one connection, with the ORM only where a path asks for it (:func:`orm`)."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._session: Session | None = None
        self.info: dict[Any, Any] = {}
        self._transaction = self._begin()

    def _begin(self) -> Any:
        """The unit's transaction, begun: SQLAlchemy's (on SQLite, a write's BEGIN IMMEDIATE: counter.db.engine)."""
        return self._connection.begin()

    def _commit(self) -> None:
        self._transaction.commit()

    def _roll_back(self) -> None:
        """What is not committed rolled back (nothing, once committed)."""
        if self._transaction.is_active:
            self._transaction.rollback()

    def connection(self) -> Connection:
        return self._connection

    def flush(self) -> None:
        if self._session is not None:
            self._session.flush()

    def get_bind(self) -> Connection:
        return self._connection

    def get_transaction(self) -> object:
        return self._transaction

    def session(self) -> Session:
        """A session in this unit's transaction, made when first asked for."""
        if self._session is None:
            joined = Session(bind=self._connection, join_transaction_mode="rollback_only", expire_on_commit=False)
            self._session = joined
        return self._session

    def commit(self) -> None:
        self.flush()
        self._commit()
        for hook in _after_commit:
            hook(self)

    def close(self) -> None:
        """Roll back what is not committed, let the session's objects go."""
        if self._session is not None:
            self._session.close()
        self._roll_back()


def orm(work: Work) -> Session:
    """An ORM session in ``work``'s transaction: the session itself, or the unit's joined one."""
    if isinstance(work, PlainUnit):
        return work.session()
    assert isinstance(work, Session)
    return work


@contextlib.contextmanager
def plain_unit(engine: Engine) -> Iterator[PlainUnit]:
    """A :class:`PlainUnit` on ``engine``: committed when the block ends, rolled back when it raises."""
    with engine.connect() as connection, _unit_on(connection) as unit:
        yield unit


@contextlib.contextmanager
def _unit_on(connection: Connection) -> Iterator[PlainUnit]:
    unit = PlainUnit(connection)
    try:
        yield unit
        unit.commit()
    finally:
        unit.close()


class KeptConnection:
    """One of an SQLite engine's connections, kept between a desk's units of work instead of taken from the pool for
    each.

    Taking a connection from the pool, with SQLAlchemy's ``Connection`` made around it, and giving it back cost 20 µs
    per unit in a loop and 45 µs within an intake, whose whole commit the bare driver writes in 0.7 ms: the
    driver's own connection stays open between its transactions.  A connection to a file is not lost while it waits,
    as a server's is (restarted overnight: the pool pings one that sat idle, :func:`counter.db.engine._ping_if_idle`),
    so only a desk on SQLite keeps one.

    It is used by one unit at a time: a unit begun meanwhile, in another thread, takes its own from the pool.  A unit
    that failed gives the kept connection back to the pool (rolled back, or taken out of it when it was lost), and
    the next unit takes another.  :meth:`close` gives it back for good, before the engine is disposed of: a
    connection still open would keep the file open.
    """

    def __init__(
        self,
        engine: Engine,
        unit: Callable[[Connection], PlainUnit] = PlainUnit,
        reading: Callable[[Connection], PlainUnit] = PlainUnit,
    ) -> None:
        self._engine = engine
        self._unit = unit  # the kind of unit run on the kept connection (counter.db.plain.DriverUnit on a desk)
        self._reading = reading  # and of a unit that only reads (counter.db.plain.DriverReadUnit)
        self._connection: Connection | None = None
        self._lock = threading.Lock()

    def run(self, action: Callable[[PlainUnit], T]) -> T:
        """``action`` in a :class:`PlainUnit`, committed when it returns, rolled back when it raises, as
        :func:`plain_unit` runs it: on the kept connection when it is free.  Its result."""
        return self._run(action, self._unit, self._engine)

    def read(self, action: Callable[[PlainUnit], T], reader: Engine) -> T:
        """``action`` in a unit that only reads, on the kept connection when it is free, else on a connection of
        ``reader`` (the engine a read's session is bound to): the intake panel's preview of the form, which reads
        what the commit after it reads, on the same connection."""
        return self._run(action, self._reading, reader)

    def _run(self, action: Callable[[PlainUnit], T], kind: Callable[[Connection], PlainUnit], spare: Engine) -> T:
        """Written out, not nested context managers: entering and leaving two of ``contextlib``'s took 3 µs a unit."""
        if not self._lock.acquire(blocking=False):
            with plain_unit(spare) as unit:
                return action(unit)
        try:
            # taken from the kept place, kept again only once its unit ended well
            connection, self._connection = self._connection or self._engine.connect(), None
            try:
                unit = kind(connection)
                try:
                    result = action(unit)
                    unit.commit()
                finally:
                    unit.close()
                self._connection = connection
                return result
            finally:
                if self._connection is None:
                    connection.close()
        finally:
            self._lock.release()

    def close(self) -> None:
        """Give the connection back to the pool; a unit using it ends first."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
