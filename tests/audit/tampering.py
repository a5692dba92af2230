"""What someone with the database file can do to the trail: drop the triggers, change rows, compute the chain again.

The forger knows the program's hashing (it is in the source), so after an edit
every later entry's hash and the chain's head are made to agree: the chain alone
then looks whole, and only a seal or the rows' recorded states can tell.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.audit.chain import GENESIS, entry_hash
from counter.db import audit_store
from counter.host.keys.trail_key import read_trail_key, trail_key_path
from counter.host.machine import paths

TRIGGERS = {
    "audit_entry": ("trg_audit_entry_no_update", "trg_audit_entry_no_delete"),
    "audit_seal": ("trg_audit_seal_no_update", "trg_audit_seal_no_delete"),
    "rating": ("trg_rating_no_update", "trg_rating_no_delete"),
    "rectification": ("trg_rectification_no_update", "trg_rectification_no_delete"),
    "rectification_history": ("trg_rectification_history_no_update", "trg_rectification_history_no_delete"),
}


def drop_triggers(sessions: sessionmaker[Session], tables: Iterable[str]) -> None:
    with sessions.begin() as s:
        for table in tables:
            for trigger in TRIGGERS[table]:
                s.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))


def rechain(sessions: sessionmaker[Session], chain: str, key: bytes | None = None) -> None:
    """Every entry's link and hash computed again from its fields, and the head set to the last: a whole chain.

    Entries under HMAC-SM3 are computed with ``key``, by default the trail key of this machine where it is there (a
    township's clerk holds the laptop and its key folder)."""
    key = key or read_trail_key(trail_key_path(paths.site_key_path()))
    with sessions.begin() as s:
        prev = GENESIS
        for entry in list(audit_store.chain_entries(s, chain)):
            digest = entry_hash(prev, entry.fields, key)
            s.execute(
                text("UPDATE audit_entry SET prev_hash = :prev, hash = :hash WHERE chain = :chain AND seq = :seq"),
                {"prev": prev, "hash": digest, "chain": chain, "seq": entry.seq},
            )
            prev = digest
        s.execute(text("UPDATE audit_chain SET last_hash = :hash WHERE chain = :chain"), {"hash": prev, "chain": chain})


def newest_entry_about(sessions: sessionmaker[Session], subject: str) -> tuple[str, int]:
    with sessions() as s:
        row = s.execute(
            text("SELECT chain, seq FROM audit_entry WHERE subject = :subject AND state <> '' ORDER BY id DESC"),
            {"subject": subject},
        ).first()
    assert row is not None
    return str(row[0]), int(row[1])
