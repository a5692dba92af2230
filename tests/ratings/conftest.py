"""A real database with the shipped catalog and the demo's cases of every outcome.

Built once per run, on SQLite and on the run's PostgreSQL server alike; each
test works on its own copy (of the file, or of the template database), so a
rating given in one test is never seen by another.  A test on ``sessions`` runs
on both, but for the few kept on SQLite by design (see :data:`SQLITE_ONLY_TESTS`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.site.demo import run_demo
from counter.case.demo_cases import DemoCase
from counter.db import models
from counter.db.account_store import insert_account
from counter.db.case_store import case_by_no
from counter.db.engine import make_engine, make_sessions
from counter.db.rating_store import requests_of_case
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import DeskConfig
from counter.ratings.status import DeskStatus
from tests.catalog_db import made_once
from tests.pg_server import BACKENDS, CATALOG, FreshDatabases, PgDatabases

TODAY = dt.date(2026, 11, 20)  # a Friday; seven days later is a working Friday
CHINA = dt.timezone(dt.timedelta(hours=8))
DESK = desk_at(
    DeskConfig(
        site_code="XAM01",
        site_name="兴安盟政务服务中心",
        desk_no="8",
        clerk="乌兰",
        staff_no="XA0815",
        area_code="152201000000",
    )
)

DEMO = "ratings-demo"  # the PostgreSQL template: the shipped catalog and the demo's cases

# Kept on SQLite by design: these look at SQLite itself.  A test on ``db_path``
# hands the file's sqlite:/// URL to the command line; the trigger listing reads
# sqlite_master (PostgreSQL's triggers are proved by test_postgres.py, which
# tries every change they refuse).
SQLITE_ONLY_FIXTURES = frozenset({"db_path"})
SQLITE_ONLY_TESTS = frozenset({"test_every_rating_table_has_its_triggers"})


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test on ``sessions`` against SQLite and PostgreSQL (ids ``[sqlite]``, ``[postgresql]``)."""
    if "sessions" not in metafunc.fixturenames:
        return
    sqlite_only = metafunc.function.__name__ in SQLITE_ONLY_TESTS or not SQLITE_ONLY_FIXTURES.isdisjoint(
        metafunc.fixturenames
    )
    metafunc.parametrize("sessions", ["sqlite"] if sqlite_only else list(BACKENDS), indirect=True)


def desk_status(session: Session, case_no: str) -> DeskStatus | None:
    """The status of a service's latest rating round, as the clerk's screen is told it; ``None`` when never sent."""
    case = case_by_no(session, case_no)
    if case is None:
        return None
    requests = requests_of_case(session, case.id)
    return requests[-1].status if requests else None


class Clock:
    """The office's time, moved by the test: a deadline passes without waiting for it."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, shipped_catalog_db: Path) -> tuple[Path, list[DemoCase]]:
    """The run's catalog file with the demo's cases taken, made once for the run (the pad's tests use it too)."""

    def make(path: Path) -> list[DemoCase]:
        shutil.copyfile(shipped_catalog_db, path)
        engine = make_engine(f"sqlite:///{path}")
        try:
            return run_demo(make_sessions(engine), DESK, TODAY)
        finally:
            engine.dispose()

    return made_once(tmp_path_factory, "ratings-demo", make)


@pytest.fixture
def demo_cases(demo_template: tuple[Path, list[DemoCase]]) -> dict[str, str]:
    """The demo's case numbers by what they show (受理, 容缺受理, 补正…, 不予受理, …)."""
    return {case.label: case.case_no for case in demo_template[1]}


@pytest.fixture
def db_path(tmp_path: Path, demo_template: tuple[Path, list[DemoCase]]) -> Path:
    path = tmp_path / "ratings.sqlite3"
    shutil.copyfile(demo_template[0], path)
    return path


@pytest.fixture(scope="session")
def pg_demo_template(pg_databases: PgDatabases, demo_template: tuple[Path, list[DemoCase]]) -> str:
    """The demo run once more on PostgreSQL: the very cases of the SQLite file, numbers and all."""
    made = pg_databases.template(DEMO, _run_demo, base=CATALOG)
    assert made == demo_template[1]
    return DEMO


def _run_demo(sessions: sessionmaker[Session]) -> list[DemoCase]:
    return run_demo(sessions, DESK, TODAY)


@pytest.fixture
def sessions(request: pytest.FixtureRequest) -> Iterator[sessionmaker[Session]]:
    """The demo database on the backend the test is run against (SQLite where it is not parametrized)."""
    if getattr(request, "param", "sqlite") == "postgresql":
        template: str = request.getfixturevalue("pg_demo_template")
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        yield fresh.sessions(template)
        return
    db_path: Path = request.getfixturevalue("db_path")
    engine = make_engine(f"sqlite:///{db_path}")
    yield make_sessions(engine)
    engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 11, 20, 10, 30, tzinfo=CHINA))


@contextmanager
def supervisor_for_a_while(sessions: sessionmaker[Session], name: str = "宝音") -> Iterator[Desk]:
    """Desk 8 with a supervisor signed in who is not the clerk rated, for the steps only a supervisor takes
    (revisits, rectifications, appeal decisions); her account is removed after them, so the test goes on at a desk
    without accounts, whose pad sends services as before."""
    desk = account_desk(sessions, "supervisor", name, frozenset({Role.SUPERVISOR}))
    try:
        yield desk
    finally:
        with sessions.begin() as session:
            session.execute(delete(models.Account).where(models.Account.login == "supervisor"))


def account_desk(
    sessions: sessionmaker[Session], login: str, name: str, roles: frozenset[Role], staff_no: str = ""
) -> Desk:
    """An account stored as the account actions store it, and desk 8 with it signed in."""
    with sessions.begin() as session:
        insert_account(session, login, name, staff_no, roles, "x", dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    return dataclasses.replace(DESK, clerk=name, staff_no=staff_no, actor=Actor(login, name, roles))
