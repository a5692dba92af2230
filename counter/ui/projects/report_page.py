"""F8's 帮您办 page: the month's report a county sends the league (due on the 23rd), as the supervisor checks it.

Read by the operation ``projects.read_report``: each project served in the month, stated as of today or the month's
last day.  Two small count tables (county × state, county × stage, each with its total)
stand above the rows, so the figures the league asks for are read off without scrolling; 导出CSV writes the rows
as a spreadsheet opens them (UTF-8 with its mark, so Excel shows the Chinese).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from counter.projects.model import ProjectState, Stage
from counter.projects.report import NO_STAGE, Month, MonthlyReport, ReportRow
from counter.service.projects import READ_REPORT, ReadReport
from counter.ui.cases.marks import RED, RED_TEXT, paint, restyle
from counter.ui.cases.tables import fill_row, line_table
from counter.ui.door.runner import Failed, Runner, failures_to
from counter.ui.projects import words
from counter.ui.projects.move_form import to_date
from counter.ui.widgets.plain_text import plain_label, plain_tip
from counter.words.files import file_fault
from counter.words.punctuation import LIST_JOIN

STAGE_COLUMNS = (NO_STAGE, *(s.value for s in Stage))
# the project unit and the day applied: in the CSV, not on screen, where the project's name needs the width at 1024
OFF_SCREEN = frozenset({3, 10})
NAME_COLUMN = 2


def on_screen(values: Sequence[str]) -> list[str]:
    return [v for n, v in enumerate(values) if n not in OFF_SCREEN]


def pivot(counts: Sequence[tuple[str, str, int]], columns: Sequence[str]) -> list[tuple[str, list[int]]]:
    """(county, column, count) as one row a county: its counts in ``columns``' order, then the county's total."""
    rows: dict[str, list[int]] = {}
    for county, column, count in counts:
        cells = rows.setdefault(county, [0] * (len(columns) + 1))
        cells[columns.index(column)] += count
        cells[-1] += count
    return sorted(rows.items())


def row_values(row: ReportRow) -> tuple[str, ...]:
    satisfaction = words.SATISFACTION[row.satisfaction] if row.satisfaction else ""
    return (row.county, row.project_no, row.name, row.investor, str(row.investment), words.STATE[row.state],
            words.STAGE_BY_VALUE[row.stage], words.REPORT_STEPS.format(done=row.steps_done, total=row.steps_total),
            str(row.steps_overdue or ""), LIST_JOIN.join(row.agents), row.applied_on.isoformat(),
            satisfaction)  # fmt: skip


class ProjectsReportPage(QWidget):
    def __init__(self, runner: Runner, clock: Callable[[], dt.datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._clock = clock
        self.report: MonthlyReport | None = None
        today = clock().date()
        self.month = QDateEdit(QDate(today.year, today.month, 1))
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setAccessibleName(words.REPORT_MONTH)
        self.show_button = QPushButton(words.REPORT_SHOW)
        self.export_button = QPushButton(words.REPORT_EXPORT)
        self.summary = plain_label(wrap=True)
        self.summary.setObjectName("listSummary")
        state_columns = [words.REPORT_COUNTY, *(words.STATE[s] for s in ProjectState), words.REPORT_TOTAL]
        stage_columns = [words.REPORT_COUNTY, *(words.STAGE_BY_VALUE[s] for s in STAGE_COLUMNS), words.REPORT_TOTAL]
        self.by_state = line_table(state_columns, stretch=0)
        self.by_state.setAccessibleName(words.REPORT_BY_STATE)
        self.by_stage = line_table(stage_columns, stretch=0)
        self.by_stage.setAccessibleName(words.REPORT_BY_STAGE)
        self.rows = line_table(on_screen(words.REPORT_COLUMNS), stretch=NAME_COLUMN)
        self.export_dialog: QFileDialog | None = None
        self._lay_out()
        self.show_button.clicked.connect(self.on_show)
        self.month.editingFinished.connect(self.on_show)
        self.export_button.clicked.connect(self.on_export_requested)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        label = plain_label(words.REPORT_MONTH)
        label.setBuddy(self.month)
        top.addWidget(label)
        top.addWidget(self.month)
        top.addWidget(self.show_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        counts = QHBoxLayout()
        for title, table in ((words.REPORT_BY_STATE, self.by_state), (words.REPORT_BY_STAGE, self.by_stage)):
            column = QVBoxLayout()
            column.addWidget(plain_label(title))
            column.addWidget(table)
            counts.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(counts)
        layout.addWidget(self.rows, 1)

    def chosen_month(self) -> Month:
        return Month.of(to_date(self.month.date()))

    def on_show(self) -> None:
        """Read the month chosen, as of today (or its last day)."""
        month = self.chosen_month()
        self._runner.submit(READ_REPORT, ReadReport(month), message=words.READ_FAILED, owner=self,
                            answered=partial(self._read, month), failed=failures_to(self._not_read))  # fmt: skip

    def _not_read(self, err: Failed) -> None:
        """The month asked was not read: nothing of the month shown before stays, on screen or for the export, under
        the month now chosen."""
        restyle(self.summary, "listError")
        self.summary.setText(err.message)
        self.report = None
        for table in (self.by_state, self.by_stage, self.rows):
            table.setRowCount(0)

    def _read(self, month: Month, report: MonthlyReport) -> None:
        restyle(self.summary, "listSummary")
        self.report = report
        self.summary.setText(
            words.REPORT_SUMMARY.format(
                month=str(month), count=len(report.rows), as_of=report.as_of.isoformat(), due=report.due_on.isoformat()
            )
        )
        states = [(c, s.value, n) for c, s, n in report.by_state]
        self._fill_counts(self.by_state, pivot(states, [s.value for s in ProjectState]))
        self._fill_counts(self.by_stage, pivot(report.by_stage, STAGE_COLUMNS))
        self.rows.setRowCount(len(report.rows))
        for number, row in enumerate(report.rows):
            items = fill_row(self.rows, number, on_screen(row_values(row)))
            items[NAME_COLUMN].setToolTip(plain_tip(row.investor))
            paint(items, (RED, RED_TEXT) if row.steps_overdue else None)

    @staticmethod
    def _fill_counts(table: QTableWidget, rows: list[tuple[str, list[int]]]) -> None:
        table.setRowCount(len(rows))
        for number, (county, cells) in enumerate(rows):
            fill_row(table, number, (county, *(str(n) if n else "" for n in cells)))
        # as tall as its rows: the counts are read at a glance, never scrolled
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.resizeRowsToContents()
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height)

    def on_export_requested(self) -> None:
        if self.report is None:
            self.on_show()
        dialog = QFileDialog(self, words.REPORT_EXPORT, f"bangninban-{self.chosen_month()}.csv", "CSV (*.csv)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setModal(False)
        dialog.fileSelected.connect(self.on_export_path_chosen)
        self.export_dialog = dialog
        dialog.show()

    def on_export_path_chosen(self, path: str) -> None:
        self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """The rows of the month shown, with their headings, as CSV at ``path``; says where, or why not."""
        if self.report is None:
            return False
        try:
            with path.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(words.REPORT_COLUMNS)
                writer.writerows(row_values(r) for r in self.report.rows)
        except OSError as err:
            self.summary.setText(words.REPORT_EXPORT_FAILED.format(fault=file_fault(err)))
            return False
        self.summary.setText(words.REPORT_EXPORTED.format(path=path))
        return True
