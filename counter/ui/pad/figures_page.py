"""好差评统计: 好评率, 差评数, 未评率, 整改率 by day, desk, clerk or bundle, for a period.

The numbers are counted by the database with the queries ``counter figures`` uses
(``ratings.rating_figures``), to the rules of :mod:`counter.ratings.figures`, so the screen
and the league's report agree; the rules behind each rate are printed under the table, because a rate nobody can
recompute is not trusted.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.access.desk import Desk
from counter.ratings.figures import Figures, Grouping
from counter.service.ratings import RATING_FIGURES, RatingFigures, RatingFiguresAsked
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.ui.look.text_size import scaled
from counter.ui.pad.style import PAGE_STYLE
from counter.ui.pad.tables import SharedWidthTable, fill_figure_rows
from counter.ui.pad.timers import Clock, local_now
from counter.ui.pad.words import (
    PAD_DESK,
    RATING_FIGURES_COLUMNS,
    RATING_FIGURES_FROM,
    RATING_FIGURES_NOTE,
    RATING_FIGURES_READ_FAILED,
    RATING_FIGURES_SHOW,
    RATING_FIGURES_TITLE,
    RATING_FIGURES_TO,
    RATING_FIGURES_TOTAL,
)
from counter.ui.widgets.plain_text import plain_label
from counter.words.period_figures import agent_service_line
from counter.words.ratings import RATING_GROUPING, channels_line, percent_text, request_shares_line


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def group_label(label: str, grouping: Grouping) -> str:
    return PAD_DESK.format(desk_no=label) if grouping is Grouping.DESK else label


def figure_cells(line: Figures, label: str) -> list[str]:
    """A line's cells under :data:`RATING_FIGURES_COLUMNS`: 办件数 = 已评价 + 未评价 + 评价中 + 申诉撤销."""
    return [
        label,
        str(line.services),
        str(line.rated),
        str(line.good),
        str(line.bad),
        str(line.appealing),
        str(line.not_rated),
        str(line.pending),
        str(line.excluded),
        percent_text(line.good_rate),
        percent_text(line.unrated_rate),
        percent_text(line.rectification_rate),
    ]


class FiguresPage(QWidget):
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
        self.setWindowTitle(RATING_FIGURES_TITLE)
        self.setStyleSheet(scaled(PAGE_STYLE))
        today = clock().date()
        self.first = _date_edit(today.replace(day=1))
        self.last = _date_edit(today)
        self.grouping = QComboBox()
        for grouping in Grouping:
            self.grouping.addItem(RATING_GROUPING[grouping], grouping)
        self.show_button = QPushButton(RATING_FIGURES_SHOW)
        title = plain_label(RATING_FIGURES_TITLE)
        title.setProperty("role", "title")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(plain_label(RATING_FIGURES_FROM))
        bar.addWidget(self.first)
        bar.addWidget(plain_label(RATING_FIGURES_TO))
        bar.addWidget(self.last)
        bar.addWidget(self.grouping)
        bar.addWidget(self.show_button)
        # each column what its heading and figures need, the rest shared: every heading read whole, none cut off
        self.table = SharedWidthTable(RATING_FIGURES_COLUMNS)
        self.error = plain_label()
        self.error.setProperty("role", "problems")
        self.error.hide()
        self.channels = plain_label(wrap=True)  # the first ratings by channel: 评价器, 二维码, 书面评价 …
        self.requests = plain_label(wrap=True)  # per clerk, the pads' requests sent and the share answered
        self.agent_service = plain_label(wrap=True)  # the 帮您办 评价表s: a channel of their own, beside the table
        note = plain_label(RATING_FIGURES_NOTE, wrap=True)
        note.setProperty("role", "note")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.channels)
        layout.addWidget(self.requests)
        layout.addWidget(self.agent_service)
        layout.addWidget(note)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.show_button.clicked.connect(self.on_show)
        self.grouping.currentIndexChanged.connect(self.on_show)

    def on_show(self) -> None:
        first, last = sorted((_day(self.first), _day(self.last)))
        grouping = Grouping(self.grouping.currentData())
        # the cases' ratings and the projects' 评价表s of one moment: one operation
        asked = RatingFiguresAsked(first, last, grouping)
        self._runner.submit(RATING_FIGURES, asked, self._desk, RATING_FIGURES_READ_FAILED, owner=self,
                            answered=partial(self._read, grouping), failed=self._not_read)  # fmt: skip

    def _not_read(self, err: Exception) -> None:
        self.error.setText(refusal_text(err))
        self.error.show()

    def _read(self, grouping: Grouping, figures: RatingFigures) -> None:
        self.error.hide()
        self.show_figures(figures.lines, figures.total, grouping)
        self.channels.setText(channels_line(figures.channels, figures.quick_answers))
        self.requests.setText(request_shares_line(figures.requests))
        self.agent_service.setText(agent_service_line(figures.agent_service))

    def show_figures(self, lines: tuple[Figures, ...], total: Figures, grouping: Grouping) -> None:
        rows = [figure_cells(line, group_label(line.label, grouping)) for line in lines]
        rows.append(figure_cells(total, RATING_FIGURES_TOTAL))
        fill_figure_rows(self.table, rows)
