"""The field a desk's number is typed into: it takes only what a desk number given may be.

A desk number given is 1 to 9999 without a leading zero (:data:`counter.case.numbers.DESK_NO_GIVEN`): "08" would
issue desk 8's case numbers.  The forms that save one refuse anything else, but only at the save, after the clerk
typed it; the field refuses the key instead, so a 0 typed first is not taken and "08" gives 8.  The save keeps its
check: a number read from the settings or pasted through the program is not typed.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from counter.case.numbers import DESK_NO_GIVEN

#: the most digits a desk number has
DESK_NO_DIGITS = 4


def desk_no_field(hint: str, parent: QWidget | None = None) -> QLineEdit:
    """A line edit for a desk number, ``hint`` shown while it is empty."""
    field = QLineEdit(parent)
    field.setPlaceholderText(hint)
    field.setMaxLength(DESK_NO_DIGITS)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(DESK_NO_GIVEN.pattern), field))
    return field
