"""The set-up form of a site that has none: its whole identity, typed at the keyboard.

A site the program made at first use is a hall by default; a township centre
that went on as one would number its cases as the hall's and be refused by it.
So the sync page asks an administrator instead of assuming, and the kind starts
unchosen: Enter on an untouched form names what is missing, it never makes a
hall.  The form asks the rest of who the site is in the same step: the office
as its papers print it (seal, address, hours, phones — a township's papers print
them where the catalog's guides name the league hall) and this desk's number
and clerk (the clerk only on a desk without accounts: where accounts exist the
account signed in is the clerk).  Nothing is proposed from the league hall's
defaults.  The checks are the command line's
(:func:`counter.sync.sites.setup_problems`), every problem at once, and
the same ones run again in the action.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter.sync.site_view import SiteState
from counter.sync.sites import SiteDesk, SiteKind, SiteOffice, SiteProblem, setup_problems
from counter.ui.sync import words
from counter.ui.widgets.desk_no_field import desk_no_field
from counter.ui.widgets.plain_text import plain_label
from counter.words.sites import site_problem_text

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: the office's fields, in the order of the form and of :class:`SiteOffice`
OFFICE_FIELDS = ("seal_caption", "address", "hours", "consult_phone", "complaint_phone", "review_body")


@dataclass(frozen=True, slots=True)
class SetUpRequest:
    """What the form asks for, checked: asked of the service as ``site.set_up``."""

    code: str
    name: str
    kind: SiteKind
    office: SiteOffice | None = None
    desk: SiteDesk | None = None


class SiteForm(QGroupBox):
    submitted = Signal(object)  # a SetUpRequest without problems

    def __init__(self, ask_clerk: bool = True, parent: QWidget | None = None) -> None:
        """``ask_clerk``: the desk has no accounts, so its clerk is named here (else the account signed in is)."""
        super().__init__(words.SETUP_TITLE, parent)
        text = plain_label(words.SETUP_TEXT, wrap=True)
        self.kind = QComboBox()
        self.kind.setPlaceholderText(words.SETUP_KIND_CHOOSE)
        for kind in (SiteKind.HALL, SiteKind.TOWNSHIP):
            self.kind.addItem(words.SETUP_KINDS[kind.value], kind.value)
        self.code = self._field(words.SETUP_CODE_HINT, 12)
        self.name = self._field(words.SETUP_NAME_HINT)
        self.office = {name: self._field(words.SETUP_OFFICE_HINT[name]) for name in OFFICE_FIELDS}
        self.desk_no = desk_no_field(words.SETUP_DESK_NO_HINT)
        self.clerk = self._field(words.SETUP_CLERK_HINT) if ask_clerk else None
        self.submit_button = QPushButton(words.SETUP_SUBMIT)
        self.problems = plain_label(wrap=True)
        self.problems.setStyleSheet("color: #b42318; font-weight: bold;")
        self.problems.hide()
        fields = QFormLayout()
        fields.addRow(words.SETUP_KIND, self.kind)
        fields.addRow(words.SETUP_CODE, self.code)
        fields.addRow(words.SETUP_NAME, self.name)
        for name, field in self.office.items():
            fields.addRow(words.SETUP_OFFICE[name], field)
        fields.addRow(words.SETUP_DESK_NO, self.desk_no)
        if self.clerk is not None:
            fields.addRow(words.SETUP_CLERK, self.clerk)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(fields)
        layout.addWidget(self.problems)
        layout.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.submit_button.clicked.connect(self.on_submit)

    @staticmethod
    def _field(hint: str, longest: int = 0) -> QLineEdit:
        field = QLineEdit()
        field.setPlaceholderText(hint)
        if longest:
            field.setMaxLength(longest)
        return field

    def fields_in_order(self) -> tuple[QWidget, ...]:
        """Every control of the form, top to bottom: the order a problem's field is looked for in."""
        own = (self.desk_no, *((self.clerk,) if self.clerk is not None else ()))
        return (self.kind, self.code, self.name, *self.office.values(), *own)

    def start_from(self, state: SiteState) -> None:
        """Fill in what the site or this desk already says; the kind only once a set-up chose it.

        The office only where one was stored for the code: the league hall's defaults are never proposed.
        """
        self.code.setText(state.code)
        self.name.setText(state.name)
        self.kind.setCurrentIndex(-1 if state.kind is None else self.kind.findData(state.kind.value))
        office = state.office
        for name, field in self.office.items():
            field.setText(getattr(office, name) if office is not None else "")
        self.desk_no.setText(state.desk_no)
        if self.clerk is not None:
            self.clerk.setText(state.clerk)
        self.problems.hide()

    def focus_first(self) -> None:
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter anywhere in the form submits it: the fields and the list pass Enter on, unused."""
        if event.key() in ENTER:
            self.on_submit()
            return
        super().keyPressEvent(event)

    def request(self) -> SetUpRequest | None:
        """What the form says, or None when it chose no kind."""
        kind = self.chosen_kind()
        if kind is None:
            return None
        return SetUpRequest(self.code.text().strip(), self.name.text().strip(), kind, self._office(), self._desk())

    def _office(self) -> SiteOffice:
        return SiteOffice(*(self.office[name].text().strip() for name in OFFICE_FIELDS))

    def _desk(self) -> SiteDesk:
        return SiteDesk(self.desk_no.text().strip(), self.clerk.text().strip() if self.clerk is not None else None)

    def on_submit(self) -> None:
        code, name = self.code.text().strip(), self.name.text().strip()
        problems = setup_problems(code, name, self.chosen_kind(), self._office(), self._desk())
        request = self.request()
        if problems or request is None:
            self.show_problems(problems, code)
            return
        self.problems.hide()
        self.submitted.emit(request)

    def chosen_kind(self) -> SiteKind | None:
        """The kind chosen; Qt hands the item's data back as plain text."""
        data = self.kind.currentData()
        return SiteKind(data) if self.kind.currentIndex() >= 0 and isinstance(data, str) else None

    def show_problems(self, problems: tuple[SiteProblem, ...] | list[SiteProblem], code: str) -> None:
        """Every problem at once, and the cursor on the first field at fault."""
        self.problems.setText("\n".join(site_problem_text(problem, code) for problem in problems))
        self.problems.show()
        at_fault = [field for problem in problems for field in self._fields_of(problem)]
        order = self.fields_in_order()
        if at_fault:
            min(at_fault, key=order.index).setFocus(Qt.FocusReason.OtherFocusReason)

    def _fields_of(self, problem: SiteProblem) -> tuple[QWidget, ...]:
        """The fields a problem is about: for a missing part of the office, each one left empty."""
        if problem is SiteProblem.OFFICE_MISSING:
            return tuple(field for field in self.office.values() if not field.text().strip())
        if problem in (SiteProblem.CLERK_MISSING, SiteProblem.CLERK_NAME):
            return (self.clerk,) if self.clerk is not None else ()
        fields: dict[SiteProblem, QWidget] = {
            SiteProblem.KIND_MISSING: self.kind,
            SiteProblem.CODE_FORMAT: self.code,
            SiteProblem.NAME_MISSING: self.name,
            SiteProblem.NAME_TOO_LONG: self.name,
            SiteProblem.DESK_NO_FORMAT: self.desk_no,
        }
        return (fields[problem],) if problem in fields else ()

    def set_busy(self, busy: bool) -> None:
        for widget in (*self.fields_in_order(), self.submit_button):
            widget.setEnabled(not busy)
