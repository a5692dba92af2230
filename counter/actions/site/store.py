"""The database as the faces see it: opened once, then one unit of work per user event.

The window and the command line never import SQLAlchemy or :mod:`counter.db` (design §1): they call
:mod:`counter.service`, whose in-process transport (:mod:`counter.service.local`) holds a :class:`Store` and hands it
each operation's action — a function that takes the unit of work (a SQLAlchemy session) — through :meth:`Store.read`
or :meth:`Store.write`.  Whatever the database says goes back as a :class:`StoreFault` carrying a :class:`DbFault`
code, already rolled back, so a face words it without knowing which database or driver raised it.

Opening migrates the schema; it happens once, under a lock, whichever thread comes first: the window can show
before SQLAlchemy is even imported (see :mod:`counter.db.quick_start`), and the warm-up thread or the first user
event opens it here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, TypeVar

from counter.actions.admin.database_file import check_database_file, check_database_whole, note_opened
from counter.db.revision import LOCK_TIMEOUT_S, Step
from counter.host.database.database_faults import DbFault, StoreFault

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from counter.db.engine import Bounds, Sessions

__all__ = [
    "LOCK_TIMEOUT_S",
    "Store",
    "Unit",
    "ping",
]

T = TypeVar("T")
U = TypeVar("U")  # the unit of work an action takes

if TYPE_CHECKING:
    Unit = Session
else:
    Unit = object  # a SQLAlchemy session; the faces only pass it on to actions


class Store:
    """One database (SQLite file or PostgreSQL URL) for the life of a window or a command.

    ``training``: the training database (``counter demo``, ``--today``), marked as such when first opened, so
    that its paper says 培训样张, its numbers start at 9001 and no sync package is made from it.

    ``create``: an SQLite file that is not there may be made (the set-up step, a first start, training); otherwise
    opening it raises :class:`DatabaseMissing` (see :mod:`counter.actions.admin.database_file`).

    ``lock_timeout_s`` and ``on_step``: how long an upgrade at opening waits for each lock on PostgreSQL, and who
    is told of each migration it runs (``counter db upgrade``; :func:`counter.db.migrate.upgrade`).

    ``check_whole``: an SQLite file is checked whole when first opened, and a damaged one is refused with
    :class:`DatabaseDamaged` at every opening (the desk's window: a file damaged while the machine was off is found
    before its first intake).  The check is made under the opening's lock, so no unit of work runs before it has
    passed, whichever thread opens first.

    ``bounds``: how long a unit of work on PostgreSQL waits for a lock, runs a statement and sits idle in its
    transaction (:class:`counter.db.engine.Bounds`; the desk's own unless given); ``connections``: the most the
    pool holds (:func:`counter.db.engine.make_engine`).
    """

    def __init__(
        self,
        url: str,
        training: bool = False,
        create: bool = False,
        lock_timeout_s: float = LOCK_TIMEOUT_S,
        on_step: Callable[[Step], None] | None = None,
        check_whole: bool = False,
        bounds: Bounds | None = None,
        connections: int | None = None,
    ) -> None:
        self.url = url
        self.bounds = bounds
        self.connections = connections
        self.check_whole = check_whole
        self.training = training
        self.create = create or training
        self.lock_timeout_s = lock_timeout_s
        self.on_step = on_step
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._sessions: Sessions | None = None

    def sessions(self) -> Sessions:
        """The session factory; opens and migrates the database the first time.

        Raises :class:`SchemaTooNew`, :class:`DatabaseMissing`, :class:`DatabaseReadOnly`,
        :class:`DatabaseDamaged` and :class:`StoreFault` when the database cannot be opened.
        """
        from sqlalchemy.exc import SQLAlchemyError

        with self._lock:
            if self._sessions is None:
                try:
                    self._open()
                except SQLAlchemyError as err:
                    raise _fault(err, self.backend) from err
                except Exception as err:
                    refusal = _refusal(err)
                    if refusal is None:
                        raise
                    raise refusal from err
            assert self._sessions is not None
            return self._sessions

    def check_file(self) -> None:
        """Raise :class:`DatabaseMissing` or :class:`DatabaseReadOnly` before anything opens the file."""
        check_database_file(self.url, self.create)

    def _open(self) -> None:
        from counter.db.engine import DESK_BOUNDS, check_server, make_engine, make_sessions
        from counter.db.url import plain_over_network

        self.check_file()
        if self.check_whole:
            check_database_whole(self.url)
        if plain_over_network(self.url):
            raise StoreFault(
                DbFault.PLAIN_CONNECTION, "the server is named without sslmode=verify-full", "PlainConnection"
            )
        engine = make_engine(self.url, bounds=self.bounds or DESK_BOUNDS, connections=self.connections)
        try:
            check_server(engine)  # a server this program cannot use is named before anything is asked of it
            _upgrade(engine, self.backend, self.lock_timeout_s, self.on_step)
            note_opened(self.url, self.training)
            sessions = make_sessions(engine)
            if self.training:
                from counter.db.settings_store import mark_training

                with sessions.begin() as session:
                    mark_training(session)
            else:
                _complete_prepared(sessions)
        except BaseException:
            engine.dispose()
            raise
        self._engine, self._sessions = engine, sessions

    def read(self, action: Callable[[Unit], T]) -> T:
        """Run ``action`` in a unit of work that writes nothing (read only on PostgreSQL: :mod:`counter.db.engine`)."""
        return self._within(lambda sessions: _in(sessions(), action))

    def write(self, action: Callable[[Unit], T]) -> T:
        """Run ``action`` in one transaction: committed whole when it returns, rolled back when it raises."""
        return self._within(lambda sessions: _in(sessions.begin(), action))

    def whole(self, run: Callable[[Sessions], T]) -> T:
        """``run`` with the session factory, for work of many units (an import in batches, a training run): what the
        database raises, worded as for one unit of work.  Each unit ``run`` opens commits or rolls back on its own."""
        return self._within(run)

    def _within(self, run: Callable[[Sessions], T]) -> T:
        """``run`` on the opened database, which runs an action in a unit of work; what the database raises, as a
        :class:`StoreFault`."""
        from sqlalchemy.exc import SQLAlchemyError

        from counter.audit.state import RowAltered  # as SQLAlchemy: the window's start opens no unit of work

        sessions = self.sessions()
        try:
            return run(sessions)
        except SQLAlchemyError as err:
            raise _fault(err, self.backend) from err
        except RowAltered as err:  # what the database holds is not what the trail recorded: refused, rolled back
            raise StoreFault(DbFault.ROW_ALTERED, str(err), type(err).__name__) from err
        except Exception as err:  # a connection made afresh, refused as the first one would have been
            refusal = _refusal(err)
            if refusal is None:
                raise
            raise refusal from err

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``, read from the URL without opening anything."""
        return self.url.split(":", 1)[0].split("+", 1)[0]

    def dispose(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = self._sessions = None


def _in(unit: AbstractContextManager[U], action: Callable[[U], T]) -> T:
    """``action`` in the unit of work ``unit`` opens."""
    with unit as opened:
        return action(opened)


def _complete_prepared(sessions: sessionmaker[Session]) -> None:
    """A database started from the prepared one: its catalog import goes into this desk's trail at the first opening.

    One indexed read on every opening; the audit code is imported only for the one opening that writes.
    """
    from counter.db.prepared_start import PENDING_KEY
    from counter.db.settings_store import get_setting

    with sessions.begin() as session:
        if get_setting(session, PENDING_KEY) is None:
            return
        from counter.actions.site.prepared import complete_prepared
        from counter.resources import bundled_catalog_dir

        complete_prepared(session, bundled_catalog_dir())


def _upgrade(engine: Engine, backend: str, lock_timeout_s: float, on_step: Callable[[Step], None] | None) -> None:
    """Bring the schema up to this program's; an upgrade this login may not make is the schema left behind, one that
    found its tables held by others is blocked.

    A hall's desks connect as the desk role, which owns no table: when a desk is updated before the server, its
    start would try the migration and the server would refuse it (permission denied), which says nothing about
    what to do.  The fix is the owner's ``counter db upgrade``, and that is what the desk is told.  An upgrade that
    waited its ``lock_timeout`` (or SQLite's busy timeout) for a table is told what holds it: desks still running.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from counter.db.migrate import upgrade

    try:
        upgrade(engine, lock_timeout_s, on_step)
    except SQLAlchemyError as err:
        fault = _fault(err, backend)
        if fault.fault is DbFault.NOT_PERMITTED:
            raise StoreFault(DbFault.SCHEMA_BEHIND, fault.detail, fault.error, fault.connection_lost) from err
        if fault.fault in (DbFault.BUSY, DbFault.LOCKED):  # the server is there and answered: nothing to reconnect to
            raise StoreFault(DbFault.UPGRADE_BLOCKED, fault.detail, fault.error) from err
        raise


def _refusal(err: Exception) -> StoreFault | None:
    """What a new connection was refused over before anything was asked of the server, as a fault; else None.

    The server is not PostgreSQL this program can use (``server`` names it: openGauss 5.0.0), or libpq's own files
    sent the connection over the network without checking the server (:mod:`counter.db.url`).  Also what the work
    was refused over before the database was asked to keep it: a data key that seals personal data damaged
    (:class:`counter.host.keys.data_key.DataKeyDamaged`, met in the action or in the upgrade's sealing; met binding
    a statement it is the statement's error, :func:`_fault`).
    """
    from counter.db.server_check import UnsupportedServer
    from counter.db.url import PlainConnection
    from counter.host.keys.data_key import DataKeyDamaged

    if isinstance(err, DataKeyDamaged):  # a unit of work, or an opening's sealing, that would seal a value
        return StoreFault(DbFault.DATA_KEY, str(err), type(err).__name__)
    if isinstance(err, UnsupportedServer):
        return StoreFault(DbFault.UNSUPPORTED_SERVER, str(err), type(err).__name__, server=err.server.name)
    if isinstance(err, PlainConnection):
        return StoreFault(DbFault.PLAIN_CONNECTION, str(err), "PlainConnection")
    return None


#: what the server raises when a unit of work reaches one of its session's bounds
_AT_A_BOUND = frozenset({DbFault.LOCKED, DbFault.TOO_SLOW, DbFault.IDLE_ENDED})


def _fault(err: Exception, backend: str) -> StoreFault:
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError

    from counter.db.faults import fault_of
    from counter.host.keys.data_key import DataKeyDamaged

    fault = fault_of(err) if isinstance(err, SQLAlchemyError) else DbFault.OTHER
    if isinstance(getattr(err, "orig", None), DataKeyDamaged):  # met sealing a value bound to the statement
        fault = DbFault.DATA_KEY
    # SQLite is a file on this machine: its OperationalError (locked, disk full) is a fault to name, not a
    # connection to wait for; a server's is a network that dropped, unless the server itself ended the work at one
    # of the session's bounds (counter.db.engine.Bounds): it answered, and the clerk is told why instead
    lost = fault not in _AT_A_BOUND and (
        (isinstance(err, DBAPIError) and err.connection_invalidated)
        or (backend != "sqlite" and isinstance(err, OperationalError | InterfaceError))
    )
    name = type(err).__name__
    return StoreFault(fault, f"{name}: {err}", name, lost)


def ping(unit: Unit) -> None:
    """Ask the database for nothing: it answers when it can be reached (the desk's reconnect probe)."""
    from sqlalchemy import text

    unit.execute(text("SELECT 1"))
