"""单位信息: the office whose name, seal, phones and rights clause the notices print.

One set per site, kept in the database and shared by the site's desks.  A
notice keeps the settings it was first made under — a reprint months later is
the same paper — so a change here shows on notices made from now on only; the
page says so before the clerk saves.  Every empty field is named at once and
nothing is saved until there is none.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter.actions.desk import Desk
from counter.actions.guard import NotPermitted
from counter.documents.model import OfficeSettings
from counter.ui.printing.making import read_office, store_office
from counter.ui.printing.words import OFFICE_FIELD, OFFICE_MISSING, OFFICE_NOTE, OFFICE_SAVE, OFFICE_SAVED, OFFICE_SITE
from counter.ui.restyle import set_style_property
from counter.ui.runner import Failed, Runner
from counter.ui.text_size import px, scaled
from counter.words.access import not_permitted
from counter.words.punctuation import FIELD_LABEL, LIST_JOIN

log = logging.getLogger(__name__)

#: every field is printed in a sentence or behind the QR code: none may be left empty
FIELDS = tuple(f.name for f in dataclasses.fields(OfficeSettings))

STYLE = """
QLabel#officeNote {
    background: #e8f1fb; color: #0b4f8a; border: 1px solid #9cc3e8; border-radius: 4px; padding: 6px 10px;
}
QLabel#officeMessage[role="problems"] { color: #9b1c13; font-weight: bold; }
QLabel#officeMessage[role="done"] { color: #05603a; }
"""


# what a site may leave empty: a level it does not know (a hall's township, a league's regional court) and the
# exceptions; the papers say 有管辖权的人民法院 or keep the place visible rather than print a guess
OPTIONAL_FIELDS = frozenset(
    {"region_court", "township_place", "township_government", "township_court", "rights_overrides"}
)


def missing_fields(settings: OfficeSettings) -> tuple[str, ...]:
    """The fields left empty, in the order of the form."""
    values = dataclasses.asdict(settings)
    return tuple(name for name in FIELDS if name not in OPTIONAL_FIELDS and not values[name].strip())


class OfficeSettingsForm(QWidget):
    saved = Signal(object)  # OfficeSettings, as stored

    def __init__(self, runner: Runner, site_code: str, desk: Desk | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk  # who changes the office; None: this machine's desk, nobody signed in
        self.site_code = site_code
        self.setStyleSheet(scaled(STYLE))
        self.note = QLabel(OFFICE_NOTE)
        self.note.setObjectName("officeNote")
        self.note.setWordWrap(True)
        self.fields = {name: QLineEdit() for name in FIELDS}
        self.message = QLabel()
        self.message.setObjectName("officeMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(OFFICE_SAVE)
        form = QFormLayout()
        for name, field in self.fields.items():
            field.setMinimumWidth(px(420))
            form.addRow(FIELD_LABEL.format(label=OFFICE_FIELD[name]), field)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(OFFICE_SITE.format(site=site_code)))
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self._connect_signals()
        self.load()

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.on_save_clicked)

    def load(self) -> None:
        try:
            settings = read_office(self._runner, self.site_code)
        except Failed as err:
            log.exception("office settings not read")
            self._say(err.message, "problems")
            return
        for name, value in dataclasses.asdict(settings).items():
            self.fields[name].setText(value)
        self._say("", "done")

    def settings(self) -> OfficeSettings:
        return OfficeSettings(**{name: field.text().strip() for name, field in self.fields.items()})

    def on_save_clicked(self) -> None:
        settings = self.settings()
        missing = missing_fields(settings)
        if missing:
            names = LIST_JOIN.join(OFFICE_FIELD[name] for name in missing)
            self._say(OFFICE_MISSING.format(fields=names), "problems")
            return
        try:
            store_office(self._runner, self.site_code, settings, self._desk)
        except NotPermitted as refused:
            self._say(not_permitted(refused.permission, refused.signed_in), "problems")
            return
        except Failed as err:
            log.exception("office settings not saved")
            self._say(err.message, "problems")
            return
        log.info("office settings of %s saved", self.site_code)
        self._say(OFFICE_SAVED, "done")
        self.saved.emit(settings)

    def _say(self, text: str, role: str) -> None:
        self.message.setText(text)
        set_style_property(self.message, "role", role)
