"""The 帮您办 window on a real database (the window tests' ``db``), with the desk's clock set by the test."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from counter.access.desk import Desk
from counter.case.numbers import DeskIdentity
from counter.ui.door.runner import Runner
from counter.ui.projects.window import ProjectsWindow
from tests.ui import runners

DESK = Desk(DeskIdentity("XAM01", "1"), "张晓燕")
START = dt.date(2026, 9, 1)


class Clock:
    """The desk's time, moved by the test: a step's date passes without waiting for it."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.datetime:
        return dt.datetime.combine(self.day, dt.time(10)).astimezone()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The desk's time: the window's and the service's (:data:`tests.ui.runners.desk_day`, ``desk_moment``).

    The service's moment is the window's, ten o'clock on the day: on the day alone it took the machine's time of
    day, and a test run before ten dated a step the service recorded before those the window had dated at ten (a
    new 授权委托书 sorted under the old one, which stayed the mandate)."""
    moved = Clock(START)
    monkeypatch.setattr(runners, "desk_day", lambda: moved.day)
    monkeypatch.setattr(runners, "desk_moment", moved)
    return moved


@pytest.fixture
def projects_window(qtbot: QtBot, runner: Runner, clock: Clock) -> ProjectsWindow:
    window = ProjectsWindow(runner, DESK, clock)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    window.refresh()
    return window
