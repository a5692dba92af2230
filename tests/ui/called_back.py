"""Window tests of a widget that is called back: its operation held on the worker while the test looks at the window.

A widget submits its operation (:meth:`counter.ui.door.runner.Runner.submit`) and returns; the answer comes on the
window's thread later.  Where no event loop turns (a test's own call) the runner hands the answer over before the submit
returns, so these tests run the widget's steps inside an event loop of the application's (:func:`in_the_event_loop`),
as ``app.exec`` runs the window, and hold the operation (:class:`Holding`) until they have seen what the window does
meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer

from counter.service.local import Service
from counter.ui.door.runner import Runner

#: how long a held operation waits for the test at most, and how long a test's event loop may turn
HELD_AT_MOST_S = 10


class Holding:
    """The runner's service with the operation named ``name`` held on its worker until :meth:`release`."""

    def __init__(self, runner: Runner, name: str) -> None:
        self._service: Service = runner.service
        self.name = name
        self.asked = threading.Event()  # the held operation is on the worker
        self.released = threading.Event()
        self.answered = 0  # how many times the held operation ran
        runner.service = self  # the same calls, one of them held

    def call(self, op: Any, request: Any, desk: Any = None, **kw: Any) -> Any:
        if op.name == self.name:
            self.asked.set()
            self.released.wait(HELD_AT_MOST_S)
            self.answered += 1
        return self._service.call(op, request, desk, **kw)

    def release(self) -> None:
        self.released.set()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._service, name)


def in_the_event_loop(steps: Callable[[QEventLoop], None]) -> None:
    """``steps`` run in an event loop of the application's; they quit it (a guard quits it after a while)."""
    application = QEventLoop()
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(application.quit)
    QTimer.singleShot(0, lambda: steps(application))
    guard.start(HELD_AT_MOST_S * 2 * 1000)
    application.exec()


def when(ready: Callable[[], bool], then: Callable[[], None]) -> None:
    """``then`` once ``ready`` holds, looked at every few milliseconds from the event loop."""
    if ready():
        then()
    else:
        QTimer.singleShot(5, lambda: when(ready, then))
