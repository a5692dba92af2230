"""A line for an ID number or credit code that says what is wrong with it, beside it, at once.

A mistyped number finds nobody or the wrong person (一证办理), so the clerk is
told while the applicant is still at the desk, not after pressing commit.  While
the number is being typed, only what cannot become right by typing on is named
(a letter in the middle, a birth date that does not exist once 18 characters are
there); on leaving the field, a number that is too short is named too.  An empty
field is left alone: the list of what is still missing says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QVBoxLayout, QWidget

from counter.intake.parties import ApplicantKind
from counter.parties.identifiers import (
    CreditCodeCheck,
    CreditCodeError,
    IdCheck,
    IdError,
    check_credit_code,
    check_id_number,
)
from counter.ui.intake.words import INTAKE_ID_CARD_EXPIRED, INTAKE_ID_OK
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import set_style_property
from counter.words.identifiers import credit_code_error_text, id_error_text
from counter.words.punctuation import CLAUSE_JOIN

_NOT_YET = frozenset({IdError.EMPTY, IdError.LENGTH, CreditCodeError.EMPTY, CreditCodeError.LENGTH})


#: the room the line keeps before anything is typed: an ID number's 18 characters (a credit code's letters are wider:
#: the line grows to the code typed, up to the 18 characters either has)
WHOLE_NUMBER = "00000000000000000X"
NUMBER_LENGTH = 18


class WholeNumberEdit(QLineEdit):
    """A line never narrower than a whole ID number, or than the credit code typed in it, in its own font.

    The clerk reads the number back to the applicant digit by digit; a line squeezed by a narrow screen or large
    text would show only its end, scrolled.  Asking for the number's width here makes the intake's columns stack
    (:class:`counter.ui.widgets.column_scroll.ColumnPair`) before they cut the number.  Past 18 characters the text is
    no number, and asks for no more room.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textChanged.connect(self.updateGeometry)  # a wider code typed asks for its width

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        margins = self.textMargins()
        # + 4: the two pixels the line keeps on each side of its text, inside its frame
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(WHOLE_NUMBER), metrics.horizontalAdvance(self.text()[:NUMBER_LENGTH]))
        text = QSize(widest + margins.left() + margins.right() + 4, 0)
        whole = self.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, text, self)
        return QSize(max(hint.width(), whole.width()), hint.height())


class IdField(QWidget):
    valid_number = Signal(str)  # the number in its canonical form, each time it becomes valid

    def __init__(self, kind: ApplicantKind, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        self._today = today
        self.edit = WholeNumberEdit()
        self.edit.setMaxLength(40)  # room for spaces and a mistake, not for a paragraph
        self.message = plain_label(wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self.message.hide()
        self.expired_card = ""  # the number of an expired card read (F2): valid, but no proof of who is here
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.edit.textChanged.connect(self.on_text_changed)
        self.edit.editingFinished.connect(self.on_editing_finished)

    def text(self) -> str:
        return self.edit.text()

    def set_kind(self, kind: ApplicantKind) -> None:
        self._kind = kind
        self.on_text_changed(self.edit.text())

    def mark_expired(self, id_no: str) -> None:
        """``id_no``: the number of the card just read when it has expired ("" when it has not): while the line holds
        it, the line says so in red, not 号码有效 in green."""
        self.expired_card = id_no

    def holds_expired_card(self) -> bool:
        return bool(self.expired_card) and self.check().value == self.expired_card

    def check(self) -> IdCheck | CreditCodeCheck:
        if self._kind is ApplicantKind.PERSON:
            return check_id_number(self.edit.text(), today=self._today())
        return check_credit_code(self.edit.text())

    def problem_text(self, check: IdCheck | CreditCodeCheck) -> str:
        if isinstance(check, IdCheck):
            return CLAUSE_JOIN.join(id_error_text(p.error, p.detail) for p in check.problems)
        return CLAUSE_JOIN.join(credit_code_error_text(p.error, p.detail) for p in check.problems)

    def _show(self, check: IdCheck | CreditCodeCheck, *, finished: bool) -> None:
        errors = set(check.errors)
        if check.ok:
            expired = bool(self.expired_card) and check.value == self.expired_card
            self.message.setText(INTAKE_ID_CARD_EXPIRED if expired else INTAKE_ID_OK)
            set_style_property(self.message, "role", "field-error" if expired else "field-ok")
            self.message.show()
        elif errors <= {IdError.EMPTY, CreditCodeError.EMPTY} or (not finished and errors <= _NOT_YET):
            self.message.hide()
        else:
            self.message.setText(self.problem_text(check))
            set_style_property(self.message, "role", "field-error")
            self.message.show()

    def on_text_changed(self, _text: str) -> None:
        check = self.check()
        self._show(check, finished=False)
        if check.ok:
            self.valid_number.emit(check.value)

    def on_editing_finished(self) -> None:
        self._show(self.check(), finished=True)
