"""The left side of the window: a search box and the bundles it finds.

The keyboard stays in the box: Down and Up move the highlight in the list,
Enter opens the highlighted bundle (or the first hit when nothing is
highlighted yet), so a clerk types "xcg", presses Enter and reads the guide.
The list never takes the focus; a click on it opens the bundle clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from counter.catalog.search import SearchHit, SearchIndex
from counter.ui import words
from counter.ui.hit_delegate import NAME_ROLE, NUMBER_ROLE, PUBLISHED_ROLE, HitDelegate
from counter.ui.text_size import scaled

CODE_ROLE = Qt.ItemDataRole.UserRole
STYLE = """
QLineEdit { font-size: 16px; padding: 7px 8px; border: 1px solid #9fb3c8; border-radius: 4px; }
QLineEdit:focus { border: 2px solid #0b4f8a; }
QListWidget { border: 1px solid #d9e2ec; font-size: 15px; }
QListWidget::item { border-bottom: 1px solid #edf1f5; }
QListWidget::item:selected { background: #dceefb; color: #102a43; }
QLabel#hitCount { color: #627d98; }
"""
_STEPS = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 10,
    Qt.Key.Key_PageUp: -10,
}


class SearchBox(QLineEdit):
    """A line edit that hands Down, Up, Enter and Esc to the search panel."""

    step_requested = Signal(int)
    open_requested = Signal()
    clear_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = Qt.Key(event.key())
        if key in _STEPS:
            self.step_requested.emit(_STEPS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
        elif key == Qt.Key.Key_Escape:  # the window's shortcut catches it first when active
            self.clear_requested.emit()
        else:
            super().keyPressEvent(event)


class SearchPanel(QWidget):
    bundle_chosen = Signal(str)  # bundle code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(scaled(STYLE))
        self._index = SearchIndex([])
        self.box = SearchBox()
        self.box.setPlaceholderText(words.DESK_SEARCH_PLACEHOLDER)
        self.box.setAccessibleName(words.DESK_SEARCH_NAME)
        self.box.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("hitCount")
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setAccessibleName(words.DESK_HITS_NAME)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-wrap when the panel narrows
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 6, 12)
        layout.setSpacing(8)
        layout.addWidget(self.box)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)

    def set_index(self, index: SearchIndex) -> None:
        self._index = index
        self.on_query_changed(self.box.text())

    def hits(self) -> list[str]:
        """Bundle codes listed, top first."""
        return [self.results.item(row).data(CODE_ROLE) for row in range(self.results.count())]

    def on_query_changed(self, text: str) -> None:
        hits = self._index.search(text, limit=max(len(self._index), 1))
        self.results.clear()
        for hit in hits:
            self.results.addItem(self._item(hit))
        self.results.setCurrentRow(-1)
        if hits:
            self.count.setText(words.DESK_SEARCH_HITS.format(count=len(hits)))
        else:
            self.count.setText(words.DESK_SEARCH_NO_HIT)

    def on_step(self, step: int) -> None:
        count = self.results.count()
        if not count:
            return
        row = self.results.currentRow()
        target = 0 if row < 0 and step > 0 else min(max(row + step, 0), count - 1)
        self.results.setCurrentRow(target)
        self.results.scrollToItem(self.results.currentItem())

    def on_open(self) -> None:
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self.results.setCurrentItem(item)
            self.bundle_chosen.emit(item.data(CODE_ROLE))

    def on_item_clicked(self, item: QListWidgetItem) -> None:
        self.bundle_chosen.emit(item.data(CODE_ROLE))
        self.box.setFocus()

    def on_clear(self) -> None:
        self.box.clear()  # textChanged lists every bundle again
        self.results.setCurrentRow(-1)
        self.box.setFocus()

    @staticmethod
    def _item(hit: SearchHit) -> QListWidgetItem:
        label = f"{hit.number} {hit.name}" + ("" if hit.published else f" {words.DESK_UNPUBLISHED_TAG}")
        item = QListWidgetItem(label)  # what accessibility tools read; the delegate draws the row
        item.setData(CODE_ROLE, hit.bundle_code)
        item.setData(NUMBER_ROLE, hit.number)
        item.setData(NAME_ROLE, hit.name)
        item.setData(PUBLISHED_ROLE, hit.published)
        return item
