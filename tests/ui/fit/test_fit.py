"""Every window fits the small screens desks have (1366×768, 1024×768), also with text at 150 %.

Qt learns its screens once, when the QApplication is made, and pytest-qt makes one per process; so each screen size
gets a fresh pytest process running :mod:`tests.ui.fit.screens` with the offscreen platform configured to that one
screen (design §5), and the text size in ``COUNTER_FIT_TEXT``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

HERE = Path(__file__).resolve().parent


def run_screens(tmp_path: Path, width: int, height: int, percent: int) -> None:
    screen = {"name": "Desk", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "COUNTER_FIT_TEXT": str(percent)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(HERE / "screens.py"), "-q", "-p", "no:cacheprovider",
         "--basetemp", str(tmp_path / "inner")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert re.search(r"\b\d+ passed\b", result.stdout), report
    assert not re.search(r"skipped|xfail|deselected|error", result.stdout), report


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height", "percent"), [(1366, 768, 100), (1024, 768, 100), (1366, 768, 150)])
def test_every_window_fits(tmp_path: Path, width: int, height: int, percent: int) -> None:
    run_screens(tmp_path, width, height, percent)
