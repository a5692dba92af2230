"""好差评: requests, ratings, lapses, rectifications and appeals.

Every table here is insert-only: a rating, the request that asked for it, a lapse, a rectification, each of its
history lines and each appeal decision are written once and never changed or removed.  A state is the newest
history line; an excluded rating is one with an upheld appeal.  The schema's triggers refuse UPDATE and
DELETE on these tables in the database itself; the ORM refuses them too (:class:`~counter.db.models.base.InsertOnly`).
One narrow exception: a rating's rater ID number is sealed at rest, and the sealing in place
(:mod:`counter.db.sealing`) may write it sealed where it was clear or under an older key, nothing else.
"""

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
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, InsertOnly, utcnow
from counter.db.sealed import Sealed

# the closing states (RectState.FED_BACK, RectState.VOIDED) as stored; a test checks it against the domain
CLOSING_STATES = ("fed_back", "voided")
CLOSING_LINE = "state_after IN ('fed_back', 'voided')"


class RatingRequest(InsertOnly, Base):
    """A service sent to the review pad: one per case and round (现场服务一次一评)."""

    __tablename__ = "rating_request"
    __table_args__ = (
        UniqueConstraint("case_id", "round"),
        # one desk's requests, which the pad checks for unanswered ones before every service
        Index("ix_rating_request_desk", "site_code", "desk_no", "sent_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    round: Mapped[int] = mapped_column(Integer)  # 1 the service, 2 a follow-up after rectification
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    site_code: Mapped[str] = mapped_column(String(12))
    desk_no: Mapped[str] = mapped_column(String(4))
    clerk: Mapped[str] = mapped_column(String(60))


class Rating(InsertOnly, Base):
    """One rating, with the record's fields as they were when it was given (GB/T 39046)."""

    __tablename__ = "rating"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("rating_request.id"), unique=True)
    level: Mapped[str] = mapped_column(String(24))  # the meaning (Level), never a number
    channel: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of labels as offered
    comment: Mapped[str] = mapped_column(Text, default="")
    rated_at: Mapped[datetime] = mapped_column(default=utcnow)
    rated_on: Mapped[date] = mapped_column(Date, index=True)  # the office's day
    round: Mapped[int] = mapped_column(Integer)
    case_no: Mapped[str] = mapped_column(String(50))
    item_code: Mapped[str] = mapped_column(String(24))
    item_name: Mapped[str] = mapped_column(Text)
    department: Mapped[str] = mapped_column(Text)
    clerk: Mapped[str] = mapped_column(String(60))
    staff_no: Mapped[str] = mapped_column(String(20), default="")
    desk_no: Mapped[str] = mapped_column(String(4))
    site_code: Mapped[str] = mapped_column(String(12))
    region: Mapped[str] = mapped_column(String(6))
    rater_name: Mapped[str] = mapped_column(Text)
    rater_id_no: Mapped[str] = mapped_column(Sealed)  # sealed at rest (counter.db.sealed)
    rater_kind: Mapped[str] = mapped_column(String(10))
    anonymous: Mapped[bool] = mapped_column(default=False)


class RatingLapse(InsertOnly, Base):
    """A request the pad closed unrated when its time ran out: never a rating."""

    __tablename__ = "rating_lapse"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("rating_request.id"), unique=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Rectification(InsertOnly, Base):
    """The rectification a bad rating opened, in the same transaction as the rating."""

    __tablename__ = "rectification"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("rating.id"), unique=True)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    opened_on: Mapped[date] = mapped_column(Date, index=True)  # the figures count by it
    period: Mapped[str] = mapped_column(String(24))  # "7 calendar_day", as set when it opened
    due_on: Mapped[date] = mapped_column(Date, index=True)
    due_beyond_data: Mapped[bool] = mapped_column(default=False)


class RectificationHistory(InsertOnly, Base):
    """Every move of a rectification, with who and what; the newest line holds its state."""

    __tablename__ = "rectification_history"
    __table_args__ = (
        # its state: the newest line, found by walking this backwards
        Index("ix_rectification_history_latest", "rectification_id", "id"),
        # the lines that closed one (已反馈, 已撤销): the open list keeps those without such a line
        Index(
            "ix_rectification_history_closed", "rectification_id",
            sqlite_where=text(CLOSING_LINE), postgresql_where=text(CLOSING_LINE),
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rectification_id: Mapped[int] = mapped_column(ForeignKey("rectification.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(60))
    event: Mapped[str] = mapped_column(String(24))
    state_after: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")
    fix_due: Mapped[date | None] = mapped_column(Date, nullable=True)  # 限期整改: the ledger date


class RatingAppeal(InsertOnly, Base):
    """An appeal decision (申诉复核): who decided, on what ground, and why; upheld excludes the rating."""

    __tablename__ = "rating_appeal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("rating.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(60))
    ground: Mapped[str] = mapped_column(String(16))
    upheld: Mapped[bool] = mapped_column()
    reason: Mapped[str] = mapped_column(Text)
