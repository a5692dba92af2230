"""A supervisor's list of what an outbox could not send (短信告知, 平台上报): look at it, choose, send again.

Both outboxes keep what failed for good until a supervisor puts it back in the queue; their pages differ only in
their words, the operation that reads the rows, a row's cells and the operation that requeues one.  Every
column but the last (the reason, which takes what is left) is as wide as its content, so a case number is whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.ui.pad.tables import line_table
from counter.ui.widgets.plain_text import plain_label

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
    """The failed rows of one outbox; a subclass says which (``words``, ``listing``, ``cells``, ``requeueing``)."""

    retried = Signal(int)  # how many went back in the queue
    words: FailedListWords

    def __init__(self, runner: Runner, desk: Desk | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, words = runner, self.words
        self._desk = desk  # the supervisor; None: this machine's desk, nobody signed in
        self.table = line_table(words.columns)
        self.table.setAccessibleName(words.title)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several sent again at once
        self.retry_button = QPushButton(words.retry)
        self.message = plain_label(wrap=True)
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

    def _refused(self, err: Exception) -> None:
        self.message.setText(refusal_text(err))

    # the list

    def load(self, then: Callable[[], None] | None = None) -> None:
        """The failed rows read again and shown; ``then`` once they are."""

        def read(found: Sequence[Any]) -> None:
            rows = list(found)
            self._show(rows)
            self.message.setText("" if rows else self.words.none)
            if then is not None:
                then()

        op, request = self.listing()
        self._runner.submit(op, request, self._desk, self.words.failed, owner=self, answered=read,
                            failed=self._refused)  # fmt: skip

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
        if chosen:
            self._requeue(chosen, 0)

    def _requeue(self, left: list[int], count: int) -> None:
        """The rows ``left`` put back in the queue one after another, ``count`` of those before gone back; then the
        list read again and the count said."""
        if not left:
            self.load(lambda: self._retried(count))
            return
        op, request = self.requeueing(left[0])
        self._runner.submit_step(op, request, self._desk, self.words.failed, owner=self,
                                 answered=lambda back: self._requeue(left[1:], count + back),
                                 failed=self._refused)  # fmt: skip

    def _retried(self, count: int) -> None:
        self.message.setText(self.words.retried.format(count=count))
        self.retried.emit(count)
