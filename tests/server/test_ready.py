"""``counter serve`` under systemd: it says it is ready once it listens (``Type=notify``), and its lines go to the
journal (stderr) rather than a file the manual never names."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from counter.server.ready import notify
from tests.conftest import made_database
from tests.server.hall_server import hall_server

pytestmark = pytest.mark.program


def test_systemd_hears_ready_once_the_server_listens_and_the_journal_gets_its_lines(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    address = str(tmp_path / "notify")
    env.update(
        COUNTER_HOME=str(tmp_path / "home"),
        COUNTER_STATE=str(tmp_path / "state"),
        NOTIFY_SOCKET=address,
        JOURNAL_STREAM="8:12345",
    )
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind(address)
        systemd.settimeout(60)
        with hall_server(tmp_path, made_database(tmp_path / "hall.sqlite3"), ("8",), env) as server:
            ready = systemd.recv(4096).decode()
            assert ready.startswith("READY=1\n")
            with socket.create_connection(("127.0.0.1", server.port), timeout=5):
                pass  # told ready: it listens
        assert systemd.recv(4096) == b"STOPPING=1"
    said = server.log.read_text()
    assert "INFO counter.server.main: hall server on 127.0.0.1" in said
    assert "pool of 43 connections for 40 worker threads" in said
    assert list(tmp_path.rglob("counter.log")) == []  # no file beside the journal


def test_outside_systemd_nothing_is_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert notify("READY=1") is False


def test_systemds_abstract_socket_is_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """systemd may name an abstract socket, with a leading ``@``."""
    name = f"counter-notify-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind("\0" + name)
        systemd.settimeout(10)
        monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
        assert notify("READY=1") is True
        assert systemd.recv(4096) == b"READY=1"


def test_a_notify_socket_that_is_gone_is_logged_and_the_server_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "gone.sock"))
    assert notify("READY=1\nSTATUS=listening on port 8443") is False
    assert "systemd was not told READY=1:" in caplog.text
