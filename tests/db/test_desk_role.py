"""A hall's desks connect to PostgreSQL as a role that writes rows but owns no table (``counter db grant-desk``).

The owner (here the cluster's ``postgres``, who ran the migrations) keeps the
tables; the desk role cannot disable or drop the insert-only triggers, yet does
every day's work: intakes, ratings, a township's package.  ``audit verify`` run
as that role still sees what the owner did to a case behind the program's back.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.record import record_rating, send_to_pad
from counter.actions.site.demo import run_demo
from counter.actions.site.store import Store
from counter.cli.main import main
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import downgrade
from counter.host.database_faults import DbFault, StoreFault
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.sync.sites import SiteKind
from counter.ui.app import open_database
from tests.pg_server import CATALOG, FreshDatabases
from tests.sync.sync_world import NOW, TODAY, Site, introduce, make_site, sqlite_copy

ROLE = "counter_desk"


def as_role(url: str, role: str) -> str:
    """The same database, signed in as ``role`` (the test cluster trusts its socket)."""
    assert "://postgres@" in url
    return url.replace("://postgres@", f"://{role}@")


@pytest.fixture
def hall_url(fresh_pg: FreshDatabases, capsys: pytest.CaptureFixture[str]) -> str:
    """A hall's database, migrated by its owner, and the desk role granted on it by the command."""
    url = fresh_pg.url(CATALOG)
    assert main(["db", "grant-desk", ROLE, "--db", url]) == 0
    assert ROLE in capsys.readouterr().out
    return url


@pytest.fixture
def desk_engine(hall_url: str) -> Iterator[Engine]:
    engine = make_engine(as_role(hall_url, ROLE))
    yield engine
    engine.dispose()


@pytest.mark.parametrize(
    "statement",
    [
        "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
        "ALTER TABLE audit_entry DISABLE TRIGGER trg_audit_entry_final",
        "DROP TRIGGER trg_rating_final ON rating",
        "ALTER TABLE rating DISABLE TRIGGER ALL",
        "ALTER TABLE audit_seal DISABLE TRIGGER ALL",
        "TRUNCATE audit_entry",
        "DELETE FROM rating",
        "UPDATE audit_entry SET actor = 'x'",
        "DROP TABLE audit_seal",
    ],
)
def test_a_desk_connection_cannot_touch_the_triggers_or_the_trail(desk_engine: Engine, statement: str) -> None:
    with desk_engine.connect() as conn, pytest.raises(DBAPIError) as refused:
        conn.execute(text(statement))
    assert refused.value.orig is not None
    assert getattr(refused.value.orig, "sqlstate", "") == "42501"  # insufficient_privilege, not a trigger's refusal


def test_granting_again_and_refusing_the_owner(hall_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade", "--desk-role", ROLE, "--db", hall_url]) == 0  # after an upgrade, once more
    assert main(["db", "grant-desk", "postgres", "--db", hall_url]) == 1
    assert "拥有这个数据库的表" in capsys.readouterr().err
    assert main(["db", "grant-desk", "Desk-1", "--db", hall_url]) == 1
    assert "角色名 Desk-1 不可用" in capsys.readouterr().err


def test_the_days_work_as_the_desk_role_and_verify_sees_the_owners_edit(
    hall_url: str, tmp_path: Path, shipped_catalog_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    owner = make_engine(hall_url)
    # the site is set up by the hall's administrator; its key stays in a file on that one machine
    hall_setup = make_site(make_sessions(owner), "XAM01", "兴安盟政务服务中心", SiteKind.HALL, tmp_path)
    desk_sessions = make_sessions(make_engine(as_role(hall_url, ROLE)))
    hall = Site(hall_setup.identity, desk_sessions, hall_setup.desk, hall_setup.key_path)
    township = make_site(
        sqlite_copy(shipped_catalog_db, tmp_path / "ars.sqlite3"),
        "ARS01",
        "明水河镇便民服务中心",
        SiteKind.TOWNSHIP,
        tmp_path,
    )
    introduce(hall_setup, township)
    run_demo(township.sessions, township.desk, TODAY)

    # as the desk role: a township's package, intakes, a rating and its rectification, updates back
    report = hall.take(township.export().data)
    assert (report.applied, report.held) == (6, 0)
    made = {c.label: c.case_no for c in run_demo(desk_sessions, hall.desk, TODAY)}
    with desk_sessions.begin() as session:
        pad = send_to_pad(session, made["受理"], hall.desk, NOW)
        bad = RatingChoice(Level.VERY_DISSATISFIED, ("其他",), "等了很久")
        record_rating(session, pad.request_id, bad, hall.desk, NOW, office_calendar(session))
    assert len(hall.export(to_site="ARS01", now=NOW + dt.timedelta(minutes=5)).data) > 0

    desk_url = as_role(hall_url, ROLE)
    assert main(["audit", "verify", "--db", desk_url]) == 0
    capsys.readouterr()

    # the owner edits a case the way no desk can be stopped from by the trail alone: plain SQL
    with owner.begin() as conn:
        conn.execute(text("UPDATE \"case\" SET applicant_name = '某某' WHERE case_no = :no"), {"no": made["受理"]})
    assert main(["audit", "verify", "--json", "--db", desk_url]) == 1
    report_json = json.loads(capsys.readouterr().out)
    assert [(m["code"], m["kind"], m["key"]) for m in report_json["mismatches"]] == [
        ("row_changed", "case", made["受理"])
    ]
    owner.dispose()
    desk_sessions.kw["bind"].dispose()
    township.sessions.kw["bind"].dispose()


def test_the_desk_role_cannot_be_granted_on_sqlite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["db", "upgrade", "--db", url]) == 0  # the file, made by the set-up step
    capsys.readouterr()
    assert main(["db", "grant-desk", ROLE, "--db", url]) == 1
    assert "PostgreSQL" in capsys.readouterr().err


def test_a_desk_updated_before_its_server_says_to_run_the_owners_upgrade(
    hall_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The schema one migration behind the program, as when the desks are updated before the server: the desk
    role may not migrate, and the desk says whose command brings the server up, not a permission error's text."""
    owner = make_engine(hall_url)
    downgrade(owner, "-1")
    owner.dispose()
    store = Store(as_role(hall_url, ROLE))
    with pytest.raises(StoreFault) as refused:
        store.sessions()
    assert refused.value.fault is DbFault.SCHEMA_BEHIND
    assert "counter db upgrade" in (open_database(Store(as_role(hall_url, ROLE))) or "")
    capsys.readouterr()
    assert main(["db", "numbers", "--db", as_role(hall_url, ROLE)]) == 1
    said = capsys.readouterr()
    assert "counter db upgrade" in said.out + said.err
    assert "ProgrammingError" not in said.out + said.err
    assert main(["db", "upgrade", "--desk-role", ROLE, "--db", hall_url]) == 0  # the owner's upgrade: the desk opens
    Store(as_role(hall_url, ROLE)).sessions()
