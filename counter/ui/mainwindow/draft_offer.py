"""The bar that offers back the intakes left unfinished: by a crash, a power cut, another applicant, or a window closed.

The desk keeps one draft per applicant (:mod:`counter.intake.kept_drafts`); the bar names the one, or lists the
several to choose from, and 恢复 / 放弃 act on the one chosen.  It never takes the keyboard as it shows: what the clerk
types goes on into the search box.  Tab from there reaches the list (where there are several) and 恢复, and its
buttons answer Enter as a dialog's do (a bar in a main window has no default button of its own).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFrame, QHBoxLayout, QPushButton

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
        self.choice = QComboBox()  # the drafts kept, where there are several; its data: each intake's uid
        self.choice.setAccessibleName(words.DESK_DRAFT_CHOICE)
        self.restore_button = QPushButton(words.DESK_DRAFT_RESTORE)
        self.discard_button = QPushButton(words.DESK_DRAFT_DISCARD)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.choice)
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

    def offer(self, said: tuple[str, ...], kept: tuple[tuple[str, str, str], ...]) -> None:
        """``said``: the drafts dropped, each why; ``kept``: each draft kept as (its uid, its question alone, its line
        in a list), newest first.  Hidden where there is neither."""
        self.choice.clear()
        for uid, _, line in kept:
            self.choice.addItem(line, uid)
        lines = list(said)
        if len(kept) == 1:
            lines.append(kept[0][1])
        elif kept:
            lines.append(words.DESK_DRAFTS_OFFER.format(count=len(kept)))
        self.label.setText("\n".join(lines))
        self.choice.setVisible(len(kept) > 1)
        self.restore_button.setVisible(bool(kept))
        self.discard_button.setVisible(bool(kept))
        self.setVisible(bool(lines))

    def chosen(self) -> str:
        """The uid of the draft 恢复 and 放弃 act on: the one chosen in the list, or the only one."""
        uid = self.choice.currentData()
        return uid if isinstance(uid, str) else ""
