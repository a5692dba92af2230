"""Test set-up shared by the whole suite.

Qt runs headless on the offscreen platform; the app's data folder is a temporary
one per test, so no test touches the user's real database.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# a real CUPS server, for the tests that print; a real PostgreSQL server, for the database tests
pytest_plugins = ["tests.cups_server", "tests.pg_server"]

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CATALOG = REPO / "resources" / "catalog"


@pytest.fixture(autouse=True)
def counter_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("COUNTER_HOME", str(home))
    monkeypatch.delenv("COUNTER_DB_URL", raising=False)
    return home
