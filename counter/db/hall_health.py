"""What the hall server's health route and metrics read of its database: the schema's revision, each outbox's
depth and oldest unsent row, the sessions open now, and on PostgreSQL which node is written to and how far each
standby is behind it.  A few counts on indexed columns and one view: asked at each scrape."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from counter.case.moments import stored_utc
from counter.db.models import DeskSession, FrontStoreEvent, OutboxMessage, PlatformEvent

#: each outbox by the name the metrics give it
OUTBOXES = (("sms", OutboxMessage), ("platform", PlatformEvent), ("front_store", FrontStoreEvent))
#: the states of a row not yet sent that a sender still tries (a failed one waits for a supervisor)
UNSENT = ("waiting", "sending")


def schema_revision(session: Session) -> str | None:
    return session.execute(text("SELECT version_num FROM alembic_version")).scalar()


def outbox_depth(session: Session) -> list[tuple[str, int, int, dt.datetime | None]]:
    """Each outbox's name, its rows unsent, its rows failed, and when its oldest unsent row was made."""
    depths: list[tuple[str, int, int, dt.datetime | None]] = []
    for name, model in OUTBOXES:
        unsent, oldest = session.execute(
            select(func.count(), func.min(model.created_at)).where(model.state.in_(UNSENT))
        ).one()
        failed = session.execute(select(func.count()).where(model.state == "failed")).scalar_one()
        depths.append((name, unsent, failed, oldest))
    return depths


def open_sessions(session: Session, now: dt.datetime) -> int:
    """Desk sessions not ended and not past their longest end (an idle one counts until its next use ends it)."""
    sessions = DeskSession
    return session.execute(select(func.count()).where(sessions.ended_at.is_(None), sessions.ends_at > now)).scalar_one()


def health(session: Session, now: dt.datetime) -> tuple[str | None, list[tuple[str, int, int, float | None]], int]:
    """The hall's health read at once: the schema's revision; each outbox's name, its rows unsent and failed, and
    how long its oldest unsent row has waited at ``now`` in seconds (None: none waits); the open desk sessions."""
    depths = [
        (name, unsent, failed, None if oldest is None else max((now - stored_utc(oldest)).total_seconds(), 0.0))
        for name, unsent, failed, oldest in outbox_depth(session)
    ]
    return schema_revision(session), depths, open_sessions(session, now)


#: each standby streaming from the node written to: its replication name (pg_auto_failover's
#: ``pgautofailover_standby_N``, N its node id in ``pg_autoctl show state``), its state (``streaming``), its part in
#: synchronous commit (``sync``, ``quorum`` or ``async``), and how far its replay is behind, in bytes of WAL and in
#: seconds.  Without ``pg_monitor`` (the 运维手册's step 12 grants it) PostgreSQL shows the server's role the rows
#: with their details null: the lag is then unknown, never a fault.  A node in recovery has no WAL position of its
#: own to measure from (the server never writes to one: ``target_session_attrs=read-write``).
_STANDBYS = text(
    "SELECT application_name, COALESCE(state, ''), COALESCE(sync_state, ''),"
    " CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) END,"
    " EXTRACT(EPOCH FROM replay_lag) FROM pg_stat_replication ORDER BY application_name"
)


def replication(session: Session) -> tuple[str | None, list[tuple[str, str, str, int | None, float | None]]]:
    """The node this server writes to, as libpq reached it (``host:port`` of the address's ``host=``: the one of
    a pair that took ``target_session_attrs=read-write``), and each standby streaming from it (:data:`_STANDBYS`).
    ``(None, [])`` on SQLite, which is one file and no node."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return None, []
    driver: Any = connection.connection.dbapi_connection
    node = f"{driver.info.host}:{driver.info.port}"
    standbys = [
        (
            str(name),
            str(state),
            str(sync),
            None if lag is None else int(lag),
            None if seconds is None else float(seconds),
        )
        for name, state, sync, lag, seconds in session.execute(_STANDBYS)
    ]
    return node, standbys
