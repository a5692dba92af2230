"""``counter audit verify`` and ``counter case void`` end to end, and what the other commands leave in the trail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from counter.cli.main import main
from counter.db import models
from counter.documents.data import OfficeSettings
from tests.audit.conftest import Facts, add_accounts

CHAIN = "XAM01-8"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


def actions_of(sessions: sessionmaker[Session], subject: str) -> list[tuple[str, str, dict[str, object]]]:
    with sessions() as s:
        rows = s.execute(
            select(models.AuditEntry.chain, models.AuditEntry.action, models.AuditEntry.detail)
            .where(models.AuditEntry.subject == subject)
            .order_by(models.AuditEntry.id)
        )
        return [(chain, action, json.loads(detail)) for chain, action, detail in rows]


@pytest.mark.slow
def test_verify_a_whole_trail(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "audit", "verify", "--db", db)
    assert code == 0
    assert out.startswith("审计日志完整：共 2 条链、")
    code, out, _ = run(capsys, "--db", db, "audit", "verify", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] is True
    assert report["problems"] == []
    assert (report["chains"], report["entries"] > 10) == (2, True)


@pytest.mark.slow
def test_verify_lists_every_problem_in_chinese(capsys: pytest.CaptureFixture[str], db: str, db_path: Path) -> None:
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        conn.execute(text("DROP TRIGGER trg_audit_entry_no_update"))
        conn.execute(text("DROP TRIGGER trg_audit_entry_no_delete"))
        conn.execute(text(f"UPDATE audit_entry SET detail = '{{}}' WHERE chain = '{CHAIN}' AND seq = 2"))
        conn.execute(text(f"DELETE FROM audit_entry WHERE chain = '{CHAIN}' AND seq IN (6, 7)"))
    engine.dispose()
    code, out, err = run(capsys, "audit", "verify", "--db", db)
    assert code == 1
    assert out.splitlines()[:-1] == [
        f"链 {CHAIN} 第2条：记录内容与其哈希值不符：记录被改动过",
        f"链 {CHAIN} 第6至7条：记录缺失：被删除",
        f"链 {CHAIN} 第8条：记录所接的前一条哈希与前一条记录不符：链条在此断开",
        # the deleted entries were the only ones about this case: the case is no longer accounted for
        "办件 XAM01-20261120-08-0005：审计日志中没有任何记载：不是经本程序写入的",
    ]
    assert out.splitlines()[-1].startswith("尚无签名封签")
    assert "审计日志有 4 个问题" in err
    code, out, _ = run(capsys, "audit", "verify", "--json", "--db", db)
    assert code == 1
    problems = json.loads(out)["problems"]
    assert [(p["code"], p["chain"], p["seq"], p["last_seq"]) for p in problems] == [
        ("edited", CHAIN, 2, 2),
        ("missing_entries", CHAIN, 6, 7),
        ("broken_link", CHAIN, 8, 8),
    ]
    assert all(p["message"].startswith(f"链 {CHAIN}") for p in problems)


def test_void_a_case_with_its_reason(
    capsys: pytest.CaptureFixture[str],
    db: str,
    sessions: sessionmaker[Session],
    facts: Facts,
    request: pytest.FixtureRequest,
) -> None:
    code, _, err = run(capsys, "case", "void", facts.accepted, "--reason", "重复录入", "--db", db)
    assert code == 1  # a desk without accounts is a clerk: a void is a named supervisor's
    assert "本机没有启用账号" in err
    assert "作废办件" in err
    request.getfixturevalue("signed_in_accounts")
    user = ("--user", "bater")
    code, out, _ = run(
        capsys, *user, "case", "void", facts.accepted, "--reason", "重复录入，正确的办件另行受理", "--db", db
    )
    assert code == 0
    assert facts.accepted in out
    code, out, _ = run(capsys, *user, "case", "show", facts.accepted, "--json", "--db", db)
    assert json.loads(out)["status"] == "voided"
    assert actions_of(sessions, facts.accepted)[-1] == (
        "XAM01-1",  # the desk this machine is configured as
        "case_voided",
        {"event": "voided", "status": "voided", "note": "重复录入，正确的办件另行受理"},
    )
    code, _, err = run(capsys, *user, "case", "void", facts.accepted, "--reason", "再次作废", "--db", db)
    assert code == 1
    assert "已作废" in err
    assert "不能作废" in err
    code, _, err = run(capsys, *user, "case", "void", "XAM01-20261120-08-9999", "--reason", "误录", "--db", db)
    assert (code, err.strip()) == (1, "未找到办件：XAM01-20261120-08-9999")
    code, _, err = run(capsys, *user, "case", "void", facts.unsent, "--reason", "  ", "--db", db)
    assert code == 2
    assert "原因" in err
    assert run(capsys, *user, "audit", "verify", "--db", db)[0] == 0


def test_with_accounts_a_command_without_sign_in_is_refused(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], facts: Facts
) -> None:
    add_accounts(sessions)
    code, _, err = run(capsys, "case", "void", facts.accepted, "--reason", "重复录入", "--db", db)
    assert code == 1
    assert "请先登录" in err
    assert "作废办件" in err
    code, _, err = run(capsys, "holidays", "set", "2027-02-20", "off", "--db", db)
    assert code == 1
    assert "维护节假日" in err
    assert actions_of(sessions, facts.accepted)[-1][1] != "case_voided"


def test_settings_holidays_exports_and_imports_from_the_command_line_are_recorded(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    assert run(capsys, "office", "--consult-phone", "0482-8200000", "--db", db)[0] == 0
    [(_, action, detail)] = actions_of(sessions, "office.XAM01")
    assert action == "setting_changed"
    assert detail == {"consult_phone": {"from": OfficeSettings().consult_phone, "to": "0482-8200000"}}
    assert run(capsys, "holidays", "set", "2027-02-20", "off", "--db", db)[0] == 0
    assert actions_of(sessions, "2027-02-20") == [("XAM01-1", "holidays_changed", {"day": "2027-02-20", "kind": "off"})]
    choices = ("--coding", "level=hcp", "--coding", "channel=hcp")  # the integrator's, without which nothing goes out
    assert run(capsys, "platform", "settings", *choices, "--db", db)[0] == 0
    out_file = tmp_path / "ratings.json"
    args = ("ratings", "export", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json")
    assert run(capsys, *args, "--out", str(out_file), "--db", db)[0] == 0
    [(_, action, detail)] = actions_of(sessions, "ratings")
    assert (action, detail["records"], detail["target"]) == ("exported", 1, f"file:{out_file}")
    assert run(capsys, "audit", "verify", "--db", db)[0] == 0


@pytest.fixture
def signed_in_accounts(sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> None:
    """Accounts with a real password, for signing in through ``--user`` as at a hall's desk.

    Added as an administrator adds them, so the trail accounts for each (``audit verify`` checks that).
    """
    from counter.access.account_views import NewAccount
    from counter.access.desk import Desk
    from counter.access.roles import Actor, Role
    from counter.actions.admin.accounts import add_account
    from tests.audit.conftest import IDENTITY, desk_of

    admin = Actor("admin", "管理员", frozenset({Role.ADMIN}))
    for login, name, role in (("admin", "管理员", Role.ADMIN), ("wulan", "乌兰", Role.CLERK),
                              ("bater", "巴特尔", Role.SUPERVISOR)):  # fmt: skip
        by = desk_of(admin) if login != "admin" else Desk(IDENTITY, "乌兰")  # the first: made where none exists
        with sessions.begin() as s:
            assert add_account(s, by, NewAccount(login, name, frozenset({role}), PASSWORD)) == ()
    monkeypatch.setenv("COUNTER_PASSWORD", PASSWORD)  # the README's way of giving the password to a script


PASSWORD = "Xam2026desk"


@pytest.mark.usefixtures("signed_in_accounts")
def test_only_a_supervisor_signed_in_voids_and_the_trail_names_them(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session], facts: Facts
) -> None:
    code, _, err = run(capsys, "--user", "wulan", "case", "void", facts.accepted, "--reason", "重复录入", "--db", db)
    assert code == 1
    assert "作废办件" in err
    code, _, _ = run(capsys, "--user", "bater", "case", "void", facts.accepted, "--reason", "重复录入", "--db", db)
    assert code == 0
    with sessions() as s:
        voided = s.scalars(select(models.AuditEntry).where(models.AuditEntry.action == "case_voided")).one()
    assert (voided.actor, voided.subject) == ("bater", facts.accepted)
    assert run(capsys, "audit", "verify", "--db", db)[0] == 0


def test_a_seal_made_from_the_command_line_is_told_in_words_for_the_duty_log(
    capsys: pytest.CaptureFixture[str], db: str, sessions: sessionmaker[Session]
) -> None:
    from counter.actions.admin.site import this_site

    with sessions.begin() as s:
        this_site(s)  # the site's key on this machine, as after counter site init
    code, out, _ = run(capsys, "audit", "verify", "--json", "--db", db)
    before = json.loads(out)
    code, out, err = run(capsys, "audit", "seal", "--db", db)
    assert (code, err) == (0, "")
    code, shown, _ = run(capsys, "audit", "verify", "--json", "--db", db)
    after = json.loads(shown)
    assert after["seals"] == before["seals"] + 1
    head, _, digest = out.partition("封签摘要 ")
    assert head == f"已封存审计日志：第 {after['seals']} 号封签，{before['chains']} 条链、{before['entries']} 条记录。"
    assert len(digest.removesuffix("，请记入值班登记簿。\n")) == 16  # the first sixteen hex digits, read aloud
