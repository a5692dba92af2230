"""The secret shared with the platform's gateway, set from the command line on a real database: from the environment
only, into a 0600 file of the key folder (the one the hall server's download route reads), never into the database
or onto the screen, its change on the audit trail; a variable forgotten, a secret with a blank and a training
database are refused with nothing changed."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.db.platform_store import PLATFORM_KEY
from counter.db.settings_store import mark_training
from counter.host.outward.sms_secret import secret_path
from counter.outbox.secret_shown import SECRET_SHOWN
from counter.server.paper_download import GATEWAY_SECRET
from tests.conftest import made_database
from tests.test_cli import run

SHARED = "gateway-and-hall-secret-2026"
ENV = "COUNTER_PAPER_GATEWAY_SECRET"


def _changes(db: str) -> list[dict[str, object]]:
    """The audit trail's platform setting changes, oldest first."""
    engine = make_engine(db)
    try:
        with make_sessions(engine)() as s:
            rows = s.scalars(
                select(models.AuditEntry.detail)
                .where(models.AuditEntry.subject == PLATFORM_KEY, models.AuditEntry.action == "setting_changed")
                .order_by(models.AuditEntry.id)
            )
            return [json.loads(detail) for detail in rows]
    finally:
        engine.dispose()


def test_the_gateway_secret_is_set_from_the_environment_into_the_key_folder_and_audited(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    path = secret_path(GATEWAY_SECRET)  # the key folder the server reads: this test's data folder
    code, out, _ = run(capsys, "platform", "settings", "--db", db)
    assert code == 0
    assert "短信链接送达：文书下载地址 未设置  平台网关共用密钥：未设置" in out.splitlines()

    monkeypatch.delenv(ENV, raising=False)
    code, _, err = run(capsys, "platform", "settings", "--gateway-secret-from-env", "--db", db)
    assert code == 1
    assert "没有找到平台网关的共用密钥" in err
    assert not path.exists()

    monkeypatch.setenv(ENV, "with a blank")
    code, _, err = run(capsys, "platform", "settings", "--gateway-secret-from-env", "--db", db)
    assert code == 1
    assert "平台网关的共用密钥中有空格" in err
    assert not path.exists()

    monkeypatch.setenv(ENV, SHARED)
    code, out, _ = run(capsys, "platform", "settings", "--gateway-secret-from-env", "--json", "--db", db)
    assert code == 0
    assert json.loads(out)["gateway_secret"] == SECRET_SHOWN
    assert SHARED not in out
    assert path.read_text(encoding="utf-8") == SHARED
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    code, out, _ = run(capsys, "platform", "settings", "--db", db)
    assert "平台网关共用密钥：已设置" in out
    assert SHARED not in out
    assert SHARED.encode() not in Path(db.removeprefix("sqlite:///")).read_bytes()
    assert _changes(db) == [{"gateway_secret": {"from": SECRET_SHOWN, "to": SECRET_SHOWN}}]

    code, out, _ = run(capsys, "platform", "settings", "--download-base", "https://gw.example/xam01", "--db", db)
    assert code == 0
    assert "短信链接送达：文书下载地址 https://gw.example/xam01  平台网关共用密钥：已设置" in out  # the secret kept
    assert path.read_text(encoding="utf-8") == SHARED

    monkeypatch.setenv(ENV, "")  # the variable set empty: the secret removed
    code, out, _ = run(capsys, "platform", "settings", "--gateway-secret-from-env", "--db", db)
    assert code == 0
    assert "平台网关共用密钥：未设置" in out
    assert not path.exists()
    assert len(_changes(db)) == 3


def test_a_training_database_sets_no_gateway_secret(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is this machine's, the one the live server reads: a training database changes nothing in it."""
    db = made_database(tmp_path / "training.sqlite3")
    engine = make_engine(db)
    with make_sessions(engine).begin() as s:
        mark_training(s)
    engine.dispose()
    path = secret_path(GATEWAY_SECRET)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("the-live-one", encoding="utf-8")
    monkeypatch.setenv(ENV, SHARED)
    code, _, err = run(capsys, "platform", "settings", "--gateway-secret-from-env", "--db", db)
    assert code == 1
    assert "培训数据库不能设置平台网关的共用密钥" in err
    assert path.read_text(encoding="utf-8") == "the-live-one"
    assert _changes(db) == []
