"""``counter backup`` and ``counter restore`` end to end."""

from __future__ import annotations

import io
import resource
import signal
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from counter.cli.main import main
from counter.db import models
from counter.host.database.backups import backups_folder
from tests.backup.conftest import DeskDb, case_numbers


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def audit_actions(url: str) -> list[tuple[str, str]]:
    engine = create_engine(url)
    with engine.connect() as connection:
        entry = models.AuditEntry
        rows = connection.execute(select(entry.action, entry.subject).order_by(entry.id)).all()
    engine.dispose()
    return [(str(a), str(s)) for a, s in rows]


def test_backup_and_restore_by_command(capsys: pytest.CaptureFixture[str], desk_db: DeskDb, tmp_path: Path) -> None:
    out = tmp_path / "saved.sqlite3"
    code, stdout, err = run(capsys, "backup", "--out", str(out), "--db", desk_db.url)
    assert (code, err) == (0, "")
    assert stdout == f"备份完成，已校验完整：{out}\n"
    assert case_numbers(f"sqlite:///{out}") == desk_db.case_nos

    code, stdout, err = run(capsys, "backup", "--db", desk_db.url)
    assert code == 0
    made = list(backups_folder().glob("counter-*.sqlite3"))
    assert len(made) == 1
    assert str(made[0]) in stdout

    code, stdout, err = run(capsys, "restore", str(out), "--db", desk_db.url)
    assert (code, stdout) == (2, "")
    assert f"将用备份 {out} 替换当前数据库 {desk_db.path}" in err
    assert "--yes" in err
    assert not list(desk_db.path.parent.glob("*.before-restore-*"))

    code, stdout, err = run(capsys, "restore", str(out), "--yes", "--db", desk_db.url)
    assert (code, err) == (0, "")
    kept = list(desk_db.path.parent.glob("counter.sqlite3.before-restore-*"))
    assert len(kept) == 1
    assert f"原来的数据库已另存为：{kept[0]}" in stdout
    assert "恢复完成" in stdout
    assert case_numbers(desk_db.url) == desk_db.case_nos
    actions = [a for a, _ in audit_actions(desk_db.url)]
    assert actions[-1] == "backup_restored"
    assert "backup_made" in [a for a, _ in audit_actions(f"sqlite:///{kept[0]}")]


