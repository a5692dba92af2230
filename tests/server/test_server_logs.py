"""The check every test of the server ends with (tests.server.server_logs): a password of the test's accounts or of
the database URL in a server's output or its counter.log fails the test that ran beside it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.server.server_logs import WATCHED, module_passwords, watch

PASSWORD = "Xam01desk2026"
URL = "postgresql+psycopg://counter_server:Pg0role2026@db.hall.local/hall?sslmode=verify-full"


def _logged(path: Path, line: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"2026-11-27 09:00:01 INFO counter.server {line}\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("log", "line"),
    [
        ("home/logs/counter.log", f"sign-in refused for wulan ({PASSWORD})"),
        ("server.log", f"backup of {URL} written"),
        ("state/counter.log.1", "password Pg0role2026 given"),
    ],
)
def test_a_password_in_any_log_of_the_server_fails_the_test(tmp_path: Path, log: str, line: str) -> None:
    env = {"COUNTER_HOME": str(tmp_path / "home"), "COUNTER_STATE": str(tmp_path / "state")}
    watched = watch(tmp_path, URL, env)
    try:
        _logged(tmp_path / "server.log", "listening on 127.0.0.1")
        watched.check(module_passwords(sys.modules[__name__]))  # a clean log passes
        _logged(tmp_path / log, line)
        with pytest.raises(AssertionError, match="holds 1 password"):
            watched.check(module_passwords(sys.modules[__name__]))
    finally:
        WATCHED.remove(watched)
