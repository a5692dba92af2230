"""Audit entries in the database: appended in the caller's transaction, never changed.

The entry is written in the same transaction as the change it records, so a
change and its entry are committed together or not at all.  An entry about a
case, a rating or an account carries the digest of that row as the change left
it (:mod:`counter.audit.state`), read here so that no caller can forget it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from counter.audit.chain import GENESIS, AuditFields, ChainAlg, chain_key, detail_text, entry_hash
from counter.audit.verify import ChainHead, StoredEntry
from counter.db import models
from counter.db.audit_state import row_state, written_state
from counter.db.case_store import dialect_insert
from counter.host.keys.trail_key import read_trail_key, trail_key_path
from counter.host.machine import paths

#: entries read per query while streaming a chain: memory stays flat however long the trail
READ_BATCH = 5_000


@functools.cache
def _statements() -> tuple[Any, Any, Any]:
    """Taking the chain's next number, adding the entry, moving the head on: built once, as every change of a case,
    a rating or an account writes an entry (building them cost more than sending them)."""
    head, entry = (cast(Table, m.__table__) for m in (models.AuditChain, models.AuditEntry))
    chain = head.c.chain == bindparam("chain_key")
    take = update(head).where(chain).values(last_seq=head.c.last_seq + 1).returning(head.c.last_seq, head.c.last_hash)
    moved = update(head).where(chain).values(last_hash=bindparam("digest"))
    return take, insert(entry), moved


def _take_next(session: Session, key: str) -> tuple[int, str] | None:
    """The chain's next number and its last hash; the UPDATE locks the head until commit."""
    row = session.execute(_statements()[0], {"chain_key": key}).first()
    return None if row is None else (int(row[0]), str(row[1]))


def append(
    session: Session,
    actor: str,
    site_code: str,
    desk_no: str,
    action: str,
    subject: str,
    detail: Mapping[str, Any],
    at: dt.datetime | None = None,
    row: Mapping[str, object] | None = None,
) -> int:
    """Append one entry to the desk's chain; returns its number in the chain.

    ``row``: the row the entry is about, as this transaction has just written it whole (an intake's case): its
    digest is taken from those values instead of reading the row back, one query less on the desk's hottest write.
    The values are those the INSERT sent, which the database gives back as they were (:mod:`counter.audit.state`
    canonicalises them alike); the trail's check reads the row itself and would find any difference.
    """
    key = chain_key(site_code, desk_no)
    trail_key = read_trail_key(trail_key_path(paths.site_key_path()))  # HMAC-SM3 where this machine holds it
    taken = _take_next(session, key)
    if taken is None:
        head = dialect_insert(session)(models.AuditChain).values(chain=key, last_seq=0, last_hash=GENESIS)
        session.execute(head.on_conflict_do_nothing())
        taken = _take_next(session, key)
        assert taken is not None
    seq, prev_hash = taken
    fields = AuditFields(
        chain=key,
        seq=seq,
        # in UTC: SQLite keeps a moment's wall time and drops its zone, so 10:30+08:00 would read back as 10:30 UTC
        at=models.utcnow() if at is None else at.astimezone(dt.UTC) if at.tzinfo is not None else at,
        actor=actor,
        site_code=site_code,
        desk_no=desk_no,
        action=action,
        subject=subject,
        detail=detail_text(detail),
        state=row_state(session, action, subject) if row is None else written_state(action, subject, row),
        alg=ChainAlg.SHA256 if trail_key is None else ChainAlg.HMAC_SM3,
    )
    digest = entry_hash(prev_hash, fields, trail_key)
    _, add, moved = _statements()
    session.execute(
        add,
        {
            "chain": key,
            "seq": seq,
            "at": fields.at,
            "actor": actor,
            "site_code": site_code,
            "desk_no": desk_no,
            "action": action,
            "subject": subject,
            "detail": fields.detail,
            "prev_hash": prev_hash,
            "hash": digest,
            "state": fields.state,
            "alg": fields.alg,
        },
    )
    session.execute(moved, {"chain_key": key, "digest": digest})
    return seq


# --- reading, for the check of the trail ------------------------------------------------


def chain_heads(session: Session) -> dict[str, ChainHead]:
    head = models.AuditChain
    rows = session.execute(select(head.chain, head.last_seq, head.last_hash))
    return {str(c): ChainHead(str(c), int(s), str(h)) for c, s, h in rows}


def entry_chains(session: Session) -> list[str]:
    """Every chain that has entries, whether or not it has a head."""
    return [
        str(c) for c in session.scalars(select(models.AuditEntry.chain).distinct().order_by(models.AuditEntry.chain))
    ]


def entry_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(models.AuditEntry)) or 0)


def chain_entries(session: Session, chain: str, batch: int = READ_BATCH) -> Iterator[StoredEntry]:
    """The chain's entries in order of their numbers, read ``batch`` at a time.

    Each batch starts after the last entry read (by number, then row id), so no
    query holds a cursor open and an entry that shares a number with another
    (possible only in a tampered database) is still read.
    """
    e = models.AuditEntry
    columns = (e.id, e.chain, e.seq, e.at, e.actor, e.site_code, e.desk_no, e.action, e.subject, e.detail,
               e.prev_hash, e.hash, e.state, e.alg)  # fmt: skip
    after: tuple[int, int] | None = None
    while True:
        query = select(*columns).where(e.chain == chain)
        if after is not None:
            query = query.where(or_(e.seq > after[0], and_(e.seq == after[0], e.id > after[1])))
        rows = session.execute(query.order_by(e.seq, e.id).limit(batch)).all()
        for row in rows:
            fields = AuditFields(
                chain=row.chain,
                seq=row.seq,
                at=row.at,
                actor=row.actor,
                site_code=row.site_code,
                desk_no=row.desk_no,
                action=row.action,
                subject=row.subject,
                detail=row.detail,
                state=row.state,
                alg=row.alg,
            )
            yield StoredEntry(fields, row.prev_hash, row.hash)
        if len(rows) < batch:
            return
        after = (rows[-1].seq, rows[-1].id)
