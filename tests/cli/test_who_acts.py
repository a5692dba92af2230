"""Who acts on the command line: once a database has accounts, every command acts as the account ``--user`` signed
in as, read after the sign-in; without ``--user`` the same command is refused, as acting for nobody."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import made_database
from tests.test_cli import run

PASSWORD = "Xam-2026-zhuren"
REFUSED = "本数据库已启用账号，请先登录再"


def commands(tmp_path: Path) -> dict[str, tuple[list[str], int, str]]:
    """Each command with its arguments, the exit status it ends with for an account allowed to, and a line it says."""
    paper = tmp_path / "flowchart.pdf"
    return {
        "site sms": (["site", "sms", "--off"], 0, "未设置短信网关"),
        "messages list": (["messages", "list", "--failed"], 0, "没有短信。"),
        "messages retry": (["messages", "retry", "7"], 1, "没有编号为 7 的发送失败短信。"),
        "site rules": (["site", "rules", "--deferral-margin", "5", "--json"], 0, '"deferral_margin_days": 5'),
        "project print": (["project", "print", "--form", "flowchart", "--out", str(paper)], 0, str(paper)),
    }


@pytest.fixture
def db_with_accounts(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """A database whose one account, ``zhuren``, is its administrator, a clerk and a supervisor."""
    db = made_database(tmp_path / "accounts.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    roles = ["--role", "admin", "--role", "clerk", "--role", "supervisor"]
    assert run(capsys, "user", "add", "zhuren", "--name", "主任", *roles, "--db", db, "--password-stdin")[0] == 0
    monkeypatch.setenv("COUNTER_PASSWORD", PASSWORD)
    return db


@pytest.mark.parametrize("name", ["site sms", "messages list", "messages retry", "site rules", "project print"])
def test_a_signed_in_account_acts_as_itself(
    name: str, db_with_accounts: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    words, status, says = commands(tmp_path)[name]
    code, out, err = run(capsys, "--user", "zhuren", *words, "--db", db_with_accounts)
    assert REFUSED not in err
    assert code == status, err
    assert says in out + err


@pytest.mark.parametrize("name", ["site sms", "messages list", "messages retry", "site rules", "project print"])
def test_nobody_signed_in_is_refused(
    name: str, db_with_accounts: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    words, _, _ = commands(tmp_path)[name]
    code, _, err = run(capsys, *words, "--db", db_with_accounts)
    assert code == 1
    assert REFUSED in err


def test_a_run_leaves_nobody_signed_in_for_the_next(db_with_accounts: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The account one run signed in as is not the next run's: each run starts as nobody."""
    assert run(capsys, "--user", "zhuren", "site", "rules", "--db", db_with_accounts)[0] == 0
    code, _, err = run(capsys, "site", "rules", "--deferral-margin", "4", "--db", db_with_accounts)
    assert code == 1
    assert REFUSED in err
