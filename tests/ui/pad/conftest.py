"""The pad's tests: the demo's cases in a real database, a clock and timers the test moves by hand."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.ui.look.fonts import install_fonts
from counter.ui.pad.controller import PadController
from counter.ui.pad.timers import PadTimer
from tests.conftest import REPO
from tests.ratings.conftest import DESK, Clock, clock, db_path, demo_cases, demo_template, sessions
from tests.ui import runners
from tests.ui.runners import runner_on

__all__ = ["clock", "db_path", "demo_cases", "demo_template", "sessions"]


class ManualTimer(PadTimer):
    """A timer that never runs by itself: the test fires it, so no test waits for a minute to pass."""

    made: list[ManualTimer] = []  # noqa: RUF012 (the timers of the running test, in order of making)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.active = False
        self.interval = 0
        ManualTimer.made.append(self)

    def start(self, msec: int) -> None:
        self.active, self.interval = True, msec

    def stop(self) -> None:
        self.active = False

    def fire(self) -> None:
        assert self.active, "a stopped timer cannot fire"
        self.active = False
        self.fired.emit()


@pytest.fixture(autouse=True)
def desk_moment(monkeypatch: pytest.MonkeyPatch, clock: Clock) -> None:
    """The service in process dates the pad's requests and ratings by the test's clock, as the pad does."""
    monkeypatch.setattr(runners, "desk_moment", clock)


@pytest.fixture(scope="session")
def pad_font(qapp: QApplication) -> str | None:
    return install_fonts(qapp, REPO / "counter" / "resources" / "fonts")


@pytest.fixture
def controller(
    qtbot: QtBot, sessions: sessionmaker[Session], clock: Clock, pad_font: str | None
) -> Iterator[PadController]:
    ManualTimer.made.clear()
    pad = PadController(runner_on(sessions), DESK, clock=clock, timer_factory=ManualTimer)
    qtbot.addWidget(pad.pad)
    pad.start()
    yield pad
    ManualTimer.made.clear()
