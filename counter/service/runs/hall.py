"""The hall server's own operations (:mod:`counter.service.hall`), run in the server's process alone."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from counter.access.desk_session import DeskSignIn, SessionDesk, SessionEnd
from counter.actions.admin import desk_sessions
from counter.db import hall_health
from counter.db.engine import Sessions
from counter.db.models import utcnow
from counter.db.receipts import prune_receipts
from counter.service.call import Call
from counter.service.hall import (
    CheckDesk,
    EndSession,
    FindSession,
    HallHealth,
    HealthAsked,
    OpenSession,
    OutboxDepth,
    Prune,
    Pruned,
    RegisterDesk,
)
from counter.service.remote import RETRY_WINDOW_S


def register_desk(work: Session, call: Call, request: RegisterDesk) -> None:
    desk_sessions.register_desk(work, request.desk_no, request.key_hash)


def open_session(work: Sessions, call: Call, request: OpenSession) -> DeskSignIn:
    r = request
    with work.begin() as session:
        return desk_sessions.open_session(session, r.login, r.password, r.desk_no, r.key_hash, r.token_hash, r.now)


def find_session(work: Sessions, call: Call, request: FindSession) -> SessionDesk | SessionEnd:
    with work.begin() as session:
        return desk_sessions.find_session(session, request.token_hash, request.key_hash, request.now)


def end_session(work: Sessions, call: Call, request: EndSession) -> None:
    with work.begin() as session:
        desk_sessions.end_session(session, request.token_hash, request.key_hash, request.idle, utcnow())


def prune(work: Sessions, call: Call, request: Prune) -> Pruned:
    """The receipts kept as long as a desk's transport may ask a write again (:data:`RETRY_WINDOW_S`), no longer."""
    kept = dt.timedelta(seconds=RETRY_WINDOW_S)
    with work.begin() as session:
        return Pruned(desk_sessions.prune_sessions(session, request.now), prune_receipts(session, kept, request.now))


def health(work: Session, call: Call, request: HealthAsked) -> HallHealth:
    now = request.now
    outboxes = tuple(
        OutboxDepth(name, unsent, failed, None if oldest is None else max((now - _utc(oldest)).total_seconds(), 0.0))
        for name, unsent, failed, oldest in hall_health.outbox_depth(work)
    )
    return HallHealth(hall_health.schema_revision(work), outboxes, hall_health.open_sessions(work, now))


def _utc(at: dt.datetime) -> dt.datetime:
    """A stored moment as an aware one: SQLite gives back the UTC it was given without its zone."""
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


def check_desk(work: Session, call: Call, request: CheckDesk) -> bool:
    return desk_sessions.desk_key_matches(work, request.desk_no, request.key_hash)
