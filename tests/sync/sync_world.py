"""Sites for the sync tests: a township or a hall on a database, with its own key, and the peers they register."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.site import init_site, register_peer
from counter.actions.site.demo import run_demo
from counter.actions.sync.packages import ExportResult, export_package, import_package
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.sync.exchange import ImportReport
from counter.sync.sites import SiteIdentity, SiteKind
from tests.pg_server import CATALOG, FreshDatabases

NOW = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
TODAY = NOW.date()
REGISTERED = NOW - dt.timedelta(days=30)  # the sites swapped their cards a month before the tests' day


@dataclass(frozen=True)
class Site:
    identity: SiteIdentity
    sessions: sessionmaker[Session]
    desk: Desk
    key_path: Path

    @property
    def code(self) -> str:
        return self.identity.code

    def export(self, to_site: str | None = None, now: dt.datetime = NOW) -> ExportResult:
        with self.sessions.begin() as session:
            return export_package(session, self.desk, now, to_site=to_site, key_path=self.key_path)

    def take(self, data: bytes, now: dt.datetime = NOW) -> ImportReport:
        with self.sessions.begin() as session:
            return import_package(session, self.desk, data, now, key_path=self.key_path)


def sqlite_copy(template: Path, path: Path) -> sessionmaker[Session]:
    shutil.copy(template, path)
    return make_sessions(make_engine(f"sqlite:///{path}"))


def make_site(sessions: sessionmaker[Session], code: str, name: str, kind: SiteKind, folder: Path) -> Site:
    desk = Desk(DeskIdentity(code, "1"), f"{code}职员")
    key_path = folder / f"{code}.pem"
    with sessions.begin() as session:
        identity = init_site(session, code, name, kind, desk=desk, key_path=key_path)
    return Site(identity, sessions, desk, key_path)


def introduce(a: Site, b: Site) -> None:
    """Each registers the other (the site cards swapped and their fingerprints read out)."""
    for one, other in ((a, b), (b, a)):
        with one.sessions.begin() as session:
            register_peer(session, other.code, other.identity.name, other.identity.kind, other.identity.public_key,
                          desk=one.desk, encryption_key=other.identity.encryption_key, now=REGISTERED)  # fmt: skip


def hall_and_township(request: pytest.FixtureRequest, catalog: Path, folder: Path) -> tuple[Site, Site]:
    """The hall XAM01 (on PostgreSQL when ``request``'s parameter says so, else SQLite) and the township ARS01 on
    SQLite, each of the other's peers: the pair the township-to-hall tests take cases between."""
    if request.param == "postgresql":
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        hall_sessions = fresh.sessions(CATALOG)
    else:
        hall_sessions = sqlite_copy(catalog, folder / "hall.sqlite3")
    hall = make_site(hall_sessions, "XAM01", "兴安盟政务服务中心", SiteKind.HALL, folder)
    ars = make_site(sqlite_copy(catalog, folder / "ars.sqlite3"), "ARS01", "明水河镇便民服务中心",
                    SiteKind.TOWNSHIP, folder)  # fmt: skip
    introduce(hall, ars)
    return hall, ars


def township_with_demo(request: pytest.FixtureRequest, catalog: Path, folder: Path) -> Iterator[tuple[Site, Site]]:
    """:func:`hall_and_township`, the township with the training day's cases; closed after the test (a fixture's
    body: ``yield from``)."""
    hall, ars = hall_and_township(request, catalog, folder)
    run_demo(ars.sessions, ars.desk, TODAY)
    yield hall, ars
    ars.sessions.kw["bind"].dispose()
    if request.param == "sqlite":
        hall.sessions.kw["bind"].dispose()
