"""Read-only tables for case data: whole rows selected, nothing editable in place.

A table on the case page shows every row at once (the page scrolls, not the
table): a clerk checking a material list should never miss a line hidden
below an inner scroll bar.  The lists are one line per case and scroll.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
)

from counter.ui.look.text_size import scaled

CASE_NO_ROLE = Qt.ItemDataRole.UserRole
STYLE = """
QTableWidget { gridline-color: #d9e2ec; }
QHeaderView::section {
    background: #eef2f6; color: #243b53; padding: 4px 6px; border: none;
    border-right: 1px solid #d9e2ec; border-bottom: 1px solid #d9e2ec;
}
"""
# Cell padding from a style sheet only where nothing wraps: Qt counts it in a
# column's width but takes it off again when wrapping, so wrapped text would
# break after every character.  A FullTable gets its margins in fit().
LINE_STYLE = STYLE + "QTableWidget::item { padding: 4px 6px; }"
COLUMN_MARGIN = 16
#: a run of letters, digits and the marks inside numbers (a case number's hyphens too), which a cell does not break
UNBROKEN = re.compile(r"[0-9A-Za-z*\uff0a.:\-]+")  # ＊ (U+FF0A): a masked number's full-width asterisk
ROW_MARGIN = 8


def shared_widths(wanted: Mapping[int, int], least: Mapping[int, int], room: int) -> dict[int, int]:
    """Each column its ``wanted`` width while they all fit in ``room``; else the widest cut down, all to one cap, never
    below its ``least`` (its heading): the longest texts wrap onto more lines, and every column stays in sight."""
    if sum(wanted.values()) <= room:
        return dict(wanted)

    def total(cap: int) -> int:
        return sum(max(least[c], min(width, cap)) for c, width in wanted.items())

    low, high = 0, max(wanted.values())
    while low < high:  # the widest cap that fits
        middle = (low + high + 1) // 2
        low, high = (middle, high) if total(middle) <= room else (low, middle - 1)
    return {c: max(least[c], min(width, low)) for c, width in wanted.items()}


class FullTable(QTableWidget):
    """A table as tall as all its rows, long texts wrapped; the page around it scrolls.

    Row heights depend on the width of the stretching column, which the header
    settles only after the table is laid out (and again at every resize): so
    the rows are measured again each time that column changes width.

    The other columns take their texts' widths while the table has room for them.  On a narrow window or at a large
    text size (1024 pixels at 150 %) those widths ran past the table, which scrolled sideways and cut the last
    columns (the reason of an item, 容缺补交期限) off: the widest are then narrowed until everything fits, their text
    wrapping, and the stretching column keeps at least its heading's width.
    """

    def __init__(self, stretch: int, widths: Mapping[int, int]) -> None:
        super().__init__()
        self._stretch = stretch
        self._widths = dict(widths)
        self._wanted: dict[int, int] = {}  # each other column's width with room for its text, from fit()
        self._refit = QTimer(self)  # owned by the table: it dies with it
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_rows)
        self.horizontalHeader().sectionResized.connect(self.on_section_resized)

    def fit(self) -> None:
        header = self.horizontalHeader()
        self._wanted = {}
        for column in range(self.columnCount()):
            if column == self._stretch:
                continue
            width = self._widths.get(column)
            if width is None:
                width = max(self.sizeHintForColumn(column), header.sectionSizeHint(column)) + COLUMN_MARGIN
            self._wanted[column] = width
        self._fit_columns()
        self._fit_rows()

    def _fit_columns(self) -> None:
        header = self.horizontalHeader()
        least = {column: header.sectionSizeHint(column) + COLUMN_MARGIN for column in self._wanted}
        room = self.viewport().width() - header.sectionSizeHint(self._stretch) - COLUMN_MARGIN
        changed = False
        for column, width in shared_widths(self._wanted, least, room).items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
                changed = True
        if changed:
            self._refit.start()  # a narrower column wraps onto more lines

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self._wanted:
            self._fit_columns()

    def _fit_rows(self) -> None:
        for row in range(self.rowCount()):
            self.setRowHeight(row, self.sizeHintForRow(row) + ROW_MARGIN)
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height + 4)

    def on_section_resized(self, column: int, old: int, new: int) -> None:
        """Measure once the header has finished: while it says so, the old width still holds."""
        if column == self._stretch and old != new:
            self._refit.start()


class NamesFirstTable(QTableWidget):
    """A list that scrolls, its long names given the room first: the other columns give way, and all wrap.

    One line per row, at 1024 pixels and 150 % text the case number, the state, the date and the reminder took all but
    a few characters of the width and the names (the item, its department, the applicant, the bundle) were cut to
    them, whole only in their tooltips.  Now the ``keep`` columns (the case number, a date) keep their width and the
    others give way in turns, each turn only as far as the table needs: the ``give`` columns (a state, a reminder)
    down to two lines, then the names, all to one cap, down to two lines; only then the ``give`` columns down to their
    headings, and the names below two lines last.  Dropped to its heading at once, the reminder 下一个工作日到期 stood
    in four lines beside names that had to give a few pixels only; what is narrowed wraps, and each row is as tall
    as its longest cell.  No column goes below its longest run of letters and digits: a cell does not break one (a
    masked ID number, a phone, a case number), it cuts it.
    """

    #: the lines a column keeps in its first turn of giving way
    LINES = 2
    #: the cells' texts measured at most: the measures of older texts are then dropped
    MEASURED = 4096

    def __init__(self, keep: Sequence[int], give: Sequence[int]) -> None:
        super().__init__()
        self._keep = tuple(keep)
        self._give = tuple(give)
        self._measured: dict[tuple[str, int], int] = {}  # (a cell's text, its lines): the least width that holds it

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """The rows' room changed: the table resized, or its scroll bar came or went as the rows grew or shrank."""
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().viewportEvent(event)

    def fit(self) -> None:
        """Widths for the table's width and the rows' heights for them: at every resize and after new rows."""
        header = self.horizontalHeader()
        columns = range(self.columnCount())
        wanted = {c: max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) + COLUMN_MARGIN for c in columns}
        # the heading with its own padding whole, and the longest run a line cannot break in (a masked ID number, a
        # phone): narrower, such a run is not wrapped but cut (152201… for 152201********0357); first with a
        # column's margin about the run, in the last turn with only what the run needs
        least = {c: max(header.sectionSizeHint(c), self._unbroken_width(c)) for c in columns}
        names = tuple(c for c in columns if c not in self._keep and c not in self._give)
        room = self.viewport().width()
        widths = dict(wanted)
        turns = ((self._give, self.LINES), (names, self.LINES), (self._give, 0), (names, 0), (self._give + names, -1))
        for group, lines in turns:
            if sum(widths.values()) <= room:
                break
            others = sum(width for c, width in widths.items() if c not in group)
            if not group:
                continue
            if lines < 0:  # nothing else gives: the runs' margins do
                floors = {c: min(widths[c], max(header.sectionSizeHint(c), self._unbroken_width(c, tight=True)))
                          for c in group}  # fmt: skip
            else:
                floors = {c: min(widths[c], max(least[c], self._lines_width(c, lines) if lines else 0)) for c in group}
            widths |= shared_widths({c: widths[c] for c in group}, floors, room - others)
        spare = room - sum(widths.values())
        if spare > 0 and names:
            widths[names[-1]] += spare  # the last name (the bundle) takes what is left
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        for row in range(self.rowCount()):
            self.setRowHeight(row, self.sizeHintForRow(row) + ROW_MARGIN)

    def _unbroken_width(self, column: int, *, tight: bool = False) -> int:
        """The widest run of ``column``'s cells that no line may break in, with a column's margin (0 for none);
        ``tight``: the least width that shows it whole on its line, the cell's own margins about its text and the
        grid's pixel only.

        The margin is room a column is given while there is room: the floor of the last turn is what the run needs.
        With the margin on the case number, the ID number and the phone to the end, F7's finder at 1024 pixels and
        150 % text was 7 to 20 pixels wider than its window, its last column behind a sideways scroll bar."""
        metrics = self.fontMetrics()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)

        def unbroken(index: QModelIndex) -> int:
            text = str(index.data() or "")
            runs = UNBROKEN.findall(text)
            widest = max([0, *(metrics.horizontalAdvance(run) for run in runs)])
            if not tight or not widest:
                return widest
            line = self.itemDelegateForIndex(index).sizeHint(option, index).width()  # the text on one line
            return widest + max(0, line - metrics.horizontalAdvance(text)) + 1  # its margins, the grid's pixel

        if tight:
            return self._widest(column, -2, unbroken, margin=0)
        return self._widest(column, -1, unbroken)

    def _lines_width(self, column: int, lines: int) -> int:
        """The least width of ``column`` that holds each of its cells in ``lines`` lines, its margin included."""
        return self._widest(column, lines, lambda index: self._least_width(index, lines))

    def _widest(
        self, column: int, kind: int, measure: Callable[[QModelIndex], int], margin: int = COLUMN_MARGIN
    ) -> int:
        """The widest of ``column``'s cells as ``measure`` finds it, ``margin`` added (0 for none); each text
        measured once for its ``kind`` (the lines it is held in, -1 for its unbroken run, -2 for it held tight)."""
        if len(self._measured) > self.MEASURED:
            self._measured.clear()
        widest = 0
        for row in range(self.rowCount()):
            index = self.model().index(row, column)
            key = (str(index.data() or ""), kind)
            if key not in self._measured:
                self._measured[key] = measure(index)
            widest = max(widest, self._measured[key])
        return widest + margin if widest else 0

    def _least_width(self, index: QModelIndex, lines: int) -> int:
        """The narrowest cell that shows ``index`` in ``lines`` lines, as the rows' heights measure it (the delegate's
        own wrapping, not a guess from the font)."""
        delegate = self.itemDelegateForIndex(index)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        line = delegate.sizeHint(option, index)  # no width given: the text on one line
        if line.width() <= 0 or line.height() <= 0:
            return 0

        def holds(width: int) -> bool:
            option.rect = QRect(0, 0, width, line.height())
            return delegate.sizeHint(option, index).height() <= lines * line.height()

        low, high = 1, line.width() + 1  # the grid's pixel: a cell shows one less than its column
        while low < high:
            middle = (low + high) // 2
            low, high = (low, middle) if holds(middle) else (middle + 1, high)
        return low + 1


