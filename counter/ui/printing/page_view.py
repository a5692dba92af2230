"""One document's pages, one under the other on a grey desk, as the printer will put them on paper."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label

PAGE_STYLE = "background: #ffffff; border: 1px solid #9fb3c8;"
DESK_STYLE = "QWidget#pageDesk { background: #e4e7eb; }"


class PageView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        desk = QWidget()
        desk.setObjectName("pageDesk")
        desk.setStyleSheet(scaled(DESK_STYLE))
        self._column = QVBoxLayout(desk)
        self._column.setContentsMargins(24, 18, 24, 18)
        self._column.setSpacing(18)
        self._column.addStretch(1)
        self.setWidget(desk)
        self.pages: list[QLabel] = []

    def show_pages(self, images: list[QImage]) -> None:
        for label in self.pages:
            label.deleteLater()
        self.pages = []
        for image in images:
            label = plain_label()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet(scaled(PAGE_STYLE))
            label.setFixedSize(image.width() + 2, image.height() + 2)
            self._column.insertWidget(self._column.count() - 1, label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(label)

    def page_count(self) -> int:
        return len(self.pages)
