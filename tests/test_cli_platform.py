"""Reports to the platform from the command line: the connection set up, the events sent to a local platform over
TLS with its own CA, the failed list and a retry.

On a real SQLite database, the case taken as the window takes it, the platform played by an HTTPS server.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter.db.engine import make_engine, make_sessions
from counter.db.platform_store import PLATFORM_KEY
from counter.db.settings_store import put_setting
from counter.outbox.secret_shown import stored_json
from counter.platform.settings import PlatformSettings
from tests.codings import CHOSEN, confirm_guides_at
from tests.conftest import made_database
from tests.platform_stub import SECRET, running_platform
from tests.test_cli import run
from tests.test_cli_items import accepted_case


@pytest.mark.slow
def test_the_platform_is_set_up_the_events_sent_and_a_failed_one_retried(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    confirm_guides_at(db, "XAM-YJS-008")
    code, out, _ = run(capsys, "platform", "settings", "--db", db)
    assert code == 0
    assert out.splitlines()[0] == "本站点不向一体化政务服务平台上报。"
    assert "满意度代码（level）：未选定  可选：gbt39046、hcp" in out.splitlines()
    code, _, err = run(capsys, "platform", "settings", "--on", "--endpoint", "report.example", "--account", "hall",
                       "--db", db)  # fmt: skip
    assert code == 1
    assert "平台接口地址须以 https:// 开头" in err
    assert "缺少平台接入密钥" in err
    assert "以下代码表尚未选定编码" in err
    assert "满意度代码、评价渠道、办件类型代码、办结结果代码（BJJGDM）" in err
    codings = [arg for name, preset in CHOSEN.items() for arg in ("--coding", f"{name}={preset}")]
    with running_platform() as platform:
        monkeypatch.setenv("COUNTER_PLATFORM_SECRET", SECRET)
        code, out, _ = run(
            capsys, "platform", "settings", "--on", "--endpoint", platform.url, "--account", "hall",
            "--secret-from-env", "--ca-file", platform.ca_file, "--attempts", "1", *codings, "--json", "--db", db,
        )  # fmt: skip
        assert code == 0
        shown = json.loads(out)
        assert (shown["enabled"], shown["sends"], shown["secret"], shown["mapping"]) == (True, True, "******", "nmg")
        assert shown["codings"] == CHOSEN
        assert SECRET not in out
        number = accepted_case(db)
        second = accepted_case(db)
        platform.script = [200, 422]
        code, out, _ = run(capsys, "platform", "send", "--once", "--db", db)
        assert (code, out.strip()) == (0, "已上报 1 条，待重试 0 条，上报失败 1 条。")
        assert platform.bad_signatures == 0
        assert [e["projid"] for e in platform.events()] == [number]
        assert platform.events()[0]["code_lists"].startswith("level=hcp;channel=hcp;")
    code, out, _ = run(capsys, "platform", "list", "--failed", "--json", "--db", db)
    (failed,) = json.loads(out)
    assert (failed["case_no"], failed["kind"], failed["state"]) == (second, "received", "failed")  # as told
    assert failed["last_error"].startswith("HTTP 422")
    assert failed["last_error_text"].startswith("对方拒绝（HTTP 422）")
    code, out, _ = run(capsys, "platform", "list", "--db", db)
    assert "已上报" in out
    assert f"{second}  收件  上报失败  尝试 1 次  对方拒绝（HTTP 422）" in out
    code, out, _ = run(capsys, "platform", "retry", str(failed["id"]), "--db", db)
    assert (code, out.strip()) == (0, f"上报事件 {failed['id']} 已重新排队。")
    code, _, err = run(capsys, "platform", "retry", str(failed["id"]), "--db", db)
    assert code == 1
    assert "没有编号为" in err
    code, out, _ = run(capsys, "platform", "settings", "--off", "--db", db)
    assert "本站点不向一体化政务服务平台上报" in out


def test_the_sender_refuses_to_start_naming_the_code_lists_not_chosen(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A site turned on before its codings were chosen (settings an older version stored) is told which lists."""
    db = made_database(tmp_path / "cli.sqlite3")
    engine = make_engine(db)
    with make_sessions(engine).begin() as s:
        put_setting(s, PLATFORM_KEY, stored_json(PlatformSettings(True, "https://platform.example/report", "hall")))
    engine.dispose()
    code, out, err = run(capsys, "platform", "send", "--once", "--db", db)
    assert code == 1
    assert out == ""
    assert "以下代码表尚未选定编码" in err
    assert "满意度代码、评价渠道、办件类型代码、办结结果代码（BJJGDM）" in err


def test_a_site_not_reporting_lists_no_event_sends_none_and_refuses_a_coding_without_its_value(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "platform", "list", "--db", db) == (0, "没有上报事件。\n", "")
    assert run(capsys, "platform", "send", "--once", "--db", db) == (
        0,
        "已上报 0 条，待重试 0 条，上报失败 0 条。\n",
        "",
    )
    code, out, err = run(capsys, "platform", "settings", "--coding", "level", "--db", db)
    assert (code, out) == (2, "")
    assert err.strip().endswith("须写成 名称=值，例如 --coding level=gbt39046：level")
    code, out, _ = run(capsys, "platform", "settings", "--json", "--db", db)
    assert json.loads(out)["codings"] == {}  # nothing stored of the refused change
    bureau, code_no = "兴安盟市场监督管理局", "11152200MB1234567X"  # the reports name a department by its code
    code, out, _ = run(capsys, "platform", "settings", "--org-code", f"{bureau}={code_no}", "--json", "--db", db)
    assert code == 0
    assert json.loads(out)["org_codes"] == {bureau: code_no}
    code, out, _ = run(capsys, "platform", "settings", "--json", "--db", db)
    assert json.loads(out)["org_codes"] == {bureau: code_no}  # kept


def test_settings_say_so_when_the_mapping_file_cannot_be_read_for_the_code_lists(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    """The code-list lines come from the mapping file: one that is gone or spoiled (settings stored before it was)
    left them out without a word, as if the site had none to choose."""
    db = made_database(tmp_path / "cli.sqlite3")
    engine = make_engine(db)
    with make_sessions(engine).begin() as s:
        put_setting(s, PLATFORM_KEY, stored_json(PlatformSettings(mapping="gone")))
    engine.dispose()
    code, out, err = run(capsys, "platform", "settings", "--db", db)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "数据项对照文件“gone”无法读取，各代码表选定的编码未能列出。"
    assert "gone.toml" in caplog.text  # the reason, for support


def test_the_sender_refuses_to_start_when_the_mapping_file_cannot_be_read(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    """A site that reports under a mapping file gone or spoiled sends nothing: the pass said 已上报 0 条，待重试 0 条，
    上报失败 0 条, as if there were nothing to send, while every event waited.  The command now says why, as it says
    which code lists are unchosen."""
    db = made_database(tmp_path / "cli.sqlite3")
    engine = make_engine(db)
    with make_sessions(engine).begin() as s:
        settings = PlatformSettings(True, "https://platform.example/report", "hall", mapping="gone")
        put_setting(s, PLATFORM_KEY, stored_json(settings))
    engine.dispose()
    code, out, err = run(capsys, "platform", "send", "--once", "--db", db)
    assert (code, out) == (1, "")
    assert err.strip() == "数据项对照文件“gone”无法读取，没有上报任何事件。"
    assert "gone.toml" in caplog.text  # the reason, for support
