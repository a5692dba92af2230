"""A legitimate restore of an older backup is named as a restore, and the trail is whole after it.

The seals made after the backup are gone from the database put back, rightly; this machine had anchored them beside
the key (:mod:`counter.host.keys.seal_anchors`), and ``audit verify`` named each as deleted — for good, since the
anchors file only grows.  Now ``counter restore`` writes beside the key which seal the trail went back to: verify names
the later seals as withdrawn by that restore, is clean, and the seals made from then on are anchored afresh.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.site import this_site
from counter.audit.chain import GENESIS
from counter.audit.peer_seals import SEALS_AT_HALL, seals_at_hall_text
from counter.cli.main import main
from counter.db import audit_seals
from counter.db.settings_store import put_setting
from counter.host.keys.seal_anchors import add_restore, anchors_path, read_anchor_log
from counter.host.machine import paths
from tests.audit.test_seals import add_entries, problems, verify


@pytest.fixture
def db(db_path: Path, sessions: sessionmaker[Session]) -> str:
    """The audit template, on a site whose key file is on this machine."""
    with sessions.begin() as s:
        this_site(s)
    return f"sqlite:///{db_path}"


def seal(capsys: pytest.CaptureFixture[str], db: str, times: int = 1) -> None:
    for _ in range(times):
        assert main(["audit", "seal", "--db", db]) == 0
    capsys.readouterr()


def restore(capsys: pytest.CaptureFixture[str], db: str, backup: Path, sessions: sessionmaker[Session]) -> None:
    """``counter restore``, and the test's own connections let go of the file it replaced."""
    assert main(["restore", str(backup), "--yes", "--db", db]) == 0
    capsys.readouterr()
    sessions.kw["bind"].dispose()


@pytest.mark.slow  # counter restore opens and migrates the file put back: seconds
def test_an_older_backup_restored_is_named_as_a_restore_and_verify_is_clean(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    seal(capsys, db)
    backup = tmp_path / "older.sqlite3"
    assert main(["backup", "--out", str(backup), "--db", db]) == 0  # seal 1 in it; the backup then seals: 2
    add_entries(sessions, 2)
    seal(capsys, db, 3)  # seals 3 to 5; 1 to 4 anchored beside the key
    restore(capsys, db, backup, sessions)

    code, report = verify(capsys, db)
    assert (code, problems(report)) == (0, [])
    restores = report["restores"]
    assert isinstance(restores, list)
    (note,) = restores
    assert (note["back_to"], note["first"], note["last"]) == (1, 2, 5)  # 5, the newest, anchored by the restore
    assert main(["audit", "verify", "--db", db]) == 0
    assert "随备份恢复撤回，不是被删除" in capsys.readouterr().out

    add_entries(sessions, 2)
    seal(capsys, db, 3)  # numbers 2 to 4 again, other seals: anchored afresh
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (0, [])


@pytest.mark.slow  # counter restore opens and migrates the file put back: seconds
def test_a_seal_the_hall_holds_that_the_restore_withdrew_is_not_named_as_gone(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    seal(capsys, db)
    backup = tmp_path / "older.sqlite3"
    assert main(["backup", "--out", str(backup), "--db", db]) == 0  # seal 1 in it; the backup then seals: 2
    seal(capsys, db, 2)  # seals 3 and 4, sent to the hall
    with sessions() as s:
        sent = audit_seals.seal_digests(s)[4]
    restore(capsys, db, backup, sessions)
    with sessions.begin() as s:  # the hall's next update: the newest of the township's seals it holds
        put_setting(s, SEALS_AT_HALL, seals_at_hall_text(4, sent))
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (0, [])
    with sessions.begin() as s:  # a seal 4 the hall holds that this site never made is still named
        put_setting(s, SEALS_AT_HALL, seals_at_hall_text(4, "e" * 64))
    code, report = verify(capsys, db)
    assert (code, problems(report)) == (1, [("seal_sent_changed", "", 4, 4)])


@pytest.mark.slow  # counter restore opens and migrates the file put back: seconds
def test_a_seal_deleted_after_the_restore_is_still_named(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    from sqlalchemy import text

    from tests.audit.tampering import drop_triggers

    backup = tmp_path / "older.sqlite3"
    assert main(["backup", "--out", str(backup), "--db", db]) == 0  # no seal in it; the backup then seals: 1
    seal(capsys, db, 2)
    restore(capsys, db, backup, sessions)
    seal(capsys, db, 3)  # seals 1 to 3 after the restore (the backup held none); 1 and 2 anchored
    drop_triggers(sessions, ["audit_seal"])
    with sessions.begin() as s:
        s.execute(text("DELETE FROM audit_seal WHERE id = (SELECT max(id) - 1 FROM audit_seal)"))
    code, report = verify(capsys, db)
    assert code == 1
    assert problems(report) == [("seal_missing", "", 2, 2), ("seal_unanchored", "", 2, 2)]


def test_a_restore_line_for_a_database_that_never_was_this_sites_withdraws_nothing(tmp_path: Path) -> None:
    path = tmp_path / "site-seal-anchors.txt"
    path.write_text(f"1 {'a' * 64}\n2 {'b' * 64}\n", encoding="ascii")
    add_restore(path, 1, "c" * 64)  # seal 1 of the "backup" is not the seal 1 anchored here
    log = read_anchor_log(path)
    assert (log.anchors, log.restores) == ({1: "a" * 64, 2: "b" * 64}, [])
    add_restore(path, 0, GENESIS)  # a backup from before the first seal withdraws every one
    log = read_anchor_log(path)
    assert log.anchors == {}
    assert [(r.back_to, r.first, r.last) for r in log.restores] == [(0, 1, 2)]


def test_the_restore_is_noted_only_where_the_key_anchors_its_seals(tmp_path: Path) -> None:
    path = anchors_path(paths.site_key_path())
    assert not path.exists()
    add_restore(path, 3, "d" * 64)  # a desk without the key: nothing written
    assert not path.exists()
