"""Work that waits until the desk has first drawn a window.

Qt runs everything queued for the event loop's first turn before it paints: a zero timer started before ``exec``
comes before the window appears, not after it.  What the first screen does not need (the rare characters' fonts)
waits for the first paint of any of the desk's windows instead, and is then queued behind it.

One watcher serves every wait of an application.  It watches the whole application only until the desk's own
windows are known (:func:`watch_only`): from then on it watches those windows alone.  A Python filter on the whole
application is handed every event of every object, each wrapped for Python as it passes (Qt's gesture manager, made
by the first scroll area; its animation timer): building the main window and its first turn of the event loop under
such a filter paid that before the first search was answered (and, while PySide6 still made its classes on first
use, some 200 enum classes more, about 20 ms: they are all made as it loads now, :mod:`counter.ui`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

_PAINT = QEvent.Type.Paint


class _FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self._watched: list[QObject] = [app]
        self._waiting: list[Callable[[], None]] = []
        self.done = False
        app.installEventFilter(self)

    def add(self, then: Callable[[], None]) -> None:
        # the last added runs first: the order the separate filters of one each had (Qt asks the newest filter first)
        self._waiting.insert(0, then)

    def _let_go(self) -> None:
        for watched in self._watched:
            if isValid(watched):  # a window closed and deleted before it painted
                watched.removeEventFilter(self)
        self._watched = []

    def watch_only(self, windows: tuple[QWidget, ...]) -> None:
        self._let_go()
        self._watched = list(windows)
        for window in windows:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == _PAINT and not self.done:
            self.done = True
            self._let_go()
            _OneATurn(self.app, self._waiting)  # once this paint is done, one at a time
            self._waiting = []
            self.deleteLater()
        return False


class _OneATurn(QObject):
    """Runs the waits one at a time, each in a turn of the event loop of its own.

    Run back to back in one turn (the rare fonts, the desk's socket, the scanner's filter: some 60 ms) they held up a
    key the clerk typed just after the window showed.  Each is now queued only once the one before has run, and Qt
    leaves what is queued meanwhile to the loop's next turn: a key typed (a timer come due) in between goes first,
    and waits for one of them at most."""

    def __init__(self, app: QApplication, waiting: list[Callable[[], None]]) -> None:
        super().__init__(app)
        self._left = list(waiting)
        self._after()

    def _next(self) -> None:
        then = self._left.pop(0)
        try:
            then()
        finally:  # queued after what ``then`` queued itself, and also when it failed
            self._after()

    def _after(self) -> None:
        if self._left:
            QTimer.singleShot(0, self, self._next)
        else:
            self.deleteLater()


_current: _FirstPaint | None = None  # the watcher still waiting; kept here, as app.findChildren would hand Python
# every child of the application (its style among them, which PySide6 would build with its enums to do so)


def _waiting(app: QApplication) -> _FirstPaint | None:
    running = _current
    return running if running is not None and isValid(running) and not running.done and running.app is app else None


def _watcher(app: QApplication) -> _FirstPaint:
    global _current  # noqa: PLW0603 (one watcher per run of the desk, found again by each wait)
    running = _waiting(app)
    if running is None:
        running = _current = _FirstPaint(app)
    return running


def after_first_paint(app: QApplication, then: Callable[[], None]) -> None:
    """Call ``then`` once a window of ``app`` has been painted, when the event loop next turns."""
    _watcher(app).add(then)


def watch_only(app: QApplication, *windows: QWidget) -> None:
    """From now on, only a paint of one of ``windows`` (the desk's, before they show) ends the waits of ``app``.

    Nothing waits (a window of ``app`` has painted already): nothing is watched."""
    running = _waiting(app)
    if running is not None:
        running.watch_only(windows)
