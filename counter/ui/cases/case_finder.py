"""F7's finder: the cases found by what the applicant had at hand, over a period the clerk may widen.

One case found from F7 opens at once (:class:`counter.ui.cases.opening.CaseDesk`); several (a common name, a
number's last digits), or none, are shown here: newest first, with what tells them apart (the day, the applicant,
the ID number and phone, the status, the bundle).  The field and the period stay above the list, so the clerk types
again or widens the period (Alt+P) without going back to F7; Enter in the list opens the case, Esc closes.

The ID number and phone are masked as paper masks them; a clerk or supervisor who may see them whole asks with
the same button as on the case page, and the list is masked again at every search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidget, QVBoxLayout, QWidget

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.case.case_lists import FOUND_AT_MOST
from counter.case.lookup import LOOKBACK_CHOICES, LOOKBACK_DAYS, FoundCase, LookupKind, read_lookup
from counter.service.cases import FIND_CASES, FindCases
from counter.ui.cases.marks import LIST_STYLE, restyle
from counter.ui.cases.tables import fill_row, names_first_table, number_at
from counter.ui.cases.words import (
    CASE_FOUND_COLUMNS,
    CASE_FOUND_FIELD,
    CASE_FOUND_GO,
    CASE_FOUND_HINT,
    CASE_FOUND_MANY,
    CASE_FOUND_NONE,
    CASE_FOUND_PERIOD,
    CASE_FOUND_PERIODS,
    CASE_FOUND_READ_FAILED,
    CASE_FOUND_SHORT,
    CASE_FOUND_SUMMARY,
    CASE_FOUND_TITLE,
    CASE_FOUND_UNREADABLE,
    CASE_HIDE_FULL_ID,
    CASE_SHOW_FULL_ID,
)
from counter.ui.door.runner import Failed, Runner, failures_to
from counter.ui.keyboard.escape import close_on_escape
from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label
from counter.words.cases import case_status_text

#: the date keeps its width; the case number, the ID number, the phone and the state give way first, each no narrower
#: than its longest unbroken run (the numbers: all of them); then the names, the applicant and the bundle
#: (:class:`counter.ui.cases.tables.NamesFirstTable`)
FOUND_KEPT = (1,)
FOUND_GIVING = (0, 3, 4, 5)

Today = Callable[[], dt.date]


@dataclass(frozen=True, slots=True)
class Found:
    """What a search gave: the cases, or a whole number to open, and the sentence above the list."""

    rows: tuple[FoundCase, ...] = ()
    summary: str = ""
    problem: bool = False  # the summary says why nothing was looked for, or the read failed
    case_no: str = ""  # a whole case number was typed: its case opens


def look_for(
    runner: Runner, desk: Desk, typed: str, days: int, *, owner: QObject, then: Callable[[Found], None]
) -> None:
    """The cases of the last ``days`` days that ``typed`` names, read in one unit of work, with their summary, to
    ``then`` on the window's thread (at once where nothing is read; never once ``owner`` is closed)."""
    lookup = read_lookup(typed)
    shown = typed.strip()
    if lookup is None:
        then(Found(summary=CASE_FOUND_UNREADABLE.format(typed=shown), problem=True))
    elif lookup.kind is LookupKind.CASE_NO:
        then(Found(case_no=lookup.text))
    elif lookup.too_short:
        then(Found(summary=CASE_FOUND_SHORT, problem=True))
    else:

        def read(rows: tuple[FoundCase, ...]) -> None:
            many = CASE_FOUND_MANY if len(rows) >= FOUND_AT_MOST else CASE_FOUND_SUMMARY
            sentence = CASE_FOUND_NONE if not rows else many
            then(Found(tuple(rows), sentence.format(period=CASE_FOUND_PERIODS[days], typed=shown, count=len(rows))))

        def failed(err: Failed) -> None:
            then(Found(summary=err.message, problem=True))

        runner.submit(FIND_CASES, FindCases(lookup, days), desk, CASE_FOUND_READ_FAILED, owner=owner, answered=read,
                      failed=failures_to(failed))  # fmt: skip


