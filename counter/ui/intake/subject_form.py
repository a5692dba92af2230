"""The subject of the bundle in the intake: the newborn of 052, the household of 078, right after the applicant.

One group box of the fields the guide declares (:class:`counter.catalog.model.Subject`), hidden for a bundle without
any.  Like the applicant's box it only holds the fields and says when something changed; what a value must be is
:mod:`counter.intake.subject`'s, checked by the panel at every change and again at the commit.  A name or a text
says beside it what the desk will not take in it, as the applicant's name does.  A choice is a row of option buttons
with none chosen until the clerk chooses (a baby's sex is never a default); every field is one Tab stop, in the
guide's order, right after the applicant's last field (:meth:`SubjectForm.tab_chain`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QFormLayout, QGroupBox, QLineEdit, QRadioButton, QWidget

from counter.catalog.model import Subject, SubjectField, SubjectFieldKind
from counter.parties.text import TextField
from counter.ui.intake.text_field import CheckedLine
from counter.ui.intake.words import INTAKE_SUBJECT_HINT
from counter.ui.widgets.flow_layout import FlowLayout

_CHECKED = {SubjectFieldKind.PERSON_NAME: TextField.PERSON_NAME, SubjectFieldKind.TEXT: TextField.ADDRESS}


class _Choice(QWidget):
    """A choice's options as buttons on one line, none chosen at first."""

    def __init__(self, field: SubjectField) -> None:
        super().__init__()
        line = FlowLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for option in field.options:
            button = QRadioButton(option.label)
            button.setAccessibleName(f"{field.label} {option.label}")
            self.group.addButton(button)
            line.addWidget(button)
            self.buttons[option.code] = button

    def value(self) -> str:
        return next((code for code, button in self.buttons.items() if button.isChecked()), "")

    def set_value(self, value: str) -> None:
        self.group.setExclusive(False)  # an exclusive group keeps one checked: "none" needs it off for a moment
        for code, button in self.buttons.items():
            button.setChecked(code == value)
        self.group.setExclusive(True)


class SubjectForm(QGroupBox):
    changed = Signal()

    def __init__(self, subject: Subject | None, parent: QWidget | None = None) -> None:
        super().__init__(subject.title if subject is not None else "", parent)
        self.subject = subject
        self.lines: dict[str, QLineEdit] = {}
        self.choices: dict[str, _Choice] = {}
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for field in subject.fields if subject is not None else ():
            form.addRow(field.label, self._field(field))
        self.setVisible(subject is not None)

    def _field(self, field: SubjectField) -> QWidget:
        if field.kind is SubjectFieldKind.CHOICE:
            choice = _Choice(field)
            choice.group.buttonToggled.connect(self.changed)
            self.choices[field.code] = choice
            return choice
        checked = _CHECKED.get(field.kind)
        line = CheckedLine(checked) if checked is not None else None
        edit = line.edit if line is not None else QLineEdit()
        edit.setAccessibleName(field.label)  # the label stands beside the line's box, not the line
        edit.setPlaceholderText(INTAKE_SUBJECT_HINT.get(field.kind.value, ""))
        edit.textChanged.connect(self.changed)
        self.lines[field.code] = edit
        return line if line is not None else edit

    def values(self) -> tuple[tuple[str, str], ...]:
        """What is typed or chosen, by code in the guide's order; an empty field is left out."""
        found = []
        for field in self.subject.fields if self.subject is not None else ():
            choice = self.choices.get(field.code)
            value = choice.value() if choice is not None else self.lines[field.code].text()
            if value:
                found.append((field.code, value))
        return tuple(found)

    def set_values(self, values: tuple[tuple[str, str], ...]) -> None:
        held = dict(values)
        for code, edit in self.lines.items():
            edit.setText(held.get(code, ""))
        for code, choice in self.choices.items():
            choice.set_value(held.get(code, ""))

    def tab_chain(self) -> list[QWidget]:
        """The fields in the guide's order, each a stop (a choice's buttons each, as the applicant's kind's)."""
        chain: list[QWidget] = []
        for field in self.subject.fields if self.subject is not None else ():
            choice = self.choices.get(field.code)
            chain += list(choice.buttons.values()) if choice is not None else [self.lines[field.code]]
        return chain