def test_restore_of_a_wrong_file_changes_nothing(
    capsys: pytest.CaptureFixture[str], desk_db: DeskDb, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00\x01 not a database " * 200)
    before = desk_db.path.read_bytes()
    code, stdout, err = run(capsys, "restore", str(junk), "--yes", "--db", desk_db.url)
    assert (code, stdout) == (1, "")
    assert err == "未恢复，当前数据库没有任何改动：该文件不是 SQLite 数据库文件\n"
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(before)
    conn = sqlite3.connect(newer, isolation_level=None)
    conn.execute("UPDATE alembic_version SET version_num = '9999_later'")
    conn.close()
    code, stdout, err = run(capsys, "restore", str(newer), "--yes", "--db", desk_db.url)
    assert code == 1
    assert "结构版本 9999_later" in err
    assert desk_db.path.read_bytes() == before
    assert not list(desk_db.path.parent.glob("*.before-restore-*"))


def test_restore_of_a_folder_says_it_is_a_folder(
    capsys: pytest.CaptureFixture[str], desk_db: DeskDb, tmp_path: Path
) -> None:
    """The stick's folder named instead of the backup in it: before, 找不到备份文件, for a path that is there."""
    stick = tmp_path / "stick"
    stick.mkdir()
    before = desk_db.path.read_bytes()
    code, stdout, err = run(capsys, "restore", str(stick), "--yes", "--db", desk_db.url)
    assert (code, stdout) == (1, "")
    assert err == f"未恢复，当前数据库没有任何改动：{stick} 是文件夹，不是备份文件：请指定其中的备份文件\n"
    assert desk_db.path.read_bytes() == before


def test_a_backup_from_before_the_first_release_is_named_so_and_not_restored(
    capsys: pytest.CaptureFixture[str], desk_db: DeskDb, tmp_path: Path
) -> None:
    """Not called a newer program's: its revision was folded into the baseline, and nothing leads from it."""
    from counter.words.database import RESTORE_PROBLEM, RESTORE_REFUSED

    before = desk_db.path.read_bytes()
    trial = tmp_path / "trial.sqlite3"
    trial.write_bytes(before)
    conn = sqlite3.connect(trial, isolation_level=None)
    conn.execute("UPDATE alembic_version SET version_num = '0050_pledge_steps'")
    conn.close()
    code, stdout, err = run(capsys, "restore", str(trial), "--yes", "--db", desk_db.url)
    said = RESTORE_REFUSED.format(reason=RESTORE_PROBLEM["pre_release"].format(detail="0050_pledge_steps"))
    assert (code, stdout, err) == (1, "", said + "\n")
    assert desk_db.path.read_bytes() == before


def test_postgresql_is_pointed_to_its_own_tools(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://hall@db.hall/counter"
    code, stdout, err = run(capsys, "backup", "--out", "hall.dump", "--db", url)
    assert (code, stdout) == (1, "")
    assert "pg_dump --format=custom --file=hall.dump --dbname=postgresql://hall@db.hall/counter" in err
    assert "pg_restore --clean --if-exists --no-owner" in err
    code, stdout, err = run(capsys, "restore", "hall.dump", "--yes", "--db", url)
    assert (code, stdout) == (1, "")
    assert "pg_restore --clean --if-exists --no-owner --single-transaction" in err


def add_admin_and_clerk(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, desk_db: DeskDb) -> None:
    """巴图 (batu), an administrator, and 乌兰 (wulan), a clerk; COUNTER_PASSWORD is left as batu's."""

    def add(password: str, *args: str) -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        return run(capsys, "user", "add", *args, "--password-stdin", "--db", desk_db.url)[0]

    assert add("bayan2026ok", "batu", "--name", "巴图", "--role", "admin") == 0
    monkeypatch.setenv("COUNTER_PASSWORD", "bayan2026ok")
    assert add("wulan2026ok", "wulan", "--name", "乌兰", "--role", "clerk", "--user", "batu") == 0


def test_where_accounts_exist_only_an_admin_backs_up(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, desk_db: DeskDb, tmp_path: Path
) -> None:
    add_admin_and_clerk(capsys, monkeypatch, desk_db)
    out = tmp_path / "saved.sqlite3"
    code, stdout, err = run(capsys, "backup", "--out", str(out), "--db", desk_db.url)
    assert (code, stdout) == (1, "")
    assert "请先登录" in err
    assert not out.exists()
    monkeypatch.setenv("COUNTER_PASSWORD", "wulan2026ok")
    code, stdout, err = run(capsys, "backup", "--out", str(out), "--db", desk_db.url, "--user", "wulan")
    assert (code, stdout) == (1, "")
    assert "没有“修改设置”的权限" in err
    assert not out.exists()
    monkeypatch.setenv("COUNTER_PASSWORD", "bayan2026ok")
    code, stdout, _err = run(capsys, "backup", "--out", str(out), "--db", desk_db.url, "--user", "batu")
    assert code == 0
    assert out.exists()
    assert ("backup_made", "saved.sqlite3") in audit_actions(desk_db.url)


@pytest.mark.slow
def test_where_accounts_exist_only_an_admin_restores(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, desk_db: DeskDb, tmp_path: Path
) -> None:
    add_admin_and_clerk(capsys, monkeypatch, desk_db)
    out = tmp_path / "saved.sqlite3"
    assert run(capsys, "backup", "--out", str(out), "--db", desk_db.url, "--user", "batu")[0] == 0

    monkeypatch.setenv("COUNTER_PASSWORD", "wulan2026ok")
    code, stdout, err = run(capsys, "restore", str(out), "--yes", "--db", desk_db.url, "--user", "wulan")
    assert (code, stdout) == (1, "")
    assert "没有“修改设置”的权限" in err
    assert not list(desk_db.path.parent.glob("*.before-restore-*"))

    monkeypatch.setenv("COUNTER_PASSWORD", "bayan2026ok")
    code, stdout, err = run(capsys, "restore", str(out), "--yes", "--db", desk_db.url, "--user", "batu")
    assert (code, err) == (0, "")
    assert "恢复完成" in stdout
    assert audit_actions(desk_db.url)[-1] == ("backup_restored", "saved.sqlite3")


def test_a_copy_that_cannot_be_made_is_said_in_chinese_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], desk_db: DeskDb
) -> None:
    """Before, SQLite's own words were printed: ``备份失败：OperationalError: unable to open database file``."""
    out = Path("/proc/counter-backup.sqlite3")  # a folder no file can be made in, whoever runs the test
    code, stdout, err = run(capsys, "backup", "--out", str(out), "--db", desk_db.url)
    assert (code, stdout) == (1, "")
    assert err == "备份失败：复制数据库时出错（原因已记入日志）。未写入任何备份文件。\n"
    assert not out.exists()
    assert "backup_made" not in [a for a, _ in audit_actions(desk_db.url)]


