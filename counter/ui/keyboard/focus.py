"""Where the keyboard goes when a window opens: to the widget the clerk types into next.

A window shown without this keeps the focus where it was (often the main window's search box), so the number
typed next lands in the wrong window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid


def first_control(container: QWidget) -> QWidget | None:
    """The first widget inside ``container`` that Tab would reach, in the window's tab order."""
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        if (
            container.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(container)
            and widget.isEnabled()
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


def bring_forward(window: QWidget, focus: QWidget | None) -> None:
    """Show ``window`` in front, active, with the keyboard in ``focus`` (or its first control)."""
    window.show()
    window.raise_()
    window.activateWindow()
    target = focus if focus is not None else first_control(window)
    if target is not None:
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def back_to(opener: QWidget) -> None:
    """A window the clerk opened from ``opener`` (a preview from an intake, a case from a list) has closed: the
    opener is in front again with the keyboard where it was.  The closed window belonged to the main window, so a
    window manager would otherwise hand the keyboard to the desk behind, and with none it would be nowhere."""
    if isValid(opener) and opener.isVisible():
        opener.raise_()
        opener.activateWindow()
