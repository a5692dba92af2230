"""Audit entries in the database: appended in the caller's transaction, never changed.

The entry is written in the same transaction as the change it records, so a
change and its entry are committed together or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter.audit.chain import GENESIS, AuditFields, chain_key, detail_text, entry_hash
from counter.db import models


def _take_next(session: Session, key: str) -> tuple[int, str] | None:
    """The chain's next number and its last hash; the UPDATE locks the head until commit."""
    head = models.AuditChain
    taken = update(head).where(head.chain == key).values(last_seq=head.last_seq + 1)
    row = session.execute(taken.returning(head.last_seq, head.last_hash)).first()
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
) -> int:
    """Append one entry to the desk's chain; returns its number in the chain."""
    key = chain_key(site_code, desk_no)
    taken = _take_next(session, key)
    if taken is None:
        dialect_insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
        session.execute(
            dialect_insert(models.AuditChain).values(chain=key, last_seq=0, last_hash=GENESIS).on_conflict_do_nothing()
        )
        taken = _take_next(session, key)
        assert taken is not None
    seq, prev_hash = taken
    fields = AuditFields(
        chain=key,
        seq=seq,
        at=at or models.utcnow(),
        actor=actor,
        site_code=site_code,
        desk_no=desk_no,
        action=action,
        subject=subject,
        detail=detail_text(detail),
    )
    digest = entry_hash(prev_hash, fields)
    session.execute(
        insert(models.AuditEntry).values(
            chain=key,
            seq=seq,
            at=fields.at,
            actor=actor,
            site_code=site_code,
            desk_no=desk_no,
            action=action,
            subject=subject,
            detail=fields.detail,
            prev_hash=prev_hash,
            hash=digest,
        )
    )
    session.execute(update(models.AuditChain).where(models.AuditChain.chain == key).values(last_hash=digest))
    return seq
