"""The one way a widget reaches the database: run an action in one unit of work, and word what went wrong.

In the spirit of Anki's ``CollectionOp``: a widget hands :meth:`Runner.read` or :meth:`Runner.write` an action
from :mod:`counter.actions` (a function of the unit of work that returns plain data) and the sentence it shows
when the database fails.  The runner opens the unit of work through the :class:`Store` (opening and migrating the
database the first time), and turns a :class:`StoreFault` or :class:`SchemaTooNew` into a :class:`Failed` whose
:attr:`Failed.message` is that sentence filled in — here, and nowhere else.  A write that fails was rolled back
whole: nothing of it was kept.

A widget's sentence names ``{fault}``: the cause in plain words, from :data:`counter.words.database.DB_FAULT`, one
truth per fault wherever it is shown.  What the database raised (an English class name and message) goes to the
log for support, never on screen.  A database written by a newer program is always worded as the desk's start-up
says it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from counter.actions.site.store import Store, Unit
from counter.host.database_faults import DatabaseDamaged, DbFault, SchemaTooNew, StoreFault
from counter.ui import words

log = logging.getLogger(__name__)

T = TypeVar("T")
U = TypeVar("U")  # the unit of work an action takes


class Failed(Exception):
    """The action did not happen; :attr:`message` says why, in the widget's words."""

    def __init__(self, message: str, fault: DbFault, error: str, connection_lost: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.fault = fault
        self.error = error  # the class name of what the database raised
        self.connection_lost = connection_lost  # a server that dropped: worth waiting for (ui.connection)


#: The sentence of a widget that has none of its own: the cause, in plain words.
CAUSE = "{fault}"


def failed(err: StoreFault | SchemaTooNew, message: str) -> Failed:
    """``err`` worded with the widget's sentence ``message``."""
    if isinstance(err, SchemaTooNew):
        return Failed(words.DESK_SCHEMA_TOO_NEW.format(revision=err.revision), DbFault.OTHER, "SchemaTooNew")
    from counter.words.database import fault_text  # the sentences load with the first fault, not at start

    text = message.format(fault=fault_text(err.fault.value, err.server))
    return Failed(text, err.fault, err.error, err.connection_lost)


class Runner:
    """Runs the widgets' actions on one :class:`Store`, one unit of work each."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def read(self, action: Callable[[Unit], T], message: str = CAUSE) -> T:
        """``action``'s result; raises :class:`Failed` worded with ``message``."""
        return self._run(self.store.read, action, message)

    def write(self, action: Callable[[Unit], T], message: str = CAUSE) -> T:
        """``action``'s result, committed whole; raises :class:`Failed` (nothing kept) worded with ``message``."""
        return self._run(self.store.write, action, message)

    @staticmethod
    def _run(run: Callable[[Callable[[U], T]], T], action: Callable[[U], T], message: str) -> T:
        try:
            return run(action)
        except StoreFault as err:
            log.warning("database fault (%s) in %s: %s", err.fault.value, _name(action), err.detail)
            raise failed(err, message) from err
        except SchemaTooNew as err:
            log.error("database schema %s is newer than this program", err.revision)
            raise failed(err, message) from err
        except DatabaseDamaged as err:  # its opening's check failed: the start asks the clerk about a backup
            damaged = StoreFault(DbFault.DAMAGED, f"{err.path} fails its quick check", type(err).__name__)
            raise failed(damaged, message) from err


def _name(action: Callable[..., object]) -> str:
    inner = getattr(action, "func", action)  # functools.partial
    return getattr(inner, "__qualname__", repr(inner))
