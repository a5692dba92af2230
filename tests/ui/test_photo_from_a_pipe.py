"""The clerk's photo chosen at the desk page is read as every file chosen at the desk is: a pipe is refused at once.

Qt's own loader opened the chosen name and waited there for a writer, holding the window's thread; now the file is
read through :func:`counter.util.bounded_read.read_bounded`.  A watchdog lets a waiting open go after ten seconds
(a writer comes and leaves), so a regression fails the test instead of hanging the run.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.ui.door.runner import Runner
from counter.ui.pad.supervisor_window import SupervisorWindow

QUICK_S = 10.0


def test_a_pipe_chosen_as_the_photo_is_refused_at_once(qtbot: QtBot, runner: Runner, tmp_path: Path) -> None:
    save_desk_config(DeskConfig(clerk="其木格"))
    supervisor = SupervisorWindow(runner, "其木格")
    qtbot.addWidget(supervisor)
    supervisor.refresh()
    form = supervisor.desk_form
    pipe = tmp_path / "qimuge.png"
    os.mkfifo(pipe)
    answered = threading.Event()

    def let_go() -> None:
        if not answered.wait(QUICK_S):
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))

    watchdog = threading.Thread(target=let_go, daemon=True)
    watchdog.start()
    started = time.monotonic()
    form.choose_photo(pipe)
    answered.set()
    watchdog.join()
    assert time.monotonic() - started < QUICK_S
    assert "不是能显示的图片" in form.message.text()
    assert "管道" in form.message.text()
    assert form.photo_path == ""
