"""A hall desk's outage mode (:mod:`counter.sync.outage`): the operations the server answers (the copy a desk's store
is made from, the hand-over), and those of the desk's own store, which the server never serves
(:data:`STORE_ONLY`: a desk asking them of the hall would write its copy over the hall's own)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.service.call import Call, at_desk
from counter.service.operation import read, write
from counter.service.requests import Nothing
from counter.sync.outage import HandedOver, HandOver, OutageCopy, PendingCases

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def read_copy(work: Session, call: Call, request: Nothing) -> OutageCopy:
    """The hall as a desk's outage store holds it: its public identity, catalog, calendar and office; no key, no
    authority (the window decides nothing in outage mode)."""
    from counter.actions.sync import outage

    return outage.outage_copy(work)


READ_COPY = read("outage.read_copy", Permission.TAKE_INTAKE, read_copy)


def hand_over(work: Session, call: Call, request: HandOver) -> HandedOver:
    """The desk's outage cases taken in at the hall under their numbers, each once however often asked."""
    from counter.actions.sync import outage

    return outage.take_hand_over(work, at_desk(call), request, call.now)


HAND_OVER = write(
    "outage.hand_over", Permission.TAKE_INTAKE, hand_over, faults=("counter.sync.outage:OutageHandOverRefused",)
)


def make_store(work: Session, call: Call, request: OutageCopy) -> Nothing:
    """The desk's outage store made, or brought up to date, from the hall's copy; its cases kept."""
    from counter.actions.sync import outage

    outage.make_store(work, request)
    return Nothing()


MAKE_STORE = write("outage.make_store", Permission.TAKE_INTAKE, make_store,
                   faults=("counter.sync.outage:NotAnOutageStore",))  # fmt: skip


def pending(work: Session, call: Call, request: PendingCases) -> HandOver:
    """The desk store's cases the hall has not taken yet: one hand-over's, after the case number asked."""
    from counter.actions.sync import outage

    return outage.pending_hand_over(work, request)


PENDING = read("outage.pending", Permission.TAKE_INTAKE, pending)


def mark_handed_over(work: Session, call: Call, request: HandedOver) -> int:
    """The cases the hall took (or had) marked on the desk's store, never handed over again; how many still wait."""
    from counter.actions.sync import outage

    return outage.mark_handed_over(work, request)


MARK_HANDED_OVER = write("outage.mark_handed_over", Permission.TAKE_INTAKE, mark_handed_over)

#: the operations of a desk's own outage store: never the hall server's
STORE_ONLY = frozenset({MAKE_STORE.name, PENDING.name, MARK_HANDED_OVER.name})
