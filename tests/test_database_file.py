"""A database is made on purpose only: a share that went away, or a path typed wrong, is named, never replaced.

Through the command line and the window's start, in their own processes, as a desk runs them.  The read-only file
is a read-only bind mount in a private mount namespace (``unshare -m``): the tests run as root, for whom a file's
mode bits do not forbid writing, while a read-only mount does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

WINDOW = "import datetime; from counter.ui.start.app import run; raise SystemExit(run({db}, True, [], {today}))"


def counter(*args: str, home: Path | None = None, wrap: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if home is not None:
        env["COUNTER_HOME"] = str(home)
    return subprocess.run(
        [*wrap, sys.executable, "-m", "counter", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def window(
    db: str | None, home: Path | None = None, wrap: tuple[str, ...] = (), today: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if home is not None:
        env["COUNTER_HOME"] = str(home)
    code = WINDOW.format(db=repr(db), today=f"datetime.date.fromisoformat({today!r})" if today else None)
    return subprocess.run(
        [*wrap, sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=180, check=False
    )


def test_the_share_unmounted_is_named_and_no_empty_database_takes_its_place(tmp_path: Path) -> None:
    share = tmp_path / "share"
    home = share / "counter"
    database = home / "counter.sqlite3"
    first = counter("case", "list", "--json", home=home)  # a fresh machine: the first start makes the default file
    assert first.returncode == 0, first.stderr
    assert database.is_file()
    shutil.rmtree(share)  # the share is not mounted today

    listed = counter("case", "list", home=home)
    assert listed.returncode == 1
    assert "共 0 件" not in listed.stdout
    assert f"找不到数据库文件：{database}" in listed.stderr
    assert "共享盘" in listed.stderr
    assert "本机自" in listed.stderr  # this machine had it: not a first start
    assert not database.exists()

    started = window(None, home=home)
    assert started.returncode == 1
    assert "找不到数据库文件" in started.stderr
    assert str(database) not in started.stderr  # the clerk's window names no file: the log does
    assert not database.exists()
    logs = (home / "logs" / "counter.log").read_text(encoding="utf-8")
    assert f"database file {database} missing" in logs


def test_a_database_named_by_db_is_made_only_by_db_upgrade(tmp_path: Path) -> None:
    database = tmp_path / "hall" / "counter.sqlite3"
    url = f"sqlite:///{database}"
    listed, started = counter("--db", url, "case", "list"), window(url)
    assert f"找不到数据库文件：{database}" in listed.stderr
    assert f"counter db upgrade --db {url}" in listed.stderr  # the command line names the command
    assert "请联系运维人员先建立数据库的结构" in started.stderr  # the window, whom to call
    for done in (listed, started):
        assert done.returncode == 1
        assert "找不到数据库文件" in done.stderr
        assert not database.exists()
    assert counter("db", "upgrade", "--db", url).returncode == 0
    listed = counter("--db", url, "case", "list")
    assert listed.returncode == 0, listed.stderr


def test_a_training_day_on_a_database_named_by_db_does_not_make_it(tmp_path: Path) -> None:
    """``--today`` makes only the training file: a file named by ``--db`` may be a hall's, on a share gone away."""
    database = tmp_path / "share" / "counter.sqlite3"
    url = f"sqlite:///{database}"
    for done in (counter("--db", url, "case", "list", "--today", "2026-11-20"), window(url, today="2026-11-20")):
        assert done.returncode == 1, done.stderr
        assert "找不到数据库文件" in done.stderr
        assert not database.exists()


def test_training_keeps_making_its_own_database(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = counter("case", "list", "--today", "2026-11-20", home=home)
    assert done.returncode == 0, done.stderr
    assert (home / "training.sqlite3").is_file()


@pytest.fixture
def read_only(tmp_path: Path) -> tuple[str, ...]:
    """A command prefix that runs with ``tmp_path/ro`` mounted read-only (only inside that process)."""
    if shutil.which("unshare") is None:
        pytest.fail("unshare (util-linux) is needed to mount a folder read-only")
    folder = tmp_path / "ro"
    folder.mkdir()
    return ("unshare", "-m", "sh", "-c", f'mount --bind -o ro "{folder}" "{folder}" && exec "$@"', "sh")


def test_a_read_only_database_is_named_read_only_not_damaged(tmp_path: Path, read_only: tuple[str, ...]) -> None:
    database = tmp_path / "ro" / "counter.sqlite3"
    url = f"sqlite:///{database}"
    assert counter("db", "upgrade", "--db", url).returncode == 0
    assert counter("--db", url, "catalog", "list").returncode == 0
    listed, started = counter("--db", url, "case", "list", wrap=read_only), window(url, wrap=read_only)
    assert str(database) in listed.stderr  # the command line names the file; the clerk's window does not
    assert str(database) not in started.stderr
    for done in (listed, started):
        assert done.returncode == 1, done.stderr
        assert "只读" in done.stderr
        assert "损坏" not in done.stderr.replace("没有损坏", "")
        assert "恢复" not in done.stderr.replace("不需要恢复备份", "")


def test_a_state_folder_that_cannot_be_made_does_not_stop_the_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notes are this machine's memory of its databases; a home folder gone wrong leaves the desk working."""
    blocked = tmp_path / "state-is-a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("COUNTER_STATE", str(blocked))
    database = tmp_path / "hall" / "counter.sqlite3"
    url = f"sqlite:///{database}"
    made = counter("db", "upgrade", "--db", url)
    assert made.returncode == 0, made.stderr
    listed = counter("--db", url, "case", "list")
    assert listed.returncode == 0, listed.stderr
    assert "共 0 件" in listed.stderr + listed.stdout
