"""Restore only rows the backup's own trail accounts for: an account, a peer, a key or a rule planted is refused.

Each copy below passes every check a restore made before — intact, a known revision, exactly the migrations'
schema — and has one row written by SQL, as whoever holds a copy of the file could: an administrator added, a peer
registered (whose packages the site would then take in), the site's signing key swapped, a rule changed.  Each is
refused with the row named, the live database left as it was; a copy whose rows the program wrote is restored.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.accounts import add_account
from counter.actions.admin.key_rotation import rotate_site_key
from counter.actions.admin.site import register_peer, this_site
from counter.actions.cases.intake_settings import CORRECTION_PERIOD_KEY, save_intake_rules
from counter.actions.site.backup import restore_backup
from counter.audit.site_keys import RetiredKey, history_text
from counter.backup.sqlite_files import ForeignRow, RestoreProblem, RestoreRefused
from counter.case.numbers import DeskIdentity
from counter.cli.main import main
from counter.db.engine import make_engine, make_sessions
from counter.intake.rules import IntakeRules
from counter.sync.keys import encryption_key_text, new_encryption_key, new_private_key, public_key_text
from counter.sync.sites import SiteKind
from tests.backup.conftest import DeskDb, case_numbers
from tests.backup.test_restore_schema import crafted, live_files

NOW = dt.datetime(2026, 11, 22, 18, 30, 0)
DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")


def a_key() -> str:
    return public_key_text(new_private_key())


@pytest.fixture
def kept_db(desk_db: DeskDb, tmp_path: Path) -> DeskDb:
    """The desk's database with what the program itself writes of accounts, peers, keys and rules."""
    engine = make_engine(desk_db.url)
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        this_site(session, tmp_path / "site.pem")
        register_peer(session, "ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP, a_key(), desk=DESK,
                      encryption_key=encryption_key_text(new_encryption_key()))  # fmt: skip
        save_intake_rules(session, IntakeRules(correction_period_days=7), desk=DESK)
    with sessions.begin() as session:
        assert add_account(session, DESK, NewAccount("batu", "巴图", frozenset({Role.ADMIN}), "bayan2026ok")) == ()
    engine.dispose()
    return desk_db


def refused_rows(db: DeskDb, copy: Path) -> tuple[ForeignRow, ...]:
    before = live_files(db)
    with pytest.raises(RestoreRefused) as refused:
        restore_backup(db.url, copy, NOW)
    assert refused.value.problem is RestoreProblem.FOREIGN_ROWS
    assert live_files(db) == before  # nothing kept beside, nothing replaced
    assert case_numbers(db.url) == db.case_nos
    return refused.value.foreign


def test_a_backup_the_program_wrote_is_restored(kept_db: DeskDb, tmp_path: Path) -> None:
    assert restore_backup(kept_db.url, crafted(kept_db, tmp_path), NOW).kept is not None


def test_a_backup_after_a_key_rotation_is_restored_and_a_retired_key_slipped_in_is_not(
    kept_db: DeskDb, tmp_path: Path
) -> None:
    engine = make_engine(kept_db.url)
    with make_sessions(engine).begin() as session:
        admin = Actor("batu", "巴图", frozenset({Role.ADMIN}))
        rotate_site_key(session, Desk(DeskIdentity("XAM01", "8"), "巴图", admin), tmp_path / "site.pem")
    engine.dispose()
    assert restore_backup(kept_db.url, crafted(kept_db, tmp_path), NOW).kept is not None
    planted = history_text([RetiredKey(a_key(), dt.datetime(2036, 1, 1, tzinfo=dt.UTC))])
    copy = crafted(kept_db, tmp_path, f"UPDATE setting SET value = '{planted}' WHERE key = 'site.retired_keys'")
    assert refused_rows(kept_db, copy) == (ForeignRow("setting", "site.retired_keys", "row_changed"),)


def test_an_account_slipped_in_is_refused(kept_db: DeskDb, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    conn = sqlite3.connect(kept_db.path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(account)") if row[1] != "id"]
    conn.close()
    chosen = ", ".join("'mallory'" if c == "login" else c for c in columns)
    copy = crafted(kept_db, tmp_path, f"INSERT INTO account ({', '.join(columns)}) "
                                      f"SELECT {chosen} FROM account WHERE login = 'batu'")  # fmt: skip
    with caplog.at_level(logging.WARNING):
        assert refused_rows(kept_db, copy) == (ForeignRow("account", "mallory", "row_unrecorded"),)
    assert "foreign_rows" in caplog.text
    assert "account mallory: row_unrecorded" in caplog.text


def test_a_role_given_by_sql_is_refused(kept_db: DeskDb, tmp_path: Path) -> None:
    copy = crafted(kept_db, tmp_path, "UPDATE account SET roles = 'clerk,admin' WHERE login = 'batu'")
    assert refused_rows(kept_db, copy) == (ForeignRow("account", "batu", "row_changed"),)


def test_a_peer_registered_by_sql_is_refused(kept_db: DeskDb, tmp_path: Path) -> None:
    copy = crafted(
        kept_db,
        tmp_path,
        "INSERT INTO site_peer (code, name, kind, public_key, registered_at, encryption_key) "
        f"VALUES ('EVIL1', '某镇', 'township', '{a_key()}', '2026-11-20 00:00:00', '')",
        f"UPDATE site_peer SET public_key = '{a_key()}' WHERE code = 'ARS01'",
    )
    assert set(refused_rows(kept_db, copy)) == {
        ForeignRow("peer", "EVIL1", "row_unrecorded"),
        ForeignRow("peer", "ARS01", "row_changed"),
    }


def test_the_sites_key_swapped_is_refused(kept_db: DeskDb, tmp_path: Path) -> None:
    copy = crafted(kept_db, tmp_path, f"UPDATE setting SET value = '{a_key()}' WHERE key = 'site.public_key'")
    assert refused_rows(kept_db, copy) == (ForeignRow("site", "fingerprint", "row_changed"),)


def test_a_rule_changed_by_sql_is_refused(kept_db: DeskDb, tmp_path: Path) -> None:
    copy = crafted(kept_db, tmp_path, f"UPDATE setting SET value = '30' WHERE key = '{CORRECTION_PERIOD_KEY}'")
    assert refused_rows(kept_db, copy) == (ForeignRow("setting", CORRECTION_PERIOD_KEY, "row_changed"),)


def test_the_command_names_every_foreign_row_in_chinese(
    kept_db: DeskDb, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = crafted(
        kept_db,
        tmp_path,
        "UPDATE account SET roles = 'clerk,admin' WHERE login = 'batu'",
        f"UPDATE setting SET value = '{a_key()}' WHERE key = 'site.public_key'",
        "INSERT INTO site_peer (code, name, kind, public_key, registered_at, encryption_key) "
        f"VALUES ('EVIL1', '某镇', 'township', '{a_key()}', '2026-11-20 00:00:00', '')",
    )
    before = live_files(kept_db)
    assert main(["restore", str(copy), "--yes", "--db", kept_db.url]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("未恢复，当前数据库没有任何改动：该备份中有审计日志无法说明来历的记录")
    assert "账号 batu：与审计日志最后记载的不符" in err
    assert "本站点 站点密钥：与审计日志最后记载的不符" in err
    assert "对端站点 EVIL1：审计日志中没有任何记载" in err
    assert live_files(kept_db) == before
