"""docs/operations.md is what tools/operations_reference.py makes from the service's declarations."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent


@pytest.mark.slow
def test_committed_reference_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "operations_reference.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
