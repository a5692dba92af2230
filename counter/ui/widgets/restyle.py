"""Change a property a style sheet selects on, and let the sheet apply again; the box of a notice.

Qt applies a style sheet's ``[role="problems"]`` rules when a widget is
polished; a property changed later shows only after the widget is polished
again.

Polishing again is not all: a label (any ``QFrame``) takes the padding and
border of its rule into its size only when told its style changed.  Polished
alone, a label first shown plain and then given a boxed rule (the case page's
green notice) kept the plain label's height: its box drew over its own text,
the padding cut from the top and bottom of the line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget


def apply_style_again(widget: QWidget) -> None:
    """The style sheet's rules applied to ``widget`` anew, its box (padding, border) counted in its size."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))  # as Qt's own setStyle tells it


def box(background: str, text: str, border: str) -> str:
    """The declarations of a notice drawn in a box (the case page's, the preview's), in its three colours."""
    return (
        f"background: {background}; color: {text}; border: 1px solid {border}; border-radius: 4px; padding: 6px 10px;"
    )


def set_style_property(widget: QWidget, name: str, value: str) -> None:
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    apply_style_again(widget)


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
