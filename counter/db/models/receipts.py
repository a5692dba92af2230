"""The receipt of each write the service applied, by its idempotency key (db.receipts)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, utcnow
from counter.db.sealed import SealedText


class OperationReceipt(Base):
    """A write applied under ``key``, and the answer it gave, as the service wrote it (JSON).

    A write asked again with the same key (its answer lost in transit, the desk asking once more) is answered from
    here and applies nothing a second time.  The key is bound to what it was given to: the account and desk that
    asked, the operation and the request (``request_hash``, SHA-256 of its JSON): asked with any of them changed, it
    is refused (:class:`counter.access.key_reused.KeyReused`).  The answer may name a person (a case's applicant), so
    it is sealed under the site's data key like the case's own columns, and kept only as long as the desk may still
    ask again (:func:`counter.db.receipts.prune_receipts`).
    """

    __tablename__ = "operation_receipt"
    __table_args__ = (Index("ix_operation_receipt_made_at", "made_at"),)

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    operation: Mapped[str] = mapped_column(String(80))
    made_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    response: Mapped[str] = mapped_column(SealedText)
    account: Mapped[str] = mapped_column(String(64), default="")  # the login that asked; "" the single desk
    desk: Mapped[str] = mapped_column(String(40), default="")  # site and desk number; "" asked for no desk
    request_hash: Mapped[str] = mapped_column(String(64), default="")
