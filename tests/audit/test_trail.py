"""The trail in a real database: written with each change, and every kind of tampering found.

The tamperer here has the database file: the triggers that keep the trail
insert-only are dropped first, as anyone with the file could, and then rows
are changed, removed, swapped or added behind the program's back.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, make_url, select, text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.cases.decisions import decide_item
from counter.actions.cases.hand_over import hand_over_results
from counter.actions.catalog.imports import import_source, sync_bundled
from counter.actions.intake.take import move_case
from counter.actions.site.demo import run_demo, write_documents
from counter.actions.site.trail_check import verify_trail
from counter.audit.actions import AuditAction
from counter.audit.verify import TrailProblem, TrailProblemCode
from counter.case.hand_over import HandOverRequest, HandOverWay
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseEvent, MoveNotAllowed
from counter.db import audit_store, models
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from tests.audit.conftest import ACTORS, APPLICANT_ID, APPLICANT_PHONE, TODAY, Facts, add_accounts, desk_of
from tests.conftest import SHIPPED_CATALOG
from tests.entrusted import ENTERED, RESTAURANT_ITEMS, entrust_in
from tests.pg_server import MIGRATED, FreshDatabases

CHAIN = "XAM01-8"


def entries(sessions: sessionmaker[Session], action: AuditAction | None = None) -> list[models.AuditEntry]:
    with sessions() as s:
        query = select(models.AuditEntry).order_by(models.AuditEntry.chain, models.AuditEntry.seq)
        if action is not None:
            query = query.where(models.AuditEntry.action == action.value)
        return list(s.scalars(query))


def verify(sessions: sessionmaker[Session]) -> list[tuple[TrailProblemCode, int, int]]:
    with sessions() as s:
        report = verify_trail(s)
    assert report.entries > 0
    return [(p.code, p.seq, p.last) for p in report.problems]


def tamper(db_path: Path, *statements: str) -> None:
    """Drop the triggers, as a tamperer with the file would, and change the rows directly."""
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        conn.execute(text("DROP TRIGGER IF EXISTS trg_audit_entry_no_update"))
        conn.execute(text("DROP TRIGGER IF EXISTS trg_audit_entry_no_delete"))
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


def last_seq(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.max(models.AuditEntry.seq)).where(models.AuditEntry.chain == CHAIN)) or 0)


# --- written with each change ----------------------------------------------------------------


def test_the_template_trail_is_whole_and_names_the_intake_without_personal_numbers(
    sessions: sessionmaker[Session], facts: Facts
) -> None:
    assert verify(sessions) == []
    taken = {e.subject: json.loads(e.detail) for e in entries(sessions, AuditAction.CASE_TAKEN)}
    assert taken[facts.awaiting] == {"bundle": "XAM-YJS-008", "guide_version": 1, "outcome": "defer", "previous": ""}
    every_detail = " ".join(e.detail for e in entries(sessions))
    assert APPLICANT_ID not in every_detail
    assert APPLICANT_PHONE not in every_detail


def test_every_step_of_a_case_is_recorded_with_who_and_where(sessions: sessionmaker[Session], facts: Facts) -> None:
    add_accounts(sessions)
    clerk, supervisor = desk_of(ACTORS[Role.CLERK]), desk_of(ACTORS[Role.SUPERVISOR])
    entrust_in(sessions, desk_of(ACTORS[Role.ADMIN]), *RESTAURANT_ITEMS)  # the departments' 授权, by the administrator
    with sessions.begin() as s:
        move_case(s, clerk, facts.accepted, CaseEvent.SENT_TO_APPROVAL)
        for code in RESTAURANT_ITEMS:  # each recorded for its department; the last decision closes the case
            decide_item(s, clerk, facts.accepted, code, approve=True, text=f"XK-{code[-2:]}", entered=ENTERED)
        pickup = HandOverRequest(HandOverWay.PICKUP, "巴特尔", APPLICANT_ID)
        hand_over_results(s, clerk, facts.accepted, pickup, dt.datetime.combine(TODAY, dt.time(16)).astimezone())
    with sessions.begin() as s:
        move_case(s, supervisor, facts.awaiting, CaseEvent.VOIDED, f"重复录入，申请人电话{APPLICANT_PHONE}")
    steps = [e for e in entries(sessions) if e.subject in (facts.accepted, facts.awaiting) and e.actor]
    mine = [(e.actor, e.action, json.loads(e.detail).get("event")) for e in steps if e.actor in ("wulan", "bater")]
    assert mine == [
        ("wulan", "case_changed", "sent_to_approval"),
        *[("wulan", "case_changed", "item_approved")] * 4,  # recorded for the departments under their 授权
        ("wulan", "case_changed", "completed"),
        ("wulan", "case_changed", "delivered"),
        ("wulan", "document_made", None),  # the 送达回证
        ("bater", "case_voided", "voided"),
    ]
    voided = entries(sessions, AuditAction.CASE_VOIDED)[-1]
    assert (voided.site_code, voided.desk_no, voided.chain) == ("XAM01", "8", CHAIN)
    assert json.loads(voided.detail)["note"] == "重复录入，申请人电话139****1111"
    assert voided.at is not None
    assert verify(sessions) == []


def test_a_refused_step_leaves_no_entry(sessions: sessionmaker[Session], facts: Facts) -> None:
    before = entries(sessions)
    with pytest.raises(MoveNotAllowed), sessions.begin() as s:
        move_case(s, Desk(DeskIdentity("XAM01", "8"), "乌兰"), facts.rated, CaseEvent.COMPLETED)
    assert [e.hash for e in entries(sessions)] == [e.hash for e in before]


@pytest.mark.slow
def test_prints_documents_settings_holidays_catalog_and_ratings_are_recorded(tmp_path: Path) -> None:
    """The demo path on a fresh database: what each kind of entry says."""
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    upgrade(engine)
    sessions = make_sessions(engine)
    desk = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    sync_bundled(sessions, SHIPPED_CATALOG, desk=desk)
    made = run_demo(sessions, desk, TODAY)
    write_documents(sessions, desk, made, TODAY, tmp_path / "out")
    imported = entries(sessions, AuditAction.CATALOG_IMPORTED)
    assert [(e.actor, json.loads(e.detail)["kind"]) for e in imported] == [("system", "bundled")]
    assert sync_bundled(sessions, SHIPPED_CATALOG, desk=desk).checked is False  # unchanged: nothing new
    assert len(entries(sessions, AuditAction.CATALOG_IMPORTED)) == 1
    printed = [json.loads(e.detail) for e in entries(sessions, AuditAction.PRINTED)]
    made_docs = [json.loads(e.detail) for e in entries(sessions, AuditAction.DOCUMENT_MADE)]
    assert printed
    assert all(p["ok"] and p["target"].startswith("file:") for p in printed)
    assert {d["doc_no"] for d in made_docs} == {p["doc_no"] for p in printed}
    assert {e.actor for e in entries(sessions)} == {"乌兰", "system"}
    engine.dispose()


# --- tampering found ------------------------------------------------------------------------


def test_an_edited_entry_is_found(sessions: sessionmaker[Session], db_path: Path) -> None:
    tamper(db_path, f"UPDATE audit_entry SET actor = '某人' WHERE chain = '{CHAIN}' AND seq = 3")
    assert verify(sessions) == [(TrailProblemCode.EDITED, 3, 3)]


def test_a_deleted_middle_entry_is_found(sessions: sessionmaker[Session], db_path: Path) -> None:
    tamper(db_path, f"DELETE FROM audit_entry WHERE chain = '{CHAIN}' AND seq = 5")
    assert verify(sessions) == [(TrailProblemCode.MISSING_ENTRIES, 5, 5), (TrailProblemCode.BROKEN_LINK, 6, 6)]


def test_a_deleted_last_entry_is_found(sessions: sessionmaker[Session], db_path: Path) -> None:
    last = last_seq(sessions)
    tamper(db_path, f"DELETE FROM audit_entry WHERE chain = '{CHAIN}' AND seq = {last}")
    assert verify(sessions) == [(TrailProblemCode.MISSING_TAIL, last, last)]


def test_a_swapped_pair_is_found(sessions: sessionmaker[Session], db_path: Path) -> None:
    where = f"WHERE chain = '{CHAIN}' AND seq ="
    tamper(
        db_path,
        f"UPDATE audit_entry SET seq = -1 {where} 3",
        f"UPDATE audit_entry SET seq = 3 {where} 4",
        f"UPDATE audit_entry SET seq = 4 {where} -1",
    )
    assert verify(sessions) == [
        (TrailProblemCode.EDITED, 3, 3),
        (TrailProblemCode.BROKEN_LINK, 3, 3),
        (TrailProblemCode.EDITED, 4, 4),
        (TrailProblemCode.BROKEN_LINK, 4, 4),
        (TrailProblemCode.BROKEN_LINK, 5, 5),
    ]


def test_a_forged_entry_appended_with_a_wrong_hash_is_found(sessions: sessionmaker[Session], db_path: Path) -> None:
    last = last_seq(sessions)
    with sessions() as s:
        prev = s.scalar(select(models.AuditEntry.hash).where(models.AuditEntry.chain == CHAIN).order_by(
            models.AuditEntry.seq.desc()).limit(1))  # fmt: skip
    tamper(
        db_path,
        "INSERT INTO audit_entry (chain, seq, at, actor, site_code, desk_no, action, subject, detail, prev_hash, hash) "
        f"VALUES ('{CHAIN}', {last + 1}, '2026-11-20 08:00:00.000000', 'wulan', 'XAM01', '8', 'case_voided', "
        f"'XAM01-20261120-08-0001', '{{}}', '{prev}', '{'0' * 64}')",
    )
    assert verify(sessions) == [
        (TrailProblemCode.EDITED, last + 1, last + 1),
        (TrailProblemCode.PAST_HEAD, last + 1, last + 1),
    ]


def test_a_long_chain_is_read_in_batches_with_nothing_skipped(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        whole = [e.hash for e in audit_store.chain_entries(s, CHAIN)]
        small = [e.hash for e in audit_store.chain_entries(s, CHAIN, batch=2)]
    assert len(whole) > 4
    assert small == whole


def test_progress_counts_up_to_every_entry(sessions: sessionmaker[Session]) -> None:
    seen: list[tuple[int, int]] = []
    with sessions() as s:
        report = verify_trail(s, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (report.entries, report.entries)


# --- PostgreSQL, the hall's database ----------------------------------------------------------


def test_on_postgresql_in_another_time_zone_the_trail_verifies_and_an_edit_is_found(fresh_pg: FreshDatabases) -> None:
    url = fresh_pg.url(MIGRATED)
    name = make_url(url).database
    with fresh_pg.databases.admin.connect() as conn:
        conn.execute(text(f"ALTER DATABASE {name} SET timezone TO 'Asia/Shanghai'"))
    engine: Engine = make_engine(url)
    sessions = make_sessions(engine)
    try:
        assert import_source(sessions, SHIPPED_CATALOG, desk=Desk(DeskIdentity("XAM01", "8"), "乌兰")).report
        run_demo(sessions, Desk(DeskIdentity("XAM01", "8"), "乌兰"), TODAY)
        assert verify(sessions) == []
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER trg_audit_entry_final ON audit_entry"))
            conn.execute(text(f"UPDATE audit_entry SET subject = 'x' WHERE chain = '{CHAIN}' AND seq = 2"))
        with sessions() as s:
            report = verify_trail(s)
        assert report.problems == (TrailProblem(TrailProblemCode.EDITED, CHAIN, 2),)
    finally:
        engine.dispose()


def test_the_demo_trail_is_whole(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        report = verify_trail(s)
    assert report.whole
    assert (
        report.chains == len({e.chain for e in entries(sessions)}) == 2
    )  # the catalog imported at desk 1, the cases at desk 8
    assert report.entries == len(entries(sessions))
