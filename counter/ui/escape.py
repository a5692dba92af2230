"""Esc closes the desk's secondary windows, as it closes a dialog: the clerk's way back to the desk.

The main window keeps Esc for the search box, and the intake and the case page give it their own meaning (a form
to close first, a filled intake to keep); the windows that only show or set something close on it.  It is a window
shortcut, so a popup (a drop-down list, a date picker) still takes the key first and closes itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def close_on_escape(window: QWidget) -> QShortcut:
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(window.close)
    return shortcut
