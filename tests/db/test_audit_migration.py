"""Migration 0010 (seals, recorded states) keeps the trail insert-only both ways, and old entries verify as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from counter.access.desk import Desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.site.trail_check import verify_trail
from counter.audit.actions import AuditAction
from counter.audit.chain import GENESIS, AuditFields, entry_hash
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import downgrade, upgrade

BEFORE = "0009_bundle_status"


def triggers(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT tbl_name, count(*) FROM sqlite_master WHERE type = 'trigger' "
                                     "AND tbl_name IN ('audit_entry', 'audit_seal') GROUP BY tbl_name"))  # fmt: skip
            return {str(table): int(count) for table, count in rows}
    finally:
        engine.dispose()


@pytest.mark.slow
def test_down_and_up_again_keep_the_triggers_and_the_old_entries_whole(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'trail.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    downgrade(engine, BEFORE)
    assert triggers(url) == {"audit_entry": 2}
    at = dt.datetime(2026, 11, 20, 2, 30)
    fields = AuditFields("XAM01-8", 1, at, "乌兰", "XAM01", "8", "holidays_changed", "2027-01-01", "{}")
    digest = entry_hash(GENESIS, fields)  # as the program before 0010 hashed it: there was no state
    with engine.begin() as conn:
        assert "state" not in {row[1] for row in conn.execute(text("PRAGMA table_info(audit_entry)"))}
        conn.execute(
            text("INSERT INTO audit_entry (chain, seq, at, actor, site_code, desk_no, action, subject, detail, "
                 "prev_hash, hash) VALUES ('XAM01-8', 1, :at, '乌兰', 'XAM01', '8', 'holidays_changed', "
                 "'2027-01-01', '{}', :prev, :hash)"),
            {"at": at, "prev": GENESIS, "hash": digest},
        )  # fmt: skip
        conn.execute(text("INSERT INTO audit_chain (chain, last_seq, last_hash) VALUES ('XAM01-8', 1, :h)"),
                     {"h": digest})  # fmt: skip
    engine.dispose()
    engine = make_engine(url)
    upgrade(engine)
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        record_at_desk(session, Desk(DeskIdentity("XAM01", "8"), "乌兰"), AuditAction.HOLIDAYS_CHANGED, "2027-01-02")
    assert triggers(url) == {"audit_entry": 2, "audit_seal": 2}
    with sessions() as session:
        report = verify_trail(session)
    assert (report.whole, report.entries) == (True, 2)
    engine.dispose()
