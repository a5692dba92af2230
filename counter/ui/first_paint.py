"""Work that waits until the desk has first drawn a window.

Qt runs everything queued for the event loop's first turn before it paints: a zero timer started before ``exec``
comes before the window appears, not after it.  What the first screen does not need (the rare characters' fonts)
waits for the first paint of any of the desk's windows instead, and is then queued behind it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, then: Callable[[], None]) -> None:
        super().__init__(app)
        self._app = app
        self._then = then
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # once this paint is done
            self.deleteLater()
        return False


def after_first_paint(app: QApplication, then: Callable[[], None]) -> None:
    """Call ``then`` once a window of ``app`` has been painted, when the event loop next turns."""
    _FirstPaint(app, then)
