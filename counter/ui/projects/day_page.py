"""The agent's day: the projects not ended, each with what it waits on next and when that is due.

Read by the operation ``projects.read_day``, which puts the projects with overdue approvals first; a row is red as
the other lists colour a passed deadline (:mod:`counter.ui.cases.marks`), so an agent reads both the
same way.  The agent chooser keeps an agent's own projects; Enter or a double-click opens the project.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter.projects.queue import QueueRow
from counter.service.projects import READ_DAY, AgentDay, ReadDay
from counter.ui.cases.marks import RED, RED_TEXT, paint, restyle
from counter.ui.cases.tables import fill_row, line_table, number_at
from counter.ui.door.runner import Failed, Runner, failures_to
from counter.ui.projects import words
from counter.ui.widgets.plain_text import plain_label, plain_tip
from counter.words.projects import OVERDUE_STEPS, next_text
from counter.words.punctuation import LIST_JOIN

NAME_COLUMN, NEXT_COLUMN = 1, 2  # the two long texts share the free width (elided, whole in their tooltips)


class DayPage(QWidget):
    project_chosen = Signal(str)

    def __init__(self, runner: Runner, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._today = today
        self.agent = QComboBox()
        self.agent.setAccessibleName(words.DAY_AGENT)
        self.agent.setMinimumContentsLength(8)
        self.refresh_button = QPushButton(words.DAY_REFRESH)
        self.summary = plain_label(wrap=True)
        self.summary.setObjectName("listSummary")
        self.table = line_table(words.DAY_COLUMNS, NAME_COLUMN, NEXT_COLUMN)
        self.table.setAccessibleName(words.DAY_TAB)
        label = plain_label(words.DAY_AGENT)
        label.setBuddy(self.agent)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.agent)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.rows: list[QueueRow] = []
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.agent.activated.connect(self.on_agent_chosen)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.activated.connect(self.on_row_activated)

    def chosen_agent(self) -> str:
        return str(self.agent.currentData() or "")

    def refresh(self) -> None:
        """Every open project's agents for the chooser, and the rows of the agent chosen, in one read."""
        self._runner.submit(READ_DAY, ReadDay(self.chosen_agent()), message=words.READ_FAILED, owner=self,
                            answered=self._read, failed=failures_to(self._not_read))  # fmt: skip

    def _not_read(self, err: Failed) -> None:
        restyle(self.summary, "listError")
        self.summary.setText(err.message)

    def _read(self, day: AgentDay) -> None:
        today = self._today()
        agents, rows = day.agents, list(day.rows)
        restyle(self.summary, "listSummary")
        chosen = self.chosen_agent()
        self.agent.clear()
        self.agent.addItem(words.DAY_EVERY_AGENT, "")
        for name in agents:
            self.agent.addItem(name, name)
        self.agent.setCurrentIndex(max(0, self.agent.findData(chosen)))
        overdue = sum(1 for r in rows if r.overdue)
        self.summary.setText(words.DAY_SUMMARY.format(count=len(rows), overdue=overdue, day=today.isoformat()))
        self._fill(rows, today)

    def _fill(self, rows: list[QueueRow], today: dt.date) -> None:
        self.rows = rows
        table = self.table
        table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            project = row.project
            due = row.due_on.isoformat() if row.due_on else ""
            late = OVERDUE_STEPS.format(count=row.overdue) if row.overdue else ""
            values = (project.project_no, project.facts.name, next_text(row.next), due, late,
                      words.STATE[project.state], LIST_JOIN.join(project.agents), project.facts.county)  # fmt: skip
            items = fill_row(table, number, values, project.project_no)
            for column in (NAME_COLUMN, NEXT_COLUMN):
                items[column].setToolTip(plain_tip(values[column]))
            late_now = row.overdue > 0 or (row.next is not None and row.next.overdue(today))
            paint(items, (RED, RED_TEXT) if late_now else None)

    def focus_list(self) -> None:
        if self.table.currentRow() < 0 and self.table.rowCount():
            self.table.setCurrentCell(0, 0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_agent_chosen(self, _index: int) -> None:
        self.refresh()

    def on_row_activated(self, index: QModelIndex) -> None:
        if (project_no := number_at(self.table, index.row())) is not None:
            self.project_chosen.emit(project_no)
