"""A real database with the shipped catalog imported, for the action tests.

Every test runs twice: on SQLite (a desk, a township) and on PostgreSQL (a
hall), from the same content — a copy of an SQLite file, or a database copied
from the PostgreSQL server's template, on the login that owns its tables, as a hall's server runs it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from tests.entrusted import RESTAURANT_ITEMS, entrust_in
from tests.pg_server import BACKENDS, CATALOG, FreshDatabases

TODAY = dt.date(2026, 11, 20)  # a Friday


@pytest.fixture(scope="session")
def catalog_db(shipped_catalog_db: Path) -> Path:
    """The shipped catalog imported once for the run; each test gets its own copy of the file."""
    return shipped_catalog_db


@pytest.fixture(params=BACKENDS)
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    if request.param == "postgresql":
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        yield fresh.sessions(CATALOG)
        return
    catalog_db: Path = request.getfixturevalue("catalog_db")
    path = tmp_path / "counter.sqlite3"
    shutil.copy(catalog_db, path)
    engine = make_engine(f"sqlite:///{path}")
    yield make_sessions(engine)
    engine.dispose()


#: a module that sets this true decides the restaurant's items (bundle 008) at the window's desk: its hall records them
#: for the departments under their written 授权 (tests/entrusted.py), the one way a window may decide them; the tests
#: of who may decide (test_item_steps.py) leave it unset
ENTRUSTED_RESTAURANT = "ENTRUSTED_RESTAURANT"


@pytest.fixture(autouse=True)
def entrusted_restaurant(request: pytest.FixtureRequest) -> None:
    if getattr(request.module, ENTRUSTED_RESTAURANT, False) and "sessions" in request.fixturenames:
        owner: sessionmaker[Session] = request.getfixturevalue("owner")
        entrust_in(owner, Desk(DeskIdentity("XAM01", "1"), "管理员"), *RESTAURANT_ITEMS)


@pytest.fixture
def owner(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """The administrator's login to the database ``sessions`` opens: since the hall server's role owns the tables
    and no desk connects, the same one; the site's settings, such as the departments' 授权
    (:mod:`tests.entrusted`), are made through it."""
    return sessions


@pytest.fixture
def desk() -> Desk:
    return Desk(DeskIdentity("XAM01", "8"), "乌兰")