@pytest.mark.parametrize("below", ["desk.sqlite3", "2026/desk.sqlite3"], ids=["in it", "below it"])
def test_a_backup_into_a_folder_that_is_a_file_names_the_file_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], desk_db: DeskDb, tmp_path: Path, below: str
) -> None:
    """``--out`` under a name a file already holds (a stick's 备份 copied as a file): the folder cannot be made.
    Before, it read 备份失败：同名的文件已经存在, naming no file and not saying a folder was wanted there."""
    taken = tmp_path / "备份"
    taken.write_text("not a folder\n", encoding="utf-8")
    out = taken / below
    code, stdout, err = run(capsys, "backup", "--out", str(out), "--db", desk_db.url)
    assert (code, stdout) == (1, "")
    assert err == (
        f"备份失败：{taken} 是一个文件，不是文件夹，备份不能写进它里面。"
        "请换一个文件夹，或先把这个文件移走。未写入任何备份文件。\n"
    )
    assert taken.read_text(encoding="utf-8") == "not a folder\n"
    assert "backup_made" not in [a for a, _ in audit_actions(desk_db.url)]


def test_a_backup_onto_a_folder_names_it(capsys: pytest.CaptureFixture[str], desk_db: DeskDb, tmp_path: Path) -> None:
    """``--out`` naming a folder (the stick itself, not a file on it): the folder is named with what is wrong."""
    stick = tmp_path / "stick"
    stick.mkdir()
    code, stdout, err = run(capsys, "backup", "--out", str(stick), "--db", desk_db.url)
    assert (code, stdout) == (1, "")
    assert err == f"备份失败：{stick}：所选的是文件夹，不是文件。未写入任何备份文件。\n"
    assert list(stick.iterdir()) == []
    assert not list(tmp_path.glob(".stick*"))  # no part copy left beside it


def test_a_database_lost_is_restored_from_its_backup_with_nothing_to_keep(
    capsys: pytest.CaptureFixture[str], desk_db: DeskDb, tmp_path: Path
) -> None:
    """The share's file deleted or lost: the restore makes it again from the backup, and says nothing was set aside."""
    out = tmp_path / "saved.sqlite3"
    assert run(capsys, "backup", "--out", str(out), "--db", desk_db.url)[0] == 0
    for leftover in desk_db.path.parent.glob(desk_db.path.name + "*"):  # the file and its -wal, -shm
        leftover.unlink()
    code, stdout, err = run(capsys, "restore", str(out), "--yes", "--db", desk_db.url)
    assert (code, err) == (0, "")
    assert "恢复完成" in stdout
    assert "原来没有数据库文件，无需另存。" in stdout
    assert not list(desk_db.path.parent.glob("*.before-restore-*"))
    assert case_numbers(desk_db.url) == desk_db.case_nos


def test_a_backup_that_fills_the_disk_is_said_in_chinese_and_leaves_no_part_copy(
    capsys: pytest.CaptureFixture[str], desk_db: DeskDb, tmp_path: Path
) -> None:
    """The copy's writes refused part way (the file size limit, as a full stick refuses them): nothing is left."""
    out = tmp_path / "stick" / "saved.sqlite3"
    out.parent.mkdir()
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write then fails with EFBIG, as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (desk_db.path.stat().st_size // 2, limits[1]))
    try:
        code, stdout, err = run(capsys, "backup", "--out", str(out), "--db", desk_db.url)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, handler)
    assert (code, stdout) == (1, "")
    assert err == "备份失败：复制数据库时出错（原因已记入日志）。未写入任何备份文件。\n"
    assert list(out.parent.iterdir()) == []
    assert "backup_made" not in [a for a, _ in audit_actions(desk_db.url)]
