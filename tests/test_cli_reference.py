"""docs/cli-reference.md is what tools/cli_reference.py makes from the parsers, in a narrow and a wide terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("columns", ["40", "250"])
def test_committed_reference_is_current(columns: str) -> None:
    env = {**os.environ, "COLUMNS": columns, "COUNTER_LANG": "en"}
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "cli_reference.py"), "--check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
