"""The desk's two lists of cases: today's at this desk, and deferrals coming due.

The second list is the supervisor's: every case of the hall still awaiting
deferred materials whose deadline is within the next two working days, or
already past — red when past, amber when close — so the decision (denial or
extension) is taken in time.  Correction notices still unanswered near or past
their deadline are in it too, marked 补正: a lapsed one is the supervisor's to
close.  Both lists are read in one operation per refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QPushButton, QTableWidget, QTabWidget, QVBoxLayout, QWidget

from counter.access.desk import Desk
from counter.calendar.workdays import WorkCalendar
from counter.case.case_lists import DayLists
from counter.case.status import CaseStatus
from counter.case.view import CaseRow
from counter.service.cases import DAY_LISTS
from counter.service.requests import Nothing
from counter.ui.cases.case_lines import day_text, desk_text, overdue_days
from counter.ui.cases.item_queue_page import ItemQueuePage
from counter.ui.cases.marks import LIST_STYLE, URGENCY_COLOURS, paint, restyle
from counter.ui.cases.rules import urgency
from counter.ui.cases.tables import fill_row, line_table, number_at
from counter.ui.cases.words import (
    CASE_LIST_CORRECTION,
    CASE_LIST_DAYS_LEFT,
    CASE_LIST_DUE,
    CASE_LIST_DUE_COLUMNS,
    CASE_LIST_DUE_COUNT,
    CASE_LIST_DUE_COUNT_MANY,
    CASE_LIST_DUE_MANY,
    CASE_LIST_DUE_PAGED,
    CASE_LIST_DUE_SUMMARY,
    CASE_LIST_DUE_TODAY,
    CASE_LIST_OVERDUE_DAYS,
    CASE_LIST_READ_FAILED,
    CASE_LIST_REFRESH,
    CASE_LIST_TODAY,
    CASE_LIST_TODAY_COLUMNS,
    CASE_LIST_TODAY_SUMMARY,
    CASE_LISTS_TITLE,
    ITEM_QUEUE_TAB,
)
from counter.ui.door.runner import Failed, Runner, failures_to
from counter.ui.keyboard.escape import close_on_escape
from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.unprinted_flag import UnprintedLine
from counter.words.cases import case_status_text

Today = Callable[[], dt.date]

STYLE = LIST_STYLE + "QTableWidget { font-size: 14px; }\n"


def due_text(due: dt.date, today: dt.date, calendar: WorkCalendar) -> str:
    """How late, or how much time is left: calendar days past, working days ahead."""
    if due < today:
        return CASE_LIST_OVERDUE_DAYS.format(days=overdue_days(due, today))
    if due == today:
        return CASE_LIST_DUE_TODAY
    return CASE_LIST_DAYS_LEFT.format(days=calendar.working_days_between(today, due).days)


class CaseLists(QWidget):
    case_chosen = Signal(str)  # double-click or Enter on a row

    def __init__(self, runner: Runner, desk: Desk, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self._today = today
        self.setStyleSheet(scaled(STYLE))
        self.setWindowTitle(CASE_LISTS_TITLE)
        self.escape_shortcut = close_on_escape(self)
        self.tabs = QTabWidget()
        self.today_summary = plain_label()
        self.today_table = line_table(CASE_LIST_TODAY_COLUMNS, 2, 3)  # the bundle and the applicant share the width
        self.due_summary = plain_label()
        self.due_table = line_table(CASE_LIST_DUE_COLUMNS, 4, 3)
        for summary, table, title in (
            (self.today_summary, self.today_table, CASE_LIST_TODAY),
            (self.due_summary, self.due_table, CASE_LIST_DUE),
        ):
            summary.setObjectName("listSummary")
            summary.setWordWrap(True)
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(8, 4, 8, 8)
            layout.addWidget(summary)
            layout.addWidget(table, 1)
            self.tabs.addTab(page, title)
        self.items = ItemQueuePage(runner, desk, today, CASE_LIST_READ_FAILED)  # the items at their departments
        self.tabs.addTab(self.items, ITEM_QUEUE_TAB)
        self.refresh_button = QPushButton(CASE_LIST_REFRESH)
        self.tabs.setCornerWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.unprinted = UnprintedLine()  # this desk's cases with papers not printed, until printed or waived
        layout.addWidget(self.unprinted)
        layout.addWidget(self.tabs)
        self._connect_signals()

    def _connect_signals(self) -> None:
        for table in (self.today_table, self.due_table):
            table.activated.connect(partial(self.on_row_activated, table))
            table.setTabKeyNavigation(False)  # Tab leaves the list, Ctrl+Tab turns to the other one
        self.items.case_chosen.connect(self.case_chosen)
        self.refresh_button.clicked.connect(self.on_refresh_clicked)
        self.tabs.currentChanged.connect(self.on_tab_changed)

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read both lists of cases again, in one operation, and the items at their departments; ``then`` once the
        lists are shown (the keyboard put on the first case)."""
        self.items.refresh()
        today = self._today()
        self.unprinted.refresh(self._runner, self._desk)
        self._runner.submit(DAY_LISTS, Nothing(), self._desk, CASE_LIST_READ_FAILED, owner=self,
                            answered=partial(self._show_lists, today, then),
                            failed=failures_to(self._not_read))  # fmt: skip

    def _not_read(self, err: Failed) -> None:
        for summary in (self.today_summary, self.due_summary):
            restyle(summary, "listError")
            summary.setText(err.message)

    def _show_lists(self, today: dt.date, then: Callable[[], None] | None, read: DayLists) -> None:
        for summary in (self.today_summary, self.due_summary):
            restyle(summary, "listSummary")
        self._fill_today(read.of_day, today, read.soon_until)
        self._fill_due(read, today)
        if then is not None:
            then()

    def _fill_today(self, rows: tuple[CaseRow, ...], today: dt.date, soon_until: dt.date) -> None:
        desk = desk_text(self._desk.identity.desk_no)
        self.today_summary.setText(CASE_LIST_TODAY_SUMMARY.format(day=today.isoformat(), desk=desk, count=len(rows)))
        table = self.today_table
        table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            due = row.next_due if row.status is CaseStatus.AWAITING_DEFERRED else None
            items = fill_row(
                table,
                number,
                (
                    row.case_no,
                    case_status_text(row.status, row.only_received),
                    row.bundle_name,
                    row.applicant_name,
                    day_text(due),
                ),
                row.case_no,
            )
            items[3].setToolTip(row.applicant_name)  # whole, where its column cuts it
            paint(items, URGENCY_COLOURS.get(urgency(due, today, soon_until)))

    def _fill_due(self, read: DayLists, today: dt.date) -> None:
        """The earliest cases coming due, with how many there are: the list holds a page, the summary says so."""
        rows, soon_until, calendar = read.due, read.soon_until, read.calendar
        last_day, shown = soon_until.isoformat(), len(rows)
        if not read.due_counted_all:
            summary = CASE_LIST_DUE_MANY.format(last_day=last_day, count=read.due_count, shown=shown)
            title = CASE_LIST_DUE_COUNT.format(count=CASE_LIST_DUE_COUNT_MANY.format(count=read.due_count))
        else:
            word = CASE_LIST_DUE_PAGED if shown < read.due_count else CASE_LIST_DUE_SUMMARY
            summary = word.format(last_day=last_day, count=read.due_count, overdue=read.due_overdue, shown=shown)
            title = CASE_LIST_DUE_COUNT.format(count=read.due_count) if rows else CASE_LIST_DUE
        self.due_summary.setText(summary)
        self.tabs.setTabText(1, title)
        table = self.due_table
        table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            assert row.next_due is not None  # the list holds only cases with a due date
            left = due_text(row.next_due, today, calendar)
            items = fill_row(
                table,
                number,
                (
                    row.case_no,
                    row.next_due.isoformat(),
                    CASE_LIST_CORRECTION.format(text=left) if row.status is CaseStatus.CORRECTION_ISSUED else left,
                    row.applicant_name,
                    row.bundle_name,
                    row.received_on.isoformat(),
                    desk_text(row.desk_no),
                ),
                row.case_no,
            )
            items[3].setToolTip(row.applicant_name)  # whole, where its column cuts it
            paint(items, URGENCY_COLOURS.get(urgency(row.next_due, today, soon_until)))

    def on_row_activated(self, table: QTableWidget, index: QModelIndex) -> None:
        if (case_no := number_at(table, index.row())) is not None:
            self.case_chosen.emit(case_no)

    def current_table(self) -> QTableWidget:
        return self.today_table if self.tabs.currentIndex() == 0 else self.due_table

    def focus_list(self) -> None:
        """The keyboard in the list shown, on its first case: arrows move, Enter opens."""
        if self.tabs.currentWidget() is self.items:
            self.items.focus_list()
            return
        table = self.current_table()
        if table.currentRow() < 0 and table.rowCount():  # current, not selected: its warning colour stays in view
            table.selectionModel().setCurrentIndex(
                table.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        table.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_tab_changed(self, _index: int) -> None:
        self.focus_list()

    def on_refresh_clicked(self) -> None:
        self.refresh()

    def on_case_changed(self, _case_no: str) -> None:
        self.refresh()
