"""Both outward channels from the command line, a row of a kind this version does not know among their rows:
``send --once`` sets it aside and sends the others, ``list`` lists it, in words and as JSON.

On a real SQLite database, the cases taken as the window takes them, the receiver an HTTPS server on this machine.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from counter.words.messages import KIND_UNKNOWN
from tests.codings import CHOSEN, confirm_guides_at
from tests.conftest import made_database
from tests.hostile_receiver import Receiver, running_receiver
from tests.test_cli import run
from tests.test_cli_items import accepted_case

UNKNOWN = "from_a_newer_version"
#: per channel: its commands, its table, its settings' arguments, and what ``send --once`` prints for 1 sent, 1 failed
CHANNELS = {
    "messages": ("outbox_message", "COUNTER_SMS_SECRET", "已发送 1 条，待重试 0 条，发送失败 1 条。"),
    "platform": ("platform_event", "COUNTER_PLATFORM_SECRET", "已上报 1 条，待重试 0 条，上报失败 1 条。"),
}


def _configure(capsys: pytest.CaptureFixture[str], channel: str, receiver: Receiver, db: str) -> None:
    if channel == "messages":
        args = ["site", "sms", "--endpoint", receiver.url, "--account", "hall", "--secret-from-env"]
    else:
        args = ["platform", "settings", "--on", "--endpoint", receiver.url, "--account", "hall", "--secret-from-env",
                "--ca-file", receiver.ca_file]  # fmt: skip
        args += [arg for name, preset in CHOSEN.items() for arg in ("--coding", f"{name}={preset}")]
    assert run(capsys, *args, "--db", db)[0] == 0


@pytest.mark.slow
@pytest.mark.parametrize("channel", sorted(CHANNELS))
def test_a_row_of_an_unknown_kind_is_set_aside_listed_and_the_next_one_sent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, channel: str
) -> None:
    table, secret_env, sent_line = CHANNELS[channel]
    db = made_database(tmp_path / "cli.sqlite3")
    confirm_guides_at(db, "XAM-YJS-008")
    with running_receiver() as receiver:
        monkeypatch.setenv(secret_env, "s3cret")
        _configure(capsys, channel, receiver, db)
        accepted_case(db)
        second = accepted_case(db)
        engine = create_engine(db)
        with engine.begin() as connection:
            connection.execute(text(f"UPDATE {table} SET kind = :kind WHERE id = (SELECT min(id) FROM {table})"),
                               {"kind": UNKNOWN})  # fmt: skip
        engine.dispose()
        code, out, _ = run(capsys, channel, "send", "--once", "--db", db)
        assert (code, out.strip()) == (0, sent_line)
        assert len(receiver.answered) == 1  # the row it could not read never left
    code, out, _ = run(capsys, channel, "list", "--json", "--db", db)
    assert code == 0
    unknown, sent = sorted(json.loads(out), key=lambda row: row["id"])
    assert (unknown["kind"], unknown["state"]) == (UNKNOWN, "failed")
    assert unknown["last_error"].startswith("set aside: ValueError")
    assert unknown["last_error_text"] == "这一条无法读取，已搁置"
    assert (sent["case_no"], sent["state"]) == (second, "sent")
    code, out, _ = run(capsys, channel, "list", "--failed", "--db", db)
    assert code == 0
    assert KIND_UNKNOWN in out
    assert out.rstrip().endswith("这一条无法读取，已搁置")  # the reason named, the exception's class in the log
    assert "ValueError" not in out
