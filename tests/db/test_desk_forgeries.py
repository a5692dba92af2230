"""What someone holding a hall desk's database password tries, as that role, on a real PostgreSQL: refused or named.

The desks need to read and insert cases and their lines; accounts, peers and settings are the administrator's,
written on the owner's login (:mod:`counter.db.desk_role`).  What a desk must still be able to write — a case's
status, the departments' queue — ``counter audit verify`` reads against the insert-only history.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from counter.access import passwords
from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.passwords import ScryptCost
from counter.access.roles import Actor, Role
from counter.actions.admin.accounts import add_account, set_password, sign_in
from counter.actions.cases.holidays import set_holiday
from counter.actions.cases.item_steps import route_items
from counter.actions.site.trail_check import verify_trail
from counter.audit.state import MismatchCode
from counter.case.numbers import DeskIdentity
from counter.cli.main import main
from counter.db.engine import make_engine, make_sessions
from counter.sync.sites import SiteKind
from tests.actions.test_intake_actions import full_request, take
from tests.db.test_desk_role import ROLE, as_role
from tests.pg_server import CATALOG, FreshDatabases
from tests.sync.sync_world import make_site

NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
ADMIN = Actor("batu", "巴图", frozenset({Role.ADMIN}))
CLERK = Actor("clerk1", "乌兰", frozenset({Role.CLERK}))
ADMIN_PASSWORD = "bayan2026ok"
GATEWAY = '{"endpoint": "https://sms.example/api"}'


@dataclass
class Hall:
    owner_url: str
    desk_url: str
    owner: Engine
    desk: Engine
    case_no: str  # taken and routed at a desk: its items are in their departments' queue

    @property
    def desk_sessions(self) -> sessionmaker[Session]:
        return make_sessions(self.desk)


@pytest.fixture
def hall(fresh_pg: FreshDatabases, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Hall]:
    """Set up by the administrator on the owner's login; a clerk's day begun at a desk, on the desk role."""
    url = fresh_pg.url(CATALOG)
    assert main(["db", "grant-desk", ROLE, "--db", url]) == 0
    capsys.readouterr()
    owner, desk = make_engine(url), make_engine(as_role(url, ROLE))
    owner_sessions = make_sessions(owner)
    site = make_site(owner_sessions, "XAM01", "兴安盟政务服务中心", SiteKind.HALL, tmp_path)
    with owner_sessions.begin() as session:
        admin = NewAccount("batu", "巴图", ADMIN.roles, ADMIN_PASSWORD)
        assert add_account(session, site.desk, admin) == ()
        clerk = NewAccount("clerk1", "乌兰", CLERK.roles, "wulan2026ok")
        assert add_account(session, Desk(site.desk.identity, "巴图", ADMIN), clerk) == ()
        session.execute(text("INSERT INTO setting (key, value) VALUES ('sms.gateway', :v)"), {"v": GATEWAY})
    at_desk = Desk(site.desk.identity, "乌兰", CLERK)
    sessions = make_sessions(desk)
    number = take(sessions, at_desk, full_request(sessions))
    with sessions.begin() as session:
        route_items(session, at_desk, number, NOW)
    yield Hall(url, as_role(url, ROLE), owner, desk, number)
    owner.dispose()
    desk.dispose()


def mismatches(hall: Hall) -> list[tuple[MismatchCode, str]]:
    with hall.desk_sessions() as session:
        report = verify_trail(session)
    return [(m.code, m.key) for m in report.mismatches]


def refused(hall: Hall, statement: str) -> str:
    """The SQLSTATE the desk role's ``statement`` was refused with."""
    with hall.desk.connect() as conn, pytest.raises(DBAPIError) as raised:
        conn.execute(text(statement))
    return str(getattr(raised.value.orig, "sqlstate", ""))


def test_the_day_begins_whole(hall: Hall) -> None:
    assert mismatches(hall) == []


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE account SET roles = 'clerk,admin' WHERE login = 'clerk1'",  # clerk1 made admin
        "UPDATE account SET disabled = false, department = '' WHERE login = 'batu'",
        # the administrator's password made one the desk's login knows
        "UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE login = 'clerk1') "
        "WHERE login = 'batu'",
        "INSERT INTO account (login, name, staff_no, roles, department, password_hash, disabled, failed_logins, "
        "created_at) SELECT 'ghost', '某某', '', 'admin', '', password_hash, false, 0, now() FROM account "
        "WHERE login = 'clerk1'",
        "DELETE FROM account WHERE login = 'batu'",
        # a township nobody registered, made a trusted peer whose packages would then be taken
        "INSERT INTO site_peer (code, name, kind, public_key, registered_at) "
        "VALUES ('ZZZ01', '冒名镇', 'township', 'AAAA', now())",
        "UPDATE site_peer SET public_key = 'AAAA'",
        # the SMS gateway pointed elsewhere, the site's key replaced: the app's own way of writing a setting
        "INSERT INTO setting (key, value) VALUES ('sms.gateway', '{\"endpoint\": \"https://evil.example\"}') "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        "INSERT INTO setting (key, value) VALUES ('site.public_key', 'AAAA') "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        "INSERT INTO setting (key, value) VALUES ('catalog.draft_intake', '1')",
        # the history the status and the queue are checked against
        "UPDATE case_history SET status_after = 'delivered'",
        "DELETE FROM case_history",
        "UPDATE project_history SET note = ''",
    ],
)
def test_the_desk_role_cannot_write_what_decides_trust(hall: Hall, statement: str) -> None:
    assert refused(hall, statement) == "42501"  # insufficient_privilege: a grant or a row's policy


