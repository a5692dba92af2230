"""A moment a script reads from ``--json`` carries its zone: SQLite gives a stored time back without one, and a script
that reads ``2026-11-28T01:00:00`` takes it for its own clock's, eight hours off in the region's halls."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from counter.db.engine import make_engine, make_sessions
from counter.db.outbox_store import GATEWAY_KEY
from counter.db.platform_store import PLATFORM_KEY
from counter.db.settings_store import put_setting
from counter.outbox.secret_shown import stored_json
from counter.platform.settings import PlatformSettings
from counter.sms.gateway import GatewaySettings
from tests.codings import CHOSEN
from tests.conftest import made_database
from tests.test_cli import run
from tests.test_cli_items import accepted_case


def _aware(text: str) -> dt.datetime:
    at = dt.datetime.fromisoformat(text)
    assert at.tzinfo is not None, text
    return at


def test_the_platforms_events_and_the_messages_list_their_moments_with_their_zone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = made_database(tmp_path / "cli.sqlite3")
    engine = make_engine(db)
    with make_sessions(engine).begin() as s:
        put_setting(s, PLATFORM_KEY, stored_json(PlatformSettings(True, "https://127.0.0.1:9/report", "hall",
                                                                  codings=CHOSEN)))  # fmt: skip
        put_setting(s, GATEWAY_KEY, stored_json(GatewaySettings("https://127.0.0.1:9/sms/send", "hall", "s")))
    engine.dispose()
    before = dt.datetime.now(dt.UTC)
    accepted_case(db)
    after = dt.datetime.now(dt.UTC)
    for group in ("platform", "messages"):
        code, out, err = run(capsys, group, "list", "--json", "--db", db)
        assert code == 0, err
        (row,) = json.loads(out)
        assert before - dt.timedelta(seconds=1) <= _aware(row["created_at"]) <= after, group
        assert _aware(row["next_at"]) >= _aware(row["created_at"])
        assert row["sent_at"] is None


def test_a_cases_history_gives_each_step_its_zone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A case's page is handed over whole (its history's times among its fields), so no field is left to be said."""
    db = made_database(tmp_path / "cli.sqlite3")
    number = accepted_case(db)
    code, out, err = run(capsys, "case", "show", number, "--json", "--db", db)
    assert code == 0, err
    history = json.loads(out)["history"]
    assert history
    for step in history:
        assert dt.timedelta(0) <= dt.datetime.now(dt.UTC) - _aware(step["at"]) < dt.timedelta(minutes=5)
