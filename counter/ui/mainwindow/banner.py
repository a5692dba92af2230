"""A yellow bar across the top of the window for what the clerk must know now.

Used when the bundled catalog had files that could not be taken: each file and
its problem is named, and the desk keeps working with the last good catalog.
The bar stays until closed, and lists every problem (scrolling when many).

Its contents are made with its first message: most starts of the desk have nothing to say, and the window's start
does not wait for a scroll area, a label and a button it will not show.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from counter.ui import words
from counter.ui.look.text_size import px, scaled
from counter.ui.widgets.plain_text import plain_label

STYLE = """
QFrame#banner { background: #fff3c4; border-bottom: 1px solid #e9b949; }
QFrame#banner QLabel { color: #513c06; font-size: 14px; }
QFrame#banner QScrollArea, QFrame#banner QScrollArea > QWidget > QWidget { background: transparent; }
QFrame#banner QPushButton { padding: 4px 14px; }
"""
MAX_HEIGHT = 190


class Banner(QFrame):
    label: QLabel  # these three from the first message on (:meth:`_make`)
    message_area: QScrollArea
    close_button: QPushButton

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._made = False
        self.hide()

    def _make(self) -> None:
        self.setStyleSheet(scaled(STYLE))
        self.label = plain_label(wrap=True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_area = QScrollArea()
        self.message_area.setWidget(self.label)
        self.message_area.setWidgetResizable(True)
        self.message_area.setFrameShape(QFrame.Shape.NoFrame)
        self.message_area.setAccessibleName(words.DESK_BANNER_NAME)
        self.close_button = QPushButton(words.DESK_BANNER_CLOSE)
        self.close_button.clicked.connect(self.on_close_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.message_area, 1)
        side = QVBoxLayout()
        side.addWidget(self.close_button)
        side.addStretch(1)
        layout.addLayout(side)
        self._made = True

    def show_message(self, title: str, lines: Sequence[str] = ()) -> None:
        from html import escape  # only a start with something to say needs it, not the first search

        if not self._made:
            self._make()
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        body = f"<ul>{items}</ul>" if items else ""
        self.label.setText(f"<b>⚠ {escape(title)}</b>{body}")
        self.show()
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as the message, up to a limit; beyond it the list scrolls."""
        if not self.isVisible():
            return
        width = self.message_area.viewport().width()
        height = self.label.heightForWidth(width)
        if height < 0:  # not laid out yet
            height = self.label.sizeHint().height()
        self.message_area.setFixedHeight(min(height, px(MAX_HEIGHT)))

    def text(self) -> str:
        return self.label.text() if self._made else ""

    def on_close_clicked(self) -> None:
        self.hide()
