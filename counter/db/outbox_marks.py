"""Marking a claimed row of an outbox sent or failed: one rule for the SMS messages and the platform's events.

Both outboxes hold rows a sender claims, sends and marks (:mod:`counter.db.outbox_store`,
:mod:`counter.db.platform_store`).  Sent is marked once: a row already sent stays as it was, so a sender whose lease
ran out and the one that claimed the row after it cannot both count it.  A failure marks only a row still being
sent, so a row marked sent meanwhile is never put back to wait.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from counter.db import models
from counter.sms.outbox import MessageState

WAITING, SENDING, SENT, FAILED = (s.value for s in MessageState)
#: an outbox's table: the SMS messages', or the platform's events (each with its own column for the answer's id)
OutboxModel = type[models.OutboxMessage] | type[models.PlatformEvent]


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
