"""The barcode scanner: a case number typed by a machine, wherever the clerk is.

A USB scanner is a keyboard: it types the case number printed on a receipt and
presses Enter, a few milliseconds per key.  :class:`ScannerFilter` watches every
key press of the application and tells a burst from a person by speed alone:
printable characters each within :data:`GAP_MS` of the one before, ended by
Enter within the same gap, forming a case number.  Nobody types twenty-two
characters that fast; a clerk typing a number by hand is never taken for a scan.

The characters are not held back: they reach the focused widget as they come,
so typing is never delayed or lost while the filter waits to see what the
burst becomes.  Only the Enter that ends a scan is swallowed (it would submit
whatever form had the focus).  Because the burst has by then been typed into
the focused widget, the filter remembers, at the first character of every
burst, which widget received it and — when it is a :class:`QLineEdit` — its
text and cursor as they were; after a scan it puts that line edit back as it
was.  Other widgets (a table, a button) ignore the characters anyway; text
areas other than line edits are left as they are.

One key press can pass the application's filter several times: Qt offers a
key a widget ignores to its parent, and the parent's turn passes the filter
again.  A press offered to an ancestor of the widget that saw the same key
just before is that same press travelling up, and is not counted twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from shiboken6 import isValid

from counter.case.numbers import looks_like_case_no

GAP_MS = 40
ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr})

Clock = Callable[[], int]  # monotonic milliseconds


def monotonic_ms() -> int:
    return time.monotonic_ns() // 1_000_000


@dataclass(slots=True)
class _Burst:
    """The characters seen so far, and the line edit they went into as it was before them."""

    chars: list[str]
    last_ms: int
    target: QWidget
    before: tuple[str, int] | None  # a QLineEdit's text and cursor position, else None


class ScannerFilter(QObject):
    """Install on the QApplication (:func:`install_scanner`); connect :attr:`case_scanned`."""

    case_scanned = Signal(str)  # the case number, upper case

    def __init__(self, clock: Clock = monotonic_ms, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._burst: _Burst | None = None
        self._last_receiver: QWidget | None = None
        self._last_key: tuple[int, str] | None = None
        self._swallow_release = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
            return False  # the QWindow's turn: the same press reaches the focused widget next
        if kind == QEvent.Type.KeyRelease:
            if self._swallow_release and event.key() in ENTER_KEYS:
                self._swallow_release = False
                return True
            return False
        if self._passing_up(watched, event):
            return False
        return self._on_key_press(watched, event)

    def _passing_up(self, watched: QWidget, event: QKeyEvent) -> bool:
        """Whether this is the last press again, offered to a parent of the widget that ignored it."""
        key = (event.key(), event.text())
        last = self._last_receiver
        repeat = (
            last is not None
            and isValid(last)
            and key == self._last_key
            and watched is not last
            and watched.isAncestorOf(last)
        )
        self._last_receiver, self._last_key = watched, key
        if repeat:
            self._last_receiver = last
        return repeat

    def _on_key_press(self, watched: QWidget, event: QKeyEvent) -> bool:
        now = self._clock()
        burst = self._burst
        fresh = burst is not None and now - burst.last_ms <= GAP_MS
        key = event.key()
        if key in MODIFIER_KEYS:
            return False  # Shift for capitals: part of the burst, not a character
        if key in ENTER_KEYS:
            self._burst = None
            if burst is not None and fresh and looks_like_case_no("".join(burst.chars)):
                self._finish_scan(burst)
                return True
            return False
        text = event.text()
        if len(text) != 1 or not text.isprintable():
            self._burst = None
            return False
        if burst is not None and fresh:
            burst.chars.append(text)
            burst.last_ms = now
        else:
            self._burst = _Burst([text], now, watched, _line_edit_state(watched))
        return False

    def _finish_scan(self, burst: _Burst) -> None:
        self._swallow_release = True
        edit = burst.target
        if burst.before is not None and isValid(edit) and isinstance(edit, QLineEdit):
            text, cursor = burst.before
            if edit.text() != text:
                edit.setText(text)
            edit.setCursorPosition(cursor)
        self.case_scanned.emit("".join(burst.chars).strip().upper())


def _line_edit_state(widget: QWidget) -> tuple[str, int] | None:
    if isinstance(widget, QLineEdit):
        return widget.text(), widget.cursorPosition()
    return None


def install_scanner(app: QApplication) -> ScannerFilter:
    """Watch every key of the application; the filter lives as long as the application."""
    scanner = ScannerFilter(parent=app)
    app.installEventFilter(scanner)
    return scanner
