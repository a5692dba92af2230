"""Run a module of window tests in a pytest process of its own, on offscreen screens of the test's choosing.

Qt learns its screens once, when the QApplication is made, and pytest-qt makes
one per process (here with the single offscreen screen of ``tests/conftest.py``).
So a test writes the screens it needs to a temporary file and runs the module in
a fresh pytest process with ``QT_QPA_PLATFORM=offscreen:configfile=FILE``, with
the same strict settings; it fails, never passes vacuously, unless every inner
test passed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def screen(name: str, x: int, y: int, width: int, height: int) -> dict[str, object]:
    return {"name": name, "x": x, "y": y, "width": width, "height": height, "logicalDpiX": 96, "logicalDpiY": 96}


def run_on_screens(
    tmp_path: Path,
    screens: list[dict[str, object]],
    module: Path,
    tests: int | None = None,
    env: dict[str, str] | None = None,
) -> None:
    """Run ``module`` on ``screens``; ``tests`` inner tests must pass (any number, when None), none skipped."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    inner_env = {**os.environ, **(env or {}), "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(module), "-q", "-p", "no:cacheprovider",
         "--basetemp", str(tmp_path / "inner")],
        cwd=REPO, env=inner_env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    passed = r"\d+" if tests is None else str(tests)
    assert re.search(rf"\b{passed} passed\b", result.stdout), report
    assert not re.search(r"skipped|xfail|deselected|error", result.stdout), report
