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
    """A part Qt makes inside another control (a spin box's line, a combo box's list), named through its owner."""
    if isinstance(widget, QHeaderView):  # a table's column heads: read as part of the table
        return True
    owner = widget.parentWidget()
    while owner is not None and not owner.isWindow():
        if isinstance(owner, QAbstractSpinBox | QComboBox | QTabBar) or (
            isinstance(owner, QLineEdit) and isinstance(widget, QAbstractButton)
        ):
            return True
        owner = owner.parentWidget()
    return False


def interactive(widget: QWidget) -> bool:
    """A control, or anything else the Tab key stops at (a material row of the intake)."""
    return isinstance(widget, INTERACTIVE) or bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def unnamed(window: QWidget) -> list[str]:
    """Every control of the window shown now that a screen reader could not name."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible() or not interactive(widget):
            continue
        if not _qt_own(widget) and not accessible_name(widget):
            found.append(describe(widget))
    return found
