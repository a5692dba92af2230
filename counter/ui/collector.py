"""Python's cyclic garbage collector, run on the window's thread only.

The collector runs on whichever thread happens to allocate when a threshold is crossed: the catalog sync, a print
or a sync package on their worker threads.  A Qt object caught in a reference cycle (a closed window's widget, a
dialog's slot that refers back to it) is then freed on that worker thread, and Qt crashes (seen: a segmentation
fault on the catalog-sync thread, "Garbage-collecting" at the top of its stack).  So the automatic collector is
switched off while the desk runs, and a timer on the window's thread collects by the collector's own thresholds
instead — what qutebrowser does for the same reason.  Collecting generation 0 takes well under a millisecond.

The desk's ``main`` starts one for the whole run; every desk window also makes sure one runs
(:func:`keep_collection_on_gui_thread`), so a process that opens the window without the desk's ``main`` — the
screenshot tool, a benchmark driving the real window — is kept safe as well (the screenshot tool, which had none,
aborted with ``free(): invalid pointer`` when the catalog-sync thread collected a closed window's cycle).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from shiboken6 import isValid

INTERVAL_MS = 1_000
_running: list[MainThreadCollector] = []  # started and not stopped


class MainThreadCollector(QObject):
    """Switches automatic collection off until :meth:`stop`; collects on this object's (the GUI) thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        _running.append(self)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> None:
        """Collect the generations whose counts passed their thresholds, youngest first, as gc would."""
        young, middle, old = gc.get_count()
        first, second, third = self._thresholds
        if young > first:
            gc.collect(0)
            if middle > second:
                gc.collect(1)
                if old > third:
                    gc.collect(2)

    def stop(self) -> None:
        """Back to automatic collection (the desk's run is over), after one last collection here.

        The stopped collector leaves the application's children, so that a window opened later in the same process
        (tests and tools open many) does not take it for one still running."""
        self.timer.stop()
        if self in _running:
            _running.remove(self)
        self.setParent(None)
        gc.collect()
        if self._was_enabled:
            gc.enable()


def keep_collection_on_gui_thread(app: QCoreApplication) -> MainThreadCollector:
    """The collector running for ``app``, started here (and kept for the application's life) if none runs yet.

    Looked up among the collectors started, not by ``app.findChild``: that hands Python every child of the
    application, its style among them, which PySide6 builds with its enums before the window's first paint."""
    running = next((c for c in _running if isValid(c) and c.parent() is app), None)
    return running if running is not None else MainThreadCollector(app)
