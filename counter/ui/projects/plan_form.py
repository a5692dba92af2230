"""The plan editor (编制申报计划): approvals picked from the reference list, each with its expected date.

The stage and the department of an approval are the list's (附件1 names who handles it; the stage is where a
project meets it), so the agent only chooses the items and edits the dates: a plan cannot put an approval in the
wrong stage by a slip.  A changed plan keeps each step's number, so a step already filed or done keeps its record
(the operation ``projects.plan_project`` refuses to drop or move it, and says so in the form).  A
new step is
offered a date a few weeks on per stage, for the agent to correct.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter.projects.model import STAGE_ORDER, PlanStep
from counter.projects.service_items import ServiceItem, ServiceList
from counter.ui.cases.tables import line_table
from counter.ui.look.text_size import px
from counter.ui.projects import words
from counter.ui.projects.move_form import to_date
from counter.ui.widgets.plain_text import plain_tip
from counter.ui.widgets.step_form import frame_step_form
from counter.words.punctuation import ASIDE

STAGE_WEEKS = 3  # a new step's date offered: three weeks a stage after the day the plan is made
ITEM_ROLE = Qt.ItemDataRole.UserRole
DATE_WIDTH = 140  # a date with its calendar button, whole


class PlanForm(QFrame):
    """The page wires :attr:`confirmed` to the action; the steps come from :meth:`steps`."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, items: ServiceList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = items
        self._kept: dict[int, PlanStep] = {}  # the steps the plan had, by item (or by name, off the list)
        self._today = dt.date.today()
        self.catalogue = QListWidget()
        self.catalogue.setAccessibleName(words.PLAN_CATALOGUE)
        self.show_items(items)
        self.add_button = QPushButton(words.PLAN_ADD)
        self.remove_button = QPushButton(words.PLAN_REMOVE)
        # long names elided (whole in the tooltip) rather than scrolled sideways
        self.catalogue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table = line_table(words.PLAN_EDIT_COLUMNS, stretch=1)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().resizeSection(3, px(DATE_WIDTH))
        self.table.setAccessibleName(words.PAGE_PLAN)
        self.title, self.problems, self.confirm_button, self.cancel_button = frame_step_form(
            self,
            (self._lists(),),
            words.PLAN_SAVE,
            words.FORM_CANCEL,
            words.PLAN_TITLE,
            own_enter=(self.catalogue,),  # Enter in the reference list adds its item (itemActivated), and only that
        )
        self.add_button.clicked.connect(self.on_add)
        self.catalogue.itemActivated.connect(self.on_add)
        self.remove_button.clicked.connect(self.on_remove)
        self.confirm_button.clicked.connect(self.confirmed.emit)
        self.cancel_button.clicked.connect(self.on_cancel)

    def show_items(self, items: ServiceList) -> None:
        """The reference list the plan is chosen from (the site's own, once it is read)."""
        self._items = items
        self.catalogue.clear()
        for item in items.items:
            entry = QListWidgetItem(self._item_text(item))
            entry.setToolTip(plain_tip(entry.text()))
            entry.setData(ITEM_ROLE, item.no)
            self.catalogue.addItem(entry)

    def _lists(self) -> QHBoxLayout:
        """The reference list, the buttons that move an item, and the plan, side by side."""
        middle = QVBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.add_button)
        middle.addWidget(self.remove_button)
        middle.addStretch(1)
        lists = QHBoxLayout()
        lists.addWidget(self.catalogue, 1)
        lists.addLayout(middle)
        lists.addWidget(self.table, 1)
        self.catalogue.setMinimumHeight(px(220))
        return lists

    @staticmethod
    def _item_text(item: ServiceItem) -> str:
        return ASIDE.format(text=f"{item.no}. {item.name}", aside=words.STAGE[item.stage])

    def open_for(self, steps: tuple[PlanStep, ...], today: dt.date) -> None:
        """Show the plan as it is (or empty), the keyboard in the reference list."""
        self._today = today
        self.table.setRowCount(0)
        self._rows: list[PlanStep] = []
        for step in sorted(steps, key=lambda s: (STAGE_ORDER.index(s.stage), s.no)):
            self._append(step)
        self.problems.clear()
        self.show()
        self.catalogue.setCurrentRow(0)
        self.catalogue.setFocus(Qt.FocusReason.TabFocusReason)

    def _append(self, step: PlanStep) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((words.STAGE[step.stage], step.name, step.department)):
            cell = QTableWidgetItem(text)
            cell.setToolTip(plain_tip(text))
            self.table.setItem(row, column, cell)
        date = QDateEdit(QDate(step.expected_on.year, step.expected_on.month, step.expected_on.day))
        date.setCalendarPopup(True)
        date.setDisplayFormat("yyyy-MM-dd")
        self.table.setCellWidget(row, 3, date)
        self._rows.append(step)

    def on_add(self, *_args: object) -> None:
        """The chosen item of the list into the plan, once; its date a few weeks per stage from today."""
        entry = self.catalogue.currentItem()
        if entry is None:
            return
        item = self._items.item(int(entry.data(ITEM_ROLE)))
        if item is None or any(s.item_no == item.no for s in self._rows):
            return
        weeks = STAGE_WEEKS * (STAGE_ORDER.index(item.stage) + 1)
        expected = self._today + dt.timedelta(weeks=weeks)
        taken = max((s.no for s in self._rows), default=0)
        self._append(PlanStep(taken + 1, item.name, item.department, item.stage, expected, item_no=item.no))

    def on_remove(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._rows):
            self.table.removeRow(row)
            del self._rows[row]

    def steps(self) -> tuple[PlanStep, ...]:
        """The plan as edited: each step with the date in its row."""
        found = []
        for row, step in enumerate(self._rows):
            date = self.table.cellWidget(row, 3)
            expected = to_date(date.date()) if isinstance(date, QDateEdit) else step.expected_on
            found.append(PlanStep(step.no, step.name, step.department, step.stage, expected, item_no=step.item_no,
                                  joint=step.joint))  # fmt: skip
        return tuple(found)

    def show_problems(self, text: str) -> None:
        self.problems.setText(text)

    def close_form(self) -> None:
        self.problems.clear()
        self.hide()

    def on_cancel(self) -> None:
        self.close_form()
        self.cancelled.emit()
