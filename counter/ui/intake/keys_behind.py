"""The clerk's keys typed right after F5, held while the intake's guide is read, then handed to the intake in order.

F5 asks for the intake's guide and returns (called back: :meth:`counter.ui.door.runner.Runner.submit`); a clerk types
the applicant's number straight after it, and without a hold those keys would reach the search box the intake has not
yet replaced.  For the first moment of the read (:data:`counter.ui.door.runner.BUSY_AFTER_MS`, the moment before the
window says it is busy) every key is held, in order; once the intake opens they go to its focus widget (the number) as
typed.  A read longer than the moment lets them go where the keyboard is then, and the keys after come as they are
typed: the window says it is busy, and Esc, Tab and the rest work as the clerk expects.  Shortcuts pressed meanwhile
arrive as plain keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from counter.ui.door.runner import BUSY_AFTER_MS

_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


class KeysBehind(QObject):
    """Holds the application's keys from now until :meth:`release`, or the moment is over."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.held: list[QKeyEvent] = []
        self._app = QApplication.instance()
        if self._app is not None:
            self._app.installEventFilter(self)
        QTimer.singleShot(BUSY_AFTER_MS, self, self.release)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(watched, QWidget):  # the native window's copy: its widget's comes next, and is held
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut acts behind the step: the key comes as a key, and is held
            return True
        if kind in _KEYS and isinstance(event, QKeyEvent):
            self.held.append(QKeyEvent(kind, event.key(), event.modifiers(), event.text(), event.isAutoRepeat(),
                                       event.count()))  # fmt: skip
            return True
        return False

    def release(self, target: QWidget | None = None) -> None:
        """The keys held, in order, to ``target`` (else where the keyboard is now); the hold over."""
        if self._app is None:
            return
        self._app.removeEventFilter(self)
        self._app = None
        held, self.held = self.held, []
        for event in held:
            to = target if target is not None and isValid(target) and target.isVisible() else None
            to = to or QApplication.focusWidget()
            if to is None:
                break
            QApplication.sendEvent(to, event)
        self.deleteLater()
