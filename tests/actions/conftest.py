"""A real database with the shipped catalog imported, for the action tests.

Every test runs twice: on SQLite (a desk, a township) and on PostgreSQL (a
hall), from the same content — a copy of an SQLite file, or a database copied
from the PostgreSQL server's template; a desk's own work there as the desk role
(:data:`DESK_ROLE_WORK`).
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
from counter.db.desk_role import grant_desk_role
from counter.db.engine import make_engine, make_sessions
from tests.entrusted import RESTAURANT_ITEMS, entrust_in
from tests.pg_server import BACKENDS, CATALOG, FreshDatabases

TODAY = dt.date(2026, 11, 20)  # a Friday

#: a module that sets this true holds a desk's own work (intake, routing, departments' steps, decisions, hand-over,
#: the lists and figures): on PostgreSQL its tests run as the desk role, as a hall's desks do.  The others set up
#: accounts and settings too, which is the administrator's, on the owner's login (counter.db.desk_role).
DESK_ROLE_WORK = "DESK_ROLE_WORK"
DESK_ROLE = "counter_desk"


@pytest.fixture(scope="session")
def catalog_db(shipped_catalog_db: Path) -> Path:
    """The shipped catalog imported once for the run; each test gets its own copy of the file."""
    return shipped_catalog_db


@pytest.fixture(params=BACKENDS)
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    if request.param == "postgresql":
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        if not getattr(request.module, DESK_ROLE_WORK, False):
            yield fresh.sessions(CATALOG)
            return
        url = fresh.url(CATALOG)
        owner = fresh.open(url)
        with owner.begin() as session:  # as `counter db grant-desk` grants it
            assert grant_desk_role(session, DESK_ROLE) is None
        desks = fresh.open(url.replace("://postgres@", f"://{DESK_ROLE}@"))
        OWNERS[id(desks)] = owner
        yield desks
        del OWNERS[id(desks)]
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


#: the owner's login to a database whose desk work runs as the desk role: the administrator's settings are made there
OWNERS: dict[int, sessionmaker[Session]] = {}


@pytest.fixture
def owner(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """The administrator's login to the database ``sessions`` opens (the same login but where desks run as the desk
    role on PostgreSQL): the site's settings, such as the departments' 授权 (:mod:`tests.entrusted`), are made there."""
    return OWNERS.get(id(sessions), sessions)


@pytest.fixture
def desk() -> Desk:
    return Desk(DeskIdentity("XAM01", "8"), "乌兰")
