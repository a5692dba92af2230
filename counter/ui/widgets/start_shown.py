"""A line edit that shows the start of what it holds whenever the clerk is not typing in it.

A line edit keeps its cursor where the last text ended, so a line filled by the desk showed its tail: the intake's
address read from the card (特市和平街道民主路18号, with 兴安盟乌兰浩 out of sight), the office page's hours
(期一至星期五 08:30…) at 150 % text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit


class StartShownLine(QLineEdit):
    """Text set while another field has the keyboard, and the line left by Tab, a click or a key, go back to the
    start; a line left for another window (the pad, a message) keeps its cursor, so the clerk's next keys land where
    they left off."""

    def setText(self, text: str | None) -> None:  # noqa: N802 (Qt's name)
        """Text filled in by the desk (the card, a known applicant, a draft), not typed: shown from its start."""
        super().setText(text)
        if not self.hasFocus():
            self.setCursorPosition(0)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        if event.reason() in LEFT_WITHIN_WINDOW:
            self.setCursorPosition(0)


#: the ways the keyboard leaves a line for another field of the same window
LEFT_WITHIN_WINDOW = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.MouseFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.OtherFocusReason,
)
