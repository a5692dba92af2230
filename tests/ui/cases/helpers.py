"""Reading a case window the way a clerk does: the texts it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTableWidget
from sqlalchemy.orm import Session, sessionmaker

from counter.case.view import CaseView
from counter.db.case_store import case_view

if TYPE_CHECKING:
    from counter.ui.cases.case_documents import CaseDocuments


def offered_items(documents: CaseDocuments) -> tuple[str, ...]:
    """The item codes whose paper's button the case page shows, in the order shown."""
    return tuple(code for code, button in documents.item_buttons.items() if not button.isHidden())


def column(table: QTableWidget, index: int) -> list[str]:
    items = (table.item(row, index) for row in range(table.rowCount()))
    return [item.text() if item else "" for item in items]


def row_texts(table: QTableWidget, row: int) -> list[str]:
    items = (table.item(row, c) for c in range(table.columnCount()))
    return [item.text() if item else "" for item in items]


def stored(sessions: sessionmaker[Session], case_no: str) -> CaseView:
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    return view
