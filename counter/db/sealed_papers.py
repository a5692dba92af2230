"""A case paper's sealed OFD kept as first made (:class:`counter.db.models.SealedPaper`): read back for a reprint,
written when a paper is first sealed or sealed again over changed content."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.db import models


def kept_sealed(session: Session, document_id: int, content_hash: str) -> models.SealedPaper | None:
    """The sealed file kept for the paper, where it was sealed on these very contents (its PDF's digest)."""
    row = session.get(models.SealedPaper, document_id)
    return row if row is not None and row.content_hash == content_hash else None


def keep_sealed(session: Session, document_id: int, content_hash: str, body: str, ofd: bytes) -> None:
    """Keep ``ofd``, sealed by ``body`` on contents ``content_hash``, as the paper's sealed file (in place of one
    sealed on other contents)."""
    row = session.get(models.SealedPaper, document_id)
    if row is None:
        session.add(models.SealedPaper(document_id=document_id, sealed_by=body, content_hash=content_hash, ofd=ofd))
    else:
        row.sealed_by, row.content_hash, row.ofd, row.sealed_at = body, content_hash, ofd, models.utcnow()
    session.flush()
