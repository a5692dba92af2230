"""文字大小: the one desk setting a clerk changes from the window (F12), kept in the desk's settings.

Saved, the size applies at once (:func:`apply_now`): the application's font, which every text drawn in it follows
in every open window, and every window opened from then on (an intake, a case, the lists, a preview), which is
built at the new size.  What an open window drew at a fixed pixel size of its own style sheet (the main window's
titles and lists, the headline of an intake already open) keeps it until that window is opened again (the main
window: until the next start): those sizes are fixed when a window is built, and building every open window again
would throw away what the clerk has in it (a half-typed intake).  The dialog says so.  Arrow keys move between the
sizes, Enter saves, Esc closes; like every dialog of the desk it is not modal.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter.host.machine.desk_config import load_desk_config, save_desk_config
from counter.ui import words
from counter.ui.look.fonts import UI_PIXEL_SIZE
from counter.ui.look.geometry import fit_to_screen
from counter.ui.look.text_size import PERCENTS, percent_of, px, set_text_percent
from counter.ui.widgets.plain_text import plain_label
from counter.words.files import file_fault

log = logging.getLogger(__name__)


def apply_now(percent: int) -> None:
    """Draw text at ``percent`` from now: the application's font at once, every window made after this at the size."""
    set_text_percent(percent)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = app.font()
        font.setPixelSize(px(UI_PIXEL_SIZE))
        app.setFont(font)  # every widget without a font of its own follows, in every open window


class TextSizeDialog(QDialog):
    saved = Signal(int)  # the percentage now kept, and applied

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(words.TEXT_SIZE_TITLE)
        self.setModal(False)
        prompt = plain_label(words.TEXT_SIZE_PROMPT)
        self.group = QButtonGroup(self)
        self.choices: dict[int, QRadioButton] = {}
        for percent in PERCENTS:
            choice = QRadioButton(words.TEXT_SIZE_CHOICE[percent])
            choice.setAccessibleName(words.TEXT_SIZE_CHOICE[percent])
            self.group.addButton(choice, percent)
            self.choices[percent] = choice
        self.message = plain_label(words.TEXT_SIZE_NOTE, wrap=True)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(words.TEXT_SIZE_SAVE, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(words.TEXT_SIZE_CLOSE, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        for choice in self.choices.values():
            layout.addWidget(choice)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.on_save)
        self.buttons.rejected.connect(self.reject)
        stored = percent_of(load_desk_config().text_scale)
        self.choices[stored].setChecked(True)
        self.choices[stored].setFocus()
        fit_to_screen(self, (420, 260), maximise=False)

    def chosen(self) -> int:
        return self.group.checkedId()

    def on_save(self) -> None:
        percent = self.chosen()
        try:
            save_desk_config(dataclasses.replace(load_desk_config(), text_scale=str(percent)))
        except OSError as err:
            log.exception("text size not saved")
            self.message.setText(words.TEXT_SIZE_SAVE_FAILED.format(fault=file_fault(err)))
            return
        apply_now(percent)
        log.info("text size %s%% kept and applied", percent)
        self.message.setText(words.TEXT_SIZE_SAVED.format(percent=percent))
        self.saved.emit(percent)
