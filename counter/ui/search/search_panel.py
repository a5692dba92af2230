"""The left side of the window: a search box and the bundles it finds.

The keyboard stays in the box: Down and Up move the highlight in the list,
Enter opens the highlighted bundle (or, when nothing is highlighted yet, the
suggested one, else the first hit), so a clerk types "xcg", presses Enter and
reads the guide.  The list never takes the focus; a click on it opens the bundle
clicked.  When nothing matches as typed, a line above the list asks
"您要找的是不是：…" with the nearest bundle: Enter or a click on it opens it.

The list is a :class:`QListView` over :class:`HitModel`, which hands rows over
a page at a time, so a keystroke lays out about a screenful of rows however many
bundles matched.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent, QInputMethodEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from counter.catalog.search import SearchAnswer, SearchHit, SearchIndex
from counter.ui import words
from counter.ui.look.targets import with_large_side_buttons
from counter.ui.look.text_size import scaled
from counter.ui.search.hit_delegate import HitDelegate
from counter.ui.search.hit_model import HitModel
from counter.ui.widgets.plain_text import plain_label
from counter.words.search import SEARCH_SUGGESTION

# the count's grey reads at 5.3:1 on the window's grey (WCAG 2.2, 1.4.3: 4.5:1)
STYLE = """
QLineEdit { font-size: 16px; padding: 7px 8px; border: 1px solid #9fb3c8; border-radius: 4px; }
QLineEdit:focus { border: 2px solid #0b4f8a; }
QListView { border: 1px solid #d9e2ec; font-size: 15px; }
QListView::item { border-bottom: 1px solid #edf1f5; }
QListView::item:selected { background: #dceefb; color: #102a43; }
QLabel#hitCount { color: #486581; }
QLabel#suggestion { color: #0b4f8a; font-size: 15px; text-decoration: underline; }
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
    _replace = False  # the next keys replace the text (:meth:`select_to_replace`)

    def select_to_replace(self) -> None:
        """Select the text now and again when the keyboard next comes back: the window's activation after another
        (the intake's) may drop a selection made while it was away."""
        self._replace = True
        self.selectAll()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        if self._replace:
            self.selectAll()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 (Qt's name)
        self._replace = False  # typed in Chinese: the clerk's own text from now on
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self._replace = False
        key = Qt.Key(event.key())
        if key in _STEPS:
            self.step_requested.emit(_STEPS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
        elif key == Qt.Key.Key_Escape:  # the window's shortcut catches it first when active
            self.clear_requested.emit()
        else:
            super().keyPressEvent(event)


class SuggestionLine(QLabel):
    """The "您要找的是不是：…" line: plain text that wraps in a narrow panel, and a click takes it."""

    clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("suggestion")
        self.setTextFormat(Qt.TextFormat.PlainText)  # a bundle's name is never markup
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class SearchPanel(QWidget):
    bundle_chosen = Signal(str)  # bundle code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(scaled(STYLE))
        self._index = SearchIndex([])
        self._suggested: SearchHit | None = None
        self.box = SearchBox()
        self.box.setPlaceholderText(words.DESK_SEARCH_PLACEHOLDER)
        self.box.setAccessibleName(words.DESK_SEARCH_NAME)
        self.box.setClearButtonEnabled(True)
        with_large_side_buttons(self.box)  # the clear button a target the mouse hits: 28 by 24
        clear = self.box.findChild(QAction, "_q_qlineeditclearaction")  # Qt's own, otherwise read as nameless
        if clear is not None:
            clear.setText(words.DESK_SEARCH_CLEAR_NAME)
            clear.setToolTip(words.DESK_SEARCH_CLEAR_NAME)
        self.count = plain_label()
        self.count.setObjectName("hitCount")
        self.suggestion = SuggestionLine()  # never focused: typing stays in the box, and Enter takes it
        self.suggestion.hide()
        self.model = HitModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setAccessibleName(words.DESK_HITS_NAME)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-wrap when the panel narrows
        # the rows wrap their names (HitDelegate): told so, the list lays them out again when its width alone
        # changes, as it does when the scroll bar appears after the rows were measured; otherwise a name that then
        # wrapped was drawn over the next row, for Adjust lays out again only when the list's height changes
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 6, 12)
        layout.setSpacing(8)
        layout.addWidget(self.box)
        layout.addWidget(self.count)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.results, 1)

    def set_index(self, index: SearchIndex) -> None:
        self._index = index
        self.on_query_changed(self.box.text())

    def hits(self) -> list[str]:
        """Bundle codes listed, top first (also those further down than the list has laid out yet)."""
        return [hit.bundle_code for hit in self.model.hits]

    def on_query_changed(self, text: str) -> None:
        self.show_answer(self._index.find(text))

    def show_answer(self, answer: SearchAnswer) -> None:
        self.model.show_hits(answer.hits)
        self._suggested = answer.suggestion
        if answer.suggestion is None:
            self.suggestion.hide()
        else:
            self.suggestion.setText(SEARCH_SUGGESTION.format(name=answer.suggestion.name))
            self.suggestion.show()
        if answer.exact:
            self.count.setText(words.DESK_SEARCH_HITS.format(count=len(answer.hits)))
        elif answer.hits:
            self.count.setText(words.DESK_SEARCH_NEAR.format(count=len(answer.hits)))
        else:
            self.count.setText(words.DESK_SEARCH_NO_HIT)

    def current_row(self) -> int:
        """The highlighted row, or -1."""
        index = self.results.currentIndex()
        return index.row() if index.isValid() else -1

    def on_step(self, step: int) -> None:
        model = self.model
        if not model.rowCount():
            return
        row = self.current_row()
        target = 0 if row < 0 and step > 0 else max(row + step, 0)
        while target >= model.rowCount() and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        self._highlight(min(target, model.rowCount() - 1))

    def _highlight(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)

    def on_open(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.bundle_chosen.emit(self.model.hit(row).bundle_code)
        elif self._suggested is not None:
            self.on_suggestion_clicked()
        elif self.model.rowCount():
            self._highlight(0)
            self.bundle_chosen.emit(self.model.hit(0).bundle_code)

    def on_suggestion_clicked(self) -> None:
        """Take the suggested bundle: highlight it where the list has it, open its guide."""
        suggested = self._suggested
        if suggested is None:
            return
        if self.model.hits and self.model.hit(0).bundle_code == suggested.bundle_code:
            self._highlight(0)
        self.bundle_chosen.emit(suggested.bundle_code)
        self.box.setFocus()

    def on_row_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.bundle_chosen.emit(self.model.hit(index.row()).bundle_code)
        self.box.setFocus()

    def on_intake_over(self) -> None:
        """An intake is done with: its search stays on screen, selected, so the next applicant's initials replace it
        (typed after it, 'xcg' then 'dibao' would search for 'xcgdibao')."""
        self.box.select_to_replace()

    def on_clear(self) -> None:
        self.box.clear()  # textChanged lists every bundle again
        self.results.setCurrentIndex(QModelIndex())
        self.box.setFocus()
