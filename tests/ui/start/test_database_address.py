"""The desk started with ``COUNTER_DB_URL`` (or ``--db``) holding a file's path: told, not an unexpected error.

Before, the engine failed on the path and the start said 无法打开数据库（数据库出了意外的问题…）; the command line
and the server refuse it as misuse (:func:`counter.host.database.database_choice.checked_address`), and the window
says in the clerk's words that the desk's database setting is wrong, the log naming which and the address it would be.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from counter.ui import words


def _start(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counter", *args, "--exit-when-ready"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("through", ["variable", "--db"])
def test_a_file_path_for_the_database_stops_the_start_in_the_clerks_words(
    resources: Path, counter_home: Path, tmp_path: Path, through: str
) -> None:
    path = tmp_path / "hall.sqlite3"
    done = _start({"COUNTER_DB_URL": str(path)}) if through == "variable" else _start({}, "--db", str(path))
    assert done.returncode == 1
    assert words.DESK_DATABASE_NOT_AN_ADDRESS in done.stderr
    assert "Traceback" not in done.stderr
    assert not path.exists()
    assert not list(counter_home.rglob("error-*.txt"))  # nothing unexpected: no report for support
    logged = "\n".join(p.read_text(encoding="utf-8") for p in counter_home.rglob("counter.log"))
    assert f"holds a file's path, not a database address (sqlite:///{path})" in logged
