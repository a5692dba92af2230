"""One desk window per data folder and database: real processes, a real lock file and a real local socket."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QProcess
from pytestqt.qtbot import QtBot

from counter.host.machine.paths import data_dir, default_db_url, training_db_url
from counter.ui import words
from counter.ui.start.single_desk import Claim, SingleDesk, desk_key
from tests.conftest import REPO, made_database

START_MS = 90_000  # a first start migrates a new database and imports the catalog
STARTED = "desk app started"

# The first desk, started as the clerk starts it (no arguments), telling the test when it answers later starts and
# when its window has been brought to the front; it ends then, so the test need not kill it.
FIRST_DESK = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from counter.ui.mainwindow import main_window
from counter.ui.start import single_desk

listen = single_desk.SingleDesk.listen
def listening(self):
    listen(self)
    print("listening", flush=True)
def activated(self):
    print("raised", flush=True)
    QTimer.singleShot(0, QApplication.quit)
single_desk.SingleDesk.listen = listening
main_window.MainWindow.activateWindow = activated

from counter.__main__ import main
raise SystemExit(main([]))
"""


def python(*args: str) -> QProcess:
    """A Python process with the test's environment (its data folder, the offscreen platform), not started yet."""
    process = QProcess()
    process.setWorkingDirectory(str(REPO))
    process.setProgram(sys.executable)
    process.setArguments(list(args))
    return process


@pytest.fixture
def processes() -> Iterator[list[QProcess]]:
    """The test's processes, killed if a failing test leaves one running."""
    started: list[QProcess] = []
    yield started
    for process in started:
        if process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(10_000)


def run_to_end(qtbot: QtBot, process: QProcess) -> tuple[int, str]:
    """Start ``process``, wait until it ends (the test's event loop runs meanwhile); its status and output."""
    with qtbot.waitSignal(process.finished, timeout=START_MS):
        process.start()
    return process.exitCode(), bytes(process.readAllStandardOutput().data()).decode()


def wait_for_output(qtbot: QtBot, process: QProcess, line: str) -> None:
    seen = bytearray()

    def has_line() -> None:
        seen.extend(process.readAllStandardOutput().data())
        assert line.encode() in seen, bytes(process.readAllStandardError().data()).decode()

    qtbot.waitUntil(has_line, timeout=START_MS)


def starts_logged() -> int:
    return (data_dir() / "logs" / "counter.log").read_text(encoding="utf-8").count(STARTED)


@pytest.fixture
def live_desk(qtbot: QtBot) -> Iterator[SingleDesk]:
    """The default database's desk, held by the test itself (its window is the test's event loop)."""
    desk = SingleDesk(data_dir(), default_db_url())
    assert desk.claim(seconds=0) is Claim.OWNER
    desk.listen()
    yield desk
    desk.release()


def test_a_second_start_brings_the_first_window_forward_and_opens_nothing(
    qtbot: QtBot, resources: Path, processes: list[QProcess]
) -> None:
    first = python("-c", FIRST_DESK)
    processes.append(first)
    first.start()
    wait_for_output(qtbot, first, "listening")

    second = python("-m", "counter", "--exit-when-ready")
    processes.append(second)
    code, out = run_to_end(qtbot, second)
    assert code == 0
    assert words.DESK_ALREADY_RUNNING in out

    with qtbot.waitSignal(first.finished, timeout=START_MS):
        pass  # the first ends once it has been brought to the front
    assert "raised" in bytes(first.readAllStandardOutput().data()).decode()
    assert first.exitCode() == 0
    assert starts_logged() == 1  # the second never got as far as the database


def test_a_lock_and_socket_left_by_a_killed_desk_do_not_block(
    qtbot: QtBot, resources: Path, processes: list[QProcess]
) -> None:
    first = python("-c", FIRST_DESK)
    processes.append(first)
    first.start()
    wait_for_output(qtbot, first, "listening")
    with qtbot.waitSignal(first.finished, timeout=START_MS):
        first.kill()  # SIGKILL: nothing is cleaned up
    desk = SingleDesk(data_dir(), default_db_url())
    assert desk.lock_path.exists()
    assert (Path(QDir.tempPath()) / desk.server_name).exists()

    try:
        assert desk.claim(seconds=0) is Claim.OWNER  # the lock names a process that is gone
        desk.listen()
        second = python("-m", "counter", "--exit-when-ready")
        processes.append(second)
        with qtbot.waitSignal(desk.raise_requested, timeout=START_MS):
            code, out = run_to_end(qtbot, second)  # reaches this desk on the socket the killed one left behind
    finally:
        desk.release()
    assert (code, out.strip()) == (0, words.DESK_ALREADY_RUNNING)


