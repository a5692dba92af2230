"""A hall desk's connections to the server: a few, kept and shared, however many operations the window asks.

The window asks every operation through its runner, from the runner's workers; each call made its own thread, and the
transport kept a connection for each thread until an error or the end: 300 operations held 300 connections (and as
many descriptors) open, and a clerk's morning of previews and drafts reached the session's limit of open files.  Here
a real ``counter serve`` process on a hall's SQLite file answers a desk signed in as a clerk; the descriptors are this
process's own, counted in ``/proc/self/fd``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from counter.service.admin import ACCOUNTS_EXIST
from counter.service.remote import CONNECT_TIMEOUT_S, POOL_SIZE, Remote
from counter.service.requests import Nothing
from counter.ui.door.hall_desk import HallService
from counter.ui.door.runner import Runner
from tests.server.hall_server import HALL_PASSWORD, HallServer
from tests.ui.door.test_runner_thread import in_the_loop

pytestmark = pytest.mark.program

PASSWORD = HALL_PASSWORD
OPERATIONS = 300


@pytest.fixture
def desk(clerks_hall: HallServer) -> Iterator[Remote]:
    yield clerks_hall.desk("8", "wulan", PASSWORD)
    clerks_hall.close_remotes()


def sockets() -> int:
    """This process's open sockets."""
    found = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # closed between the listing and the look
            found += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
    return found


def test_operations_through_the_windows_runner_keep_at_most_the_pools_connections(qtbot: QtBot, desk: Remote) -> None:
    runner = Runner(HallService(desk))
    before = sockets()

    owner = QObject()
    answers: list[bool] = []

    def ask_them() -> None:
        for _ in range(OPERATIONS):
            runner.submit(ACCOUNTS_EXIST, Nothing(), owner=owner, answered=answers.append)

    in_the_loop(qtbot, ask_them)
    qtbot.waitUntil(lambda: len(answers) == OPERATIONS, timeout=60_000)
    assert answers == [True] * OPERATIONS
    assert sockets() - before <= POOL_SIZE
    desk.close()
    assert sockets() <= before  # the sign-in's own connection among them


def test_threads_asking_at_once_share_the_pool_and_a_closed_connection_is_replaced(desk: Remote) -> None:
    before = sockets()
    answers: list[bool] = []

    def ask() -> None:
        answers.extend(desk.call(ACCOUNTS_EXIST, Nothing()) for _ in range(10))

    threads = [threading.Thread(target=ask) for _ in range(3 * POOL_SIZE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [True] * 30 * POOL_SIZE
    assert sockets() - before <= POOL_SIZE

    for connection in desk._idle:  # as the server's keep-alive timeout closes them, or a network drops them
        assert connection.sock is not None
        connection.sock.close()
    assert desk.call(ACCOUNTS_EXIST, Nothing()) is True
    assert sockets() - before <= POOL_SIZE


def test_a_desk_naming_a_server_that_answers_nothing_first_moves_to_the_other_and_stays(
    clerks_hall: HallServer,
) -> None:
    """Two servers named, the first a machine that takes connections and answers nothing (hung, or going down): the
    desk gives it up at the connect deadline, not a request's whole timeout, and asks the one that answered first
    from then on, so the clerk waits once, not at every call."""
    with socket.create_server(("127.0.0.1", 0), backlog=64) as hung:
        stopped = f"https://127.0.0.1:{hung.getsockname()[1]}"
        signed = clerks_hall.desk("8", "wulan", PASSWORD)
        remote = Remote(f"{stopped} {clerks_hall.root}", clerks_hall.ca_file, retry_waits_s=(5.0,))  # a wait would show
        clerks_hall.made.append(remote)
        remote._token, remote._desk_key = signed._token, signed._desk_key  # the session, as the window holds it
        began = time.monotonic()
        assert remote.call(ACCOUNTS_EXIST, Nothing())
        moved_s = time.monotonic() - began
        began = time.monotonic()
        assert [remote.call(ACCOUNTS_EXIST, Nothing()) for _ in range(5)] == [True] * 5
        after_s = time.monotonic() - began
    assert CONNECT_TIMEOUT_S - 0.5 < moved_s < CONNECT_TIMEOUT_S + 2.0
    assert after_s < 2.0  # five calls, none of them trying the first server again
