"""即办件占比 and 承诺时限压减率 of a month, per desk or bundle, each beside its goal: the supervisor's 即办 page.

The figures and their rules are the domain's (:mod:`counter.case.promise_figures`), read by
:data:`counter.service.intake.MONTH_FIGURES`, the same as ``counter case figures`` prints.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter.access.desk import Desk
from counter.case.month_figures import MonthFigures
from counter.case.promise_figures import FigureGroup, PromiseFigures
from counter.service.intake import MONTH_FIGURES, FiguresOfMonth
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.ui.look.text_size import scaled
from counter.ui.pad.style import PAGE_STYLE
from counter.ui.pad.tables import fill_figure_rows, line_table
from counter.ui.pad.timers import Clock, local_now
from counter.ui.widgets.plain_text import plain_label
from counter.words.ratings import percent_text
from counter.words.same_day import (
    FIGURES_GROUP,
    FIGURES_MONTH,
    FIGURES_PAGE_TITLE,
    FIGURES_READ_FAILED,
    FIGURES_RULES,
    FIGURES_SHOW,
    figure_columns,
    figure_place,
    goals_text,
)


def figure_cells(line: PromiseFigures, group: FigureGroup) -> list[str]:
    return [
        figure_place(line, group),
        str(line.cases),
        percent_text(line.same_day_share),
        percent_text(line.same_day_case_share),
        percent_text(line.mean_reduction),
        str(line.unmeasured_item_cases),
    ]


class PromisePage(QWidget):
    def __init__(
        self,
        runner: Runner,
        *,
        clock: Clock = local_now,
        desk: Desk | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk  # who looks; None: this machine's desk, nobody signed in
        self.setStyleSheet(scaled(PAGE_STYLE))
        today = clock().date()
        self.month = QDateEdit(QDate(today.year, today.month, 1))
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setAccessibleName(FIGURES_MONTH)
        self.group = QComboBox()
        for group in FigureGroup:
            self.group.addItem(FIGURES_GROUP[group], group)
        self.show_button = QPushButton(FIGURES_SHOW)
        title = plain_label(FIGURES_PAGE_TITLE)
        title.setProperty("role", "title")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(self.month)
        bar.addWidget(self.group)
        bar.addWidget(self.show_button)
        self.table = line_table(figure_columns())
        self.table.setAccessibleName(FIGURES_PAGE_TITLE)
        self.error = plain_label()
        self.error.setProperty("role", "problems")
        self.error.hide()
        note = plain_label(f"{goals_text()}\n{FIGURES_RULES}", wrap=True)
        note.setProperty("role", "note")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.show_button.clicked.connect(self.on_show)
        self.group.currentIndexChanged.connect(self.on_show)

    def chosen_month(self) -> str:
        day = self.month.date()
        return dt.date(day.year(), day.month(), 1).strftime("%Y-%m")

    def on_show(self) -> None:
        group = FigureGroup(self.group.currentData())
        asked = FiguresOfMonth(self.chosen_month(), group)
        self._runner.submit(MONTH_FIGURES, asked, self._desk, FIGURES_READ_FAILED, owner=self,
                            answered=self._read, failed=self._not_read)  # fmt: skip

    def _not_read(self, err: Exception) -> None:
        self.error.setText(refusal_text(err))
        self.error.show()

    def _read(self, figures: MonthFigures) -> None:
        self.error.hide()
        self.show_figures(figures)

    def show_figures(self, figures: MonthFigures) -> None:
        rows = [figure_cells(line, figures.group) for line in (*figures.lines, figures.total)]
        fill_figure_rows(self.table, rows)
