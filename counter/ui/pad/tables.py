"""Read-only tables of the supervisor's pages: whole rows selected, columns sized to their text, or sharing the
page's width (:class:`SharedWidthTable`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from counter.ui.widgets.plain_text import plain_tip


def read_only_items(values: list[str]) -> list[QTableWidgetItem]:
    items = []
    for value in values:
        item = QTableWidgetItem(value)
        item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
        items.append(item)
    return items


def line_table(columns: tuple[str, ...], table: QTableWidget | None = None) -> QTableWidget:
    """``table`` (a plain one if none) set up to be read, not edited, its columns sized to their text."""
    if table is None:
        table = QTableWidget(0, len(columns))
        table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # nothing to edit in a cell: Tab goes on to the next control, the arrows move
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_figure_rows(table: QTableWidget, rows: list[list[str]]) -> None:
    """Rows of figures under a label, the last one the total: numbers to the right, the total in bold."""
    table.setRowCount(len(rows))
    bold = QFont(table.font())
    bold.setBold(True)
    for index, values in enumerate(rows):
        for column, item in enumerate(read_only_items(values)):
            if index == len(rows) - 1:
                item.setFont(bold)
            if column > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                item.setToolTip(plain_tip(item.text()))  # whole, where a narrow window cuts the label
            table.setItem(index, column, item)
    if isinstance(table, SharedWidthTable):
        table.fit()  # the new figures may be wider than the old


def two_lines(text: str) -> str:
    """A heading broken onto two lines: at the space nearest its middle, else (Chinese) after its first half, or
    before the last character of a three-character one (办件|数, 好评|率: the word stays on the first line)."""
    if " " in text.strip():
        spaces = [i for i, char in enumerate(text) if char == " "]
        cut = min(spaces, key=lambda i: abs(2 * i - len(text)))
        return text[:cut] + "\n" + text[cut + 1 :]
    if len(text) < 3:
        return text
    cut = len(text) // 2 if len(text) > 3 else len(text) - 1
    return text[:cut] + "\n" + text[cut:]


class SharedWidthTable(QTableWidget):
    """A table of figures whose columns share its width, every heading read whole.

    Every column stretched alike, a long heading (其中申诉中, 申诉撤销) was cut at both ends on a 1024-pixel screen at
    150 % text, while 好评 had room to spare.  Each column now gets what its heading and its figures need, and the
    rest is shared out; where even that is too wide the longest headings go onto two lines, the longest first, and
    last the label column (a long 一件事) gives way, its label cut with an ellipsis and whole in its tooltip.
    """

    def __init__(self, columns: tuple[str, ...]) -> None:
        super().__init__(0, len(columns))
        self._labels = columns
        self.setHorizontalHeaderLabels(list(columns))
        line_table(columns, self)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit()

    def _label(self, column: int, text: str) -> None:
        item = self.horizontalHeaderItem(column)
        if item is not None and item.text() != text:
            item.setText(text)

    def _needs(self) -> list[int]:
        header = self.horizontalHeader()
        return [
            max(header.sectionSizeHint(column), self.sizeHintForColumn(column)) for column in range(self.columnCount())
        ]

    def fit(self) -> None:
        """The columns' widths for the table's width: asked again at every resize and after new rows."""
        room = self.viewport().width()
        for column, label in enumerate(self._labels):
            self._label(column, label)
        needs = self._needs()
        header = self.horizontalHeader()
        by_length = sorted(range(1, self.columnCount()), key=lambda c: -len(self._labels[c]))
        for column in by_length:
            if sum(needs) <= room:
                break
            if header.sectionSizeHint(column) <= self.sizeHintForColumn(column):
                continue  # the figures are wider than the heading: two lines would win nothing
            self._label(column, two_lines(self._labels[column]))
            needs[column] = max(header.sectionSizeHint(column), self.sizeHintForColumn(column))
        over = sum(needs) - room
        if over > 0:  # the label column gives way, never below its heading
            needs[0] = max(header.sectionSizeHint(0), needs[0] - over)
        spare = max(0, room - sum(needs))
        count = self.columnCount()
        for column, need in enumerate(needs):
            share = spare // count + (1 if column < spare % count else 0)
            if header.sectionSize(column) != need + share:
                header.resizeSection(column, need + share)
