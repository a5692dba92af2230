"""The townships' seals as the hall received them (``peer_seal``, insert-only): kept, listed, and the newest held.

Why they are kept, and what is read from them: :mod:`counter.audit.peer_seals`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from counter.audit.peer_seals import HeldSeal
from counter.db import models


def keep_seal(session: Session, site: str, no: int, digest: str, prev: str, payload: str, signature: str) -> bool:
    """Keep a seal ``site`` sent; False when that very seal is held already."""
    s = models.PeerSeal
    there = session.scalar(select(s.id).where(s.site_code == site, s.no == no, s.digest == digest))
    if there is not None:
        return False
    session.execute(
        insert(s).values(
            site_code=site, no=no, digest=digest, prev=prev, payload=payload, signature=signature,
            received_at=models.utcnow(),
        )
    )  # fmt: skip
    return True


def held_seals(session: Session) -> Iterator[HeldSeal]:
    s = models.PeerSeal
    for site, no, digest, prev in session.execute(select(s.site_code, s.no, s.digest, s.prev).order_by(s.id)):
        yield HeldSeal(str(site), int(no), str(digest), str(prev))


def newest_held(session: Session, site: str) -> tuple[int, str]:
    """The highest number of ``site``'s seals held here and the digest first received under it; (0, "") if none."""
    s = models.PeerSeal
    no = session.scalar(select(func.max(s.no)).where(s.site_code == site))
    if no is None:
        return 0, ""
    digest = session.scalar(select(s.digest).where(s.site_code == site, s.no == no).order_by(s.id).limit(1))
    return int(no), str(digest)
