"""本机评价器: where this computer's review pad is, whether the applicant has a keyboard at it, the pad's language and
whether it speaks.

A setting of the machine, not of the office: it is kept in the desk's files (``pad_mode`` and ``pad_keyboard``
of :class:`counter.host.machine.desk_config.DeskConfig`), beside the pad's screen and the printer, and saved in the
user's ``desk.json`` only where it differs from the machine's file.  ``counter desk --pad-mode`` sets the same.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QPushButton, QVBoxLayout, QWidget

from counter.host.devices.voice import has_program, own_voice
from counter.host.machine.desk_config import NO, PAD_LANGUAGES, YES, PadMode, load_desk_config, save_desk_config
from counter.ui.look.text_size import scaled
from counter.ui.pad.style import PAGE_STYLE
from counter.ui.pad.words import (
    DESK_PAD_KEYBOARD,
    DESK_PAD_LANGUAGE,
    DESK_PAD_LANGUAGES,
    DESK_PAD_MODE,
    DESK_PAD_MODES,
    DESK_PAD_NOTE,
    DESK_PAD_SAVE,
    DESK_PAD_SAVE_FAILED,
    DESK_PAD_SAVED,
    DESK_PAD_VOICE,
    DESK_PAD_VOICE_BOTH,
    DESK_PAD_VOICE_CHINESE,
    DESK_PAD_VOICE_NO_MONGOLIAN,
    DESK_PAD_VOICE_NONE,
)
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import MessageLine
from counter.words.files import file_fault

log = logging.getLogger(__name__)


class DeskPadForm(QWidget):
    saved = Signal(object, bool, str, bool)  # PadMode, keyboard, the pad's language, its voice: as saved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(scaled(PAGE_STYLE))
        self.mode = QComboBox()
        for mode in PadMode:
            self.mode.addItem(DESK_PAD_MODES[mode], mode)
        self.keyboard = QCheckBox(DESK_PAD_KEYBOARD)
        self.language = QComboBox()
        for code in PAD_LANGUAGES:
            self.language.addItem(DESK_PAD_LANGUAGES[code], code)
        self.voice = QCheckBox(DESK_PAD_VOICE)
        self.voice_note = plain_label(wrap=True)  # which voices this computer has for the language chosen
        self.voice_note.setProperty("role", "note")
        note = plain_label(DESK_PAD_NOTE, wrap=True)
        note.setProperty("role", "note")
        self.save_button = QPushButton(DESK_PAD_SAVE)
        self.message = MessageLine()
        form = QFormLayout()
        form.addRow(DESK_PAD_MODE, self.mode)
        form.addRow("", self.keyboard)
        form.addRow(DESK_PAD_LANGUAGE, self.language)
        form.addRow("", self.voice)
        form.addRow("", self.voice_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.save_button)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.language.currentIndexChanged.connect(self.on_language_changed)

    def load(self) -> None:
        config = load_desk_config()
        self.mode.setCurrentIndex(list(PadMode).index(config.pad_placement()))
        self.keyboard.setChecked(config.pad_has_keyboard())
        language = config.pad_language if config.pad_language in PAD_LANGUAGES else PAD_LANGUAGES[0]
        self.language.setCurrentIndex(PAD_LANGUAGES.index(language))
        self.voice.setChecked(config.pad_speaks())
        self.on_language_changed()
        self.message.say("", "done")

    def on_language_changed(self) -> None:
        """Say which voices read the pad's prompts in the language chosen: a Mongolian pad speaks Mongolian only where
        the computer has a Mongolian voice (:mod:`counter.host.devices.voice`), else Mandarin alone, and the clerk is
        told."""
        language = str(self.language.currentData())
        if not has_program():
            text = DESK_PAD_VOICE_NONE
        elif language == "zh":
            text = DESK_PAD_VOICE_CHINESE
        else:
            text = DESK_PAD_VOICE_BOTH if own_voice(language) is not None else DESK_PAD_VOICE_NO_MONGOLIAN
        self.voice_note.setText(text)

    def on_save_clicked(self) -> None:
        mode = PadMode(self.mode.currentData())
        keyboard = self.keyboard.isChecked()
        language = str(self.language.currentData())
        voice = YES if self.voice.isChecked() else NO
        try:
            config = dataclasses.replace(
                load_desk_config(),
                pad_mode=mode.value,
                pad_keyboard=YES if keyboard else NO,
                pad_language=language,
                pad_voice=voice,
            )
            save_desk_config(config)
        except OSError as err:
            log.exception("desk pad settings not saved")
            self.message.say(DESK_PAD_SAVE_FAILED.format(fault=file_fault(err)), "problems")
            return
        self.message.say(DESK_PAD_SAVED, "done")
        self.saved.emit(mode, keyboard, language, voice == YES)
