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
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any, Protocol

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
        self._transaction = connection.begin()  # on SQLite, a write's BEGIN IMMEDIATE (counter.db.engine)
        self._session: Session | None = None
        self.info: dict[Any, Any] = {}

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
        self._transaction.commit()
        for hook in _after_commit:
            hook(self)

    def close(self) -> None:
        """Roll back what is not committed, let the session's objects go."""
        if self._session is not None:
            self._session.close()
        if self._transaction.is_active:
            self._transaction.rollback()


def orm(work: Work) -> Session:
    """An ORM session in ``work``'s transaction: the session itself, or the unit's joined one."""
    if isinstance(work, PlainUnit):
        return work.session()
    assert isinstance(work, Session)
    return work


@contextlib.contextmanager
def plain_unit(engine: Engine) -> Iterator[PlainUnit]:
    """A :class:`PlainUnit` on ``engine``: committed when the block ends, rolled back when it raises."""
    with engine.connect() as connection:
        unit = PlainUnit(connection)
        try:
            yield unit
            unit.commit()
        finally:
            unit.close()
