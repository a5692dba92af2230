"""Keys that reach a window after it closed go on to the window it handed the keyboard back to.

The window system addresses a key to the window that has the keyboard when the key is pressed, not when the program
reads it: a clerk who closes a window with Esc and types on at once (the first-start set-up page closed, the search
typed straight after) sends the first keys to the window just closed, which takes them into its hidden fields.
Until that window is shown again, a key it receives is passed to where the keyboard now is, the owner's focus
widget, exactly as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


class LateKeys(QObject):
    """Installed on a closed window's native window (``QWindow``), where the window system's keys arrive first."""

    def __init__(self, closed: QWidget, owner: QWidget) -> None:
        super().__init__(closed)
        self._closed = closed
        self._owner = owner
        closed.installEventFilter(self)  # its Show: from then on the keys are its own again

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched is self._closed:
            if kind == QEvent.Type.Show:
                self.stop()
            return False
        if kind not in _KEYS or not isinstance(event, QKeyEvent) or self._closed.isVisible():
            return False
        if not isValid(self._owner) or not self._owner.isVisible():
            return False
        target = self._owner.focusWidget() or self._owner
        copy = QKeyEvent(kind, event.key(), event.modifiers(), event.text(), event.isAutoRepeat(), event.count())
        QApplication.sendEvent(target, copy)
        return True

    def stop(self) -> None:
        handle = self._closed.windowHandle()
        if handle is not None:
            handle.removeEventFilter(self)
        self._closed.removeEventFilter(self)
        self.deleteLater()


def pass_late_keys(closed: QWidget, owner: QWidget) -> None:
    """Keys still addressed to ``closed`` go to ``owner`` (its window) until ``closed`` is shown again."""
    handle = closed.windowHandle()
    if handle is None or closed.isVisible():
        return
    for old in closed.findChildren(LateKeys):  # closed again before it was shown: one is enough
        old.stop()
    handle.installEventFilter(LateKeys(closed, owner.window()))
