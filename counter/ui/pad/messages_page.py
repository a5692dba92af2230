"""短信告知: the messages to applicants that the gateway would not take, for a supervisor to look at and send again.

A message lands here when the gateway refused it (a number it will not serve, a wrong secret) or after its attempts
ran out (:mod:`counter.actions.messages`); the sender keeps trying the others by itself.  重新发送 puts the chosen
ones back in the queue, their attempts counted afresh: the sender takes them on its next round.
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
from counter.actions.messages import message_list, retry_message
from counter.ui.plain_text import plain_label
from counter.ui.runner import Failed, Runner
from counter.words.access import not_permitted
from counter.words.messages import (
    FAILED_COLUMNS,
    FAILED_NONE,
    FAILED_READ,
    FAILED_RETRIED,
    FAILED_RETRY,
    FAILED_TITLE,
    MESSAGE_KIND,
)

if TYPE_CHECKING:
    from counter.actions.desk import Desk
    from counter.sms.outbox import MessageRow

ID_ROLE = Qt.ItemDataRole.UserRole


class FailedMessagesPage(QWidget):
    retried = Signal(int)  # how many messages went back in the queue

    def __init__(self, runner: Runner, desk: Desk | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk  # the supervisor; None: this machine's desk, nobody signed in
        self.table = QTableWidget(0, len(FAILED_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(FAILED_COLUMNS))
        self.table.setAccessibleName(FAILED_TITLE)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # read only: Tab goes on to the retry button
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(len(FAILED_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.retry_button = QPushButton(FAILED_RETRY)
        self.message = plain_label()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(FAILED_TITLE))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        self.retry_button.clicked.connect(self.on_retry_clicked)

    def load(self) -> None:
        try:
            rows = self._runner.read(partial(message_list, desk=self._desk, failed_only=True), FAILED_READ)
        except NotPermitted as refused:
            self.message.setText(not_permitted(refused.permission, refused.signed_in))
            return
        except Failed as err:
            self.message.setText(err.message)
            return
        self._show(rows)
        self.message.setText("" if rows else FAILED_NONE)

    def _show(self, rows: list[MessageRow]) -> None:
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            cells = (str(row.id), row.case_no, MESSAGE_KIND[row.kind], row.phone, str(row.attempts), row.last_error)
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
                self._runner.write(partial(retry_message, desk=self._desk, message_id=i), FAILED_READ) for i in chosen
            )
        except NotPermitted as refused:
            self.message.setText(not_permitted(refused.permission, refused.signed_in))
            return
        except Failed as err:
            self.message.setText(err.message)
            return
        self.load()
        self.message.setText(FAILED_RETRIED.format(count=count))
        self.retried.emit(count)
