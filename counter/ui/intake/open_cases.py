"""The applicant's open cases of the bundle, named under her number before she is taken again.

The same person taken three times for one bundle in one day, her details filled from the desk's memory (一证办理),
made three cases of one application and said nothing.  Once her number is whole the panel asks
(:data:`counter.service.intake.OPEN_CASES`) and, where she has cases of this bundle not yet over, this box names
each (number, day received, status) and asks: 打开已有办件 (Alt+O, the case in its own window) or 仍然新建 (Alt+N).
Until the clerk answers, the commit waits (the panel's button says so).  The box never takes the keyboard of itself:
the clerk types on in the form, and nothing typed is lost either way.  Where several are named, Alt+O goes to the
list (↑↓ choose, Enter opens, Esc goes back to the form); a click opens the case chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from counter.case.open_cases import OpenCase
from counter.ui.intake.words import (
    INTAKE_OPEN_CASE_LINE,
    INTAKE_OPEN_CASES,
    INTAKE_OPEN_CASES_KEYS,
    INTAKE_OPEN_CASES_LIST,
    INTAKE_OPEN_EXISTING,
    INTAKE_TAKE_NEW,
)
from counter.ui.widgets.plain_text import plain_label
from counter.words.cases import case_status_text
from counter.words.dates import day_text

#: the room around each case's two lines in the list
_ROW_PADDING = 6


class OpenCasesBox(QFrame):
    """Hidden until :meth:`ask` names cases; answered by :meth:`on_open_chosen` or :meth:`on_new_chosen`."""

    asked = Signal(tuple)  # the open cases named (OpenCase, …): the clerk is being asked
    open_chosen = Signal(str)  # the case number to open
    answered = Signal()  # 仍然新建: the intake goes on as a new case

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openCases")
        self.heading = plain_label(wrap=True)
        self.heading.setProperty("role", "warning")
        self.cases = QListWidget()
        self.cases.setAccessibleName(INTAKE_OPEN_CASES_LIST)
        self.cases.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # not on the form's Tab path: the clerk types on
        self.cases.setWordWrap(True)  # a narrow column: the number on one line, its day and status on the next
        self.cases.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cases.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # every case in sight
        self.open_button = QPushButton(INTAKE_OPEN_EXISTING)
        self.new_button = QPushButton(INTAKE_TAKE_NEW)
        for button in (self.open_button, self.new_button):
            button.setAccessibleName(button.text())
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.keys = plain_label(INTAKE_OPEN_CASES_KEYS)
        self.keys.setProperty("role", "keys")
        self.keys.setWordWrap(True)  # never wider than the applicant's column
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.cases)
        layout.addLayout(buttons)
        layout.addWidget(self.keys)
        # the keys reach the box from anywhere in the intake's window, while it asks
        self.open_shortcut = QShortcut(QKeySequence("Alt+O"), self)
        self.new_shortcut = QShortcut(QKeySequence("Alt+N"), self)
        for shortcut in (self.open_shortcut, self.new_shortcut):
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setEnabled(False)
        self.open_button.clicked.connect(self.on_open_chosen)
        self.open_shortcut.activated.connect(self.on_open_key)
        self.back_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.cases)
        self.back_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.back_shortcut.activated.connect(self.on_back)
        for trigger in (self.new_button.clicked, self.new_shortcut.activated):
            trigger.connect(self.on_new_chosen)
        self.cases.itemActivated.connect(self.on_open_chosen)
        self.id_no = ""  # the number the cases were asked for
        self._came_from: QWidget | None = None  # where the clerk was when Alt+O went to the list
        self._named: tuple[OpenCase, ...] = ()
        self.hide()

    @property
    def waiting(self) -> bool:
        """Cases are named and the clerk has not yet chosen to take a new one."""
        return bool(self._named)

    def ask(self, id_no: str, cases: Sequence[OpenCase]) -> None:
        """Name ``cases`` (newest first) of the applicant of ``id_no``; none: the box stays hidden."""
        self.id_no = id_no
        self._named = tuple(cases)
        self.cases.clear()
        if not self._named:
            self._close()
            return
        self.heading.setText(INTAKE_OPEN_CASES.format(count=len(self._named)))
        for case in self._named:
            status = case_status_text(case.status, case.only_received)  # as the case's page names it
            text = INTAKE_OPEN_CASE_LINE.format(case_no=case.case_no, date=day_text(case.received_on), status=status)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, case.case_no)
            self.cases.addItem(item)
        self.cases.setCurrentRow(0)
        line = self.cases.fontMetrics().lineSpacing()
        rows = len(self._named) * (2 * line + _ROW_PADDING) + 2 * self.cases.frameWidth()
        self.cases.setFixedHeight(rows)  # every case in sight, none scrolled away
        self.open_shortcut.setEnabled(True)
        self.new_shortcut.setEnabled(True)
        self.show()
        self.asked.emit(self._named)

    def clear(self) -> None:
        """The number was changed: what was named is no longer this applicant's."""
        self.id_no = ""
        self._named = ()
        self.cases.clear()
        self._close()

    def named(self) -> list[str]:
        """The lines shown, in their order."""
        return [self.cases.item(row).text() for row in range(self.cases.count())]

    def on_open_key(self) -> None:
        """Alt+O: the one case named opens; of several, the list takes the keyboard first, to choose which."""
        if not self.isVisible():
            return
        if self.cases.count() > 1 and not self.cases.hasFocus():
            self._came_from = QApplication.focusWidget()
            self.cases.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self.on_open_chosen()

    def on_back(self) -> None:
        """Esc in the list: back where the clerk was in the form."""
        if self._came_from is not None and isValid(self._came_from):
            self._came_from.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._came_from = None

    def on_open_chosen(self) -> None:
        item = self.cases.currentItem()
        if item is not None and self.isVisible():
            self.open_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def on_new_chosen(self) -> None:
        if not self.isVisible():
            return
        if self.cases.hasFocus():
            self.on_back()
        self._named = ()
        self._close()
        self.answered.emit()

    def _close(self) -> None:
        self.open_shortcut.setEnabled(False)
        self.new_shortcut.setEnabled(False)
        self.hide()
