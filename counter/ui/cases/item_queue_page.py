"""The list of items at their departments: one department's queue, or every item coming due or overdue.

A department's staff choose their department once (the list keeps the choice while the window is open) and work
their items from the top: the soonest due first, the paused ones (no date while their clock stands still) last.
The first choice, 到期提醒, is the supervisor's: every item due by the next working day or overdue, red when past,
amber when close, as the deferrals list colours its cases.  Enter or a double-click opens the case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from counter.access.desk import Desk
from counter.access.pledge_offers import PledgeRow
from counter.case.item_clock import DueAlert
from counter.case.item_queue import QueueRow
from counter.service.department_items import READ_QUEUE, Queue, ReadQueue
from counter.ui.cases.marks import URGENCY_COLOURS, paint, restyle
from counter.ui.cases.rules import ALERT_URGENCY
from counter.ui.cases.tables import fill_row, line_table, names_first_table, number_at
from counter.ui.cases.words import (
    ITEM_QUEUE_CHOOSE,
    ITEM_QUEUE_COLUMNS,
    ITEM_QUEUE_COMING_DUE,
    ITEM_QUEUE_DEPARTMENT,
    ITEM_QUEUE_DUE_PAGED,
    ITEM_QUEUE_DUE_SUMMARY,
    ITEM_QUEUE_PAGED,
    ITEM_QUEUE_PAUSED,
    ITEM_QUEUE_SUMMARY,
)
from counter.ui.door.runner import Failed, Runner, failures_to
from counter.ui.widgets.plain_text import plain_label, plain_tip
from counter.words.items import DUE_ALERT, ITEM_STATE
from counter.words.pledges import PLEDGE_LIST_COLUMNS, PLEDGE_LIST_SUMMARY, PLEDGE_OVERDUE

#: the columns of names typed or catalogued at length (事项, 实施部门, 申请人): they share the width with 一件事
SHARED_COLUMNS = (1, 2, 6)
#: the columns that keep their width (办件编号, 办结期限) and those that give way before the names (办理状态, 提醒)
KEPT_COLUMNS = (0, 4)
GIVING_COLUMNS = (3, 5)


Today = Callable[[], dt.date]


class ItemQueuePage(QWidget):
    case_chosen = Signal(str)

    def __init__(
        self, runner: Runner, desk: Desk | None, today: Today, read_failed: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk  # whose department the list opens on; None: a database without accounts
        self._opened = False  # the first reading opens a department's staff on their own department
        self._today = today
        self._read_failed = read_failed
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(ITEM_QUEUE_CHOOSE)
        self.summary = plain_label(wrap=True)
        self.summary.setObjectName("listSummary")
        # the names (the item, its department, the applicant, the bundle) get the room first: the state and the
        # reminder give way before them, wrapping, and the names share what is left only when even that is too little
        self.table = names_first_table(ITEM_QUEUE_COLUMNS, keep=KEPT_COLUMNS, give=GIVING_COLUMNS)
        self.table.setTabKeyNavigation(False)
        # 告知承诺: the checks the department owes, soonest due first (counter.service.department_items.READ_QUEUE)
        self.pledges_summary = plain_label(wrap=True)
        self.pledges = line_table(PLEDGE_LIST_COLUMNS, stretch=len(PLEDGE_LIST_COLUMNS) - 1)
        self.pledges.setTabKeyNavigation(False)
        label = plain_label(ITEM_QUEUE_CHOOSE)
        label.setBuddy(self.chooser)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.chooser, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.pledges_summary)
        layout.addWidget(self.pledges)
        self.chooser.activated.connect(lambda _index: self.refresh())
        self.table.activated.connect(self.on_row_activated)
        self.pledges.activated.connect(self.on_pledge_activated)

    def department(self) -> str:
        """The department chosen; empty for 到期提醒."""
        return str(self.chooser.currentData() or "")

    def refresh(self) -> None:
        """The departments with their counts, and the rows of the choice, in one session."""
        chosen = self.department() if self._opened else None
        self._runner.submit(READ_QUEUE, ReadQueue(chosen), self._desk, self._read_failed, owner=self,
                            answered=self._show_queue, failed=failures_to(self._not_read))  # fmt: skip

    def _not_read(self, err: Failed) -> None:
        restyle(self.summary, "listError")
        self.summary.setText(err.message)

    def _show_queue(self, queue: Queue) -> None:
        today = self._today()
        chosen, loads, rows, counts, checks = queue.department, queue.loads, queue.rows, queue.counts, queue.checks
        restyle(self.summary, "listSummary")
        self._opened = True
        self.chooser.clear()
        self.chooser.addItem(ITEM_QUEUE_COMING_DUE, "")
        for load in loads:
            text = ITEM_QUEUE_DEPARTMENT.format(department=load.department, items=load.items, overdue=load.overdue)
            self.chooser.addItem(text, load.department)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(chosen)))
        if chosen and self.chooser.currentIndex() == 0:  # its last item was decided meanwhile
            rows = ()
        if chosen:
            held = next((load.items for load in loads if load.department == chosen), len(rows))
            words = ITEM_QUEUE_PAGED if held > len(rows) else ITEM_QUEUE_SUMMARY
            summary = words.format(count=held, shown=len(rows))
        else:
            due, overdue = counts
            words = ITEM_QUEUE_DUE_PAGED if due > len(rows) else ITEM_QUEUE_DUE_SUMMARY
            summary = words.format(count=due, overdue=overdue, shown=len(rows), day=today.isoformat())
        self.summary.setText(summary)
        self._fill(rows)
        self._fill_pledges(checks, today)

    def _fill_pledges(self, rows: tuple[PledgeRow, ...], today: dt.date) -> None:
        self.pledges_summary.setText(PLEDGE_LIST_SUMMARY.format(count=len(rows)))
        self.pledges.setVisible(bool(rows))
        self.pledges.setRowCount(len(rows))
        for number, row in enumerate(rows):
            due = row.check_due.isoformat()
            late = row.check_due < today
            values = (row.case_no, row.item_name, row.department, PLEDGE_OVERDUE.format(day=due) if late else due,
                      row.granted_on.isoformat(), row.applicant_name)  # fmt: skip
            items = fill_row(self.pledges, number, values, row.case_no)
            paint(items, URGENCY_COLOURS.get(ALERT_URGENCY[DueAlert.OVERDUE]) if late else None)

    def on_pledge_activated(self, index: QModelIndex) -> None:
        if (case_no := number_at(self.pledges, index.row())) is not None:
            self.case_chosen.emit(case_no)

    def _fill(self, rows: tuple[QueueRow, ...]) -> None:
        table = self.table
        table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            due = row.due_on.isoformat() if row.due_on else ITEM_QUEUE_PAUSED
            alert = DUE_ALERT[row.alert] if row.alert else ""
            values = (row.case_no, row.item_name, row.department, ITEM_STATE[row.state], due, alert,
                      row.applicant_name, row.bundle_name)  # fmt: skip
            items = fill_row(table, number, values, row.case_no)
            for column in (*SHARED_COLUMNS, len(values) - 1):
                items[column].setToolTip(plain_tip(values[column]))  # whole, where its share cuts it
            paint(items, URGENCY_COLOURS.get(ALERT_URGENCY[row.alert]) if row.alert else None)
        table.fit()

    def focus_list(self) -> None:
        if self.table.currentRow() < 0 and self.table.rowCount():
            self.table.setCurrentCell(0, 0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_row_activated(self, index: QModelIndex) -> None:
        if (case_no := number_at(self.table, index.row())) is not None:
            self.case_chosen.emit(case_no)
