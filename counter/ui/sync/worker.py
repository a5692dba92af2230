"""Import and export run off the window's thread, with their progress shown as it goes.

A package of thousands of cases takes seconds; the window keeps painting and
the progress bar moves.  The work opens its own unit of work in the thread and
hands back plain data (or the exception) through a signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

Progress = Callable[[int, int], None]


class SyncWorker(QThread):
    progress = Signal(int, int)
    done = Signal(object)  # the result of the work
    failed = Signal(object)  # the exception, to be named by the page

    def __init__(self, work: Callable[[Progress], object]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.progress.emit)
        except Exception as err:  # handed to the page, which names it; nothing is half-written
            self.failed.emit(err)
            return
        self.done.emit(result)
