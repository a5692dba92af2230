"""What leaves the desk: sync packages between township centres and the hall, and messages to applicants."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, utcnow
from counter.db.sealed import Sealed


class SitePeer(Base):
    """Another site whose packages this one accepts: its code, kind and public signing key.

    The hall registers each of its townships; a township registers its hall; the league registers each hall, with
    the county it serves.
    This site's own identity is in :class:`Setting` (``site.*``), its private key
    in a file of the data folder that never enters the database.
    """

    __tablename__ = "site_peer"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))  # hall / township / league
    public_key: Mapped[str] = mapped_column(String(80))  # Ed25519, raw 32 bytes in base64
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    # X25519, raw 32 bytes in base64: what packages to this peer are sealed to; "" when registered from an old card
    encryption_key: Mapped[str] = mapped_column(String(80), default="", server_default="")
    # the 行政区划代码 of the county a hall serves, at its league (counter.sync.counties); "" for every other peer
    county: Mapped[str] = mapped_column(String(6), default="", server_default="")
    # SM2, 04 ‖ x ‖ y in base64: what national-suite packages are checked with and sealed to; "" for a card without
    sm2_key: Mapped[str] = mapped_column(String(120), default="", server_default="")


class SyncExport(Base):
    """A package this site wrote: to whom, its number, and whether the other side has acknowledged it."""

    __tablename__ = "sync_export"
    __table_args__ = (UniqueConstraint("to_site", "export_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    to_site: Mapped[str] = mapped_column(String(12))
    export_no: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # cases (township → hall) / updates (hall → township)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    since: Mapped[datetime | None] = mapped_column(nullable=True)  # what it holds: changes after this moment
    records: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64))
    acked_at: Mapped[datetime | None] = mapped_column(nullable=True)


class SyncImport(Base):
    """A package this site took in: from whom, its number, what it did; a replay finds it here."""

    __tablename__ = "sync_import"
    __table_args__ = (UniqueConstraint("from_site", "kind", "export_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_site: Mapped[str] = mapped_column(String(12))
    kind: Mapped[str] = mapped_column(String(10))
    export_no: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    content_hash: Mapped[str] = mapped_column(String(64))
    applied: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    held: Mapped[int] = mapped_column(Integer, default=0)  # records put on the review list
    # when its sender wrote it (its signed header's created_at); None for one taken in before it was kept
    created_at: Mapped[datetime | None] = mapped_column(nullable=True)


class SyncReview(Base):
    """A record that could not be applied (an unknown guide version, say): kept whole, never dropped."""

    __tablename__ = "sync_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_site: Mapped[str] = mapped_column(String(12), index=True)
    export_no: Mapped[int] = mapped_column(Integer)
    record_type: Mapped[str] = mapped_column(String(20))
    record_key: Mapped[str] = mapped_column(String(80))  # a case's uid, a guide's hash …
    reason: Mapped[str] = mapped_column(String(40))  # a code, worded in counter.words.sync
    detail: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[str] = mapped_column(Text)  # the record as received (JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(nullable=True)


# --- messages to applicants -------------------------------------------------------------


class OutboxMessage(Base):
    """An SMS to the applicant, queued in the unit of work of the step it tells of (counter.db.outbox_store).

    ``key`` is the message's one identity (case uid, what, when: :func:`counter.sms.kinds.message_key`): it is never
    queued twice, and the gateway gets it as the idempotency key of every attempt.  ``state``: waiting (``next_at``
    says from when), sending (claimed by a sender until ``next_at``), sent (``sent_at``, ``gateway_id``), failed
    (after the gateway's number of attempts, or an answer that will not change: a supervisor retries it).
    ``text`` is written when the message is first claimed: every attempt sends the same words.
    """

    __tablename__ = "outbox_message"
    # the sender's walk: what waits, by when it is due
    __table_args__ = (Index("ix_outbox_message_due", "state", "next_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    phone: Mapped[str] = mapped_column(Sealed)  # sealed at rest (counter.db.sealed)
    item_code: Mapped[str] = mapped_column(String(40), default="")
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    tracking: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10), default="waiting")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    gateway_id: Mapped[str] = mapped_column(String(80), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")


# --- reports to the region's platform ------------------------------------------------------


class PlatformEvent(Base):
    """An event the region's 一体化政务服务平台 is told of, queued in the unit of work of the step it reports
    (counter.db.platform_store), or at the hall with the township's case that carried it.

    ``key`` is the event's one identity, the same on every site (case uid, kind, sequence:
    :mod:`counter.platform.events`): queued once, sent under it at every attempt.  ``event``: the history or
    rectification line's own event; ``round``: the rating's; ``detail``: what the line said (JSON), read when the
    event is mapped.  ``state`` as an SMS's: waiting, sending (claimed until ``next_at``), sent, failed.
    """

    __tablename__ = "platform_event"
    # the sender's walk: what waits, by when it is due
    __table_args__ = (Index("ix_platform_event_due", "state", "next_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    event: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column()
    round: Mapped[int] = mapped_column(Integer, default=0)
    item_code: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10), default="waiting")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    platform_id: Mapped[str] = mapped_column(String(80), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")
