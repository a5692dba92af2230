"""单位信息: the office whose name, seal, phones and rights clause the notices print.

One set per site, kept in the database and shared by the site's desks.  A
notice keeps the settings it was first made under — a reprint months later is
the same paper — so a change here shows on notices made from now on only; the
page says so before the clerk saves.  The service checks the settings where
they are saved (:mod:`counter.documents.office_check`): every empty field, every
line that does not read and a name in Mongolian that cannot be printed are named
at once, as ``counter office`` names them, and nothing is saved until there is none.

Twenty-five fields do not fit one column on a 1024×768 screen: the office's own
in one group, its level and its entrustment agreements (on what basis the papers
say it accepts for a department) in another, the 复议 bodies and courts by level
(:mod:`counter.catalog.departments`) in small boxes two abreast, the
administrator's exceptions and the departments' contacts as lines of text, and
all of it in a scroll area so the save button is always reachable.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter.access.desk import Desk
from counter.catalog.departments import AdminLevel
from counter.documents.deciders import override_lines
from counter.documents.model import OfficeSettings
from counter.documents.office_check import FIELDS, OPTIONAL_FIELDS, OfficeRefused
from counter.documents.paper_blanks import PaperBlanks
from counter.parties.text import TextField, clean_text
from counter.service.documents import READ_OFFICE, SAVE_OFFICE, SaveOffice
from counter.service.requests import SiteCode
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.ui.look.text_size import px, scaled
from counter.ui.printing.words import (
    OFFICE_CONTACTS_NOTE,
    OFFICE_ENTRUSTED_NOTE,
    OFFICE_H_CONTACTS,
    OFFICE_H_ENTRUSTED,
    OFFICE_H_OFFICE,
    OFFICE_H_RIGHTS,
    OFFICE_LEVEL_COURT,
    OFFICE_LEVEL_GOVERNMENT,
    OFFICE_LEVEL_PLACE,
    OFFICE_NOTE,
    OFFICE_OPTIONAL,
    OFFICE_ORGAN_CHOICES,
    OFFICE_READ_FAILED,
    OFFICE_RIGHTS_NOTE,
    OFFICE_SAVE,
    OFFICE_SAVE_FAILED,
    OFFICE_SAVED,
    OFFICE_SITE,
)
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import MessageLine
from counter.ui.widgets.start_shown import StartShownLine
from counter.words.catalog import ADMIN_LEVEL
from counter.words.office import OFFICE_FIELD, office_refused_text, paper_blanks_lines
from counter.words.punctuation import FIELD_LABEL

log = logging.getLogger(__name__)

OVERRIDES = "rights_overrides"  # lines of text: a multi-line box, read line by line
ENTRUSTMENTS = "entrustments"  # as the overrides: lines of text, one agreement a line
CONTACTS = "department_contacts"  # lines of text too: each department's 承办人 and phone
BOXES = (OVERRIDES, ENTRUSTMENTS, CONTACTS)
LEVEL = "office_level"  # one of the levels: a list to choose from
ORGAN = "administrative_organ"  # the 司法局's answer: a list to choose from, unanswered at first
#: the office's own fields, then its own 复议 body and court heading the rights group
OFFICE_OWN = ("office_name", "office_name_mn", "seal_caption", "consult_phone", "complaint_phone", "address", "hours",
              "progress_url_base", "online_portal")  # fmt: skip
OFFICE_RIGHTS = ("review_body", "court")
LEVEL_PARTS = (("place", OFFICE_LEVEL_PLACE), ("government", OFFICE_LEVEL_GOVERNMENT), ("court", OFFICE_LEVEL_COURT))

STYLE = """
QLabel#officeNote {
    background: #e8f1fb; color: #0b4f8a; border: 1px solid #9cc3e8; border-radius: 4px; padding: 6px 10px;
}
QLabel#officeMessage[role="problems"] { color: #9b1c13; font-weight: bold; }
QLabel#officeMessage[role="done"] { color: #05603a; }
QLabel#rightsNote { color: #555555; }
"""


def _form(parent: QWidget | None = None) -> QFormLayout:
    """A form whose field goes under its label where the two do not fit side by side: at 1024x768 and 150 % text
    the label of the Mongolian name (thirty characters) beside a field ran the page past the window, cut off."""
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class OfficeSettingsForm(QWidget):
    saved = Signal(object)  # OfficeSettings, as stored

    def __init__(self, runner: Runner, site_code: str, desk: Desk | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk  # who changes the office; None: this machine's desk, nobody signed in
        self.site_code = site_code
        self.setStyleSheet(scaled(STYLE))
        self.note = plain_label(OFFICE_NOTE, wrap=True)
        self.note.setObjectName("officeNote")
        # each shown from its start once loaded (the hours ran past the field and showed their tail)
        self.fields: dict[str, QLineEdit] = {
            name: StartShownLine() for name in FIELDS if name not in (*BOXES, LEVEL, ORGAN)
        }
        self.boxes = {name: _lines_box(name) for name in BOXES}
        self.overrides = self.boxes[OVERRIDES]
        self.entrustments = self.boxes[ENTRUSTMENTS]
        self.contacts = self.boxes[CONTACTS]
        self.level = QComboBox()
        self.level.setAccessibleName(OFFICE_FIELD[LEVEL])
        for level in AdminLevel:
            self.level.addItem(ADMIN_LEVEL[level], level.value)
        self.organ = QComboBox()
        self.organ.setAccessibleName(OFFICE_FIELD[ORGAN])
        for label, value in OFFICE_ORGAN_CHOICES:
            self.organ.addItem(label, value)
        self.message = MessageLine()
        self.message.setObjectName("officeMessage")
        self.save_button = QPushButton(OFFICE_SAVE)
        page = QWidget()
        inner = QVBoxLayout(page)
        inner.addWidget(plain_label(OFFICE_SITE.format(site=site_code)))
        inner.addWidget(self.note)
        inner.addWidget(self._office_group())
        inner.addWidget(self._entrusted_group())
        inner.addWidget(self._rights_group())
        inner.addWidget(self._contacts_group())
        inner.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._connect_signals()
        self.load()

    def _office_group(self) -> QGroupBox:
        box = QGroupBox(OFFICE_H_OFFICE)
        form = _form(box)
        for name in OFFICE_OWN:
            self.fields[name].setMinimumWidth(px(360))
            form.addRow(FIELD_LABEL.format(label=OFFICE_FIELD[name]), self.fields[name])
        return box

    def _entrusted_group(self) -> QGroupBox:
        """The hall's level and its agreements: on what basis the papers say it accepts for a department."""
        box = QGroupBox(OFFICE_H_ENTRUSTED)
        layout = QVBoxLayout(box)
        form = _form()
        form.addRow(FIELD_LABEL.format(label=OFFICE_FIELD[LEVEL]), self.level)
        form.addRow(FIELD_LABEL.format(label=OFFICE_FIELD[ORGAN]), self.organ)
        layout.addLayout(form)
        note = plain_label(OFFICE_ENTRUSTED_NOTE, wrap=True)
        note.setObjectName("rightsNote")
        layout.addWidget(note)
        layout.addWidget(plain_label(FIELD_LABEL.format(label=OFFICE_FIELD[ENTRUSTMENTS])))
        layout.addWidget(self.entrustments)
        return box

    def _rights_group(self) -> QGroupBox:
        """The office's own bodies, then one small box per level, two abreast, then the exceptions."""
        box = QGroupBox(OFFICE_H_RIGHTS)
        layout = QVBoxLayout(box)
        own = _form()
        for name in OFFICE_RIGHTS:
            own.addRow(FIELD_LABEL.format(label=OFFICE_FIELD[name]), self.fields[name])
        layout.addLayout(own)
        note = plain_label(OFFICE_RIGHTS_NOTE, wrap=True)
        note.setObjectName("rightsNote")
        layout.addWidget(note)
        grid = QGridLayout()
        for index, level in enumerate(AdminLevel):
            grid.addWidget(self._level_box(level), index // 2, index % 2)
        layout.addLayout(grid)
        layout.addWidget(plain_label(FIELD_LABEL.format(label=OFFICE_FIELD[OVERRIDES])))
        layout.addWidget(self.overrides)
        return box

    def _contacts_group(self) -> QGroupBox:
        """Each department's 承办人 and phone, which its 不予批准决定书 prints (blank lines where none is given)."""
        box = QGroupBox(OFFICE_OPTIONAL.format(label=OFFICE_H_CONTACTS))
        layout = QVBoxLayout(box)
        note = plain_label(OFFICE_CONTACTS_NOTE, wrap=True)
        note.setObjectName("rightsNote")
        layout.addWidget(note)
        layout.addWidget(plain_label(FIELD_LABEL.format(label=OFFICE_FIELD[CONTACTS])))
        layout.addWidget(self.contacts)
        return box

    def _level_box(self, level: AdminLevel) -> QGroupBox:
        every_part_optional = all(f"{level.value}_{part}" in OPTIONAL_FIELDS for part, _ in LEVEL_PARTS)
        title = ADMIN_LEVEL[level]
        box = QGroupBox(OFFICE_OPTIONAL.format(label=title) if every_part_optional else title)
        form = _form(box)
        for part, label in LEVEL_PARTS:
            name = f"{level.value}_{part}"
            optional = name in OPTIONAL_FIELDS and not every_part_optional
            shown = OFFICE_OPTIONAL.format(label=label) if optional else label
            self.fields[name].setAccessibleName(OFFICE_FIELD[name])
            form.addRow(FIELD_LABEL.format(label=shown), self.fields[name])
        return box

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.on_save_clicked)

    def load(self) -> None:
        self._runner.submit(READ_OFFICE, SiteCode(self.site_code), message=OFFICE_READ_FAILED, owner=self,
                            answered=self._read, failed=self._refused)  # fmt: skip

    def _read(self, settings: OfficeSettings) -> None:
        for name, value in dataclasses.asdict(settings).items():
            if name in BOXES:
                self.boxes[name].setPlainText("\n".join(override_lines(value)))
            elif name == LEVEL:
                self.level.setCurrentIndex(max(self.level.findData(value), 0))
            elif name == ORGAN:
                self.organ.setCurrentIndex(max(self.organ.findData(value), 0))
            else:
                self.fields[name].setText(value)
        self.message.say("", "done")

    def settings(self) -> OfficeSettings:
        values = {name: field.text().strip() for name, field in self.fields.items()}
        # kept as the papers print it: a name pasted in 蒙科立 codes is kept in Unicode letters
        values["office_name_mn"] = clean_text(values["office_name_mn"], TextField.ORGANISATION_NAME)
        boxes = {name: "\n".join(override_lines(box.toPlainText())) for name, box in self.boxes.items()}
        chosen = {LEVEL: str(self.level.currentData()), ORGAN: str(self.organ.currentData())}
        return OfficeSettings(**values, **boxes, **chosen)

    def on_save_clicked(self) -> None:
        """Sent as it stands: the service checks the settings where they are saved and names every problem
        (:func:`counter.documents.office_check.office_refused`), said here as ``counter office`` says it."""
        settings = self.settings()
        self._runner.submit_step(SAVE_OFFICE, SaveOffice(self.site_code, settings), self._desk, OFFICE_SAVE_FAILED,
                                 owner=self, answered=lambda blanks: self._saved(settings, blanks),
                                 failed=self._refused)  # fmt: skip

    def _saved(self, settings: OfficeSettings, blanks: PaperBlanks) -> None:
        log.info("office settings of %s saved", self.site_code)
        self.message.say("\n".join([OFFICE_SAVED, *paper_blanks_lines(blanks)]), "done")
        self.saved.emit(settings)

    def _refused(self, err: Exception) -> None:
        said = office_refused_text(err) if isinstance(err, OfficeRefused) else refusal_text(err)
        self.message.say(said, "problems")


def _lines_box(name: str) -> QPlainTextEdit:
    """A field of lines of text (the exceptions, the agreements, the departments' contacts): Tab leaves it, as every
    other field."""
    box = QPlainTextEdit()
    box.setAccessibleName(OFFICE_FIELD[name])
    box.setTabChangesFocus(True)
    box.setFixedHeight(px(84))
    return box