def test_a_plain_update_of_the_administrators_settings_changes_no_row(hall: Hall) -> None:
    with hall.desk.begin() as conn:
        for statement in (
            "UPDATE setting SET value = '{\"endpoint\": \"https://evil.example\"}' WHERE key = 'sms.gateway'",
            "UPDATE setting SET value = 'AAAA' WHERE key = 'site.public_key'",
            "DELETE FROM setting WHERE key LIKE 'site.%'",
        ):
            assert conn.execute(text(statement)).rowcount == 0  # the policy shows the desk none of these rows
    with hall.owner.connect() as conn:
        assert conn.scalar(text("SELECT value FROM setting WHERE key = 'sms.gateway'")) == GATEWAY
        assert conn.scalar(text("SELECT count(*) FROM setting WHERE key LIKE 'site.%'")) >= 4


def test_a_status_set_by_sql_is_named_by_verify(hall: Hall) -> None:
    with hall.desk.begin() as conn:  # 已送达, on a case nobody handed anything over for
        conn.execute(text("UPDATE \"case\" SET status = 'delivered' WHERE case_no = :no"), {"no": hall.case_no})
    named = [(MismatchCode.STATUS_OFF_HISTORY, hall.case_no), (MismatchCode.QUEUE_OFF_HISTORY, hall.case_no)]
    assert mismatches(hall) == named  # and its items, still queued, are not what a delivered case has


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM open_item",  # every department's queue emptied
        "UPDATE open_item SET department = '别的部门'",  # an item moved to another department's queue
        "UPDATE open_item SET state = 'signed'",  # an item shown as signed for that nobody signed for
    ],
)
def test_a_queue_changed_by_sql_is_named_by_verify(hall: Hall, statement: str) -> None:
    with hall.desk.begin() as conn:
        assert conn.execute(text(statement)).rowcount > 0
    assert mismatches(hall) == [(MismatchCode.QUEUE_OFF_HISTORY, hall.case_no)]


def test_an_administrators_command_needs_the_owners_login(
    hall: Hall, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COUNTER_PASSWORD", ADMIN_PASSWORD)
    add = ["--user", "batu", "user", "add", "bater", "--name", "巴特尔", "--role", "admin", "--password-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO("bater2026ok\n"))
    assert main([*add, "--db", hall.desk_url]) == 1
    assert "无权做这项修改" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("bater2026ok\n"))
    assert main([*add, "--db", hall.owner_url]) == 0
    capsys.readouterr()
    assert main(["audit", "verify", "--json", "--db", hall.desk_url]) == 0
    assert json.loads(capsys.readouterr().out)["mismatches"] == []


def test_a_sign_in_at_a_desk_leaves_an_old_cost_hash_for_the_owners_login(
    hall: Hall, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The rehash writes the hash, which the desk's login may not: the desk signs the clerk in and leaves it."""
    cheaper = ScryptCost(2**10, 8, 1)
    today = passwords.COST
    monkeypatch.setattr(passwords, "COST", cheaper)
    as_admin = Desk(DeskIdentity("XAM01", "1"), "巴图", ADMIN)
    with make_sessions(hall.owner).begin() as session:
        assert set_password(session, as_admin, "clerk1", "wulan2026ok") == ()
    monkeypatch.setattr(passwords, "COST", today)
    hash_before = password_hash(hall, "clerk1")
    with hall.desk_sessions.begin() as session:
        assert sign_in(session, "clerk1", "wulan2026ok", as_admin, NOW).signed_in
    assert password_hash(hall, "clerk1") == hash_before
    with make_sessions(hall.owner).begin() as session:  # on the owner's login, the next sign-in rehashes
        assert sign_in(session, "clerk1", "wulan2026ok", as_admin, NOW).signed_in
    assert password_hash(hall, "clerk1") != hash_before
    assert mismatches(hall) == []


def password_hash(hall: Hall, login: str) -> str:
    with hall.owner.connect() as conn:
        return str(conn.scalar(text("SELECT password_hash FROM account WHERE login = :l"), {"l": login}))


def test_a_clerks_own_new_password_needs_the_owners_login(
    hall: Hall, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COUNTER_PASSWORD", "wulan2026ok")
    monkeypatch.setattr("sys.stdin", io.StringIO("xinmima2026\n"))
    assert main(["--user", "clerk1", "user", "password", "clerk1", "--password-stdin", "--db", hall.desk_url]) == 1
    assert "无权做这项修改" in capsys.readouterr().err


def test_a_holiday_marked_after_the_routing_is_no_tampering(hall: Hall) -> None:
    """The dates due follow the calendar as it stood at the step; the administrator's edit since changes nothing."""
    as_admin = Desk(DeskIdentity("XAM01", "1"), "巴图", ADMIN)
    with make_sessions(hall.owner).begin() as session:
        for day in range(1, 15):
            set_holiday(session, NOW.date() + dt.timedelta(days=day), "off", desk=as_admin)
    assert mismatches(hall) == []
