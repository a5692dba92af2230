"""A supervisor's list of what an outbox could not send (短信告知, 平台上报): look at it, choose, send again.

Both outboxes keep what failed for good until a supervisor puts it back in the queue; their pages differ only in
their words, the operation that reads the rows, a row's cells and the operation that requeues one.  Every
column but the last (the reason, which takes what is left) is as wide as its content, so a case number is whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter.access.not_permitted import NotPermitted
from counter.ui.plain_text import plain_label
from counter.ui.runner import Failed, Runner
from counter.words.access import not_permitted

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.service.operation import Operation

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class FailedListWords:
    title: str
    columns: tuple[str, ...]
    none: str  # nothing failed
    failed: str  # the list could not be read or a row requeued
    retry: str  # the button
    retried: str  # "{count}" went back in the queue


class FailedList(QWidget):
    """The failed rows of one outbox; a subclass says which (``listing``, ``cells``, ``requeueing``)."""

    retried = Signal(int)  # how many went back in the queue

    def __init__(
        self, runner: Runner, words: FailedListWords, desk: Desk | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner, self._words = runner, words
        self._desk = desk  # the supervisor; None: this machine's desk, nobody signed in
        self.table = QTableWidget(0, len(words.columns))
        self.table.setHorizontalHeaderLabels(list(words.columns))
        self.table.setAccessibleName(words.title)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # read only: Tab goes on to the retry button
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header, last = self.table.horizontalHeader(), len(words.columns) - 1
        for column in range(last):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.retry_button = QPushButton(words.retry)
        self.message = plain_label()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(words.title))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        self.retry_button.clicked.connect(self.on_retry_clicked)

    # what a page says about its outbox

    def listing(self) -> tuple[Operation[Any, Sequence[Any]], object]:
        """The operation that reads the outbox's failed rows (each with an ``id``), and its request."""
        raise NotImplementedError

    def cells(self, row: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def requeueing(self, row_id: int) -> tuple[Operation[Any, bool], object]:
        """The operation that puts the row ``row_id`` back in the queue (whether it went back), and its request."""
        raise NotImplementedError

    def _read_rows(self) -> list[Any]:
        op, request = self.listing()
        found: Sequence[Any] = self._runner.call(op, request, self._desk, self._words.failed, owner=self)
        return list(found)

    def _requeue_row(self, row_id: int) -> bool:
        op, request = self.requeueing(row_id)
        return self._runner.call(op, request, self._desk, self._words.failed, owner=self)

    # the list

    def load(self) -> None:
        try:
            rows = self._read_rows()
        except NotPermitted as refused:
            self.message.setText(not_permitted(refused.permission, refused.signed_in))
            return
        except Failed as err:
            self.message.setText(err.message)
            return
        self._show(rows)
        self.message.setText("" if rows else self._words.none)

    def _show(self, rows: list[Any]) -> None:
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            for column, text in enumerate(self.cells(row)):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, row.id)
                self.table.setItem(n, column, cell)
        if rows:
            self.table.selectRow(0)
        self.retry_button.setEnabled(bool(rows))

    def on_retry_clicked(self) -> None:
        chosen = sorted({int(cell.data(ID_ROLE)) for cell in self.table.selectedItems()})
        if not chosen:
            return
        try:
            count = sum(self._requeue_row(i) for i in chosen)
        except NotPermitted as refused:
            self.message.setText(not_permitted(refused.permission, refused.signed_in))
            return
        except Failed as err:
            self.message.setText(err.message)
            return
        self.load()
        self.message.setText(self._words.retried.format(count=count))
        self.retried.emit(count)
