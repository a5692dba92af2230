"""A row of buttons that wraps onto the next line when the window is narrow, instead of cutting them.

The action bar, the situation answers and the receipt buttons are rows of short buttons whose width adds up to more
than a 1024-pixel screen holds at larger text.  Qt has no such layout of its own; this is the one of Qt's "Flow
Layout" example, with height-for-width so a scroll area or a window gives it the lines it needs.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items left to right, each line as tall as its tallest item; a new line when the next item would not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        # the height at each width asked, until the layout changes: a row's layout, the column it stands in and
        # the scroll area around it each ask again for the same width while a window lays out
        self._heights: dict[int, int] = {}
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def invalidate(self) -> None:
        """An item shown, hidden or resized, or the text size changed (Qt calls this): every height measured anew."""
        self._heights.clear()
        super().invalidate()

    def spacing(self) -> int:
        return self._spacing

    def setSpacing(self, spacing: int) -> None:  # noqa: N802 (Qt's name)
        self._spacing = spacing
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt's name)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt's name)
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Everything on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt's name)
        """The widest item: every other one can go onto a line of its own."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return self._with_margins(size)

    def _with_margins(self, size: QSize) -> QSize:
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items in ``rect`` (or only measure), each centred on its line; the height they take."""
        area = rect.marginsRemoved(self.contentsMargins())
        lines: list[list[QLayoutItem]] = []
        x = area.x()
        for item in self._shown():
            width = item.sizeHint().width()
            if not lines or (x > area.x() and x + width > area.right() + 1):
                lines.append([])
                x = area.x()
            lines[-1].append(item)
            x += width + self._spacing
        y = area.y()
        for line in lines:
            height = max(item.sizeHint().height() for item in line)
            x = area.x()
            for item in line:
                hint = item.sizeHint()
                if move:
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(min(hint.width(), area.width()), hint.height())))
                x += hint.width() + self._spacing
            y += height + self._spacing
        used = y - self._spacing if lines else y
        return used - rect.y() + self.contentsMargins().bottom()


def flow_row(widgets: list[QWidget], spacing: int = 6) -> QWidget:
    """The widgets in a wrapping row of their own widget (for a grid's cell or a form's field)."""
    row = QWidget()
    layout = FlowLayout(row, spacing)
    for widget in widgets:
        layout.addWidget(widget)
    row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return row


class GrowingRow(QWidget):
    """A wrapping row that asks for the height its lines take at its width, where the widget it sits in does not ask
    for height-for-width (a window's status bar sizes its widgets by their hints alone)."""

    def __init__(self, widgets: list[QWidget], spacing: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, spacing)
        for widget in widgets:
            self.flow.addWidget(widget)

    def add(self, widget: QWidget) -> None:
        self.flow.addWidget(widget)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        least = self.flow.minimumSize()
        return QSize(least.width(), max(least.height(), self.flow.heightForWidth(max(self.width(), 1))))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.flow.sizeHint().width(), self.minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.flow.heightForWidth(self.width()) != self.height():
            self.updateGeometry()  # one more line, or one fewer: the status bar is asked again
