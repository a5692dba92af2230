"""Esc closes the desk's secondary windows, as it closes a dialog: the clerk's way back to the desk.

The main window keeps Esc for the search box, and the intake and the case page give it their own meaning (a form
to close first, a filled intake to keep); the windows that only show or set something close on it.  It is a window
shortcut, so a popup (a drop-down list, a date picker) still takes the key first and closes itself.  Closed, the
window hands the keyboard back to the window it belongs to (the desk), as a window manager would for a transient
window and as none does where the desk runs without one, and the keys typed straight after Esc, which the window
system still addressed to the closed window, go there too (:mod:`counter.ui.keyboard.late_keys`).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from counter.ui.keyboard.focus import back_to
from counter.ui.keyboard.late_keys import pass_late_keys


def close_on_escape(window: QWidget) -> QShortcut:
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(window.close)
    shortcut.activated.connect(partial(_back_to_owner, window))
    return shortcut


def _back_to_owner(window: QWidget) -> None:
    owner = window.parentWidget()
    if owner is not None and not window.isVisible():  # a window that refused to close keeps the keyboard
        back_to(owner.window())
        pass_late_keys(window, owner)  # the keys typed straight after Esc, addressed to the window closed
