"""Python's cyclic garbage collector, run on the window's thread only.

The collector runs on whichever thread happens to allocate when a threshold is crossed: the catalog sync, a print
or a sync package on their worker threads.  A Qt object caught in a reference cycle (a closed window's widget, a
dialog's slot that refers back to it) is then freed on that worker thread, and Qt crashes (seen: a segmentation
fault on the catalog-sync thread, "Garbage-collecting" at the top of its stack).  So the automatic collector is
switched off while the desk runs, and a timer on the window's thread collects by the collector's own thresholds
instead — what qutebrowser does for the same reason.  Collecting generation 0 takes well under a millisecond.

While the desk starts, the collector waits (:meth:`MainThreadCollector.hold`).  The start loads some thousand
modules' classes, functions and enums, on the window's thread and on the warm-up thread, and none of them is ever
garbage; with the automatic collector off nothing is promoted, so each turn of the collector walked everything loaded
since the one before: 96, 132 and 151 ms on the window's thread in one warm start on a quiet machine, while the clerk
was typing, to free a few hundred objects.  Once the start's work is over (:meth:`MainThreadCollector.keep_the_start`)
what it made is frozen (``gc.freeze``: kept out of every later collection, as the modules themselves stay for the
process's life) and the collector collects as before, over what the desk makes from then on.

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
#: the longest the collector waits for a start that never says its work is over (a start-up question left open)
HOLD_LIMIT_MS = 120_000
_running: list[MainThreadCollector] = []  # started and not stopped


class MainThreadCollector(QObject):
    """Switches automatic collection off until :meth:`stop`; collects on this object's (the GUI) thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        _running.append(self)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self.held = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)
        self._hold_limit = QTimer(self)
        self._hold_limit.setSingleShot(True)
        self._hold_limit.timeout.connect(self.keep_the_start)

    def hold(self, limit_ms: int = HOLD_LIMIT_MS) -> None:
        """No collection until :meth:`keep_the_start` (or ``limit_ms`` have passed): the start is loading modules."""
        self.held = True
        self._hold_limit.start(limit_ms)

    def keep_the_start(self) -> None:
        """The start's work is over: what it made is kept out of every later collection, which then resumes.

        What is garbage among it (a few hundred objects in cycles, left by the imports) is kept too, for the life of
        the process; a collection over it would hold the window's thread for about a tenth of a second.
        """
        self._hold_limit.stop()
        if not self.held:
            return
        self.held = False
        gc.freeze()

    def collect(self) -> None:
        """Collect the generations whose counts passed their thresholds, youngest first, as gc would."""
        if self.held:
            return
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
        self._hold_limit.stop()
        self.held = False  # what a start kept stays kept: its modules live on, and the last collection skips them
        if self in _running:
            _running.remove(self)
        self.setParent(None)
        gc.collect()
        if self._was_enabled:
            gc.enable()


def keep_collection_on_gui_thread(app: QCoreApplication) -> MainThreadCollector:
    """The collector running for ``app``, started here (and kept for the application's life) if none runs yet.

    Looked up among the collectors started, not by ``app.findChild``: that hands Python every child of the
    application, its style among them, each wrapped for Python before the window's first paint."""
    running = next((c for c in _running if isValid(c) and c.parent() is app), None)
    return running if running is not None else MainThreadCollector(app)
