"""Change a property a style sheet selects on, and let the sheet apply again.

Qt applies a style sheet's ``[role="problems"]`` rules when a widget is
polished; a property changed later shows only after the widget is polished
again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def set_style_property(widget: QWidget, name: str, value: str) -> None:
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class MessageLine(QLabel):
    """A form's line of what its last step did, or why not: plain text, wrapped, and styled by its ``role``
    (``done``, ``problems``), which the form's style sheet colours."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def say(self, text: str, role: str) -> None:
        self.setText(text)
        set_style_property(self, "role", role)
