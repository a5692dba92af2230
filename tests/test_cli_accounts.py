"""The account commands end to end, and a run that signs in with --user."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from counter.cli.main import main
from counter.db import models
from tests.conftest import made_database

ADMIN_PASSWORD = "bayan2026ok"
CLERK_PASSWORD = "wulan2026ok"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def add(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, password: str, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return run(capsys, "user", "add", *args, "--password-stdin")


@pytest.fixture
def db(tmp_path: Path) -> str:
    return made_database(tmp_path / "accounts.sqlite3")


@pytest.fixture
def hall(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str) -> str:
    """A database whose first account, the admin batu, was added without signing in."""
    code, out, _ = add(capsys, monkeypatch, ADMIN_PASSWORD, "batu", "--name", "巴图", "--role", "admin", "--db", db)
    assert (code, out) == (0, "已添加账号：batu\n")
    return db


def audit_actions(db: str) -> list[tuple[str, str, str]]:
    engine = create_engine(db)
    with engine.connect() as connection:
        entry = models.AuditEntry
        rows = connection.execute(select(entry.action, entry.actor, entry.subject).order_by(entry.id)).all()
    engine.dispose()
    return [(str(a), str(who), str(s)) for a, who, s in rows]


def test_first_account_must_be_admin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    code, out, err = add(capsys, monkeypatch, CLERK_PASSWORD, "wulan", "--name", "乌兰", "--role", "clerk", "--db", db)
    assert (code, out) == (1, "")
    assert "第一个账号必须是系统管理员" in err


def test_add_list_disable_as_the_signed_in_admin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, hall: str
) -> None:
    monkeypatch.setenv("COUNTER_PASSWORD", ADMIN_PASSWORD)
    code, out, _ = add(
        capsys,
        monkeypatch,
        CLERK_PASSWORD,
        "--user",
        "batu",
        "WuLan",
        "--name",
        "乌兰",
        "--role",
        "clerk",
        "--role",
        "supervisor",
        "--staff-no",
        "0815",
        "--db",
        hall,
    )
    assert (code, out) == (0, "已添加账号：wulan\n")
    code, out, _ = run(capsys, "--user", "batu", "--db", hall, "user", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [set(a) for a in listed] == [
        {"login", "name", "staff_no", "roles", "disabled", "locked_until", "last_login_at", "department"}
    ] * 2
    assert [(a["login"], a["name"], a["staff_no"], a["roles"], a["disabled"]) for a in listed] == [
        ("batu", "巴图", "", ["admin"], False),
        ("wulan", "乌兰", "0815", ["clerk", "supervisor"], False),
    ]
    assert listed[0]["last_login_at"] is not None
    assert listed[1]["last_login_at"] is None
    code, out, err = run(capsys, "--user", "batu", "--db", hall, "user", "list")
    assert code == 0
    assert "wulan  乌兰  工号：0815  角色：窗口工作人员、负责人  可用" in out
    assert "共 2 个账号" in err
    code, out, err = run(capsys, "user", "disable", "batu", "--user", "batu", "--db", hall)
    assert code == 1
    assert "最后一个可用的系统管理员" in err
    code, out, _ = run(capsys, "user", "disable", "wulan", "--user", "batu", "--db", hall)
    assert (code, out) == (0, "已停用账号：wulan（记录保留，不能再登录）\n")
    monkeypatch.setenv("COUNTER_PASSWORD", CLERK_PASSWORD)
    code, _, err = run(capsys, "--user", "wulan", "--db", hall, "user", "list")
    assert code == 1
    assert "已停用" in err
    assert audit_actions(hall)[-4:] == [
        ("signed_in", "batu", "batu"),
        ("signed_in", "batu", "batu"),
        ("account_changed", "batu", "wulan"),
        ("sign_in_failed", "", "wulan"),
    ]
    monkeypatch.setenv("COUNTER_PASSWORD", ADMIN_PASSWORD)
    code, out, _ = run(capsys, "--user", "batu", "--db", hall, "user", "list")
    assert "wulan  乌兰  工号：0815  角色：窗口工作人员、负责人  已停用" in out


def test_without_user_a_command_is_refused_once_accounts_exist(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, hall: str
) -> None:
    code, out, err = add(
        capsys, monkeypatch, CLERK_PASSWORD, "wulan", "--name", "乌兰", "--role", "clerk", "--db", hall
    )
    assert (code, out) == (1, "")
    assert "请先登录" in err
    assert "--user" in err
    code, _, err = run(capsys, "user", "list", "--db", hall)
    assert code == 1
    assert "请先登录" in err
    code, _, err = run(capsys, "office", "--hours", "9:00-17:00", "--db", hall)  # any command says how to sign in
    assert code == 1
    assert "请先登录" in err
    assert "--user" in err


def test_wrong_password_counts_and_locks(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, hall: str
) -> None:
    monkeypatch.setenv("COUNTER_PASSWORD", "wrong2026")
    errors = []
    for _ in range(5):
        code, out, err = run(capsys, "--user", "batu", "--db", hall, "user", "list")
        assert (code, out) == (1, "")
        errors.append(err)
    assert "再输错 4 次" in errors[0]
    assert "再输错 1 次" in errors[3]
    assert "账号已锁定至" in errors[4]
    monkeypatch.setenv("COUNTER_PASSWORD", ADMIN_PASSWORD)
    code, _, err = run(capsys, "--user", "batu", "--db", hall, "user", "list")
    assert code == 1
    assert "账号已锁定至" in err
    actions = [a for a, _, _ in audit_actions(hall)]
    assert actions.count("sign_in_failed") == 6
    assert actions.count("account_locked") == 1


def test_unknown_login_reads_like_a_wrong_password(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, hall: str
) -> None:
    monkeypatch.setenv("COUNTER_PASSWORD", ADMIN_PASSWORD)
    code, _, err = run(capsys, "--user", "nobody", "--db", hall, "user", "list")
    assert code == 1
    assert err == "登录名或密码不正确。\n"


def test_password_from_a_prompt_typed_twice(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, hall: str
) -> None:
    typed = iter([ADMIN_PASSWORD, CLERK_PASSWORD, CLERK_PASSWORD, ADMIN_PASSWORD, "saran2026ok", "saran2026no"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    code, out, _ = run(
        capsys, "--user", "batu", "--db", hall, "user", "add", "wulan", "--name", "乌兰", "--role", "clerk"
    )
    assert (code, out) == (0, "已添加账号：wulan\n")
    code, _, err = run(
        capsys, "--user", "batu", "--db", hall, "user", "add", "saran", "--name", "萨仁", "--role", "clerk"
    )
    assert code == 1
    assert "两次输入的密码不一致" in err
    assert prompts[0] == "batu 的密码："
    assert prompts[1].startswith("为 wulan 设定密码")
    monkeypatch.setenv("COUNTER_PASSWORD", CLERK_PASSWORD)
    code, _, err = run(capsys, "--user", "wulan", "--db", hall, "user", "list")
    assert code == 1  # a clerk may not manage accounts
    assert "没有“管理账号”的权限" in err


def test_weak_password_lists_every_problem(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    code, _, err = add(capsys, monkeypatch, "abc", "batu", "--name", "巴图", "--role", "admin", "--db", db)
    assert code == 1
    assert err.splitlines() == ["密码至少 8 位", "密码须包含数字"]


def test_password_reset_lifts_a_lock(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, hall: str
) -> None:
    monkeypatch.setenv("COUNTER_PASSWORD", ADMIN_PASSWORD)
    code, _, _ = add(
        capsys, monkeypatch, "saran2026ok", "--user", "batu", "saran", "--name", "萨仁", "--role", "admin", "--db", hall
    )
    assert code == 0
    monkeypatch.setenv("COUNTER_PASSWORD", "wrong2026")
    for _ in range(5):
        run(capsys, "--user", "saran", "--db", hall, "user", "list")
    monkeypatch.setenv("COUNTER_PASSWORD", ADMIN_PASSWORD)
    code, out, _ = run(capsys, "--user", "batu", "--db", hall, "user", "list")  # the administrator sees the lock
    (line,) = [line for line in out.splitlines() if line.startswith("saran ")]
    assert re.search(r"锁定至 \d{4}-\d\d-\d\d \d\d:\d\d", line), line
    monkeypatch.setattr("sys.stdin", io.StringIO("weak\n"))  # a new password too weak: refused, the lock stays
    code, out, err = run(capsys, "--user", "batu", "--db", hall, "user", "password", "saran", "--password-stdin")
    assert (code, out) == (1, "")
    assert "至少 8 位" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("fresh2026ok\n"))
    code, out, _ = run(capsys, "--user", "batu", "--db", hall, "user", "password", "saran", "--password-stdin")
    assert (code, out) == (0, "已重设 saran 的密码，账号锁定已解除。\n")
    monkeypatch.setenv("COUNTER_PASSWORD", "fresh2026ok")
    code, out, _ = run(capsys, "--user", "saran", "--db", hall, "user", "list", "--json")
    assert code == 0
    assert all(a["locked_until"] is None for a in json.loads(out))


def test_misuse_exits_2(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, _ = run(capsys, "user", "add", "batu", "--name", "巴图", "--db", db)  # no --role
    assert code == 2
    code, _, _ = run(capsys, "user", "add", "batu", "--name", "巴图", "--role", "boss", "--db", db)
    assert code == 2


def test_password_stdin_with_nothing_piped_is_misuse_and_adds_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    """A script that pipes an empty file to ``--password-stdin`` is told the password is missing: no account without
    one is made, none with an empty one."""
    code, out, err = add(capsys, monkeypatch, "", "batu", "--name", "巴图", "--role", "admin", "--db", db)
    assert (code, out) == (1, "")  # an empty line is a password read, and too weak to be one
    assert "密码至少 8 位" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = run(
        capsys, "user", "add", "batu", "--name", "巴图", "--role", "admin", "--password-stdin", "--db", db
    )
    assert (code, out) == (2, "")
    assert "--password-stdin：标准输入中没有密码。" in err
    assert _logins(db) == []


@pytest.mark.slow
def test_case_show_gives_whole_numbers_only_to_roles_that_see_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db: str
) -> None:
    code, out, _ = run(capsys, "demo", "--out", str(tmp_path / "demo"), "--today", "2026-11-20", "--db", db)
    assert code == 0
    case_no = out.splitlines()[0].split("\t")[0]
    code, out, _ = run(capsys, "case", "show", case_no, "--json", "--db", db)
    whole = json.loads(out)
    assert "*" not in whole["applicant_id_no"]  # the single desk, before any account: whole
    add(capsys, monkeypatch, ADMIN_PASSWORD, "batu", "--name", "巴图", "--role", "admin", "--db", db)
    monkeypatch.setenv("COUNTER_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO(CLERK_PASSWORD + "\n"))
    code, _, _ = run(capsys, "--user", "batu", "user", "add", "wulan", "--name", "乌兰", "--role", "clerk",
                     "--password-stdin", "--db", db)  # fmt: skip
    assert code == 0

    code, out, _ = run(capsys, "--user", "batu", "case", "show", case_no, "--json", "--db", db)
    as_admin = json.loads(out)
    assert as_admin["applicant_id_no"] != whole["applicant_id_no"]
    assert as_admin["applicant_id_no"][:6] == whole["applicant_id_no"][:6]
    assert "*" in as_admin["applicant_id_no"]
    assert "*" in as_admin["applicant_phone"]
    code, out, _ = run(capsys, "case", "show", case_no, "--json", "--db", db)  # nobody signed in
    assert "*" in json.loads(out)["applicant_id_no"]

    monkeypatch.setenv("COUNTER_PASSWORD", CLERK_PASSWORD)
    code, out, _ = run(capsys, "--user", "wulan", "case", "show", case_no, "--json", "--db", db)
    assert json.loads(out)["applicant_id_no"] == whole["applicant_id_no"]


def test_a_departments_staff_is_added_with_their_department(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, hall: str
) -> None:
    monkeypatch.setenv("COUNTER_PASSWORD", ADMIN_PASSWORD)
    market = "乌兰浩特市市场监督管理局"
    args = ("--name", "李娜", "--department", market, "--db", hall, "--user", "batu")
    code, _, err = add(capsys, monkeypatch, CLERK_PASSWORD, "lina", "--role", "clerk", *args)
    assert code == 1
    assert "只有部门工作人员" in err  # a clerk works for no department
    code, out, _ = add(capsys, monkeypatch, CLERK_PASSWORD, "lina", "--role", "department", *args)
    assert (code, out) == (0, "已添加账号：lina\n")
    code, out, _ = run(capsys, "user", "list", "--json", "--db", hall, "--user", "batu")
    assert {a["login"]: a["department"] for a in json.loads(out)} == {"batu": "", "lina": market}
    code, out, _ = run(capsys, "user", "list", "--db", hall, "--user", "batu")
    assert f"（{market}）" in out


def _add_with_no_terminal(tmp_path: Path, db: str, given: str) -> subprocess.CompletedProcess[str]:
    """``user add`` run as a script runs it: in a process with no terminal, ``given`` piped to it."""
    env = dict(os.environ, COUNTER_HOME=str(tmp_path / "home"), COUNTER_STATE=str(tmp_path / "state"))
    env.pop("COUNTER_DB_URL", None)
    env.pop("COUNTER_PASSWORD", None)
    return subprocess.run(
        [sys.executable, "-m", "counter", "user", "add", "batu", "--name", "巴图", "--role", "admin", "--db", db],
        input=given,
        capture_output=True,
        text=True,
        env=env,
        start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
        timeout=120,
        check=False,
    )


def _logins(db: str) -> list[str]:
    engine = create_engine(db)
    with engine.connect() as connection:
        logins = [str(login) for (login,) in connection.execute(select(models.Account.login)).all()]
    engine.dispose()
    return logins


@pytest.mark.program
def test_a_password_piped_with_no_terminal_is_read_and_nothing_english_said(tmp_path: Path, db: str) -> None:
    """The manual's commands piped, as a script runs them: ``getpass`` warned in English ("GetPassWarning: Can not
    control echo on the terminal.", "Warning: Password input may be echoed.") before it read the piped line.  The
    line is read as it was, the prompts said in Chinese alone."""
    done = _add_with_no_terminal(tmp_path, db, f"{ADMIN_PASSWORD}\n{ADMIN_PASSWORD}\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "已添加账号：batu\n"
    assert done.stderr == "为 batu 设定密码（至少 8 位，含字母和数字）：再输入一次："
    assert _logins(db) == ["batu"]


@pytest.mark.program
def test_no_password_piped_with_no_terminal_is_misuse_and_adds_nothing(tmp_path: Path, db: str) -> None:
    done = _add_with_no_terminal(tmp_path, db, "")
    assert done.returncode == 2
    assert "没有输入密码，未作任何改动。" in done.stderr
    assert "Warning" not in done.stderr
    assert _logins(db) == []
