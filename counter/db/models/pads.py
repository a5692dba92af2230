"""The hall's review pads (评价器) as devices of their own: each registered at the server with a key, paired to one
desk, and the rating requests that belong to one (counter.actions.admin.hall_pads).

A pad's key is shown once (``counter serve add-pad``) and kept here as its hash, as a desk's is: the pad shows it at
each request, and a request that belongs to a pad is answered under that pad's key alone, never by the desk that
asked it nor by any account, so that the clerk rated cannot give the applicant's rating.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, utcnow


class HallPad(Base):
    """A pad device registered at the server: its name, its key's hash, the desk it is paired to (None: none yet, or
    no longer), when it was retired (its key then opens nothing), and until when it was last heard from: the end of
    the ask it holds for its next request, or of the time on the pad of the request it took (None: never heard), so
    that the desk that asked a rating is told a pad that went away."""

    __tablename__ = "hall_pad"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    desk_no: Mapped[str | None] = mapped_column(String(4), nullable=True, unique=True)
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    heard_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class PadRequest(Base):
    """A rating request that belongs to a pad device: the pad it was sent to when its desk asked it, and the served
    clerk's staff number the pad's card shows.  Written once, with the request."""

    __tablename__ = "pad_request"

    request_id: Mapped[int] = mapped_column(Integer, ForeignKey("rating_request.id"), primary_key=True)
    pad: Mapped[str] = mapped_column(String(32), index=True)
    staff_no: Mapped[str] = mapped_column(String(20), default="")
