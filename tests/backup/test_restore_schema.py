"""Restore only what this program wrote: a crafted copy (a foreign trigger, guards dropped, a table gone) is refused.

Each copy below passes the integrity check and carries a known revision — all a restore used to look at — and is
refused by its schema, every difference named, with the live database left as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

import pytest

from counter.actions.site.backup import restore_backup
from counter.backup.schema import Schema, read_schema
from counter.backup.schema_diff import Change, Part, SchemaDifference, schema_differences
from counter.backup.sqlite_files import RestoreProblem, RestoreRefused
from counter.cli.main import main
from counter.db.engine import make_engine
from counter.db.migrate import upgrade_to
from counter.db.revision import HEAD
from counter.host.database.backups import make_backup
from tests.backup.conftest import DeskDb, case_numbers
from tests.db.later_schema import later_schema

NOW = dt.datetime(2026, 11, 22, 18, 30, 0)

# copies every new applicant's ID number into the settings table, where a later export or a curious clerk reads it
STEAL_ID = (
    'CREATE TRIGGER steal_id AFTER INSERT ON "case" BEGIN '
    "INSERT OR REPLACE INTO setting (key, value) VALUES ('seen.' || new.id, new.applicant_id_no); END"
)


def crafted(desk_db: DeskDb, folder: Path, *statements: str) -> Path:
    """A good backup of the desk's database with ``statements`` run on it, as someone with the file could."""
    copy = make_backup(desk_db.url, folder / "crafted.sqlite3")
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    return copy


def live_files(desk_db: DeskDb) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(desk_db.path.parent.iterdir()) if p.is_file()}


def refused_restore(desk_db: DeskDb, copy: Path) -> tuple[SchemaDifference, ...]:
    before = live_files(desk_db)
    with pytest.raises(RestoreRefused) as refused:
        restore_backup(desk_db.url, copy, NOW)
    assert refused.value.problem is RestoreProblem.FOREIGN_SCHEMA
    assert live_files(desk_db) == before  # nothing kept beside, nothing replaced
    assert case_numbers(desk_db.url) == desk_db.case_nos
    return refused.value.differences


def test_a_copy_with_a_foreign_trigger_is_refused(
    desk_db: DeskDb, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    copy = crafted(desk_db, tmp_path, STEAL_ID)
    with caplog.at_level(logging.WARNING):
        differences = refused_restore(desk_db, copy)
    assert differences == (SchemaDifference(Part.TRIGGER, "steal_id", Change.EXTRA),)
    assert any("refused" in r.getMessage() and "steal_id" in r.getMessage() for r in caplog.records)


def test_a_copy_without_the_insert_only_triggers_is_refused(desk_db: DeskDb, tmp_path: Path) -> None:
    copy = crafted(
        desk_db,
        tmp_path,
        "DROP TRIGGER trg_case_history_no_update",
        "DROP TRIGGER trg_rating_no_delete",
        "DROP TRIGGER trg_audit_entry_no_update",
    )
    assert refused_restore(desk_db, copy) == (
        SchemaDifference(Part.TRIGGER, "trg_audit_entry_no_update", Change.MISSING),
        SchemaDifference(Part.TRIGGER, "trg_case_history_no_update", Change.MISSING),
        SchemaDifference(Part.TRIGGER, "trg_rating_no_delete", Change.MISSING),
    )


def test_a_guard_with_its_name_kept_and_its_body_emptied_is_refused(desk_db: DeskDb, tmp_path: Path) -> None:
    copy = crafted(
        desk_db,
        tmp_path,
        "DROP TRIGGER trg_rating_no_delete",
        "CREATE TRIGGER trg_rating_no_delete BEFORE DELETE ON rating BEGIN SELECT 1; END",
    )
    assert refused_restore(desk_db, copy) == (SchemaDifference(Part.TRIGGER, "trg_rating_no_delete", Change.CHANGED),)


def test_a_copy_with_a_table_missing_is_refused(desk_db: DeskDb, tmp_path: Path) -> None:
    copy = crafted(desk_db, tmp_path, "DROP TABLE rating_appeal", "DROP TABLE rating")
    differences = refused_restore(desk_db, copy)
    assert SchemaDifference(Part.TABLE, "rating", Change.MISSING) in differences
    assert SchemaDifference(Part.TABLE, "rating_appeal", Change.MISSING) in differences
    assert SchemaDifference(Part.TRIGGER, "trg_rating_no_update", Change.MISSING) in differences
    assert SchemaDifference(Part.INDEX, "ix_rating_rated_on", Change.MISSING) in differences


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ('ALTER TABLE "case" ADD COLUMN copy_id TEXT', SchemaDifference(Part.COLUMN, "case.copy_id", Change.EXTRA)),
        ('CREATE VIEW ids AS SELECT applicant_id_no FROM "case"', SchemaDifference(Part.VIEW, "ids", Change.EXTRA)),
        ("CREATE TABLE outbox (v TEXT)", SchemaDifference(Part.TABLE, "outbox", Change.EXTRA)),
        ("DROP INDEX ix_case_status", SchemaDifference(Part.INDEX, "ix_case_status", Change.MISSING)),
        ("CREATE INDEX ix_extra ON party (phone)", SchemaDifference(Part.INDEX, "ix_extra", Change.EXTRA)),
    ],
)  # fmt: skip
def test_any_other_difference_is_refused(
    desk_db: DeskDb, tmp_path: Path, statement: str, expected: SchemaDifference
) -> None:
    assert refused_restore(desk_db, crafted(desk_db, tmp_path, statement)) == (expected,)


