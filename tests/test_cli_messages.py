"""Messages from the command line: the gateway set up, the messages sent to a real local gateway, the failed list.

On a real SQLite database, the case taken as the window takes it, the gateway played by an HTTP server.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from counter.db.engine import make_engine, make_sessions
from counter.sms.kinds import MessageKind
from counter.words.messages import MESSAGE_KIND, MESSAGES_REMINDED
from tests.conftest import made_database
from tests.deferrals_due import intake_day_reminded_on, outbox, take_deferral
from tests.sms_gateway import SECRET, running_gateway
from tests.test_cli import run
from tests.test_cli_items import accepted_case


@pytest.mark.slow
def test_the_gateway_is_set_up_the_messages_sent_and_a_failed_one_retried(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    assert run(capsys, "catalog", "list", "--db", db)[0] == 0
    code, out, _ = run(capsys, "site", "sms", "--db", db)
    assert (code, out.strip()) == (0, "未设置短信网关：不发短信，受理凭证上不承诺短信告知。")
    code, _, err = run(capsys, "site", "sms", "--endpoint", "sms.example", "--account", "hall", "--db", db)
    assert code == 1
    assert "短信网关地址须以 https:// 开头" in err
    assert "缺少短信网关密钥" in err
    code, _, err = run(capsys, "site", "sms", "--template", "birthday=T1", "--db", db)
    assert code == 2
    with running_gateway() as gateway:
        monkeypatch.setenv("COUNTER_SMS_SECRET", SECRET)
        code, out, _ = run(
            capsys, "site", "sms", "--endpoint", gateway.url, "--account", "hall", "--secret-from-env",
            "--template", "accepted=SMS_1", "--attempts", "1", "--json", "--db", db,
        )  # fmt: skip
        assert code == 0
        shown = json.loads(out)
        assert (shown["configured"], shown["secret"], shown["templates"]) == (True, "******", {"accepted": "SMS_1"})
        assert SECRET not in out
        number = accepted_case(db)
        second = accepted_case(db)
        gateway.script = [200, 400]
        code, out, _ = run(capsys, "messages", "send", "--once", "--db", db)
        assert (code, out.strip()) == (0, "已发送 1 条，待重试 0 条，发送失败 1 条。")
        assert gateway.bad_signatures == 0
    code, out, _ = run(capsys, "messages", "list", "--failed", "--json", "--db", db)
    (failed,) = json.loads(out)
    assert (failed["case_no"], failed["kind"], failed["state"]) == (second, "accepted", "failed")
    assert failed["phone"] == "156****1234"
    code, out, _ = run(capsys, "messages", "list", "--db", db)
    assert number in out
    assert "已发送" in out
    assert "发送失败" in out
    code, out, _ = run(capsys, "messages", "retry", str(failed["id"]), "--db", db)
    assert (code, out.strip()) == (0, f"短信 {failed['id']} 已重新排队发送。")
    code, _, err = run(capsys, "messages", "retry", str(failed["id"]), "--db", db)
    assert code == 1
    assert "没有编号为" in err
    code, out, _ = run(capsys, "site", "sms", "--db", db)  # the settings in words, each template by its kind's name
    assert code == 0
    assert out.splitlines()[-1] == f"模板 accepted（{MESSAGE_KIND[MessageKind.ACCEPTED]}）：SMS_1"
    assert SECRET not in out
    code, out, _ = run(capsys, "site", "sms", "--off", "--db", db)
    assert "未设置短信网关" in out


def test_remind_queues_the_reminder_of_a_deferral_due_soon_once_and_refuses_a_pretend_day(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``counter messages remind``: the 容缺 material due within two working days of the real day gets its reminder
    queued where the hall has a gateway, once however often the command runs; ``--today`` is refused and nothing
    queued (a pretend day would text real applicants)."""
    db = made_database(tmp_path / "cli.sqlite3")
    engine = make_engine(db)
    sessions = make_sessions(engine)
    try:
        today = dt.date.today()
        case_no = take_deferral(sessions, intake_day_reminded_on(today, tmp_path / "trial.sqlite3"))
        queued_at_intake = outbox(sessions)
        later = (today + dt.timedelta(days=1)).isoformat()
        code, out, err = run(capsys, "--today", later, "messages", "remind", "--db", db)
        assert (code, out) == (1, "")
        assert "短信和上报只在真实的日期发送，不能带 --today" in err
        assert outbox(sessions) == queued_at_intake
        # no gateway: the hall promises no SMS, and reminds nobody
        assert run(capsys, "messages", "remind", "--db", db) == (0, MESSAGES_REMINDED.format(count=0) + "\n", "")
        monkeypatch.setenv("COUNTER_SMS_SECRET", SECRET)
        setting = ("site", "sms", "--endpoint", "https://sms.example", "--account", "hall", "--secret-from-env")
        assert run(capsys, *setting, "--db", db)[0] == 0
        assert run(capsys, "messages", "remind", "--db", db) == (0, MESSAGES_REMINDED.format(count=1) + "\n", "")
        assert outbox(sessions) == [*queued_at_intake, (case_no, "deferral_due", "waiting")]
        assert run(capsys, "messages", "remind", "--db", db) == (0, MESSAGES_REMINDED.format(count=0) + "\n", "")
        assert len(outbox(sessions)) == len(queued_at_intake) + 1
    finally:
        engine.dispose()
