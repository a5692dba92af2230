"""The frame every step form opened on a page shares: its look, its bold title, its body, then its foot.

The forms of a case's step, its hand-over, a department's item step, and a 帮您办 project's move and plan look and
end alike: a tinted box, the title on top, and at the foot the line listing every refusal, then the confirm and
cancel buttons.  The refusals sit where the eye goes after pressing Enter, beside the button pressed.  Built here
once, so the five cannot drift apart; each form makes only its body.

The keys are the frame's too, as a dialog's are: Enter anywhere in the form confirms (on 取消 it cancels), Esc
cancels, and Tab goes through the fields, then 确认, then 取消 (:func:`order_tabs`, called again by a form that
makes fields when it opens, such as the materials to tick of 补交): a Tab after ticking the last box lands on 确认,
never on a button of the page behind the form.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label

#: the look of a step form, and of the forms that stand beside them (counter.ui.projects.register_form)
STYLE = """
QFrame#actionForm { background: #f5f9fc; border: 1px solid #9fb3c8; border-radius: 4px; }
QLabel#formTitle { font-weight: bold; color: #102a43; }
QLabel#formProblems { color: #b42318; font-weight: bold; }
QLineEdit { padding: 5px 6px; }
"""

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class StepFrame(NamedTuple):
    """The parts a form keeps, in the order it unpacks them."""

    title: QLabel  # bold, wrapped: what the form does, to what
    problems: QLabel  # every refusal of the last try, in one place (hidden text until there is one)
    confirm: QPushButton  # the default button: Enter in any field presses it
    cancel: QPushButton


class StepKeys(QObject):
    """Enter and Esc that no field of the form kept for itself: 确认 and 取消, as in a dialog.

    A field passes Enter on (a line edit, a date, a choice, a box to tick); a button pressed by Enter is that
    button; the widgets named ``own_enter`` (a list whose Enter adds its item) keep it.
    """

    def __init__(self, form: QFrame, confirm: QPushButton, cancel: QPushButton, own_enter: Sequence[QWidget]) -> None:
        super().__init__(form)
        self._form, self._confirm, self._cancel, self._own_enter = form, confirm, cancel, tuple(own_enter)
        form.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is not self._form or event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl+Enter and the like are the window's
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self._cancel.click()
            return True
        if key not in ENTER:
            return False
        focused = QApplication.focusWidget()
        if focused is not None and any(w is focused or w.isAncestorOf(focused) for w in self._own_enter):
            return True
        if isinstance(focused, QPushButton) and self._form.isAncestorOf(focused):
            focused.click()
        elif self._confirm.isVisible() and self._confirm.isEnabled():
            self._confirm.click()
        return True


def order_tabs(form: QFrame, fields: Iterable[QWidget], confirm: QPushButton, cancel: QPushButton) -> None:
    """Tab through ``fields`` in the order given, then ``confirm``, then ``cancel``; the first field right after the
    form itself.  A field hidden for the step at hand is passed over by Tab as usual."""
    chain: list[QWidget] = [form, *fields, confirm, cancel]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def frame_step_form(
    form: QFrame,
    body: Iterable[QWidget | QLayout],
    confirm_text: str,
    cancel_text: str,
    title: str = "",
    own_enter: Sequence[QWidget] = (),
) -> StepFrame:
    """Lay ``form`` out as a step form around ``body`` (top to bottom), hidden until it is opened.

    Called once the body's fields are made: the buttons, made here, come after them in Tab's order.
    ``own_enter``: widgets whose Enter is their own, not the form's 确认.
    """
    form.setObjectName("actionForm")
    form.setStyleSheet(scaled(STYLE))
    heading = plain_label(title, wrap=True)
    heading.setObjectName("formTitle")
    problems = plain_label(wrap=True)
    problems.setObjectName("formProblems")
    confirm = QPushButton(confirm_text)
    confirm.setDefault(True)
    cancel = QPushButton(cancel_text)
    cancel.setAutoDefault(True)  # Enter on it cancels, never confirms
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
    StepKeys(form, confirm, cancel, own_enter)
    form.hide()
    return StepFrame(heading, problems, confirm, cancel)
