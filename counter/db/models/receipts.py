"""The receipt of each write the service applied, by its idempotency key (migration 0034; counter.db.receipts)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, utcnow


class OperationReceipt(Base):
    """A write applied under ``key``, and the answer it gave, as the service wrote it (JSON).

    A write asked again with the same key (its answer lost in transit, the desk asking once more) is answered from
    here and applies nothing a second time.  Kept for :data:`counter.db.receipts.KEPT_DAYS`; a retry comes within
    seconds or minutes of the first asking.
    """

    __tablename__ = "operation_receipt"
    __table_args__ = (Index("ix_operation_receipt_made_at", "made_at"),)

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    operation: Mapped[str] = mapped_column(String(80))
    made_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    response: Mapped[str] = mapped_column(Text)
