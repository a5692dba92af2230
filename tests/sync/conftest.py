"""Fixtures shared by the sync tests that run on both kinds of database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.pg_server import BACKENDS, CATALOG, FreshDatabases
from tests.sync.sync_world import sqlite_copy


@pytest.fixture(scope="session")
def catalog(shipped_catalog_db: Path) -> Path:
    """The shipped catalog imported once for the run: every test copies the file, none writes it."""
    return shipped_catalog_db


@pytest.fixture(params=BACKENDS)
def databases(request: pytest.FixtureRequest, catalog: Path, tmp_path: Path) -> Iterator[Any]:
    """Fresh databases with the catalog, on the backend under test: a function of a file name (``catalog``: the
    run's catalog file, copied for each SQLite database)."""
    if request.param == "postgresql":
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        yield lambda _name: fresh.sessions(CATALOG)
        return
    yield lambda name: sqlite_copy(catalog, tmp_path / f"{name}.sqlite3")
