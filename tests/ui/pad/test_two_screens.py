"""The pad on a second screen, in a process of its own with two offscreen screens.

Qt learns its screens once, when the QApplication is made, and pytest-qt makes
one per process (here with the single offscreen screen of ``tests/conftest.py``).
So this test writes the two-screen configuration of design §5 to a temporary
file and runs :mod:`tests.ui.pad.two_screens` in a fresh pytest process with
``QT_QPA_PLATFORM=offscreen:configfile=FILE``; the plain ``pytest`` run
includes it like any other test, with the same strict settings.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

HERE = Path(__file__).resolve().parent
SCREENS = {
    "screens": [
        {"name": "Clerk", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpiX": 96, "logicalDpiY": 96},
        {"name": "Pad", "x": 1280, "y": 0, "width": 800, "height": 480, "logicalDpiX": 96, "logicalDpiY": 96},
    ]
}
INNER_TESTS = 3


def test_the_pad_on_two_screens(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(HERE / "two_screens.py"), "-q", "-p", "no:cacheprovider",
         "--basetemp", str(tmp_path / "inner")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert re.search(rf"\b{INNER_TESTS} passed\b", result.stdout), report
    assert not re.search(r"skipped|xfail|deselected|error", result.stdout), report
