"""The sync page's two lists of records held: what a township's hall did not take in, and what waits here for review.

Each row names the record (its number, else its key as a clerk reads it out), why it was held in words, the detail
the program can read, and when; a detail this program cannot read keeps its stored text in the tooltip, for support.
Kept apart from :mod:`counter.ui.sync.sync_page`, which reads the site's state and sends and takes packages: this is
how the rows it reads are shown.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from counter.case.moments import minute_text
from counter.ui.look.text_size import px
from counter.ui.sync import words
from counter.ui.widgets.plain_text import plain_tip
from counter.words.sync import hold_reason, record_type_text
from counter.words.sync_details import detail_read, held_detail

if TYPE_CHECKING:
    from counter.sync.status import HeldAtHall, ReviewItem


def read_only_table(columns: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # read only: Tab goes on past it
    return table


#: the widest a column of the held and review lists grows, at 100 % text: a reason or a note longer than that wraps
#: in its cell (whole in its tooltip) instead of pushing the columns after it out of sight (说明 was, at 1366x768)
COLUMN_MOST = 240


def _fill_cells(table: QTableWidget, row: int, cells: tuple[str, ...]) -> None:
    for column, value in enumerate(cells):
        item = QTableWidgetItem(value)
        item.setToolTip(plain_tip(value))
        table.setItem(row, column, item)


#: a record key longer than this shows as its first characters and an ellipsis (the whole key in its tooltip)
KEY_SHOWN = 8


def short_key(key: str) -> str:
    """A record's key as a clerk can read it out: a 32-hex uid as its first characters, a short key whole."""
    return key if len(key) <= KEY_SHOWN + 4 else f"{key[:KEY_SHOWN]}…"


def _tip(table: QTableWidget, row: int, column: int, text: str) -> None:
    item = table.item(row, column)
    if item is not None:
        item.setToolTip(plain_tip(text))


def _tip_detail(table: QTableWidget, row: int, column: int, reason: str, detail: str) -> None:
    """A detail this program cannot read keeps its stored text in the tooltip: what support asks for."""
    if detail and not detail_read(reason, detail):
        _tip(table, row, column, f"{held_detail(reason, detail)}\n{detail}")


def _fit_cells(table: QTableWidget) -> None:
    table.horizontalHeader().setMaximumSectionSize(px(COLUMN_MOST))
    table.resizeColumnsToContents()
    table.resizeRowsToContents()


def local_minute(at: dt.datetime | None) -> str:
    return words.SYNC_NEVER if at is None else minute_text(at)


def show_held(table: QTableWidget, box: QWidget, rows: tuple[HeldAtHall, ...]) -> None:
    """A township's records its hall holds for review, with the hall's reason: shown only while there are any."""
    table.setRowCount(len(rows))
    for row, item in enumerate(rows):
        cells = (item.number, hold_reason(item.reason), held_detail(item.reason, item.detail), item.hall,
                 local_minute(item.held_at))  # fmt: skip
        _fill_cells(table, row, cells)
        _tip_detail(table, row, 2, item.reason, item.detail)
    _fit_cells(table)
    box.setVisible(bool(rows))


def show_review(table: QTableWidget, empty: QWidget, rows: tuple[ReviewItem, ...]) -> None:
    table.setRowCount(len(rows))
    for row, item in enumerate(rows):
        reason = hold_reason(item.reason)
        kind = record_type_text(item.record_type)
        cells = (item.from_site, str(item.export_no), kind, item.number or short_key(item.record_key), reason,
                 held_detail(item.reason, item.detail), local_minute(item.created_at))  # fmt: skip
        _fill_cells(table, row, cells)
        _tip(table, row, 3, item.record_key)  # the whole key, for support
        _tip_detail(table, row, 5, item.reason, item.detail)
    _fit_cells(table)
    table.setVisible(bool(rows))
    empty.setVisible(not rows)
