"""An engine on each kind of database the app runs on, for tests of code that speaks to both differently."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from counter.db.engine import make_engine
from tests.pg_server import FreshDatabases


@pytest.fixture(params=["sqlite", "postgresql"])
def either_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty SQLite file, then a fresh PostgreSQL database (with the catalog, from the run's cluster)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'either.sqlite3'}")
    else:
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        engine = make_engine(fresh.url())
    yield engine
    engine.dispose()