class CaseFinder(QWidget):
    case_chosen = Signal(str)  # Enter or a double-click on a row, or a whole number typed

    def __init__(self, runner: Runner, desk: Desk, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self._today = today
        self._rows: tuple[FoundCase, ...] = ()
        self.setWindowTitle(CASE_FOUND_TITLE)
        self.setStyleSheet(scaled(LIST_STYLE))
        self.field = QLineEdit()
        self.field.setPlaceholderText(CASE_FOUND_HINT)
        self.field.setAccessibleName(CASE_FOUND_HINT)
        self.period = QComboBox()
        for days in LOOKBACK_CHOICES:
            self.period.addItem(CASE_FOUND_PERIODS[days], days)
        self.period.setCurrentIndex(LOOKBACK_CHOICES.index(LOOKBACK_DAYS))
        self.search_button = QPushButton(CASE_FOUND_GO)
        self.full_id_button = QPushButton(CASE_SHOW_FULL_ID)
        self.full_id_button.setCheckable(True)
        self.full_id_button.setVisible(desk.actor.may(Permission.SEE_FULL_ID))
        self.summary = plain_label(wrap=True)
        self.summary.setObjectName("listSummary")
        # what tells people apart first; the bundle's long name last, taking the width left.  On a narrow screen the
        # state wraps, then the names; the numbers (the case's, the ID, the phone) stay whole on their line, having
        # no place to break.  Each sized to its texts, at 1024 pixels and 150 % the list scrolled sideways, the state
        # cut at the window's edge and the bundle beyond it.
        self.table = names_first_table(CASE_FOUND_COLUMNS, keep=FOUND_KEPT, give=FOUND_GIVING)
        self.table.setAccessibleName(CASE_FOUND_TITLE)
        self._lay_out()
        self.escape_shortcut = close_on_escape(self)
        self._connect_signals()

    def _lay_out(self) -> None:
        asked = QHBoxLayout()
        for label_text, control in ((CASE_FOUND_FIELD, self.field), (CASE_FOUND_PERIOD, self.period)):
            label = QLabel(label_text)
            label.setBuddy(control)  # Alt+S, Alt+P: the field, the period
            asked.addWidget(label)
            asked.addWidget(control, 1 if control is self.field else 0)
        asked.addWidget(self.search_button)
        asked.addWidget(self.full_id_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(asked)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        for first, second in (
            (self.field, self.period),
            (self.period, self.search_button),
            (self.search_button, self.full_id_button),
            (self.full_id_button, self.table),
        ):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        self.field.returnPressed.connect(self.on_search)
        self.search_button.clicked.connect(self.on_search)
        self.period.activated.connect(self.on_period_chosen)
        self.full_id_button.toggled.connect(self.on_full_id_toggled)
        self.table.activated.connect(partial(self.on_row_activated, self.table))

    def days(self) -> int:
        return int(self.period.currentData())

    def show_found(self, typed: str, found: Found) -> None:
        """``found`` for ``typed``: the summary above, the cases below with the keyboard on the newest (↓ goes on,
        Enter opens), or in the field to type again when there is nothing to choose."""
        self.field.setText(typed.strip())
        restyle(self.summary, "listError" if found.problem else "listSummary")
        self.summary.setText(found.summary)
        self._rows = found.rows
        self.full_id_button.setChecked(False)  # another search, other people's numbers: masked again
        self._fill()
        if found.rows:
            self.table.selectionModel().setCurrentIndex(
                self.table.model().index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.field.selectAll()
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self) -> None:
        whole = self.full_id_button.isChecked()
        table = self.table
        table.setRowCount(len(self._rows))
        for number, row in enumerate(self._rows):
            shown = row if whole else row.masked()
            values = (row.case_no, row.received_on.isoformat(), row.applicant_name, shown.id_no, shown.phone)
            status = case_status_text(row.status, row.only_received)  # as the case page says it
            items = fill_row(table, number, (*values, status, row.bundle_name), row.case_no)
            for item in items:  # a name narrowed below its lines is cut: whole here
                item.setToolTip(item.text())
        table.fit()

    def on_search(self) -> None:
        typed = self.field.text()
        if not typed.strip():
            return
        look_for(self._runner, self._desk, typed, self.days(), owner=self, then=partial(self._found, typed))

    def _found(self, typed: str, found: Found) -> None:
        if found.case_no:
            self.case_chosen.emit(found.case_no)
            return
        self.show_found(typed, found)

    def on_period_chosen(self, _index: int) -> None:
        self.on_search()

    def on_full_id_toggled(self, whole: bool) -> None:
        self.full_id_button.setText(CASE_HIDE_FULL_ID if whole else CASE_SHOW_FULL_ID)
        self._fill()

    def on_row_activated(self, table: QTableWidget, index: QModelIndex) -> None:
        if (case_no := number_at(table, index.row())) is not None:
            self.case_chosen.emit(case_no)
