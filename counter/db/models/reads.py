"""The record of each person's ID number read whole (counter.db.read_log)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, utcnow


class IdRead(Base):
    """One answer that gave an account a person's ID number whole: who, at which desk, of which case, when, by which
    operation.

    Never the number itself: ``person_key`` is its keyed index (HMAC-SM3 under the site's index key, as
    ``case.applicant_id_key``), so that "who looked at this person" is asked with the number in hand, and a copy of
    the table names nobody.  Written by the server (or the desk's own process) as it answers, never by a request.
    """

    __tablename__ = "id_read"
    __table_args__ = (
        Index("ix_id_read_at", "at"),
        Index("ix_id_read_login_at", "login", "at"),
        Index("ix_id_read_case_no", "case_no"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    login: Mapped[str] = mapped_column(String(64))  # "" the single desk, where nobody signs in
    name: Mapped[str] = mapped_column(String(100))  # the account's name as it acted
    site_code: Mapped[str] = mapped_column(String(20))
    desk_no: Mapped[str] = mapped_column(String(8))
    case_no: Mapped[str] = mapped_column(String(50))  # "" for a person read without a case (一证办理, a draft)
    person_key: Mapped[str] = mapped_column(String(64))  # "" where this machine has no index key
    operation: Mapped[str] = mapped_column(String(80))
