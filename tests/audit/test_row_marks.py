"""Accounts and settings carry an HMAC-SM3 mark under the trail key, written where they are written, and ``audit
verify`` names a row edited in SQL by its mark.

Before, an account or setting was held only to the trail's record of it (SHA-256 digests in the entries): a setting
the trail never spoke of could be changed in SQL unseen, and nothing of the row itself used an SM algorithm.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.accounts import add_account
from counter.actions.admin.site import this_site
from counter.audit.row_mac import ACCOUNT_TABLE, SETTING_TABLE, check_marks, row_mac
from counter.cli.main import main
from counter.db.settings_store import put_setting
from counter.host.keys.trail_key import read_trail_key, trail_key_path
from counter.host.machine import paths
from tests.audit.conftest import IDENTITY, desk_of
from tests.audit.test_seals import problems, verify

PASSWORD = "Xam2026desk"


@pytest.fixture
def db(db_path: Path, sessions: sessionmaker[Session], capsys: pytest.CaptureFixture[str]) -> str:
    """The audit template with an administrator's account, sealed once: the trail key made and every row marked."""
    with sessions.begin() as s:
        this_site(s)
        first = NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)
        assert add_account(s, Desk(IDENTITY, "乌兰"), first) == ()
    url = f"sqlite:///{db_path}"
    assert main(["audit", "seal", "--db", url]) == 0
    capsys.readouterr()
    return url


def marks(sessions: sessionmaker[Session]) -> dict[str, str]:
    with sessions() as s:
        rows = s.execute(text("SELECT 'account:' || login, mac FROM account UNION ALL SELECT 'setting:' || key, mac "
                              "FROM setting"))  # fmt: skip
        return {str(name): str(mac) for name, mac in rows}


def test_every_account_and_setting_is_marked_once_the_trail_key_is_made_and_verify_is_clean(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    found = marks(sessions)
    assert "account:admin" in found
    assert all(len(mac) == 64 for mac in found.values()), found
    code, report = verify(capsys, db)
    assert (code, problems(report), report["unmarked_rows"]) == (0, [], 0)


def test_a_row_written_after_the_key_is_marked_where_it_is_written(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    admin = desk_of(Actor("admin", "管理员", frozenset({Role.ADMIN})))
    with sessions.begin() as s:
        assert add_account(s, admin, NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), PASSWORD)) == ()
        put_setting(s, "authority.test", "held")
    key = read_trail_key(trail_key_path(paths.site_key_path()))
    assert key is not None
    assert marks(sessions)["setting:authority.test"] == row_mac(key, SETTING_TABLE, {"key": "authority.test",
                                                                                      "value": "held"})  # fmt: skip
    assert len(marks(sessions)["account:wulan"]) == 64
    _code, report = verify(capsys, db)
    assert report["unmarked_rows"] == 0
    assert [p for p in problems(report) if p[0] == "row_mark_altered"] == []


def test_an_account_or_setting_edited_in_sql_is_named_by_its_mark(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    with sessions.begin() as s:
        s.execute(text("UPDATE account SET roles = 'admin,clerk', department = '' WHERE login = 'admin'"))
        setting = "site.name"  # the site's name, as its papers print it
        s.execute(text("UPDATE setting SET value = value || ' ' WHERE key = :k"), {"k": setting})
    code, report = verify(capsys, db)
    assert code == 1
    named = [p[1] for p in problems(report) if p[0] == "row_mark_altered"]
    assert named == ["account:admin", f"setting:{setting}"]
    assert main(["audit", "verify", "--db", db]) == 1
    out = capsys.readouterr().out
    assert "账号 admin 与其 HMAC-SM3 校验值不符" in out
    assert f"设置 {setting} 与其 HMAC-SM3 校验值不符" in out


def test_without_the_trail_key_the_marks_are_not_checked_and_a_row_written_there_is_counted(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    trail_key_path(paths.site_key_path()).unlink()
    with sessions.begin() as s:
        put_setting(s, "authority.test", "held")  # written where the key is not: no mark
    assert marks(sessions)["setting:authority.test"] == ""
    code, report = verify(capsys, db)
    assert (code, report["unmarked_rows"]) == (0, -1)


def test_a_mark_checks_only_the_row_it_was_made_for() -> None:
    key = bytes(32)
    values = {"key": "site.code", "value": "XAM01"}
    mark = row_mac(key, SETTING_TABLE, values)
    rows = [
        (SETTING_TABLE, "site.code", values, mark),
        (SETTING_TABLE, "site.name", {"key": "site.name", "value": "XAM01"}, mark),  # another row's mark copied
        (ACCOUNT_TABLE, "site.code", values, mark),  # the same fields as another table's
        (SETTING_TABLE, "new", {"key": "new", "value": ""}, ""),
    ]
    checked = check_marks(key, rows)
    assert (checked.altered, checked.unmarked) == (("setting:site.name", "account:site.code"), 1)


def test_a_row_written_where_the_key_was_not_is_counted_in_words_when_the_key_is_back(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    """A setting written on a computer without the trail key has no mark: once verified where the key is, the text
    says how many rows could not be checked by their marks, as the JSON counts them, and the trail is still whole."""
    key_file = trail_key_path(paths.site_key_path())
    aside = key_file.with_name("aside")
    key_file.rename(aside)
    with sessions.begin() as s:
        put_setting(s, "authority.test", "held")  # written where the key is not: no mark
    aside.rename(key_file)
    code, report = verify(capsys, db)
    assert (code, report["unmarked_rows"]) == (0, 1)
    assert main(["audit", "verify", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "账号和设置中有 1 行没有 HMAC-SM3 校验值（在没有审计密钥的电脑上写入），未能按校验值核对" in out
