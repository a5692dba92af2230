"""Change a property a style sheet selects on, and let the sheet apply again.

Qt applies a style sheet's ``[role="problems"]`` rules when a widget is
polished; a property changed later shows only after the widget is polished
again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_style_property(widget: QWidget, name: str, value: str) -> None:
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
