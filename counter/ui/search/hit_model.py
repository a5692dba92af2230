"""The search list's model: the hits of one answer, handed to the view a page at a time.

A query of one letter can match thousands of bundles.  The view asks for rows
only while the last one it has is on screen (Qt's ``canFetchMore`` /
``fetchMore``), so a keystroke lays out and paints about a screenful, however
many bundles matched; scrolling or stepping down asks for the next page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from counter.catalog.search import SearchHit
from counter.ui import words
from counter.ui.search.hit_delegate import HIT_ROLE, NAME_ROLE, NUMBER_ROLE, STATUS_ROLE

CODE_ROLE = Qt.ItemDataRole.UserRole
PAGE = 30  # rows handed over at a time: more than a screen holds at 1280×800

_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, CODE_ROLE, NUMBER_ROLE, NAME_ROLE, STATUS_ROLE, HIT_ROLE})

Index = QModelIndex | QPersistentModelIndex


class HitModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: Sequence[SearchHit] = ()
        self._rows: list[SearchHit] = []  # the hits handed over, made once: the view asks each row many times

    def show_hits(self, hits: Sequence[SearchHit]) -> None:
        """A new answer: the first page of it, the rest when the view needs them."""
        self.beginResetModel()
        self._hits = hits
        self._rows = list(hits[:PAGE])
        self.endResetModel()

    @property
    def hits(self) -> Sequence[SearchHit]:
        """Every hit of the answer, also those not handed to the view yet."""
        return self._hits

    def hit(self, row: int) -> SearchHit:
        return self._rows[row] if row < len(self._rows) else self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name and default)
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and len(self._rows) < len(self._hits)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802 (Qt's name)
        shown = len(self._rows)
        more = self._hits[shown : shown + PAGE]
        if parent.isValid() or not more:
            return
        self.beginInsertRows(QModelIndex(), shown, shown + len(more) - 1)
        self._rows += more
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None  # Qt asks for fonts, colours, icons …: the delegate and the style sheet decide those
        hit = self._rows[index.row()]
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:  # what accessibility tools read; the delegate draws the row
            tag = words.DESK_STATUS_TAG.get(hit.status, "")
            return f"{hit.number} {hit.name}" + (f" {tag}" if tag else "")
        by_role: dict[int, object] = {
            CODE_ROLE: hit.bundle_code,
            NUMBER_ROLE: hit.number,
            NAME_ROLE: hit.name,
            STATUS_ROLE: hit.status.value,
        }
        return by_role[role]
