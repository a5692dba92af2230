"""A line for a name, an address or a note that says, beside it, what the desk will not take in it.

The same check the commit makes (:func:`counter.parties.text.check_text`), made at every change, so a pasted
5,000-character "name" or a name with a zero-width space in it is named at the field while the applicant is still
at the desk, not found on a twelve-page receipt.  The line holds whatever is pasted: cutting it to the limit would
keep a wrong name silently, so the clerk is told and the commit waits.  A name is also checked against the
printed documents' fonts (:func:`counter.documents.fonts.missing_glyphs`): a character none of them draws (CJK
Extension I, in names since GB 18030-2022's Amendment 1) is the applicant's all the same, so the name is taken and
the line flags the character and its code point, which the papers print as □ for the clerk to write in by hand.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from counter.documents.fonts import missing_glyphs
from counter.intake.parties import PRINTED_NAMES
from counter.parties.text import TextField, check_text
from counter.ui.intake.words import INTAKE_NAME_FIELD, INTAKE_NAME_UNPRINTED
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import set_style_property
from counter.ui.widgets.start_shown import StartShownLine
from counter.words.texts import text_problem_text

#: the name a person's name line shows whole: a Mongolian name written in hanzi runs to eleven characters and the
#: middle dot between its two parts (阿拉坦其其格·孟和巴雅尔); measured by a wide character (阿: every CJK character is
#: as wide) and the dot itself, and the pixels its frame and margins take
NAME_SHOWN = 11
WIDE_CHARACTER = chr(0x963F)
NAME_DOT = chr(0x00B7)
NAME_EDGES = 14


class KeptLine(StartShownLine):
    """A line whose text Tab and Shift+Tab never select: the cursor goes to its end.

    A plain line edit entered by Tab selects all it holds, so the next key replaces it.  A material's note is reached
    by Shift+Tab from the rows, whose keys are digits: "3", "1" meant for a row replaced 缺负责人签字 with "31", which
    the 补正 notice would have printed.
    """

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.deselect()
            self.end(False)


class CheckedLine(QWidget):
    """A line edit (:attr:`edit`) and the message beneath it (:attr:`message`), hidden while the text is good.

    ``kept``: the line is a :class:`KeptLine`, its text never selected by the focus coming back to it.
    """

    def __init__(self, kind: TextField, parent: QWidget | None = None, *, kept: bool = False) -> None:
        super().__init__(parent)
        self._kind = kind
        self.edit = KeptLine() if kept else StartShownLine()
        if kind is TextField.PERSON_NAME:  # 阿拉坦其其格·孟和巴雅尔 whole, at every text size, not its end alone
            self.edit.setMinimumWidth(
                QFontMetrics(self.edit.font()).horizontalAdvance(WIDE_CHARACTER * NAME_SHOWN + NAME_DOT) + NAME_EDGES
            )
        self.message = plain_label(wrap=True)
        self.message.setProperty("role", "field-error")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self.message.hide()
        self.edit.textChanged.connect(self.on_text_changed)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 (the name QLineEdit gives it)
        self.edit.setText(text)

    def set_kind(self, kind: TextField) -> None:
        """A company's name is longer than a person's: the applicant's kind changes the limit."""
        self._kind = kind
        self.on_text_changed(self.edit.text())

    def on_text_changed(self, text: str) -> None:
        check = check_text(text, self._kind)
        problem, detail = check.problem, check.detail
        if problem is not None:
            set_style_property(self.message, "role", "field-error")
            self.message.setText(text_problem_text(problem, detail))
            self.message.show()
            return
        flags = self.unprinted(check.value)
        set_style_property(self.message, "role", "flag")
        self.message.setText("\n".join(flags))
        self.message.setVisible(bool(flags))

    def unprinted(self, value: str) -> list[str]:
        """The flag of each character of a name the papers print as □ (none for any other text)."""
        if self._kind not in PRINTED_NAMES:
            return []
        field = INTAKE_NAME_FIELD[self._kind.value]
        return [
            INTAKE_NAME_UNPRINTED.format(field=field, char=char, code=f"U+{ord(char):04X}")
            for char in missing_glyphs(value)
        ]
