"""The cases F7 found by what the applicant had at hand: a list to choose from, Enter opens, Esc closes.

One case found opens at once (:class:`counter.ui.cases.opening.CaseDesk`); several (a common name, a number's last
digits) are listed newest first with what tells them apart: the day, the bundle, the applicant and the status.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QTableWidget, QVBoxLayout, QWidget

from counter.case.lookup import LOOKBACK_DAYS
from counter.case.view import CaseRow
from counter.ui.cases.tables import CASE_NO_ROLE, fill_row, line_table
from counter.ui.cases.words import CASE_FOUND_COLUMNS, CASE_FOUND_SUMMARY, CASE_FOUND_TITLE
from counter.ui.escape import close_on_escape
from counter.ui.plain_text import plain_label
from counter.words.cases import CASE_STATUS


class CaseFinder(QWidget):
    case_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(CASE_FOUND_TITLE)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.table = line_table(CASE_FOUND_COLUMNS, stretch=2)
        self.table.setAccessibleName(CASE_FOUND_TITLE)
        self.table.activated.connect(partial(self.on_row_activated, self.table))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.escape_shortcut = close_on_escape(self)

    def show_found(self, typed: str, rows: Sequence[CaseRow]) -> None:
        self.summary.setText(CASE_FOUND_SUMMARY.format(days=LOOKBACK_DAYS, typed=typed, count=len(rows)))
        table = self.table
        table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            values = (row.case_no, row.received_on.isoformat(), row.bundle_name, row.applicant_name)
            items = fill_row(table, number, (*values, CASE_STATUS[row.status]))
            items[0].setData(CASE_NO_ROLE, row.case_no)
        if rows:  # the keyboard on the newest: ↓ goes on, Enter opens
            table.selectionModel().setCurrentIndex(
                table.model().index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        table.setFocus(Qt.FocusReason.OtherFocusReason)

    def found(self) -> list[str]:
        items = (self.table.item(r, 0) for r in range(self.table.rowCount()))
        return [str(item.data(CASE_NO_ROLE)) for item in items if item is not None]

    def on_row_activated(self, table: QTableWidget, index: QModelIndex) -> None:
        item = table.item(index.row(), 0)
        if item is not None:
            self.case_chosen.emit(str(item.data(CASE_NO_ROLE)))
