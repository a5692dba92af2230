"""Read-only tables of the supervisor's pages: whole rows selected, columns sized to their text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def read_only_items(values: list[str]) -> list[QTableWidgetItem]:
    items = []
    for value in values:
        item = QTableWidgetItem(value)
        item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
        items.append(item)
    return items


def line_table(columns: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # nothing to edit in a cell: Tab goes on to the next control, the arrows move
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_figure_rows(table: QTableWidget, rows: list[list[str]]) -> None:
    """Rows of figures under a label, the last one the total: numbers to the right, the total in bold."""
    table.setRowCount(len(rows))
    bold = QFont(table.font())
    bold.setBold(True)
    for index, values in enumerate(rows):
        for column, item in enumerate(read_only_items(values)):
            if index == len(rows) - 1:
                item.setFont(bold)
            if column > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(index, column, item)
