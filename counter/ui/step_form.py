"""The frame every step form opened on a page shares: its look, its bold title, its body, then its foot.

The forms of a case's step, its hand-over, a department's item step, and a 帮您办 project's move and plan look and
end alike: a tinted box, the title on top, and at the foot the line listing every refusal, then the confirm and
cancel buttons.  The refusals sit where the eye goes after pressing Enter, beside the button pressed, and Enter
confirms.  Built here once, so the five cannot drift apart; each form makes only its body.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from counter.ui.plain_text import plain_label
from counter.ui.text_size import scaled

#: the look of a step form, and of the forms that stand beside them (counter.ui.projects.register_form)
STYLE = """
QFrame#actionForm { background: #f5f9fc; border: 1px solid #9fb3c8; border-radius: 4px; }
QLabel#formTitle { font-weight: bold; color: #102a43; }
QLabel#formProblems { color: #b42318; font-weight: bold; }
QLineEdit { padding: 5px 6px; }
"""


class StepFrame(NamedTuple):
    """The parts a form keeps, in the order it unpacks them."""

    title: QLabel  # bold, wrapped: what the form does, to what
    problems: QLabel  # every refusal of the last try, in one place (hidden text until there is one)
    confirm: QPushButton  # the default button: Enter in any field presses it
    cancel: QPushButton


def frame_step_form(
    form: QFrame, body: Iterable[QWidget | QLayout], confirm_text: str, cancel_text: str, title: str = ""
) -> StepFrame:
    """Lay ``form`` out as a step form around ``body`` (top to bottom), hidden until it is opened.

    Called once the body's fields are made: the buttons, made here, come after them in Tab's order.
    """
    form.setObjectName("actionForm")
    form.setStyleSheet(scaled(STYLE))
    heading = plain_label(title)
    heading.setObjectName("formTitle")
    heading.setWordWrap(True)
    problems = plain_label()
    problems.setObjectName("formProblems")
    problems.setWordWrap(True)
    confirm = QPushButton(confirm_text)
    confirm.setDefault(True)
    cancel = QPushButton(cancel_text)
    foot = QHBoxLayout()
    foot.addWidget(problems, 1)
    foot.addWidget(confirm)
    foot.addWidget(cancel)
    layout = QVBoxLayout(form)
    layout.setContentsMargins(14, 10, 14, 10)
    layout.addWidget(heading)
    for part in body:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    layout.addLayout(foot)
    form.hide()
    return StepFrame(heading, problems, confirm, cancel)
