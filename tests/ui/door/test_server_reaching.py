"""A hall server that does not answer is said within two seconds of the clerk's act, while the transport tries on.

Found with the hall server stopped: the clerk saw only 正在保存……请稍候 for 10–20 s before the clear message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from counter.host.keys.desk_key import keep_desk_key
from counter.service.requests import Nothing
from counter.service.site import PING
from counter.ui.door.hall_desk import HallService
from counter.ui.door.runner import Failed, Runner
from counter.ui.door.server_words import SERVER_REACHING
from counter.ui.start.hall_start import open_hall_window
from tests.service.silent_server import silent_server
from tests.ui.server_away import remote_at

DESK_KEY = "Zk3q8V1rX0bP2mW5nT7yH4cJ6dL9sA1eF3gQ5uR7tY0"  # the machine's key, as add-desk gave it


def asked_until_told(qtbot: QtBot, runner: Runner) -> list[object]:
    """A step asked of the server from the window's loop (as a clerk's key asks it): the words come within 2 s."""
    ended: list[object] = []
    owner = QObject(runner)

    def ask() -> None:
        runner.submit(PING, Nothing(), owner=owner, answered=ended.append, failed=ended.append)

    with qtbot.waitSignal(runner.reaching, timeout=2_000):
        QTimer.singleShot(0, ask)
    return ended


def test_a_port_nothing_listens_on_is_said_at_the_first_failed_try(
    qtbot: QtBot, tmp_path: Path, free_tcp_port: int
) -> None:
    runner = Runner(HallService(remote_at(free_tcp_port, tmp_path)))
    ended = asked_until_told(qtbot, runner)
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)  # the retries run on, then the clear message
    assert isinstance(ended[0], Failed)
    assert ended[0].connection_lost


def test_a_server_that_takes_the_connection_and_says_nothing_is_said_while_it_opens(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with silent_server() as server:
        runner = Runner(HallService(remote_at(server.port, tmp_path)))
        still: list[str] = []
        runner.reaching.connect(lambda: still.append(runner.running))  # told while still trying, not after
        runner.reaching.connect(server.end)  # then the server goes: the tries end in the clear message
        ended = asked_until_told(qtbot, runner)
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert still == [PING.name]
    assert isinstance(ended[0], Failed)


def test_the_desks_status_bar_says_the_server_is_being_reached_then_why_it_failed(
    qtbot: QtBot, tmp_path: Path, free_tcp_port: int
) -> None:
    """A guide asked from the desk's search while its hall server is away: the status bar says at once that the
    server is being reached (the clerk sees the desk is not frozen), then that it cannot be reached."""
    keep_desk_key(DESK_KEY)
    window, _service = open_hall_window(remote_at(free_tcp_port, tmp_path), begin_work=False)
    qtbot.addWidget(window)
    assert window.sign_in is not None
    qtbot.addWidget(window.sign_in.window)
    with qtbot.waitSignal(window.runner.reaching, timeout=2_000):
        QTimer.singleShot(0, lambda: window.on_bundle_chosen("XAM-YJS-008"))
    assert window.statusBar().currentMessage() == SERVER_REACHING
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != SERVER_REACHING, timeout=10_000)
    assert "连不上大厅服务器" in window.statusBar().currentMessage()
    assert window.current_bundle is None
