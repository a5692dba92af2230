"""Every file the app writes is 0600, in 0700 folders: made through the real commands, in their own processes.

The test process keeps the usual umask (022), so a file that comes out 0600 does so because the app made it so.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

EXAMPLE = REPO / "docs" / "examples" / "intake-xiaocanguan.json"


def counter(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COUNTER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "counter", *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, (args, done.stderr)
    return done


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def wide_umask() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_every_kind_of_file_is_the_users_alone(tmp_path: Path, wide_umask: None) -> None:
    home = tmp_path / "home"
    out = tmp_path / "out"
    out.mkdir()
    counter(home, "desk", "--site", "XAM01", "--desk", "8", "--clerk", "乌兰")
    taken = json.loads(counter(home, "case", "take", str(EXAMPLE), "--json").stdout)
    counter(home, "print", taken["case_no"], "--doc", "receipt", "--out", str(out / "receipt.pdf"))
    counter(home, "platform", "settings", "--coding", "level=hcp", "--coding", "channel=hcp")  # before any export
    counter(home, "ratings", "export", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv",
            "--out", str(out / "ratings.csv"))  # fmt: skip
    counter(home, "ratings", "export", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json",
            "--out", str(out / "ratings.json"))  # fmt: skip
    counter(home, "backup")
    counter(home, "site", "init", "--code", "XAM01", "--name", "兴安盟政务服务中心", "--kind", "township")
    counter(home, "site", "card", "--out", str(out / "card.json"))
    counter(home, "demo", "--out", str(out / "demo"), "--today", "2026-11-20")

    files = {
        "database": home / "counter.sqlite3",
        "training database": home / "training.sqlite3",
        "desk settings": home / "desk.json",
        "site key": home / "keys" / "site.key",
        "receipt": out / "receipt.pdf",
        "ratings CSV": out / "ratings.csv",
        "ratings JSON": out / "ratings.json",
        "site card": out / "card.json",
        "backup": next((home / "backups").glob("counter-*.sqlite3")),
        "log": next((home / "logs").glob("*.log")),
        "demo PDF": next((out / "demo").glob("*.pdf")),
    }
    folders = {
        "data folder": home,
        "backups": home / "backups",
        "logs": home / "logs",
        "keys": home / "keys",
        "demo folder": out / "demo",
    }
    assert {name: oct(mode(path)) for name, path in files.items()} == dict.fromkeys(files, "0o600")
    assert {name: oct(mode(path)) for name, path in folders.items()} == dict.fromkeys(folders, "0o700")


def test_sqlite_logs_beside_an_open_database_are_private(tmp_path: Path, wide_umask: None) -> None:
    """SQLite makes -wal and -shm itself, while the desk has the database open."""
    home = tmp_path / "home"
    counter(home, "catalog", "list")
    script = (
        "import os, stat\n"
        "from counter.host.machine.private_files import keep_files_private\n"
        "keep_files_private()\n"
        "from counter.actions.site.store import Store, ping\n"
        f"store = Store('sqlite:///{home / 'counter.sqlite3'}')\n"
        "store.write(ping)\n"
        f"base = '{home / 'counter.sqlite3'}'\n"
        "print(' '.join(oct(stat.S_IMODE(os.stat(base + s).st_mode)) for s in ('-wal', '-shm')))\n"
        "store.dispose()\n"
    )
    env = {**os.environ, "COUNTER_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0o600", "0o600"]


def test_a_data_folder_an_older_version_made_wide_is_narrowed(tmp_path: Path, wide_umask: None) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    counter(home, "catalog", "list")
    assert mode(home) == 0o700
