"""The front store's marks of the platform's events: caught up with the events queued, and read when claimed.

The platform's events are queued once, with their step (:mod:`counter.db.platform_store`); the front store's sender
takes every one of a kind it has a table for, in its own claim's unit of work (:func:`catch_up`), so no step's writer
needs to know the front store is there, and a hall that sets one up later has every event since reporting began
written to it.  An event already marked is never marked again (one mark per event, a unique key).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.outbox_marks import kind_or_code
from counter.db.platform_store import ClaimedEvent, claimed
from counter.platform.events import CASE_KINDS, PlatformKind
from counter.platform.outbox import EventRow
from counter.sms.outbox import MessageState

FRONT_STORE_KEY = "front_store.settings"  # the hall's 前置库 (counter.platform.front_store.FrontStoreSettings)
WAITING = MessageState.WAITING.value
LOOK_BACK = 10_000  # event ids below the newest marked one that a pass looks at again for one not marked yet


def catch_up(session: Session) -> int:
    """A mark for every case event (the kinds the front store has tables for) not marked yet; how many were new.

    Only the events from :data:`LOOK_BACK` ids below the newest marked one are looked at (all of them the first
    time): a pass reads a few rows by the key, not the whole outbox.  On PostgreSQL an event's id is taken when it
    is queued and it may be committed later than newer ones; the look-back is far wider than the events a hall
    queues while one step's unit of work is open."""
    e, f = models.PlatformEvent, models.FrontStoreEvent
    now = models.utcnow()
    newest = session.scalar(select(func.max(f.event_id)))
    new = (
        select(e.id, e.created_at)
        .outerjoin(f, f.event_id == e.id)
        .where(f.id.is_(None), e.kind.in_(sorted(k.value for k in CASE_KINDS)))
        .order_by(e.id)
    )
    if newest is not None:
        new = new.where(e.id > newest - LOOK_BACK)
    rows = [{"event_id": r[0], "created_at": now, "next_at": r[1]} for r in session.execute(new)]
    if not rows:
        return 0
    table = cast(Table, f.__table__)
    make: Any = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = make(table).on_conflict_do_nothing(index_elements=["event_id"])
    values = [{**r, "state": WAITING, "attempts": 0, "batch": "", "last_error": ""} for r in rows]
    session.execute(statement, values)
    return len(rows)


def mark_rows(session: Session, states: Sequence[str] = (), limit: int = 500) -> list[EventRow]:
    """The front store's marks, newest first (of ``states``; all when empty), as the supervisor's list reads them:
    ``platform_id`` there is the batch the event's rows went in."""
    f, e, c = models.FrontStoreEvent, models.PlatformEvent, models.Case
    query = (
        select(f.id, c.case_no, e.kind, f.state, f.attempts, f.created_at, f.next_at, f.sent_at, f.batch, f.last_error)
        .join(e, e.id == f.event_id)
        .join(c, c.id == e.case_id)
        .order_by(f.id.desc())
        .limit(limit)
    )
    if states:
        query = query.where(f.state.in_(states))
    return [
        EventRow(r[0], r[1], kind_or_code(PlatformKind, r[2]), MessageState(r[3]), r[4], r[5], r[6], r[7], r[8], r[9])
        for r in session.execute(query)
    ]


def claimed_mark(session: Session, mark_id: int) -> tuple[int, ClaimedEvent]:
    """A claimed mark's attempt and its event.  LookupError for a mark not there."""
    f = models.FrontStoreEvent
    found = session.execute(select(f.event_id, f.attempts).where(f.id == mark_id)).one_or_none()
    if found is None:
        raise LookupError(f"no front store mark {mark_id}")
    return found[1], claimed(session, found[0])
