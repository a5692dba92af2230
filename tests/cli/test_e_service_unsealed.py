"""`counter case serve-electronically` on a 小餐馆 (008) whose applicant agreed to service through the platform: 市监局
has no electronic seal on this machine, so its 补正 goes up as its PDF, and the command says so in Chinese, naming the
paper and the body (the sealed sending itself: tests/actions/test_e_service_sealed.py)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.admin.accounts import add_account
from counter.actions.cases.e_service import agree
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.documents.e_service import ServiceMeans
from counter.host.machine.paths import site_key_path
from tests.actions.test_e_service import ASKED, MARKET, RECEIVED, WINDOW, corrected, taken
from tests.actions.test_platform import configure
from tests.audit.conftest import ACTORS, desk_of
from tests.conftest import made_database
from tests.platform_stub import running_platform
from tests.test_cli import run

PASSWORD = "Xam-2026-songda"
ADMIN = ACTORS[Role.ADMIN]


def test_a_paper_whose_body_has_no_seal_here_is_sent_as_its_pdf_and_said(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = made_database(tmp_path / "desk.sqlite3")
    engine = make_engine(db)
    sessions = make_sessions(engine)
    desk = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    with running_platform() as platform:
        configure(sessions, desk, platform, site_key_path().parent)  # the secret where the command reads it
        number = taken(sessions, desk)
        with sessions.begin() as s:
            agree(s, WINDOW, number, ServiceMeans.PLATFORM, RECEIVED)
        doc_no = corrected(sessions, number)
        with sessions.begin() as s:  # the window's clerk, whose account the command signs in to
            s.add(models.Account(login=ADMIN.login, name=ADMIN.name, roles="admin", password_hash="x", department=""))
        with sessions.begin() as s:
            new = NewAccount("baiyin", "白音", frozenset({Role.CLERK}), PASSWORD)
            assert add_account(s, desk_of(ADMIN), new) == ()
        engine.dispose()
        monkeypatch.setenv("COUNTER_PASSWORD", PASSWORD)
        on = ("--user", "baiyin", "--today", ASKED.isoformat())
        code, out, err = run(capsys, *on, "case", "serve-electronically", number, "--db", db)
        assert code == 0, err
        [paper] = platform.papers.values()
    assert f"已发送 1（{doc_no}）" in out
    assert err.strip() == (
        f"注意：本机没有{MARKET}的电子印章，文书 {doc_no} 以未加盖电子印章的 PDF 发送，只是电子副本，"
        "不能代替盖章的纸质文书送达，请另行纸质送达；须由系统管理员为该单位制作电子印章后，文书才能加盖电子印章发送。"
    )
    assert paper["doc_format"] == "pdf"
    assert base64.b64decode(paper["doc_content"]).startswith(b"%PDF")
