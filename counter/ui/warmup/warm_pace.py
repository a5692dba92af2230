"""The warm-up gives way to the window's thread between the modules it imports.

Both threads share the interpreter's lock, which Python hands from one to the other every millisecond while the
warm-up runs (:mod:`counter.ui.start.app`): a key the window handles while the warm-up imports is handled at half speed,
and under a loaded machine a few tens of milliseconds of the window's work became hundreds.  So the window's thread
beats (a timer of its own, :data:`BEAT_MS`), and the warm-up, before each module it imports (an import hook that
acts on the warm-up's thread only), looks at the last beat: a beat that is late means the window's thread is busy
(a key, a paint) or waiting for the lock, and the warm-up sleeps, the lock released, until the window beats again —
at most :data:`LONGEST_WAIT_S` each time, and not again until the window has beaten once more, so that a window
held up by something else (a long call of Qt's, its loop ended) does not hold the warm-up back.

The hook is a finder, and Python (3.11, 3.12) asks each finder under its global import lock
(``importlib._bootstrap._find_spec``): the warm-up asleep there held that lock, and the window's thread, wanting it
for an import of its own or at the end of any module's import (its module lock let go), waited for the whole of the
warm-up's wait, which, the window's beat late because it waited, ran to its bound every time.  A timeline of the
start showed it: the window's thread held 300 ms right after ready on its import of Qt's network module.  So the
warm-up lets go of the import lock while it gives way, and takes it again before the finders after it are asked.
"""

from __future__ import annotations

import _imp
import sys
import threading
import time
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

from PySide6.QtCore import QObject, QTimer

#: how often the window's thread beats while the warm-up runs
BEAT_MS = 5
#: a beat older than this: the window's thread is busy
LATE_S = 0.012
#: the longest the warm-up waits for a beat before one import
LONGEST_WAIT_S = 0.1
#: how long it sleeps between two looks at the beat
NAP_S = 0.001
_nap = time.sleep  # the lock released meanwhile


class WarmPace(QObject):
    """The window's beat, and the warm-up's hook that waits for it (installed by :meth:`install` on the warm-up's
    thread, removed by :meth:`remove` once the warm-up is over)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.beat = time.monotonic()
        self.waited = 0.0  # seconds the warm-up gave way, for the log
        self.gave_way = 0  # how many times
        self._thread: int | None = None
        self.beating = False
        self._given_up_on = -1.0  # a beat waited for in vain: until the next, the window's loop is not turning
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.on_beat)

    def on_beat(self) -> None:
        self.beat = time.monotonic()

    @property
    def warm_up_thread(self) -> int | None:
        """The ident of the thread that gives way, once installed."""
        return self._thread

    def install(self) -> None:
        """On the warm-up's thread: from now on its imports give way to a busy window."""
        self._thread = threading.get_ident()
        self.beat = time.monotonic()
        sys.meta_path.insert(0, _GiveWay(self))

    def remove(self) -> None:
        """The warm-up is over (any thread)."""
        sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, _GiveWay)]
        self._thread = None

    def start_beating(self) -> None:
        """On the window's thread."""
        self.on_beat()
        self._timer.start(BEAT_MS)
        self.beating = True

    def stop_beating(self) -> None:
        self.beating = False
        self._timer.stop()

    def give_way(self) -> None:
        """On the warm-up's thread, before an import: sleep while the window's last beat is late, up to a bound."""
        if threading.get_ident() != self._thread or not self.beating or self.beat == self._given_up_on:
            return
        started = time.monotonic()
        now = started
        while now - self.beat > LATE_S:
            if now - started >= LONGEST_WAIT_S:
                self._given_up_on = self.beat  # (the program ending, a long call of Qt's): not again until it beats
                break
            _nap(NAP_S)
            now = time.monotonic()
        if now > started:
            self.gave_way += 1
            self.waited += now - started


class _GiveWay:
    """An import hook that finds nothing: it only lets the window go first (:meth:`WarmPace.give_way`)."""

    def __init__(self, pace: WarmPace) -> None:
        self.pace = pace

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if threading.get_ident() != self.pace.warm_up_thread:
            return None
        try:
            _imp.release_lock()  # held by importlib around this call: the window's imports must not wait on the nap
        except RuntimeError:  # asked outside importlib's lock (a finder asked directly): nothing to let go of
            self.pace.give_way()
            return None
        try:
            self.pace.give_way()
        finally:
            _imp.acquire_lock()
        return None
