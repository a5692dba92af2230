"""The set-up form of a site that has none: its kind, code and name, typed at the keyboard.

A site the program made at first use is a hall by default; a township centre
that went on as one would number its cases as the hall's and be refused by it.
So the sync page asks an administrator instead of assuming, and the kind starts
unchosen: Enter on an untouched form names what is missing, it never makes a
hall.  The checks are the command line's (:func:`counter.actions.site_setup.setup_problems`),
every problem at once, and the same ones run again in the action.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter.actions.site_setup import SiteKind, SiteProblem, SiteState, setup_problems
from counter.ui.plain_text import plain_label
from counter.ui.sync import words
from counter.words.sites import site_problem_text

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True, slots=True)
class SetUpRequest:
    """What the form asks for, checked: handed to :func:`counter.actions.site_setup.set_up_site`."""

    code: str
    name: str
    kind: SiteKind


class SiteForm(QGroupBox):
    submitted = Signal(object)  # a SetUpRequest without problems

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(words.SETUP_TITLE, parent)
        text = plain_label(words.SETUP_TEXT)
        text.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setPlaceholderText(words.SETUP_KIND_CHOOSE)
        for kind in (SiteKind.HALL, SiteKind.TOWNSHIP):
            self.kind.addItem(words.SETUP_KINDS[kind.value], kind.value)
        self.code = QLineEdit()
        self.code.setPlaceholderText(words.SETUP_CODE_HINT)
        self.code.setMaxLength(12)
        self.name = QLineEdit()
        self.name.setPlaceholderText(words.SETUP_NAME_HINT)
        self.submit_button = QPushButton(words.SETUP_SUBMIT)
        self.problems = plain_label()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b42318; font-weight: bold;")
        self.problems.hide()
        fields = QFormLayout()
        fields.addRow(words.SETUP_KIND, self.kind)
        fields.addRow(words.SETUP_CODE, self.code)
        fields.addRow(words.SETUP_NAME, self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(fields)
        layout.addWidget(self.problems)
        layout.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.submit_button.clicked.connect(self.on_submit)

    def start_from(self, state: SiteState) -> None:
        """Fill in what the site or this desk already says; the kind only once a set-up chose it."""
        self.code.setText(state.code)
        self.name.setText(state.name)
        self.kind.setCurrentIndex(-1 if state.kind is None else self.kind.findData(state.kind.value))
        self.problems.hide()

    def focus_first(self) -> None:
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter anywhere in the form submits it: the fields and the list pass Enter on, unused."""
        if event.key() in ENTER:
            self.on_submit()
            return
        super().keyPressEvent(event)

    def on_submit(self) -> None:
        kind = self.chosen_kind()
        code, name = self.code.text().strip(), self.name.text().strip()
        problems = setup_problems(code, name, kind)
        if problems or kind is None:
            self.show_problems(problems, code)
            return
        self.problems.hide()
        self.submitted.emit(SetUpRequest(code, name, kind))

    def chosen_kind(self) -> SiteKind | None:
        """The kind chosen; Qt hands the item's data back as plain text."""
        data = self.kind.currentData()
        return SiteKind(data) if self.kind.currentIndex() >= 0 and isinstance(data, str) else None

    def show_problems(self, problems: tuple[SiteProblem, ...] | list[SiteProblem], code: str) -> None:
        """Every problem at once, and the cursor on the first field at fault."""
        self.problems.setText("\n".join(site_problem_text(problem, code) for problem in problems))
        self.problems.show()
        first = {
            SiteProblem.KIND_MISSING: self.kind,
            SiteProblem.CODE_FORMAT: self.code,
            SiteProblem.NAME_MISSING: self.name,
            SiteProblem.NAME_TOO_LONG: self.name,
        }
        at_fault = [first[p] for p in problems if p in first]
        order = (self.kind, self.code, self.name)
        if at_fault:
            min(at_fault, key=order.index).setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.kind, self.code, self.name, self.submit_button):
            widget.setEnabled(not busy)
