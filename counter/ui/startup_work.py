"""The start's last work on the window's thread (the draft's offer, the review pad), run behind the clerk's own steps.

It runs once the database is warm (``start_settled``), and reads the database itself.  A step of the clerk's that
still waits for the database in a turn of the event loop of its own (:meth:`counter.ui.runner.Runner.call`: F7's
case page, F6's lists, the pad's pages; Enter and F5 are called back and wait in none), or a dialog, handles a signal
arriving meanwhile inside that wait: the draft's offer and the pad's start ran inside the first F5, which then showed
the intake only after them.  Here the work waits until the window's thread is back at its own event loop, with no
step of the clerk's (nor a dialog) waiting under it, and then runs; :attr:`StartWork.done` says it is over
(``--exit-when-ready`` ends then).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal

#: how soon the work looks again while a step of the clerk's is waiting: within a frame
LOOK_AGAIN_MS = 15


def in_a_step() -> bool:
    """Whether the window's thread is inside a wait of its own (an operation answered, a dialog) rather than at the
    application's event loop."""
    return QThread.currentThread().loopLevel() > 1


class StartWork(QObject):
    """What the window does once its start has settled, each in the order added, at the first moment no step of the
    clerk's is waiting."""

    done = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work: list[Callable[[], None]] = []
        self.started = False
        self.finished = False

    def add(self, work: Callable[[], None]) -> None:
        self._work.append(work)

    def start(self) -> None:
        """The start has settled: the work runs now, or once the clerk's step that is waiting has its answer."""
        if self.started:
            return
        if in_a_step():
            QTimer.singleShot(LOOK_AGAIN_MS, self, self.start)
            return
        self.started = True
        try:
            for work in self._work:
                work()
        finally:
            self.finished = True
            self.done.emit()