def test_a_desk_keeps_its_lock_however_long_it_has_been_open(
    qtbot: QtBot, resources: Path, live_desk: SingleDesk, processes: list[QProcess]
) -> None:
    an_hour_ago = time.time() - 3600  # older than Qt's default age for a stale lock, as a desk's lock is by noon
    os.utime(live_desk.lock_path, (an_hour_ago, an_hour_ago))
    second = python("-m", "counter", "--exit-when-ready")
    processes.append(second)
    with qtbot.waitSignal(live_desk.raise_requested, timeout=START_MS):
        code, out = run_to_end(qtbot, second)
    assert (code, out.strip()) == (0, words.DESK_ALREADY_RUNNING)


def test_a_training_desk_on_its_own_database_starts_beside_the_live_one(
    qtbot: QtBot, resources: Path, live_desk: SingleDesk, tmp_path: Path, processes: list[QProcess]
) -> None:
    training = made_database(tmp_path / "training.sqlite3")  # named by --db: made on purpose, never by the start
    second = python("-m", "counter", "--today", "2026-12-30", "--db", training, "--exit-when-ready")
    processes.append(second)
    with qtbot.assertNotEmitted(live_desk.raise_requested):
        code, out = run_to_end(qtbot, second)
    assert code == 0, bytes(second.readAllStandardError().data()).decode()
    assert words.DESK_ALREADY_RUNNING not in out
    assert starts_logged() == 1


def test_a_training_desk_starts_beside_the_live_one_on_the_training_database(
    qtbot: QtBot, resources: Path, live_desk: SingleDesk, processes: list[QProcess]
) -> None:
    second = python("-m", "counter", "--today", "2026-12-30", "--exit-when-ready")
    processes.append(second)
    with qtbot.assertNotEmitted(live_desk.raise_requested):
        code, out = run_to_end(qtbot, second)
    assert code == 0, bytes(second.readAllStandardError().data()).decode()
    assert words.DESK_ALREADY_RUNNING not in out
    assert Path(training_db_url().removeprefix("sqlite:///")).exists()
    assert not Path(default_db_url().removeprefix("sqlite:///")).exists()  # the live desk's file, never opened


def test_the_desk_is_free_again_when_the_window_has_closed(qtbot: QtBot, resources: Path) -> None:
    twice = python("-c", "from counter.ui.start.app import run; print(run(None, True, []), run(None, True, []))")
    code, out = run_to_end(qtbot, twice)  # as tests and tools start the window in one process
    assert (code, out.split()) == (0, ["0", "0"])
    assert starts_logged() == 2


def test_a_desk_that_holds_its_lock_but_does_not_answer_is_still_not_opened_twice(qtbot: QtBot) -> None:
    silent = SingleDesk(data_dir(), default_db_url())
    assert silent.claim(seconds=0) is Claim.OWNER  # and never listens: hung, or still starting
    try:
        assert SingleDesk(data_dir(), default_db_url()).claim(seconds=0.3) is Claim.UNANSWERED
    finally:
        silent.release()
    again = SingleDesk(data_dir(), default_db_url())
    assert again.claim(seconds=0) is Claim.OWNER
    again.release()


def test_one_database_file_is_one_desk_however_it_is_written(tmp_path: Path) -> None:
    folder = data_dir()
    absolute = desk_key(folder, f"sqlite:///{tmp_path / 'a' / '..' / 'desk.sqlite3'}")
    assert absolute == desk_key(folder, f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    assert absolute != desk_key(folder, f"sqlite:///{tmp_path / 'other.sqlite3'}")
    assert absolute != desk_key(tmp_path, f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    assert len(f"counter-{absolute}") <= 24
