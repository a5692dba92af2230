"""The situation questions of a guide as rows of toggle buttons.

Each option is a checkable button; at most one per question is down, and
pressing the one that is down again lifts it (the question is then open, and
every material it decides stays listed, see ``Material.applies``).  The buttons
are made anew for every guide, so they are connected here when made; the panel
itself speaks to the window only through :attr:`answers_changed`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter.ui import words
from counter.ui.look.text_size import scaled
from counter.ui.widgets.flow_layout import FlowLayout
from counter.ui.widgets.plain_text import plain_label

if TYPE_CHECKING:
    from counter.catalog.model import Situation

STYLE = """
QPushButton[option="true"] {
    padding: 5px 14px; border: 1px solid #9fb3c8; border-radius: 4px; background: #ffffff; color: #243b53;
}
QPushButton[option="true"]:hover { background: #f0f4f8; }
QPushButton[option="true"]:checked { background: #0b4f8a; border-color: #0b4f8a; color: #ffffff; }
QPushButton:focus { border: 2px solid #f0a020; }
QLabel[question="true"] { color: #243b53; font-weight: bold; }
"""


class SituationPanel(QWidget):
    answers_changed = Signal(dict)  # {situation code: option code}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(scaled(STYLE))
        self.reset_button = QPushButton(words.DESK_RESET_SITUATIONS)
        self.reset_button.setProperty("option", True)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(8)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._buttons: dict[tuple[str, str], QPushButton] = {}
        self._rows: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 4, 2, 4)
        layout.setSpacing(8)
        layout.addLayout(self._grid)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reset_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)

    def show_situations(self, situations: Sequence[Situation]) -> None:
        for widget in self._rows:
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._rows.clear()
        self._buttons.clear()
        for row, situation in enumerate(situations):
            question = plain_label(situation.question)
            question.setProperty("question", True)
            self._grid.addWidget(question, row, 0)
            options = QWidget()
            line = FlowLayout(options)  # the options wrap in a narrow window
            for option in situation.options:
                button = QPushButton(option.label)
                button.setProperty("option", True)
                button.setCheckable(True)
                button.clicked.connect(
                    lambda _checked=False, s=situation.code, o=option.code: self.on_option_clicked(s, o)
                )
                self._buttons[(situation.code, option.code)] = button
                line.addWidget(button)
            self._grid.addWidget(options, row, 1)
            self._rows += [question, options]
        self.setVisible(bool(situations))

    def option_button(self, situation: str, option: str) -> QPushButton:
        return self._buttons[(situation, option)]

    def answers(self) -> dict[str, str]:
        return {s: o for (s, o), button in self._buttons.items() if button.isChecked()}

    def on_option_clicked(self, situation: str, option: str) -> None:
        if self._buttons[(situation, option)].isChecked():
            for (s, o), button in self._buttons.items():
                if s == situation and o != option:
                    button.setChecked(False)
        self.answers_changed.emit(self.answers())

    def on_reset_clicked(self) -> None:
        for button in self._buttons.values():
            button.setChecked(False)
        self.answers_changed.emit({})
