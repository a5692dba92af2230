"""What a screen reader is told of each control: its accessible name, as Qt gives it to the platform."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.ui.fit.check import describe

#: what a clerk presses, types into or moves through
INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QTextEdit, QPlainTextEdit)


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology reads: set by hand, a button's text, or the label a form puts beside a field."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _qt_own(widget: QWidget) -> bool:
    """A part Qt makes inside another control (a spin box's line, a combo box's list), named through its owner.

    A line edit's own buttons (its clear button) are not: a screen reader reaches them as buttons of their own."""
    if isinstance(widget, QHeaderView):  # a table's column heads: read as part of the table
        return True
    owner = widget.parentWidget()
    while owner is not None and not owner.isWindow():
        if isinstance(owner, QAbstractSpinBox | QComboBox | QTabBar):
            return True
        owner = owner.parentWidget()
    return False


def interactive(widget: QWidget) -> bool:
    """A control, or anything else the Tab key stops at (a material row of the intake)."""
    return isinstance(widget, INTERACTIVE) or bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _controls(window: QWidget) -> list[QWidget]:
    """The window's controls shown now, as a screen reader lists them (Qt's parts of a control left out)."""
    return [
        widget
        for widget in window.findChildren(QWidget)
        if widget.window() is window and widget.isVisible() and interactive(widget) and not _qt_own(widget)
    ]


def ambiguous(window: QWidget) -> list[str]:
    """Every name two controls of the window shown now share: a screen reader's user could not tell which is which
    (已收取 said of every material row alike)."""
    seen: dict[str, list[QWidget]] = {}
    for widget in _controls(window):
        name = accessible_name(widget)
        if name:
            seen.setdefault(name, []).append(widget)
    return [f"{name}: {', '.join(describe(w) for w in same)}" for name, same in seen.items() if len(same) > 1]


def unnamed(window: QWidget) -> list[str]:
    """Every control of the window shown now that a screen reader could not name."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible() or not interactive(widget):
            continue
        if not _qt_own(widget) and not accessible_name(widget):
            found.append(describe(widget))
    return found
