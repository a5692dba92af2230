"""The receipts of applied writes (:class:`counter.db.models.OperationReceipt`): found by key, kept, and pruned."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from counter.db.models import OperationReceipt, utcnow

#: how long a receipt is kept: a desk asks a write again within its own retry (seconds), or when it comes back after
#: the hall's server was away (hours at most); a week covers a weekend's outage with room to spare
KEPT_DAYS = 7


def receipt(session: Session, key: str) -> tuple[str, str] | None:
    """The operation and answer of the write applied under ``key``; None if none was."""
    row = session.execute(
        select(OperationReceipt.operation, OperationReceipt.response).where(OperationReceipt.key == key)
    ).one_or_none()
    return None if row is None else (row[0], row[1])


def keep_receipt(session: Session, key: str, operation: str, response: str) -> None:
    """Record that the write ``operation`` was applied under ``key`` and answered ``response``; in its transaction."""
    session.add(OperationReceipt(key=key, operation=operation, response=response))


def prune_receipts(session: Session, now: dt.datetime | None = None) -> int:
    """Drop the receipts older than :data:`KEPT_DAYS`; how many went."""
    before = (now or utcnow()) - dt.timedelta(days=KEPT_DAYS)
    done = session.execute(delete(OperationReceipt).where(OperationReceipt.made_at < before))
    return int(getattr(done, "rowcount", 0) or 0)
