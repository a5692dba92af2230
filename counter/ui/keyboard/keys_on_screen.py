"""A dialog takes the clerk's keys only once it is on screen: until then they wait, and are handed to it in order.

A window is shown at once but mapped and drawn by the window system later; on a loaded machine the gap is long
enough for a clerk typing on to put keys into a dialog nobody can see yet (a 不予受理 confirmation answered blind,
or one that held the keyboard while unmapped).  So from ``open`` until the dialog's window is exposed and active,
every key meant for it is held; then the keys go to its focus widget as typed.
Shortcuts and mnemonics are held too and then arrive as plain keys: Tab, Enter and Esc act on the dialog as they
would have, a mnemonic typed before it showed does nothing.  The dialog is laid out before it is shown, so it maps
at its own size rather than at its bare minimum (520×30) and then grows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid

_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


class KeysOnScreen(QObject):
    """Holds ``dialog``'s keys while it is shown but not yet exposed (an application-wide filter, only then)."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self.held: list[QKeyEvent] = []
        self._watching = False
        dialog.finished.connect(self._stop)

    def open(self) -> None:
        """Lay the dialog out, open it (window-modal, as ``QDialog.open``) and hold its keys until it is seen."""
        dialog = self._dialog
        dialog.adjustSize()
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        dialog.open()
        if self._on_screen():  # a platform that shows at once: nothing to wait for
            self._shown()

    def _on_screen(self) -> bool:
        handle = self._dialog.windowHandle()
        return handle is not None and handle.isExposed() and self._dialog.isActiveWindow()

    def _meant_for_dialog(self, watched: QObject) -> bool:
        if isinstance(watched, QWindow):
            return watched is self._dialog.windowHandle()
        return isinstance(watched, QWidget) and watched.window() is self._dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if (kind == QEvent.Type.Expose and watched is self._dialog.windowHandle()) or (
            kind == QEvent.Type.WindowActivate and watched is self._dialog
        ):
            QTimer.singleShot(0, self._shown)  # once the event itself is through
            return False
        if kind == QEvent.Type.ShortcutOverride and self._meant_for_dialog(watched):
            event.accept()  # no shortcut acts on a dialog not yet seen: the key comes as a key, and is held
            return True
        if kind in _KEYS and isinstance(event, QKeyEvent) and self._meant_for_dialog(watched):
            self.held.append(_copy(event))
            return True
        return False

    def _shown(self) -> None:
        """On screen and active: the filter goes, the keys typed meanwhile reach the dialog in order."""
        if not isValid(self._dialog) or not self._watching or not self._on_screen():
            return
        self._stop()
        dialog = self._dialog
        held, self.held = self.held, []
        for event in held:
            if not dialog.isVisible():  # a held Esc or Enter answered it: what follows was typed after
                break
            QApplication.sendEvent(dialog.focusWidget() or dialog, event)

    def _stop(self) -> None:
        app = QApplication.instance()
        if self._watching and app is not None:
            app.removeEventFilter(self)
        self._watching = False


def _copy(event: QKeyEvent) -> QKeyEvent:
    """The event as typed (Qt reuses the one it delivers)."""
    return QKeyEvent(event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(), event.count())


def open_on_screen(dialog: QDialog) -> KeysOnScreen:
    """Open ``dialog`` window-modal, taking keys only once it is on screen (see the module)."""
    waiting = dialog.findChild(KeysOnScreen) or KeysOnScreen(dialog)  # a dialog opened again keeps its one
    waiting.open()
    return waiting
