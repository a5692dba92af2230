"""``./run.sh`` sets a checkout up once, then starts the program directly, until what the set-up installs changes.

The script is run from a copy of the checkout's few files it reads, with a set-up that only counts its runs and a
``counter`` that only says it started: what is proven is when the set-up runs, not the set-up itself (the packaging
tests install the real thing).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import REPO

SETUP_RUNS = "setup-runs"


def _checkout(folder: Path) -> Path:
    """run.sh beside the files its stamp hashes, a set-up that counts its runs and makes a ``counter`` that answers."""
    shutil.copy(REPO / "run.sh", folder / "run.sh")
    (folder / "requirements").mkdir()
    (folder / "requirements" / "desk.lock").write_text("pyside6==6.11.0\n", encoding="utf-8")
    (folder / "pyproject.toml").write_text("[project]\nname = 'counter'\n", encoding="utf-8")
    (folder / "scripts").mkdir()
    counter = '#!/bin/sh\necho "started $*"\n'
    (folder / "scripts" / "setup.sh").write_text(
        f"echo run >> {SETUP_RUNS}\nmkdir -p .venv/bin\nprintf '%s' '{counter}' > .venv/bin/counter\n"
        "chmod +x .venv/bin/counter\n",
        encoding="utf-8",
    )
    return folder


def _start(folder: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "COUNTER_VENV"}
    done = subprocess.run(
        ["sh", str(folder / "run.sh"), *args], env=env, capture_output=True, text=True, timeout=30, check=True
    )
    return done.stdout


def _setups(folder: Path) -> int:
    runs = folder / SETUP_RUNS
    return len(runs.read_text(encoding="utf-8").splitlines()) if runs.exists() else 0


def test_run_sets_up_once_then_starts_directly(tmp_path: Path) -> None:
    folder = _checkout(tmp_path)
    assert _start(folder, "--version") == "started --version\n"
    assert _setups(folder) == 1
    assert _start(folder, "catalog", "list") == "started catalog list\n"
    assert _setups(folder) == 1  # the second start: no set-up


def test_run_sets_up_again_when_the_locked_requirements_change(tmp_path: Path) -> None:
    folder = _checkout(tmp_path)
    _start(folder)
    (folder / "requirements" / "desk.lock").write_text("pyside6==6.11.1\n", encoding="utf-8")
    _start(folder)
    assert _setups(folder) == 2
    _start(folder)
    assert _setups(folder) == 2


def test_run_sets_up_again_when_the_environment_is_gone(tmp_path: Path) -> None:
    folder = _checkout(tmp_path)
    _start(folder)
    shutil.rmtree(folder / ".venv")
    assert _start(folder) == "started \n"
    assert _setups(folder) == 2
