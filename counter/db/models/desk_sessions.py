"""The hall server's desks and their sessions (counter.actions.admin.desk_sessions).

Only hashes are kept: a desk's key and a session's token are shown once, to the machine that holds them, and a copy
of the database (a backup, a desk role that may read it) gives neither.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, utcnow


class HallDesk(Base):
    """A desk machine the administrator registered at the server (``counter serve add-desk``): the hash of its key.

    A session is bound to the desk whose key was shown at sign-in: the server numbers the desk's cases and audits its
    acts from this row, never from what the desk's requests say.  Registering the desk again replaces the key.
    """

    __tablename__ = "hall_desk"

    desk_no: Mapped[str] = mapped_column(String(4), primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DeskSession(Base):
    """A clerk signed in at a registered desk: the hash of its token, whose account, at which desk, until when.

    ``ends_at``: the longest it may last from sign-in; ``used_at``: its last request, for the idle end; ``ended_at``:
    when it was ended (sign-out, expiry, the account disabled), kept for the trail's sake and pruned later.
    """

    __tablename__ = "desk_session"
    __table_args__ = (Index("ix_desk_session_ends_at", "ends_at"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    login: Mapped[str] = mapped_column(String(64))
    desk_no: Mapped[str] = mapped_column(String(4))
    made_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    used_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
