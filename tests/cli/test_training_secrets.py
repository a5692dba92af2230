"""A training database never writes this machine's channel secrets: the key folder is the live database's.

Each channel's secret (the SMS gateway's, the platform's, the 前置库's password, the 证照库's) is a file of the
machine's key folder, read by the live database's senders.  Set from a training database it overwrote the live one;
the front store's and the library's settings read back as none in training, so a change there with no secret given
removed the live file.  Now a secret given in training is refused, naming it, and nothing else touches the files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.db.engine import make_engine, make_sessions
from counter.db.settings_store import mark_training
from counter.host.outward.front_store import FRONT_STORE_SECRET
from counter.host.outward.licence_library import LIBRARY_SECRET
from counter.host.outward.platform_secret import PLATFORM_SECRET
from counter.host.outward.sms_secret import GATEWAY_SECRET, secret_path
from tests.conftest import made_database
from tests.test_cli import run

LIVE = "the-live-one"


def _training(tmp_path: Path) -> str:
    db = made_database(tmp_path / "training.sqlite3")
    engine = make_engine(db)
    with make_sessions(engine).begin() as s:
        mark_training(s)
    engine.dispose()
    return db


def _live(name: str) -> Path:
    path = secret_path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LIVE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "env", "command", "refused"),
    [
        (GATEWAY_SECRET, "COUNTER_SMS_SECRET",
         ("site", "sms", "--endpoint", "https://sms.example", "--account", "hall", "--secret-from-env"),
         "培训数据库不能设置短信网关密钥"),
        (PLATFORM_SECRET, "COUNTER_PLATFORM_SECRET", ("platform", "settings", "--secret-from-env"),
         "培训数据库不能设置平台接入密钥"),
        (FRONT_STORE_SECRET, "COUNTER_FRONT_STORE_PASSWORD",
         ("front-store", "settings", "--url", "postgresql://counter@front.example:5432/front", "--password-from-env"),
         "培训数据库不能设置前置库口令"),
        (LIBRARY_SECRET, "COUNTER_LICENCE_SECRET",
         ("site", "licences", "--endpoint", "https://licences.example", "--account", "hall", "--secret-from-env"),
         "培训数据库不能设置证照库密钥"),
    ],
)  # fmt: skip
def test_a_training_database_leaves_the_live_secret_as_it_is(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    env: str,
    command: tuple[str, ...],
    refused: str,
) -> None:
    db = _training(tmp_path)
    path = _live(name)
    monkeypatch.setenv(env, "typed-in-training")
    code, _, err = run(capsys, *command, "--db", db)
    assert code == 1
    assert refused in err
    assert path.read_text(encoding="utf-8") == LIVE


def test_a_training_change_with_no_secret_given_removes_no_live_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The front store's settings read back as none in training: saved, they wrote their empty password."""
    db = _training(tmp_path)
    path = _live(FRONT_STORE_SECRET)
    code, _, _ = run(capsys, "front-store", "settings", "--data-source", "C01", "--db", db)
    assert code == 0
    assert path.read_text(encoding="utf-8") == LIVE
