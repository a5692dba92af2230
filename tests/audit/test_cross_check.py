"""``audit verify`` holds the cases, ratings and accounts against the newest entry about each.

Each attack is one a desk user with the database file could make without
touching the trail: a bad rating deleted after dropping its trigger, ``admin``
given by SQL, an applicant renamed, an account slipped in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.accounts import add_account, disable_account, set_password
from counter.cli.main import main
from tests.audit.conftest import IDENTITY, Facts, desk_of
from tests.audit.tampering import drop_triggers

PASSWORD = "Xam2026desk"
MARKET = "乌兰浩特市市场监督管理局"
ADMIN = Actor("admin", "管理员", frozenset({Role.ADMIN}))


@pytest.fixture
def db(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


def mismatches(capsys: pytest.CaptureFixture[str], db: str) -> tuple[int, list[tuple[str, str, str]]]:
    code = main(["audit", "verify", "--json", "--db", db])
    report = json.loads(capsys.readouterr().out)
    return code, [(m["code"], m["kind"], m["key"]) for m in report["mismatches"]]


@pytest.fixture
def accounts(sessions: sessionmaker[Session]) -> None:
    """An administrator and a clerk, added as the program adds them."""
    with sessions.begin() as s:
        assert (
            add_account(s, Desk(IDENTITY, "乌兰"), NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD))
            == ()
        )
    with sessions.begin() as s:
        assert add_account(s, desk_of(ADMIN), NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), PASSWORD)) == ()


def test_a_deleted_rating_is_reported(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], facts: Facts
) -> None:
    assert mismatches(capsys, db) == (0, [])
    drop_triggers(sessions, ["rating", "rectification", "rectification_history"])
    with sessions.begin() as s:
        s.execute(text("DELETE FROM rectification_history WHERE rectification_id = :r"), {"r": facts.rectification_id})
        s.execute(text("DELETE FROM rectification WHERE id = :r"), {"r": facts.rectification_id})
        s.execute(text("DELETE FROM rating WHERE id = :r"), {"r": facts.rating_id})
    assert mismatches(capsys, db) == (1, [("row_deleted", "rating", str(facts.rating_id))])
    assert main(["audit", "verify", "--db", db]) == 1
    out, err = capsys.readouterr()
    assert f"评价 {facts.rating_id}：审计日志中有记载，但已被删除" in out
    assert "审计日志有 1 个问题" in err


@pytest.mark.usefixtures("accounts")
def test_a_role_given_by_sql_is_reported(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    assert mismatches(capsys, db) == (0, [])
    with sessions.begin() as s:
        s.execute(text("UPDATE account SET roles = 'clerk,admin' WHERE login = 'wulan'"))
    assert mismatches(capsys, db) == (1, [("row_changed", "account", "wulan")])
    assert main(["audit", "verify", "--db", db]) == 1
    assert "账号 wulan：与审计日志最后记载的不符：未经本程序被改动" in capsys.readouterr().out


@pytest.mark.usefixtures("accounts")
def test_a_department_moved_by_sql_is_reported(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    """A department's staff confined to 市场监督管理局 cannot give themselves the 税务局's items unseen."""
    staff = NewAccount("lina", "李娜", frozenset({Role.DEPARTMENT}), PASSWORD, department=MARKET)
    with sessions.begin() as s:
        assert add_account(s, desk_of(ADMIN), staff) == ()
    assert mismatches(capsys, db) == (0, [])  # the department is covered, and the accounts without one as before
    with sessions.begin() as s:
        s.execute(text("UPDATE account SET department = '' WHERE login = 'lina'"))
    assert mismatches(capsys, db) == (1, [("row_changed", "account", "lina")])


@pytest.mark.usefixtures("accounts")
def test_changes_the_program_makes_keep_the_accounts_accounted_for(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        assert set_password(s, desk_of(ADMIN), "wulan", "Xam2027desk") == ()
    with sessions.begin() as s:
        assert disable_account(s, desk_of(ADMIN), "wulan") == ()
    assert mismatches(capsys, db) == (0, [])
    with sessions.begin() as s:  # a password set by SQL: a hash the forger knows the password of
        s.execute(text("UPDATE account SET password_hash = 'scrypt$16$1$1$AAAA$AAAA', disabled = 0"))
    assert mismatches(capsys, db) == (1, [("row_changed", "account", "admin"), ("row_changed", "account", "wulan")])


def test_a_case_edited_without_the_trail_and_a_row_slipped_in_are_reported(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], facts: Facts
) -> None:
    with sessions.begin() as s:
        s.execute(text("UPDATE \"case\" SET applicant_id_no = '152201197505040000' WHERE case_no = :no"),
                  {"no": facts.awaiting})  # fmt: skip
        s.execute(text("INSERT INTO account (login, name, staff_no, roles, password_hash, disabled, failed_logins, "
                       "created_at) VALUES ('ghost', '某', '', 'admin', 'x', 0, 0, CURRENT_TIMESTAMP)"))  # fmt: skip
    code, found = mismatches(capsys, db)
    assert code == 1
    assert found == [("row_changed", "case", facts.awaiting), ("row_unrecorded", "account", "ghost")]


@pytest.mark.usefixtures("accounts")
def test_an_account_slipped_in_with_an_old_date_is_reported(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    """The row's own created_at is the forger's to write: it cannot excuse an account no entry ever spoke of."""
    with sessions.begin() as s:
        s.execute(text("INSERT INTO account (login, name, staff_no, roles, password_hash, disabled, failed_logins, "
                       "created_at) VALUES ('ghost', '某', '', 'admin', 'x', 0, 0, :old)"),
                  {"old": "2020-01-01 00:00:00"})  # fmt: skip
    assert mismatches(capsys, db) == (1, [("row_unrecorded", "account", "ghost")])
