"""平台上报: the events the region's platform would not take, for a supervisor to look at and send again.

An event lands here when the platform refused it (an element it will not accept, a wrong secret), when the mapping
file leaves a required element without a value, or after the platform's failed answers ran out
(:mod:`counter.actions.platform`); no answer at all (offline) never sends one here.  重新上报 puts the chosen ones
back in the queue, their attempts counted afresh: the sender takes them on its next round.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

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

from counter.actions.guard import NotPermitted
from counter.actions.platform import event_list, retry_event
from counter.ui.plain_text import plain_label
from counter.ui.runner import Failed, Runner
from counter.words.access import not_permitted
from counter.words.platform import (
    PLATFORM_KIND,
    REPORTS_COLUMNS,
    REPORTS_NONE,
    REPORTS_READ,
    REPORTS_RETRIED,
    REPORTS_RETRY,
    REPORTS_TITLE,
)

if TYPE_CHECKING:
    from counter.actions.desk import Desk
    from counter.platform.outbox import EventRow

ID_ROLE = Qt.ItemDataRole.UserRole


class FailedReportsPage(QWidget):
    retried = Signal(int)  # how many events went back in the queue

    def __init__(self, runner: Runner, desk: Desk | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk  # the supervisor; None: this machine's desk, nobody signed in
        self.table = QTableWidget(0, len(REPORTS_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(REPORTS_COLUMNS))
        self.table.setAccessibleName(REPORTS_TITLE)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # read only: Tab goes on to the retry button
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column in range(len(REPORTS_COLUMNS) - 1):  # the case number whole; the reason takes what is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(REPORTS_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.retry_button = QPushButton(REPORTS_RETRY)
        self.message = plain_label()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(REPORTS_TITLE))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        self.retry_button.clicked.connect(self.on_retry_clicked)

    def load(self) -> None:
        try:
            rows = self._runner.read(partial(event_list, desk=self._desk, failed_only=True), REPORTS_READ)
        except NotPermitted as refused:
            self.message.setText(not_permitted(refused.permission, refused.signed_in))
            return
        except Failed as err:
            self.message.setText(err.message)
            return
        self._show(rows)
        self.message.setText("" if rows else REPORTS_NONE)

    def _show(self, rows: list[EventRow]) -> None:
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            cells = (str(row.id), row.case_no, PLATFORM_KIND[row.kind], str(row.attempts), row.last_error)
            for column, text in enumerate(cells):
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
            count = sum(
                self._runner.write(partial(retry_event, desk=self._desk, event_id=i), REPORTS_READ) for i in chosen
            )
        except NotPermitted as refused:
            self.message.setText(not_permitted(refused.permission, refused.signed_in))
            return
        except Failed as err:
            self.message.setText(err.message)
            return
        self.load()
        self.message.setText(REPORTS_RETRIED.format(count=count))
        self.retried.emit(count)
