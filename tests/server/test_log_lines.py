"""The server's log: a line repeated by a flood written a few times a minute, to the journal under systemd."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.server import log_lines
from counter.server.log_lines import OncePerBurst, setup_server_logging


def _record(message: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("asyncio", logging.ERROR, __file__, 1, message, args, None)


def test_a_line_repeated_is_written_a_few_times_a_window_then_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    once = OncePerBurst(burst=5, window_s=60)
    accept = "socket.accept() out of system resource\nsocket: <socket fd=6>"
    written = [once.filter(_record(accept)) for _ in range(186_364)]
    assert written.count(True) == 5
    assert once.filter(_record("another line %s", 1))  # another kind is its own
    clock[0] += 61
    record = _record(accept)
    assert once.filter(record)
    assert "186359 more like it left out" in record.getMessage()


@pytest.fixture
def root_handlers() -> Iterator[None]:
    root = logging.getLogger()
    kept, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in kept:
        root.addHandler(handler)
    root.setLevel(level)


@pytest.mark.usefixtures("root_handlers")
def test_under_systemd_the_lines_go_to_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNAL_STREAM", "8:12345")
    assert setup_server_logging() == "the journal"
    (handler,) = logging.getLogger().handlers
    assert isinstance(handler, logging.StreamHandler)
    assert handler.stream is sys.stderr


@pytest.mark.usefixtures("root_handlers")
def test_elsewhere_the_file_rotates_while_the_server_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("JOURNAL_STREAM", raising=False)
    monkeypatch.setattr(log_lines, "MAX_BYTES", 2_000)
    monkeypatch.setattr(log_lines, "log_dir", lambda: tmp_path)
    assert setup_server_logging() == str(tmp_path / "counter.log")
    for n in range(100):
        logging.getLogger("counter.server").info("request %d answered with a line long enough to fill the file", n)
    assert (tmp_path / "counter.log.1").exists()
    assert (tmp_path / "counter.log").stat().st_size <= 2_000


@pytest.mark.usefixtures("root_handlers")
def test_a_log_folder_that_cannot_be_made_sends_the_lines_to_stderr(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Run by hand by an account that cannot make the log folder (a file in its place, a read-only home): the server
    still starts, its lines on the terminal rather than nowhere."""
    monkeypatch.delenv("JOURNAL_STREAM", raising=False)
    home = tmp_path / "home"
    home.write_text("a file where the data folder should be\n", encoding="utf-8")
    monkeypatch.setenv("COUNTER_HOME", str(home))
    assert setup_server_logging() == "stderr"
    logging.getLogger("counter.server.app").warning("the database did not answer /v1/sign-in")
    assert "WARNING counter.server.app: the database did not answer /v1/sign-in" in capsys.readouterr().err


def test_a_flood_of_kinds_is_forgotten_rather_than_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each line of a flood its own kind (a client's address in it): past a thousand kinds in a window the filter
    forgets them, so its memory stays bounded; a kind it had thinned is written again."""
    monkeypatch.setattr(time, "monotonic", lambda: 1000.0)
    once = OncePerBurst(burst=1, window_s=60)
    assert once.filter(_record("handshake failed"))
    assert not once.filter(_record("handshake failed"))
    assert all(once.filter(_record("connection from 10.8.%d.%d lost", n // 256, n % 256)) for n in range(1001))
    assert once.filter(_record("handshake failed"))
