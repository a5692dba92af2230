"""The pad's clock and timers, injected so a test moves time instead of waiting for it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

Clock = Callable[[], dt.datetime]


def local_now() -> dt.datetime:
    """The office's time with its zone: ratings are stored in UTC, days counted in local time."""
    return dt.datetime.now().astimezone()


class PadTimer(QObject):
    """A single-shot timer the pad starts again at each touch."""

    fired = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fired)

    def start(self, msec: int) -> None:
        self._timer.start(msec)

    def stop(self) -> None:
        self._timer.stop()


TimerFactory = Callable[[QObject], PadTimer]
