"""What "fits" means for a window: its frame inside the screen's free area, and nothing a clerk reads or presses cut.

A widget is cut when some part of it lies outside a widget it sits in — except inside a scroll area, where what
lies beyond the visible part can be scrolled to, as long as the scroll bar for that direction is there.  A button,
a check box or a line of text is also cut when it is smaller than the least it needs to show its text.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from counter.ui.look.geometry import screen_of

#: what a clerk reads, types into or presses
READ_OR_PRESSED = (QAbstractButton, QLabel, QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit, QTabBar)


def describe(widget: QWidget) -> str:
    """A widget as a person finds it on screen: its kind, its name or its text."""
    text = ""
    if isinstance(widget, QAbstractButton | QLabel):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText() or widget.text()
    name = widget.objectName() or widget.accessibleName()
    shown = " ".join(part for part in (name, text[:40].replace("\n", " ")) if part)
    return f"{type(widget).__name__}({shown})"


def frame_problems(window: QWidget) -> list[str]:
    """The frame outside the screen's free area, or a window that could not be made small enough to fit it."""
    available = screen_of(window).availableGeometry()
    frame = window.frameGeometry()
    problems = []
    if not available.contains(frame):
        problems.append(f"{describe(window)}: frame {frame.getRect()} outside the screen's free area "
                        f"{available.getRect()}")  # fmt: skip
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    inner = window.geometry()
    room = available.size() - (frame.size() - inner.size())  # what is left inside the frame
    if least.width() > room.width() or least.height() > room.height():
        problems.append(f"{describe(window)}: needs at least {least.toTuple()}, the screen has {room.toTuple()}")
    return problems


def _scrolls(area: QAbstractScrollArea, horizontal: bool) -> bool:
    bar = area.horizontalScrollBar() if horizontal else area.verticalScrollBar()
    return bar.isVisible() and bar.maximum() > bar.minimum()


def cut_by(widget: QWidget, window: QWidget) -> str | None:
    """The widget that cuts ``widget`` off (a parent, or itself when too small), if any."""
    if isinstance(widget, QAbstractButton | QLabel) and not _big_enough(widget):
        return "itself"
    rect = QRect(QPoint(0, 0), widget.size())
    child: QWidget = widget
    while child is not window:
        parent = child.parentWidget()
        if parent is None:
            break
        rect = rect.translated(child.pos())
        room = parent.rect()
        area = parent.parentWidget()
        in_viewport = isinstance(area, QAbstractScrollArea) and area.viewport() is parent
        if not room.contains(rect):
            outside_x = rect.left() < room.left() or rect.right() > room.right()
            outside_y = rect.top() < room.top() or rect.bottom() > room.bottom()
            if not in_viewport:
                return describe(parent)
            assert isinstance(area, QAbstractScrollArea)
            if (outside_x and not _scrolls(area, horizontal=True)) or (outside_y and not _scrolls(area, False)):
                return describe(area) + " (no scroll bar)"
        if in_viewport:  # what can be scrolled to is there; from here on the scroll area itself must fit
            assert isinstance(area, QAbstractScrollArea)
            rect, child = QRect(QPoint(0, 0), area.size()), area
            continue
        child = parent
    return None


def _drawn_by_qt(widget: QWidget) -> bool:
    """Whether Qt draws the widget's text; one that paints itself (the pad's faces) fits its drawing to its box."""
    return not any(
        "paintEvent" in vars(cls) for cls in type(widget).__mro__ if not cls.__module__.startswith("PySide6")
    )


def _big_enough(widget: QAbstractButton | QLabel) -> bool:
    if not _drawn_by_qt(widget):
        return True
    if isinstance(widget, QLabel) and widget.wordWrap():
        needed = widget.heightForWidth(widget.width())
        return needed <= widget.height() if needed > 0 else True
    hint = widget.minimumSizeHint()
    return hint.width() <= widget.width() and hint.height() <= widget.height()


def _qt_own(widget: QWidget) -> bool:
    """A part Qt draws inside another control (a line edit's clear button, a tab bar's arrows), sized by it."""
    return isinstance(widget.parentWidget(), QLineEdit | QAbstractSpinBox | QComboBox | QTabBar)


def cut_problems(window: QWidget) -> list[str]:
    problems = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible() or not isinstance(widget, READ_OR_PRESSED):
            continue
        if _qt_own(widget):
            continue
        if widget.width() == 0 or widget.height() == 0:
            continue
        culprit = cut_by(widget, window)
        if culprit is not None:
            problems.append(f"{describe(widget)} {widget.geometry().getRect()} cut by {culprit}")
    return problems


def fit_problems(window: QWidget) -> list[str]:
    """Everything that does not fit, one line each; empty when the window fits."""
    return frame_problems(window) + cut_problems(window)
