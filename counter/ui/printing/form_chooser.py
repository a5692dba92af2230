"""打印表格: which of a guide's forms to print, blank or as 示范样表.

The applicant fills a form before any intake, so the window hands it out from the guide on screen, as
the 24-point checklist asks (兴署办发〔2021〕8 号, 附件 items 23-24).  The chooser lists the forms by
name, the first one chosen, so ↑↓ and Alt+K (空白表格) or Alt+S (示范样表) preview one without the mouse;
Enter (or a double click) on a form previews its blank.  It stays open after a choice: an applicant
often takes several forms.  Not modal, like every window of the desk, so the lock (Ctrl+L) and the scanner keep working.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.ui.printing.words import FORMS_BLANK, FORMS_CLOSE, FORMS_PROMPT, FORMS_SAMPLE, FORMS_TITLE
from counter.ui.widgets.plain_text import plain_label

CODE_ROLE = Qt.ItemDataRole.UserRole


class FormChooser(QDialog):
    chosen = Signal(str, bool)  # the form's material code; True for the 示范样表

    def __init__(self, bundle_name: str, forms: tuple[tuple[str, str], ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert forms, "a chooser lists at least one form"
        self.setWindowTitle(FORMS_TITLE.format(name=bundle_name))
        self.setModal(False)
        self.forms = QListWidget()
        for code, name in forms:
            item = QListWidgetItem(name)
            item.setData(CODE_ROLE, code)
            self.forms.addItem(item)
        self.forms.setCurrentRow(0)
        self.blank_button = QPushButton(FORMS_BLANK)
        self.sample_button = QPushButton(FORMS_SAMPLE)
        self.close_button = QPushButton(FORMS_CLOSE)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.blank_button, self.sample_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the list is the list's (a blank form), never a second print
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(FORMS_PROMPT))
        layout.addWidget(self.forms, 1)
        layout.addLayout(buttons)
        self.blank_button.clicked.connect(self.on_blank)
        self.sample_button.clicked.connect(self.on_sample)
        self.forms.itemActivated.connect(self.on_blank)
        self.close_button.clicked.connect(self.close)
        # shortcuts of the dialog rather than the buttons' mnemonics: the keys work wherever the focus is in it
        QShortcut(QKeySequence("Alt+K"), self).activated.connect(self.on_blank)
        QShortcut(QKeySequence("Alt+S"), self).activated.connect(self.on_sample)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.close)
        self.forms.setFocus()

    def current_code(self) -> str:
        item = self.forms.currentItem()
        return str(item.data(CODE_ROLE)) if item is not None else ""

    def on_blank(self) -> None:
        self._choose(sample=False)

    def on_sample(self) -> None:
        self._choose(sample=True)

    def _choose(self, *, sample: bool) -> None:
        code = self.current_code()
        if code:
            self.chosen.emit(code, sample)
