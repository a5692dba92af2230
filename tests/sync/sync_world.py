"""Sites for the sync tests: a township or a hall on a database, with its own key, and the peers they register."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.site import init_site, register_peer
from counter.actions.cases.documents import save_office_settings
from counter.actions.site.demo import run_demo
from counter.actions.sync.packages import ExportResult, export_package, import_package
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.documents.data import OfficeSettings
from counter.sync.exchange import ImportReport
from counter.sync.sites import SiteIdentity, SiteKind
from tests.catalog_db import kept_in_clear, made_once
from tests.conftest import copy_database
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


#: a township centre's own 单位信息 (a township prints no paper under the hall's seal, phones or 复议 body)
TOWNSHIP_OFFICE = OfficeSettings(
    office_name="明水河镇便民服务中心",
    seal_caption="明水河镇人民政府便民服务专用章",
    address="科尔沁右翼前旗明水河镇政府院内一楼便民服务大厅",
    consult_phone="0482-5123456",
    complaint_phone="0482-5123457",
    review_body="科尔沁右翼前旗人民政府",
)


def make_site(sessions: sessionmaker[Session], code: str, name: str, kind: SiteKind, folder: Path) -> Site:
    desk = Desk(DeskIdentity(code, "1"), f"{code}职员")
    key_path = folder / f"{code}.pem"
    with sessions.begin() as session:
        identity = init_site(session, code, name, kind, desk=desk, key_path=key_path)
        if kind is SiteKind.TOWNSHIP:  # its own seal, place, phone and 复议 body: it prints nothing of the hall's
            save_office_settings(session, code, dataclasses.replace(TOWNSHIP_OFFICE, office_name=name), desk=desk)
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
    body: ``yield from``).  On SQLite both sites are a copy of a pair made once for the run (:func:`_demo_pair`)."""
    if request.param == "sqlite":
        hall, ars = _demo_pair_copy(request, catalog, folder)
    else:
        hall, ars = hall_and_township(request, catalog, folder)
        run_demo(ars.sessions, ars.desk, TODAY)
    yield hall, ars
    ars.sessions.kw["bind"].dispose()
    if request.param == "sqlite":
        hall.sessions.kw["bind"].dispose()


#: the township's database and both sites' keys, in a folder beside the hall's file made once
_DEMO_PAIR = "township-demo-pair"


def _demo_pair(catalog: Path, hall_path: Path) -> tuple[SiteIdentity, SiteIdentity]:
    """The SQLite hall at ``hall_path`` and the township with the training day beside it (:data:`_DEMO_PAIR`), every
    engine closed: two sites, their keys and the demo, a quarter of a second of a test otherwise."""
    pair = hall_path.parent / _DEMO_PAIR
    shutil.rmtree(pair, ignore_errors=True)  # of a worker whose making failed
    pair.mkdir()
    hall = make_site(sqlite_copy(catalog, hall_path), "XAM01", "兴安盟政务服务中心", SiteKind.HALL, pair)
    ars = make_site(sqlite_copy(catalog, pair / "ars.sqlite3"), "ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP,
                    pair)  # fmt: skip
    try:
        introduce(hall, ars)
        run_demo(ars.sessions, ars.desk, TODAY)
    finally:
        for site in (hall, ars):
            site.sessions.kw["bind"].dispose()
    kept_in_clear(pair / "ars.sqlite3")  # the hall's is kept so by made_once
    return hall.identity, ars.identity


def _demo_pair_copy(request: pytest.FixtureRequest, catalog: Path, folder: Path) -> tuple[Site, Site]:
    """A copy in ``folder`` of the pair :func:`_demo_pair` made once for the run (for ``catalog``): the files as
    :func:`hall_and_township` and the demo leave them, with this machine's number notes."""
    factory: pytest.TempPathFactory = request.getfixturevalue("tmp_path_factory")
    name = f"township-demo-hall-{catalog.parent.name}-{catalog.stem}"
    hall_file, (hall_id, ars_id) = made_once(factory, name, functools.partial(_demo_pair, catalog))
    made = hall_file.parent / _DEMO_PAIR
    shutil.copytree(made, folder, ignore=shutil.ignore_patterns("*.sqlite3*"), dirs_exist_ok=True)
    copy_database(hall_file, folder / "hall.sqlite3")
    copy_database(made / "ars.sqlite3", folder / "ars.sqlite3")
    return tuple(  # type: ignore[return-value]
        Site(identity, make_sessions(make_engine(f"sqlite:///{folder / file}")),
             Desk(DeskIdentity(identity.code, "1"), f"{identity.code}职员"), folder / f"{identity.code}.pem")
        for identity, file in ((hall_id, "hall.sqlite3"), (ars_id, "ars.sqlite3"))
    )  # fmt: skip