def test_the_command_names_every_difference_in_chinese(
    capsys: pytest.CaptureFixture[str], desk_db: DeskDb, tmp_path: Path
) -> None:
    copy = crafted(desk_db, tmp_path, STEAL_ID, "DROP TRIGGER trg_case_history_no_update", "DROP TABLE rating_lapse")
    before = live_files(desk_db)
    for confirmed in ((), ("--yes",)):
        code = main(["restore", str(copy), *confirmed, "--db", desk_db.url])
        out, err = capsys.readouterr()
        assert (code, out) == (1, "")
        assert err.startswith("未恢复，当前数据库没有任何改动：该文件的数据库结构与本程序")
        assert "多出触发器 steal_id" in err
        assert "触发器 trg_case_history_no_update 被删除" in err
        assert "缺少表 rating_lapse" in err
    assert live_files(desk_db) == before


def test_a_good_backup_of_an_older_revision_is_restored(
    desk_db: DeskDb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reference is the older revision's own schema, not today's: an old desk's backup still goes back."""
    later_schema(monkeypatch, tmp_path)  # the program one migration past the baseline
    old = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{old}")
    upgrade_to(engine, HEAD)
    engine.dispose()
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    restored = restore_backup(desk_db.url, old, NOW)
    assert restored.revision == HEAD


def _schema_of(*statements: str) -> Schema:
    conn = sqlite3.connect(":memory:")
    try:
        for statement in statements:
            conn.execute(statement)
        return read_schema(conn)
    finally:
        conn.close()


def test_quoting_and_spacing_as_another_sqlite_writes_them_are_the_same_schema() -> None:
    ours = _schema_of(
        "CREATE TABLE \"case\" (id INTEGER NOT NULL, no VARCHAR(5) DEFAULT 'x', CONSTRAINT pk_case PRIMARY KEY (id))",
        "CREATE TRIGGER trg_case_never_deleted BEFORE DELETE ON \"case\" BEGIN SELECT RAISE(ABORT, 'no'); END",
    )
    theirs = _schema_of(
        "CREATE TABLE `case` (\n\tid INTEGER NOT NULL,\n\tno VARCHAR(5) DEFAULT 'x',\n"
        "\tCONSTRAINT pk_case PRIMARY KEY(id)\n)",
        "CREATE TRIGGER trg_case_never_deleted BEFORE DELETE ON [case]\nBEGIN SELECT RAISE(ABORT,'no');\nEND",
    )
    assert schema_differences(ours, theirs) == ()
    nullable = _schema_of(  # id may be NULL, no defaults to 0, the guard is gone
        'CREATE TABLE "case" (id INTEGER, no VARCHAR(5) DEFAULT 0, CONSTRAINT pk_case PRIMARY KEY(id))'
    )
    assert schema_differences(ours, nullable) == (
        SchemaDifference(Part.COLUMN, "case.id", Change.CHANGED),
        SchemaDifference(Part.COLUMN, "case.no", Change.CHANGED),
        SchemaDifference(Part.TRIGGER, "trg_case_never_deleted", Change.MISSING),
    )


def test_a_backup_the_planner_analysed_is_restored(desk_db: DeskDb, tmp_path: Path) -> None:
    """``ANALYZE`` (and ``PRAGMA optimize``, which a desk may run) leaves SQLite's own statistics tables: not ours
    to compare, and no reason to refuse a good backup."""
    copy = crafted(desk_db, tmp_path, "ANALYZE")
    conn = sqlite3.connect(copy)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")}
    conn.close()
    assert "sqlite_stat1" in tables
    restored = restore_backup(desk_db.url, copy, NOW)
    assert restored.revision == HEAD
    assert case_numbers(desk_db.url) == desk_db.case_nos


def test_a_virtual_table_of_a_module_this_sqlite_lacks_is_refused_unread(desk_db: DeskDb, tmp_path: Path) -> None:
    """Written into the schema by hand: its module is nowhere here, so nothing of it can be described or run;
    it is a table this program never makes, named, and the live database is left as it was."""
    copy = crafted(
        desk_db,
        tmp_path,
        "PRAGMA writable_schema = ON",
        "INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) "
        "VALUES ('table', 'spy', 'spy', 0, 'CREATE VIRTUAL TABLE spy USING nosuchmodule')",
        "PRAGMA writable_schema = OFF",
    )
    assert refused_restore(desk_db, copy) == (SchemaDifference(Part.TABLE, "spy", Change.EXTRA),)
