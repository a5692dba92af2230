"""Claiming an outbox's due rows and marking them sent or failed: one rule for the SMS messages and the platform's
events.

Both outboxes hold rows a sender claims, sends and marks (:mod:`counter.db.outbox_store`,
:mod:`counter.db.platform_store`). A claim takes the rows due (waiting, or left sending by a sender whose lease ran
out) and marks them as this sender's until its lease ends; on PostgreSQL rows another sender is claiming are
skipped, so senders running at once never take the same row. Sent is marked once: a row already sent stays as it
was, so a sender whose lease ran out and the one that claimed the row after it cannot both count it. A failure marks
only a row still being sent, so a row marked sent meanwhile is never put back to wait.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from counter.db import models
from counter.sms.outbox import MessageState

E = TypeVar("E", bound=StrEnum)
WAITING, SENDING, SENT, FAILED = (s.value for s in MessageState)
#: an outbox's table: the SMS messages', the platform's events, or the front store's marks of them (each with its own
#: column for the answer's id)
OutboxModel = type[models.OutboxMessage] | type[models.PlatformEvent] | type[models.FrontStoreEvent]
_Column = ColumnElement[Any] | InstrumentedAttribute[Any]  # what a claim's order names: a column of the table


def claim(
    session: Session, model: OutboxModel, now: dt.datetime, limit: int, lease: dt.timedelta, *order: _Column
) -> list[int]:
    """The ids of up to ``limit`` rows due at ``now``, in ``order``, marked as being sent until ``now + lease``, their
    attempt counted: the caller reads what it sends of them and commits the claim before sending."""
    due = or_(model.state == WAITING, model.state == SENDING)
    ids_query = select(model.id).where(due, model.next_at <= now).order_by(*order).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        ids_query = ids_query.with_for_update(skip_locked=True)
    ids = list(session.scalars(ids_query))
    if ids:
        session.execute(
            update(model)
            .where(model.id.in_(ids))
            .values(state=SENDING, attempts=model.attempts + 1, next_at=now + lease)
            .execution_options(synchronize_session=False)
        )
    return ids


def mark_sent(session: Session, model: OutboxModel, row_id: int, answer: dict[str, str], at: dt.datetime) -> bool:
    """Sent, once: a row already marked sent stays as it was (False).  ``answer``: the receiver's id for it, by its
    column (``gateway_id``, ``platform_id``), cut to the column's 80 characters."""
    done = session.execute(
        update(model)
        .where(model.id == row_id, model.state != SENT)
        .values(state=SENT, sent_at=at, last_error="", **{k: v[:80] for k, v in answer.items()})
        .execution_options(synchronize_session=False)
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


def mark_failed(session: Session, model: OutboxModel, row_id: int, error: str, retry_at: dt.datetime | None) -> None:
    """An attempt failed: the row waits until ``retry_at``, or (None) waits in the failed list."""
    values: dict[str, Any] = {"last_error": error[:500]}
    values |= {"state": WAITING, "next_at": retry_at} if retry_at is not None else {"state": FAILED}
    session.execute(
        update(model)
        .where(model.id == row_id, model.state == SENDING)
        .values(values)
        .execution_options(synchronize_session=False)
    )


def retry(session: Session, model: OutboxModel, row_id: int, now: dt.datetime) -> bool:
    """A failed row back in the queue, with its attempts counted afresh; False when none failed by that id."""
    done = session.execute(
        update(model)
        .where(model.id == row_id, model.state == FAILED)
        .values(state=WAITING, attempts=0, next_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


def kind_or_code(kinds: type[E], code: str) -> E | str:
    """A row's kind as the lists show it: the code itself for one this version does not know (a newer version's
    row), so that the row is listed, not the list stopped."""
    try:
        return kinds(code)
    except ValueError:
        return code
