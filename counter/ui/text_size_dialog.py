"""文字大小: the one desk setting a clerk changes from the window (F12), kept in the desk's settings.

The size is read once, at start-up (:mod:`counter.ui.text_size`): every window is laid out for it, so the dialog
saves the choice and says that it shows from the next start.  Arrow keys move between the sizes, Enter saves, Esc
closes; like every dialog of the desk it is not modal.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QRadioButton, QVBoxLayout, QWidget

from counter.host.desk_config import load_desk_config, save_desk_config
from counter.ui import words
from counter.ui.geometry import fit_to_screen
from counter.ui.plain_text import plain_label
from counter.ui.text_size import PERCENTS, percent_of
from counter.words.files import file_fault

log = logging.getLogger(__name__)


class TextSizeDialog(QDialog):
    saved = Signal(int)  # the percentage now kept for the next start

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
        self.message = plain_label(words.TEXT_SIZE_NOTE)
        self.message.setWordWrap(True)
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
        log.info("text size %s%% kept for the next start", percent)
        self.message.setText(words.TEXT_SIZE_SAVED.format(percent=percent))
        self.saved.emit(percent)
