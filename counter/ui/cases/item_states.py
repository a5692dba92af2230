"""The 各事项的决定 section of a case page: each item of the bundle, its department and its decision so far.

A bundle is decided item by item (:mod:`counter.actions.decisions`): a lapsed 容缺 denies only the items its
materials serve, and the others go on.  This table says which is which, so the clerk tells the applicant which
licence is refused and which are still coming.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from counter.actions.case_view import ItemLine
from counter.case.view import CaseView
from counter.ui.cases.tables import fill_row, full_table
from counter.ui.cases.words import (
    CASE_ITEM_APPROVED,
    CASE_ITEM_COLUMNS,
    CASE_ITEM_DENIED,
    CASE_ITEM_PENDING,
    CASE_ITEMS,
)


class ItemStates(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(CASE_ITEMS)
        self.heading.setObjectName("sectionHeading")
        self.table = full_table(CASE_ITEM_COLUMNS, stretch=3, name=CASE_ITEMS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)

    def show_items(self, view: CaseView, items: tuple[ItemLine, ...]) -> None:
        decisions = view.decisions()
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            decision = decisions.get(item.code)
            if decision is None:
                state, text = CASE_ITEM_PENDING, ""
            else:
                state, text = (CASE_ITEM_APPROVED if decision.approved else CASE_ITEM_DENIED), decision.text
            fill_row(self.table, row, (item.name, item.department, state, text))
        self.table.fit()
        self.setVisible(bool(items))
