"""读卡 (F2): the applicant's 二代证 on the desk's reader fills the form.

The read runs on a thread of its own (a reader may take seconds, or never answer): the window keeps painting and the
clerk keeps typing.  A card read hands the form its fields; a read that fails says why beside the key and changes
nothing in the form.  What the form has no field for (sex, 民族, birth date, issuing authority, validity) is shown on
the line, and an expired card is said so in red: it no longer proves who the applicant is.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from counter.host.devices.id_reader import desk_reader
from counter.parties.id_card import CardError, CardFault, IdCard
from counter.ui.door.device_call import DeviceCall
from counter.ui.intake.words import (
    INTAKE_CARD_BUTTON,
    INTAKE_CARD_EXPIRED,
    INTAKE_CARD_FACTS,
    INTAKE_CARD_FAULT,
    INTAKE_CARD_LONG_TERM,
    INTAKE_CARD_RANGE,
    INTAKE_CARD_READING,
    INTAKE_CARD_SEX,
)
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import set_style_property
from counter.ui.widgets.unbroken import unbroken_parts
from counter.words.dates import day_text

log = logging.getLogger(__name__)

KEY = "F2"


def _unreachable(err: Exception) -> CardError:
    return CardError(CardFault.UNREACHABLE, type(err).__name__)


class CardLine(QWidget):
    """The key and what the last read said."""

    card_read = Signal(object)  # IdCard

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.reader = desk_reader  # asked at each read: a reader set up while the panel is open is used
        self.button = QPushButton(INTAKE_CARD_BUTTON.format(key=KEY))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F2 from anywhere; not a stop on the Tab chain
        self.shortcut = QShortcut(QKeySequence(KEY), self)
        self.message = plain_label(wrap=True)
        layout = QVBoxLayout(
            self
        )  # the card's facts under the key, the form's width: they wrap less in a narrow column
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        self.message.hide()
        self.running: DeviceCall | None = None
        self.card: IdCard | None = None  # the last card read, its photo as delivered
        self.button.clicked.connect(self.start)
        self.shortcut.activated.connect(self.start)

    def start(self) -> None:
        if self.running is not None:
            return  # one read at a time: the key pressed twice waits for the first
        reader = self.reader()
        if reader is None:
            self.say(INTAKE_CARD_FAULT[CardFault.NOT_SET_UP], error=True)
            return
        self.say(INTAKE_CARD_READING)
        self.running = DeviceCall(reader.read_card, CardError, _unreachable, "card read")
        self.running.begin(self.on_done, self.on_failed, self.on_finished)

    def on_done(self, card: IdCard) -> None:
        self.card = card
        until = INTAKE_CARD_LONG_TERM if card.valid_until is None else day_text(card.valid_until)
        facts = INTAKE_CARD_FACTS.format(
            sex=INTAKE_CARD_SEX.get(card.sex, card.sex),
            ethnicity=card.ethnicity,
            birth=day_text(card.birth),
            authority=card.authority,
            start=day_text(card.valid_from),
            until=until,
        )
        facts = unbroken_parts(facts, breaks_before=INTAKE_CARD_RANGE)  # 有效期 and each date whole on a narrow column
        if card.expired(self._today()):
            self.say(INTAKE_CARD_EXPIRED.format(until=until) + facts, error=True)
        else:
            self.say(facts)
        self.card_read.emit(card)

    def on_failed(self, err: CardError) -> None:
        log.warning("card not read: %s", err)
        self.say(INTAKE_CARD_FAULT[err.fault], error=True)

    def on_finished(self) -> None:
        if self.running is not None:
            self.running.deleteLater()
        self.running = None

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.show()
        set_style_property(self.message, "role", "field-error" if error else "hint")

    def wait(self) -> None:
        """Let a read still running end (the panel closing): its thread is not left to die with the window."""
        if self.running is not None:
            self.running.wait()
