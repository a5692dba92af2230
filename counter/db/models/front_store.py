"""The 前置库's outbox: one row per platform event the front store is to receive.

The events are the platform's (:class:`counter.db.models.exchange.PlatformEvent`), queued once with their step; the
front store is a second transport of the same events, so it keeps only its own marks: whether each event was
written there, when, under which batch, and why not yet.  ``state`` as an SMS's: waiting, sending (claimed until
``next_at``), sent, failed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, utcnow


class FrontStoreEvent(Base):
    """A platform event as the front store's sender sees it: written there once (``batch``: the 批次号 it went in)."""

    __tablename__ = "front_store_event"
    __table_args__ = (Index("ix_front_store_event_due", "state", "next_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("platform_event.id"), unique=True)
    state: Mapped[str] = mapped_column(String(10), default="waiting")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    batch: Mapped[str] = mapped_column(String(80), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")
