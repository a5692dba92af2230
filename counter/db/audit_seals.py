"""Seals of the audit trail in the database: appended, never changed; and the entry hashes they are checked against."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from counter.audit.seal import StoredSeal, parse_payload, payload_digest
from counter.db import models

_IN_BATCH = 500  # numbers per IN (…) when reading the hashes at sealed numbers


def chain_tips(session: Session) -> dict[str, tuple[int, str]]:
    """Each chain's last entry (number, hash), read from the entries themselves rather than the heads."""
    e = models.AuditEntry
    last = select(e.chain, func.max(e.seq).label("seq")).group_by(e.chain).subquery()
    rows = session.execute(select(e.chain, e.seq, e.hash).join(last, (e.chain == last.c.chain) & (e.seq == last.c.seq)))
    return {str(chain): (int(seq), str(digest)) for chain, seq, digest in rows}


def last_seqs(session: Session) -> dict[str, int]:
    e = models.AuditEntry
    return {str(c): int(s) for c, s in session.execute(select(e.chain, func.max(e.seq)).group_by(e.chain))}


def hashes_at(session: Session, chain: str, numbers: list[int]) -> dict[int, str]:
    """The hash of the entry at each of ``numbers`` in ``chain`` (a number with no entry is absent)."""
    e = models.AuditEntry
    found: dict[int, str] = {}
    for start in range(0, len(numbers), _IN_BATCH):
        batch = numbers[start : start + _IN_BATCH]
        rows = session.execute(select(e.seq, e.hash).where(e.chain == chain, e.seq.in_(batch)).order_by(e.id))
        for seq, digest in rows:
            found.setdefault(int(seq), str(digest))  # a duplicated number (a tampered trail): the first written
    return found


def all_seals(session: Session) -> Iterator[StoredSeal]:
    s = models.AuditSeal
    for payload, signature in session.execute(select(s.payload, s.signature).order_by(s.id)):
        yield StoredSeal(str(payload), str(signature))


def newest_seal(session: Session) -> StoredSeal | None:
    s = models.AuditSeal
    row = session.execute(select(s.payload, s.signature).order_by(s.id.desc()).limit(1)).first()
    return None if row is None else StoredSeal(str(row[0]), str(row[1]))


def add_seal(session: Session, at: dt.datetime, payload: str, signature: str) -> None:
    session.execute(insert(models.AuditSeal).values(at=at, payload=payload, signature=signature))


def seal_digests(session: Session) -> dict[int, str]:
    """Each readable seal's number and the digest of its payload (what the seal after it names)."""
    digests = {}
    for seal in all_seals(session):
        body = parse_payload(seal.payload)
        if body is not None:
            digests[body.no] = payload_digest(seal.payload)
    return digests
