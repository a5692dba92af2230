"""The guide's situations as questions with one button per option, for the intake.

Unlike the guide page, where a question may be left open to see every material,
an intake needs every question answered: one option per question stays down,
and pressing it again keeps it down.  Buttons take the keyboard focus (Tab to
reach, Space to press).  They are made anew for every guide, so they are
connected where they are made; the panel hears only :attr:`answered`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QWidget

from counter.catalog.model import Situation
from counter.ui.widgets.flow_layout import FlowLayout
from counter.ui.widgets.plain_text import plain_label


class SituationQuestions(QWidget):
    answered = Signal(str, str)  # situation code, option code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(6)
        self._buttons: dict[tuple[str, str], QPushButton] = {}
        self._groups: list[QButtonGroup] = []

    def show_situations(self, situations: Sequence[Situation], answers: Mapping[str, str]) -> None:
        for row, situation in enumerate(situations):
            question = plain_label(situation.question, wrap=True)
            question.setProperty("role", "question")
            self._grid.addWidget(question, row, 0, Qt.AlignmentFlag.AlignTop)
            options = QWidget()
            line = FlowLayout(options)  # the options wrap in a narrow column
            group = QButtonGroup(options)
            group.setExclusive(True)
            for option in situation.options:
                button = QPushButton(option.label)
                button.setProperty("option", "true")
                button.setCheckable(True)
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                button.setChecked(answers.get(situation.code) == option.code)
                group.addButton(button)
                button.clicked.connect(
                    lambda _checked=False, s=situation.code, o=option.code: self.on_option_clicked(s, o)
                )
                self._buttons[(situation.code, option.code)] = button
                line.addWidget(button)
            self._groups.append(group)
            self._grid.addWidget(options, row, 1)
        self._grid.setColumnStretch(1, 1)
        self.setVisible(bool(situations))

    def set_answers(self, answers: Mapping[str, str]) -> None:
        for (situation, option), button in self._buttons.items():
            button.setChecked(answers.get(situation) == option)

    def buttons(self) -> list[QPushButton]:
        """Every option button, question by question, in the order shown."""
        return list(self._buttons.values())

    def option_button(self, situation: str, option: str) -> QPushButton:
        return self._buttons[(situation, option)]

    def on_option_clicked(self, situation: str, option: str) -> None:
        self.answered.emit(situation, option)
