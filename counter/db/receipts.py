"""The receipts of applied writes (:class:`counter.db.models.OperationReceipt`): found by key, kept, and pruned."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from counter.db.models import OperationReceipt, utcnow


@dataclass(frozen=True, slots=True)
class Receipt:
    """What a key was first given to, and the answer it gave (JSON, opened)."""

    operation: str
    account: str
    desk: str
    request_hash: str
    response: str


def receipt(session: Session, key: str) -> Receipt | None:
    """The write applied under ``key``; None if none was."""
    row = session.execute(
        select(
            OperationReceipt.operation,
            OperationReceipt.account,
            OperationReceipt.desk,
            OperationReceipt.request_hash,
            OperationReceipt.response,
        ).where(OperationReceipt.key == key)
    ).one_or_none()
    return None if row is None else Receipt(*row)


def keep_receipt(session: Session, key: str, done: Receipt) -> None:
    """Record that the write ``done`` names was applied under ``key``; in its transaction.  The answer is sealed."""
    session.add(
        OperationReceipt(
            key=key,
            operation=done.operation,
            account=done.account,
            desk=done.desk,
            request_hash=done.request_hash,
            response=done.response,
        )
    )


def prune_receipts(session: Session, kept: dt.timedelta, now: dt.datetime | None = None) -> int:
    """Drop the receipts older than ``kept`` (a desk's retry window: none asks again after it); how many went."""
    before = (now or utcnow()) - kept
    done = session.execute(delete(OperationReceipt).where(OperationReceipt.made_at < before))
    return int(getattr(done, "rowcount", 0) or 0)
