"""The pad's words set as their script is written: Chinese on a line, Mongolian in vertical columns left to right.

Apart from the pages and from the window's run of a rating because the choice is made by the text alone, whatever
the page: a label whose text is Mongolian script hides and its :class:`counter.ui.pad.vertical_text.VerticalText`
shows instead, a reason button holds its Mongolian words in columns on it, and every column's length follows the
pad's scale.  The pages only say where a label's columns stand; the window only hands over the words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLayout, QPushButton, QWidget

from counter.ui.pad.style import LEAST_TARGET
from counter.ui.pad.vertical_text import VerticalText

#: how long a column of vertical Mongolian may be, by role, at 800×480: larger text takes more columns, as larger
#: horizontal text takes more lines (the rating's question and hint beside the cards at the head, as tall as they are)
COLUMN_LENGTHS = {"notice": 180, "question": 170, "hint": 170, "thanks": 150, "thanks-detail": 150, "reason-words": 140}


def mongolian(text: str) -> bool:
    """Whether ``text`` holds Mongolian script (U+1800–U+18AF), which is set vertically."""
    return any("\u1800" <= char <= "\u18af" for char in text)


def two_lines(label: str) -> str:
    """A reason's words on two lines, broken at the space nearest its middle: a button does not wrap its text, and a
    Mongolian reason of three or four words on one line made the three columns of buttons wider than the pad (a
    label without spaces, as a Chinese one is, stays on one line; the narrow space U+202F before a suffix is never a
    break)."""
    spaces = [i for i, char in enumerate(label) if char == " "]
    if not spaces:
        return label
    middle = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return f"{label[:middle]}\n{label[middle + 1 :]}"


def label_reason(button: QPushButton, text: str) -> None:
    """A reason button's words: Mongolian in vertical columns on the button (the button as large as they need), any
    other on the button's own line, on two lines where it has a space (:func:`two_lines`)."""
    column = button.findChild(VerticalText)
    button.setAccessibleName(text)
    if not mongolian(text):
        button.setText(two_lines(text))
        if column is not None:
            column.hide()
        return
    button.setText("")
    if column is None:
        column = VerticalText("reason-words", parent=button)
        column.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # a tap on the words taps the button
        column.setProperty("checked", "false")
        box = QHBoxLayout(button)  # the button never less than its columns need, whatever its style's min-height
        box.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        box.addStrut(LEAST_TARGET)  # nor, for a short reason, less high than a touch target (适老化)
        box.addWidget(column, 0, Qt.AlignmentFlag.AlignCenter)
    column.setText(text)
    column.show()


class Columns:
    """The labels that stand in vertical columns when their text is Mongolian, each with its columns."""

    def __init__(self) -> None:
        self.of: dict[QLabel, VerticalText] = {}  # a label, and the vertical text shown for it in Mongolian

    def add(self, label: QLabel, layout: QBoxLayout, at: int | None = None, length: int = 0) -> None:
        """A vertical text for ``label``, in ``layout`` at ``at`` (beside the label by default): shown instead of the
        label when its text is Mongolian; its columns ``length`` long at 800×480 (by its role's when 0)."""
        column = VerticalText(str(label.property("role")))
        column.setProperty("length", length or COLUMN_LENGTHS.get(str(label.property("role")), 120))
        column.setHidden(True)
        stretch = layout.stretch(layout.indexOf(label)) if at is None else 0
        at = layout.indexOf(label) + 1 if at is None else at
        layout.insertWidget(at, column, stretch, Qt.AlignmentFlag.AlignCenter)
        self.of[label] = column

    def set_text(self, label: QLabel, text: str) -> None:
        """``label``'s text: on the label, or in vertical columns when it is Mongolian script."""
        label.setText(text)
        column = self.of.get(label)
        if column is None:
            return
        column.setText(text)
        vertical = mongolian(text)
        label.setHidden(vertical or not text)
        column.setHidden(not vertical)


def scale_columns(page: QWidget, scale: float) -> None:
    """Every column on ``page``, a reason button's among them, as long as its role's at 800×480 times ``scale``."""
    for column in page.findChildren(VerticalText):
        base = column.property("length") or COLUMN_LENGTHS.get(str(column.property("role")), 120)
        column.set_length(round(int(base) * scale))
