"""The bar that offers back an intake left unfinished: by a crash, a power cut, or its window closed.

It never takes the keyboard as it shows: what the clerk types goes on into the search box.  Tab from there reaches
恢复, and its buttons answer Enter as a dialog's do (a bar in a main window has no default button of its own).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QPushButton

from counter.ui import words
from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label

STYLE = """
QFrame#draftOffer { background: #e8f1fb; border-bottom: 1px solid #9fc3e7; }
QFrame#draftOffer QLabel { color: #0b4f8a; font-size: 14px; }
"""


class DraftOffer(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("draftOffer")
        self.setStyleSheet(scaled(STYLE))
        self.label = plain_label(wrap=True)
        self.restore_button = QPushButton(words.DESK_DRAFT_RESTORE)
        self.discard_button = QPushButton(words.DESK_DRAFT_DISCARD)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        focused = QApplication.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focused in (
            self.restore_button,
            self.discard_button,
        ):
            focused.click()
            return
        super().keyPressEvent(event)

    def offer(self, text: str, can_restore: bool) -> None:
        self.label.setText(text)
        self.restore_button.setVisible(can_restore)
        self.discard_button.setVisible(can_restore)
        self.show()