def _set_up(table: QTableWidget, columns: Sequence[str]) -> None:
    table.setColumnCount(len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # nothing to edit in a cell: Tab goes on to the next control, the arrows move
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def full_table(
    columns: Sequence[str], stretch: int, widths: Mapping[int, int] | None = None, name: str = ""
) -> FullTable:
    """A wrapped, full-height table: ``stretch`` takes the free width, ``widths`` fixes some columns.

    ``name`` is what a screen reader calls it (the heading above it).
    """
    table = FullTable(stretch, widths or {})
    table.setAccessibleName(name)
    _set_up(table, columns)
    table.setStyleSheet(scaled(STYLE))
    table.setWordWrap(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = table.horizontalHeader()
    for column in range(len(columns)):
        mode = QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.Fixed
        header.setSectionResizeMode(column, mode)
    return table


def line_table(columns: Sequence[str], stretch: int, *shares: int) -> QTableWidget:
    """A one-line-per-row table that scrolls: ``stretch`` takes the free width, shared with the ``shares`` columns.

    A column of names typed at the window (the applicant's) shares the free width rather than taking its longest
    value's: sized to its contents, one long name pushed the columns after it off the screen.  A value longer than
    its share is cut with an ellipsis, whole in its tooltip (the caller's to set).
    """
    table = QTableWidget()
    _set_up(table, columns)
    table.setStyleSheet(scaled(LINE_STYLE))
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    for column in range(len(columns)):
        free = column == stretch or column in shares
        mode = QHeaderView.ResizeMode.Stretch if free else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)
    return table


def fill_row(table: QTableWidget, row: int, values: Sequence[str], number: str | None = None) -> list[QTableWidgetItem]:
    """The row's cells; ``number``, the case (or project) the row opens, kept in its first (:func:`number_at`)."""
    items = [QTableWidgetItem(v) for v in values]
    for column, item in enumerate(items):
        table.setItem(row, column, item)
    if number is not None:
        items[0].setData(CASE_NO_ROLE, number)
    return items


def number_at(table: QTableWidget, row: int) -> str | None:
    """The case (or project) number the row ``row`` opens; None where there is no such row."""
    item = table.item(row, 0)
    return None if item is None else str(item.data(CASE_NO_ROLE))


def numbers(table: QTableWidget) -> list[str]:
    """The case numbers a table shows, top to bottom."""
    return [number for r in range(table.rowCount()) if (number := number_at(table, r)) is not None]


def names_first_table(columns: Sequence[str], keep: Sequence[int], give: Sequence[int]) -> NamesFirstTable:
    """A list that scrolls whose names are given the room first (:class:`NamesFirstTable`); call ``fit`` once filled."""
    table = NamesFirstTable(keep, give)
    _set_up(table, columns)
    table.setStyleSheet(scaled(STYLE))  # no cell padding: it would break wrapped text after every character
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return table
