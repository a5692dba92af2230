"""A real SQLite database with the shipped catalog imported, shared by action tests."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.catalog import import_source
from counter.actions.intake import Desk
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from tests.conftest import SHIPPED_CATALOG

TODAY = dt.date(2026, 11, 20)  # a Friday


@pytest.fixture(scope="session")
def catalog_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped catalog imported once; each test gets its own copy of the file."""
    path = tmp_path_factory.mktemp("catalog") / "catalog.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    outcome = import_source(make_sessions(engine), SHIPPED_CATALOG)
    assert outcome.report is not None, outcome.problems
    engine.dispose()
    return path


@pytest.fixture
def sessions(catalog_db: Path, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    path = tmp_path / "counter.sqlite3"
    shutil.copy(catalog_db, path)
    engine = make_engine(f"sqlite:///{path}")
    yield make_sessions(engine)
    engine.dispose()


@pytest.fixture
def desk() -> Desk:
    return Desk(DeskIdentity("XAM01", "8"), "乌兰")
