"""A hall desk in outage mode: its own store, asked in process while the hall server is away, and handed over.

The store is a SQLite file in the desk's data folder, made from the hall's copy while the server answers
(:meth:`OutageDesk.prepare`) and kept up to date at each sign-in, so that the clerk can go on when it does not.  In
outage mode the window's calls go to the store with the desk as a single desk (no account there: a clerk's work
alone, :data:`counter.access.roles.SINGLE_DESK_GRANTS`), and only the window's own work is asked at all
(:func:`outage_work`): an intake, its papers, the catalog and the calendar read.  Every other operation (a decision,
another desk's case, a list of the hall's cases, a setting) is refused with :class:`counter.sync.outage.OutageRefused`
before anything is asked, which the faces word.  Once the server answers, :meth:`OutageDesk.hand_over` hands the
store's cases over (each once at the hall, however often it is asked) and marks those taken.
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from counter.access.roles import SINGLE_DESK, Permission
from counter.case.not_found import CaseNotFound
from counter.service.operation import Open
from counter.service.outage import HAND_OVER, MAKE_STORE, MARK_HANDED_OVER, PENDING, READ_COPY
from counter.service.requests import Nothing
from counter.sync.outage import HAND_OVER_MOST, HandedOver, OutageRefused, PendingCases

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.service.local import InProcess
    from counter.service.operation import Operation
    from counter.service.remote import Remote

Req = TypeVar("Req")
Res = TypeVar("Res")

#: the file of the store, in the desk's data folder
STORE_FILE = "outage.sqlite3"
#: the areas whose every operation is the window's own work at the desk in outage mode
_AREAS = ("intake.", "documents.")
#: the areas whose reads alone are: the catalog and the calendar the intake is taken on
_READ_AREAS = ("catalog.", "calendar.")
#: the probe of a lost connection (:mod:`counter.ui.door.connection`): the store answers it, so an intake that
#: waited for the server commits to the store once the clerk chose outage mode
_PROBE = "site.ping"


#: of those areas, what is not the window's own work: a department's paper of its item (its decision), and what
#: needs more than a clerk's standing (a setting, the month's figures)
_DECIDED_ELSEWHERE = frozenset({"documents.make_item_paper"})
_WINDOW_GATES = frozenset({Permission.TAKE_INTAKE, Permission.PRINT, *Open})


def outage_work(op: Operation[Any, Any]) -> bool:
    """Whether ``op`` is asked of the desk's store in outage mode: an intake and its papers, the catalog and the
    calendar read.  Never a decision (a department's, a supervisor's), a list of the hall's cases, a setting."""
    if op.name in _DECIDED_ELSEWHERE or op.gate not in _WINDOW_GATES:
        return False
    return op.name.startswith(_AREAS) or op.name == _PROBE or (not op.writes and op.name.startswith(_READ_AREAS))


class OutageDesk:
    """The desk's outage store beside its transport to the server; the store opened at its first use."""

    def __init__(self, path: Path, remote: Remote, batch: int = HAND_OVER_MOST) -> None:
        self.path, self.remote, self.batch = path, remote, batch
        self._store: InProcess | None = None
        self._lock = threading.Lock()

    @property
    def store(self) -> InProcess:
        with self._lock:
            if self._store is None:
                from counter.service.local import serve

                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._store = serve(f"sqlite:///{self.path}", create=True)
            return self._store

    @property
    def ready(self) -> bool:
        """Whether a store was made on this machine: outage mode can be offered."""
        return self.path.is_file()

    def prepare(self, desk: Desk) -> None:
        """The store made, or brought up to date, from the hall's copy: asked while the server answers."""
        copy = self.remote.call(READ_COPY, Nothing(), desk)
        self.store.call(MAKE_STORE, copy, on_store(desk))

    def call(self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "") -> Res:
        """``op`` asked of the store, if it is the window's own work in outage mode; else refused, nothing asked."""
        if not outage_work(op):
            raise OutageRefused(op.name)
        try:
            return self.store.call(op, request, on_store(desk) if desk is not None else None, key=key)
        except CaseNotFound as err:  # a case of the hall, not of this desk's store: asked again once connected
            raise OutageRefused(op.name) from err

    def hand_over(self, desk: Desk) -> tuple[HandedOver, int]:
        """The store's cases not yet at the hall handed over, some dozens a request, each batch marked once taken:
        what the hall did, and how many still wait (held there, or none).  A batch the server did not answer is
        asked again with the next hand-over; the hall takes a case once however often it comes."""
        from counter.service.local import new_key

        taken: list[str] = []
        there: list[str] = []
        held: list[str] = []
        after, waiting = "", 0
        while True:
            batch = self.store.call(PENDING, PendingCases(after, self.batch), on_store(desk))
            if not batch.last:
                return HandedOver(tuple(taken), tuple(there), tuple(held)), waiting
            done = self.remote.call(HAND_OVER, batch, desk, key=new_key())
            waiting = self.store.call(MARK_HANDED_OVER, done, on_store(desk), key=new_key())
            taken += done.taken
            there += done.there
            held += done.held
            after = batch.last

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def on_store(desk: Desk) -> Desk:
    """The desk as its store knows it: the same desk and clerk, as a single desk (the store holds no account)."""
    return dataclasses.replace(desk, actor=SINGLE_DESK)
