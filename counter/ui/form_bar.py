"""The foot of a form opened on a page: the line listing every refusal, then the confirm and cancel buttons.

The forms of a case's step, its hand-over, a department's item step, and a 帮您办 project's move and plan end
alike: the refusals sit where the eye goes after pressing Enter, beside the button pressed, and Enter confirms.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton


@dataclass(frozen=True, slots=True)
class FormBar:
    problems: QLabel  # every refusal of the last try, in one place (hidden text until there is one)
    confirm: QPushButton  # the default button: Enter in any field presses it
    cancel: QPushButton
    row: QHBoxLayout


def form_bar(confirm_text: str, cancel_text: str) -> FormBar:
    problems = QLabel()
    problems.setObjectName("formProblems")
    problems.setWordWrap(True)
    confirm = QPushButton(confirm_text)
    confirm.setDefault(True)
    cancel = QPushButton(cancel_text)
    row = QHBoxLayout()
    row.addWidget(problems, 1)
    row.addWidget(confirm)
    row.addWidget(cancel)
    return FormBar(problems, confirm, cancel, row)
