"""A text browser exactly as tall as its text, to stack several in one scroll area.

The guide reads as one page: its general part, the situation buttons (real
widgets, reachable by keyboard) and the material list.  Each text part is a
browser without scroll bars whose height follows its content, and the page
scrolls as a whole.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from counter.ui.guide.html_parts import STYLE
from counter.ui.look.text_size import scaled


class DocumentBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenLinks(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDefaultStyleSheet(scaled(STYLE))
        self.document().setDocumentMargin(2)

    def show_html(self, html: str) -> None:
        self.setHtml(html)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        # nothing to scroll here: let the page around it scroll
        event.ignore()

    def _fit(self) -> None:
        document = self.document()
        document.setTextWidth(self.viewport().width())
        height = math.ceil(document.size().height()) + 2 * self.frameWidth()
        if self.height() != height:
            self.setFixedHeight(height)
