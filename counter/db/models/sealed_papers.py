"""The sealed OFD of a case's paper, kept as first made (:mod:`counter.seals.ofd`).

Why.  A GB/T 38540 seal carries the moment of sealing and an SM2 signature that is new each time, so sealing a
paper again makes another document: a reprint, or the paper sent to the platform, must be the sealed file the
applicant was given, byte for byte, with its first seal time.  Its bytes are kept here, beside the paper's record,
with the digest of the paper's PDF they were sealed on: a paper whose content changed since (a posted 送达回证's day
of service recorded) is sealed again and the new file kept in its place.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, utcnow


class SealedPaper(Base):
    """A paper's sealed OFD: the body whose seal it bears, the PDF digest it was sealed on, the file, and when."""

    __tablename__ = "sealed_paper"

    document_id: Mapped[int] = mapped_column(ForeignKey("document_record.id"), primary_key=True)
    sealed_by: Mapped[str] = mapped_column(String(120))
    content_hash: Mapped[str] = mapped_column(String(64))
    ofd: Mapped[bytes] = mapped_column(LargeBinary)
    sealed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
