"""An engine on each kind of database the app runs on, for tests of code that speaks to both differently."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from counter.db.engine import make_engine, make_sessions
from tests.pg_server import BACKENDS, CATALOG, FreshDatabases


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


@pytest.fixture(scope="session")
def catalog_db(shipped_catalog_db: Path) -> Path:
    """The shipped catalog imported once for the run: each test copies the file."""
    return shipped_catalog_db


@pytest.fixture(params=BACKENDS)
def catalog_hall(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """A hall holding the catalog and nothing else, on each kind of database: the list tests fill it their way."""
    if request.param == "postgresql":
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        sessions = fresh.sessions(CATALOG)
    else:
        catalog_db: Path = request.getfixturevalue("catalog_db")
        path = tmp_path / "hall.sqlite3"
        shutil.copy(catalog_db, path)
        sessions = make_sessions(make_engine(f"sqlite:///{path}"))
    yield sessions
    bind = sessions.kw["bind"]
    assert isinstance(bind, Engine)
    bind.dispose()
