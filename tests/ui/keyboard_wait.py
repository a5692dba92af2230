"""Waiting for the keyboard to reach a widget, and saying where it was when it did not.

A wait for the focus that ran out said only "waitUntil timed out in 5000 milliseconds".  F7's finder's test
(tests/ui/cases/test_case_finder.py) failed that way in loaded whole runs, each failure put down to a guessed cause;
its real one (the finder freed with a desk window the test did not hold) showed only once the wait said where the
keyboard was.  A wait through :func:`wait_for_keyboard` that runs out names the widget that has the keyboard, the
active window, the window Qt gave the focus to, any popup or modal dialog, and the windows in sight.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import TimeoutError as WaitRanOut
from pytestqt.qtbot import QtBot
from shiboken6 import isValid


def wait_for_keyboard(qtbot: QtBot, widget: QWidget, timeout: int = 5000) -> None:
    """Until ``widget`` has the keyboard; after ``timeout`` ms, an assertion naming where the keyboard is instead."""
    try:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=timeout)
    except WaitRanOut as ran_out:
        said = f"the keyboard not in {named(widget)} after {timeout} ms: {where_the_keyboard_is()}"
        raise AssertionError(said) from ran_out


def where_the_keyboard_is() -> str:
    """The widget with the keyboard and the windows that decide it, in one line for a failure's message."""
    focus_window = QGuiApplication.focusWindow()
    in_sight = [named(w) for w in QApplication.topLevelWidgets() if w.isVisible()]
    return (
        f"keyboard in {named(QApplication.focusWidget())}; active window {named(QApplication.activeWindow())}; "
        f"focus window {focus_window.title() if focus_window is not None else 'none'}; "
        f"popup {named(QApplication.activePopupWidget())}; modal {named(QApplication.activeModalWidget())}; "
        f"in sight {in_sight}"
    )


def named(widget: QWidget | None) -> str:
    """A widget by its class and name, in its window by class and title: enough to tell which it is."""
    if widget is None:
        return "none"
    if not isValid(widget):
        return f"{type(widget).__name__} already deleted"
    window = widget.window()
    titled = f"{type(window).__name__}({window.windowTitle()})"
    own = f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()})"
    return titled if window is widget else f"{own} in {titled}"
