"""Mongolian script set as it is written: in vertical columns, top to bottom, the columns left to right.

Qt has no vertical writing mode: it shapes Mongolian as a horizontal run whose glyphs lie on their side (the vertical
line turned a quarter counter-clockwise).  Turning such a run a quarter clockwise stands it up as a column, which is
how traditional Mongolian is drawn by software; so the text is broken into lines as long as the column may be tall
(:class:`QTextLayout`, at word boundaries), and each line is drawn with the painter turned 90° clockwise, the first
line in the leftmost column, the next to its right, as the region's bilingual signs and screens write it.

A layout gives a widget its height from its width, never the other way: the column's length is therefore set
(:meth:`VerticalText.set_length`, the pad sets it in proportion to its room and text size) and the size hint is the
width the columns take at that length, so a layout gives the widget the room its columns need.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QSizePolicy, QWidget

#: the painter's turn for each column: a horizontal Mongolian run turned this far clockwise is a vertical column
ROTATION = 90.0
#: the column length when none is set, at 800×480 and the 100 % text size
LENGTH = 160
#: brackets that open and close a phrase: one never ends a column, the other never starts one (it would stand there
#: alone, apart from the words it encloses, where a hall's notice has "( … )" with spaces inside)
OPENING = "".join(map(chr, (0x28, 0xFF08, 0x5B, 0x3010, 0x3014, 0x300A, 0x3008, 0x201C, 0x2018)))  # (（[【〔《〈“‘
CLOSING = "".join(map(chr, (0x29, 0xFF09, 0x5D, 0x3011, 0x3015, 0x300B, 0x3009, 0x201D, 0x2019)))  # and their pairs


@dataclass(frozen=True, slots=True)
class Column:
    """One column as laid out: its words, and the box it is drawn in (widget coordinates; ``box.height()`` is the
    length of its glyph run, ``box.width()`` the line's height turned on its side)."""

    text: str
    box: QRectF
    rotation: float = ROTATION


class VerticalText(QWidget):
    """Text in vertical columns, top to bottom, left to right; styled by its ``role`` as a label is."""

    def __init__(self, role: str = "", text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._text = text
        self._length = LENGTH
        self.setAccessibleName(text)  # drawn by a painter, not a label: a screen reader has only this name to say

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (the name QLabel gives it, so either serves)
        if text != self._text:
            self._text = text
            self.setAccessibleName(text)
            self.updateGeometry()
            self.update()

    def set_length(self, length: int) -> None:
        """The longest a column may be, in pixels: the text is broken into columns no taller."""
        length = max(1, length)
        if length != self._length:
            self._length = length
            self.updateGeometry()
            self.update()

    # --- layout --------------------------------------------------------------------------------

    def column_width(self) -> float:
        """The width one column takes: the font's line spacing, the line turned on its side."""
        return QFontMetricsF(self.font()).lineSpacing()

    def _lines(self, length: float) -> list[tuple[str, float]]:
        """The text broken into runs no longer than ``length``, only between words: each run's text and natural
        length.  A word longer than the column stands whole in a column of its own, longer than ``length`` (the size
        hint then asks for its length): a Mongolian word cut in two changes its letters' forms, the cut end's
        letter taking its final form, and reads as two other words.  A line break in the text starts a new column."""
        runs: list[tuple[str, float]] = []
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        for paragraph in self._text.split("\n"):
            layout = QTextLayout(paragraph, self.font())
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(length)
                start, count = line.textStart(), line.textLength()
                runs.append((paragraph[start : start + count].strip(), line.naturalTextWidth()))
            layout.endLayout()
        runs = _kept_with_brackets([run for run in runs if run[0]], self.font())
        return runs or ([("", 0.0)] if not self._text else [])

    def needed(self, length: float) -> QSize:
        """The size the columns take when no column is longer than ``length``."""
        runs = self._lines(max(1.0, length - self.tail()))
        if not runs:
            return QSize(0, 0)
        return QSize(math.ceil(len(runs) * self.column_width()), math.ceil(max(run[1] for run in runs) + self.tail()))

    def tail(self) -> float:
        """Room below a column's last letter: a word's final form (its tail) reaches past the run's advance."""
        return QFontMetricsF(self.font()).height() * 0.3

    def columns(self) -> list[Column]:
        """The columns at the widget's size now, left to right, each as long as its run (at most the height)."""
        runs = self._lines(max(1.0, self.height() - self.tail()))
        width = self.column_width()
        block = QSize(math.ceil(len(runs) * width), math.ceil(max((run[1] for run in runs), default=0)))
        left, top = max(0, self.width() - block.width()) / 2, max(0, self.height() - block.height()) / 2  # centred
        return [
            Column(text, QRectF(left + index * width, top, width, run_length))
            for index, (text, run_length) in enumerate(runs)
        ]

    def fits(self) -> bool:
        """Whether every column is whole inside the widget at its size now."""
        size = self.needed(self.height())
        return size.width() <= self.width() and size.height() <= self.height()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.needed(self._length)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.needed(self._length)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """A style sheet's new font size changes the columns' width and how many there are."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()

    # --- drawing -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font())
        painter.setPen(self.palette().windowText().color())
        ascent = QFontMetricsF(self.font()).ascent()
        for column in self.columns():
            painter.save()
            # the run's top edge to the column's right, its start at the column's top: turned a quarter clockwise
            painter.translate(column.box.right(), column.box.top())
            painter.rotate(column.rotation)
            leading = (column.box.width() - QFontMetricsF(self.font()).height()) / 2
            painter.drawText(QPointF(0, leading + ascent), column.text)
            painter.restore()
        painter.end()


def _kept_with_brackets(runs: list[tuple[str, float]], font: QFont) -> list[tuple[str, float]]:
    """The runs with every opening bracket at a run's end moved to the start of the next, and every closing bracket
    at a run's start moved to the end of the one before: a bracket stays in the column of the words it encloses.

    A run may grow past the column's length by the bracket's width; the size hint then asks for it, as for a long
    word (:meth:`VerticalText._lines`)."""
    texts = [text for text, _ in runs]
    for index in range(len(texts) - 1):
        while texts[index] and texts[index][-1] in OPENING:
            texts[index], texts[index + 1] = texts[index][:-1].rstrip(), texts[index][-1] + texts[index + 1]
    for index in range(len(texts) - 1, 0, -1):
        while texts[index] and texts[index][0] in CLOSING:
            texts[index - 1], texts[index] = texts[index - 1] + texts[index][0], texts[index][1:].lstrip()
    if texts == [text for text, _ in runs]:
        return runs
    metrics = QFontMetricsF(font)
    return [(text, metrics.horizontalAdvance(text)) for text in texts if text]
