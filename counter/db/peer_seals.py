"""The townships' seals as the hall received them (``peer_seal``, insert-only): kept, listed, and the newest held.

Why they are kept, and what is read from them: :mod:`counter.audit.peer_seals`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from counter.audit.peer_seals import HeldSeal
from counter.audit.seal import parse_payload
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


Signed = Callable[[str, int, str, str, str], bool]  # site, number, digest, payload, signature → the site's seal


def held_seals(session: Session, signed: Signed | None = None) -> Iterator[HeldSeal]:
    """Every row held, in the order received; with ``signed``, each row's signature checked by it."""
    s = models.PeerSeal
    rows = session.execute(select(s.site_code, s.no, s.digest, s.prev, s.payload, s.signature).order_by(s.id))
    for site, no, digest, prev, payload, signature in rows:
        good = True if signed is None else signed(str(site), int(no), str(digest), str(payload), str(signature))
        body = parse_payload(str(payload))
        if body is None:
            yield HeldSeal(str(site), int(no), str(digest), str(prev), good)
        else:
            yield HeldSeal(str(site), int(no), str(digest), str(prev), good, body.restored, body.digest)


def newest_held(session: Session, site: str) -> tuple[int, str]:
    """The highest number of ``site``'s seals held here and the digest first received under it; (0, "") if none."""
    s = models.PeerSeal
    no = session.scalar(select(func.max(s.no)).where(s.site_code == site))
    if no is None:
        return 0, ""
    digest = session.scalar(select(s.digest).where(s.site_code == site, s.no == no).order_by(s.id).limit(1))
    return int(no), str(digest)
