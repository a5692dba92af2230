"""叫下一号 (Ctrl+N): the desk calls the next number on the hall's queue system, and the intake keeps the ticket.

The call runs on a thread of its own, as the card reader's read does: a queue system across the hall's network may be
slow or gone, and the window keeps working meanwhile.  The ticket called goes with the case this intake commits.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from counter.access.desk import Desk
from counter.case.queue_ticket import QueueTicket
from counter.host.devices.queue_caller import QueueError, QueueFault, desk_queue
from counter.ui.door.device_call import DeviceCall
from counter.ui.intake.words import (
    INTAKE_QUEUE_BUTTON,
    INTAKE_QUEUE_CALLED,
    INTAKE_QUEUE_CALLING,
    INTAKE_QUEUE_FAULT,
    INTAKE_QUEUE_WAITED,
)
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import set_style_property

log = logging.getLogger(__name__)

KEY = "Ctrl+N"


def _unreachable(err: Exception) -> QueueError:
    return QueueError(QueueFault.UNREACHABLE, type(err).__name__)


class QueueLine(QWidget):
    """The key, and the ticket called (or why none was)."""

    called = Signal(object)  # QueueTicket

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.caller = desk_queue  # asked at each call: a queue system set up while the panel is open is used
        self.button = QPushButton(INTAKE_QUEUE_BUTTON.format(key=KEY))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+N from anywhere; not a stop on the Tab chain
        self.shortcut = QShortcut(QKeySequence(KEY), self)
        self.message = plain_label(wrap=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.message, 1)
        self.running: DeviceCall | None = None
        self.ticket: QueueTicket | None = None
        self.button.clicked.connect(self.start)
        self.shortcut.activated.connect(self.start)

    def start(self) -> None:
        if self.running is not None:
            return
        caller = self.caller()
        if caller is None:
            self.say(INTAKE_QUEUE_FAULT[QueueFault.NOT_SET_UP], error=True)
            return
        self.say(INTAKE_QUEUE_CALLING)
        site, desk_no = self._desk.identity.site_code, self._desk.identity.desk_no
        self.running = DeviceCall(partial(caller.call_next, site, desk_no), QueueError, _unreachable, "queue call")
        self.running.begin(self.on_done, self.on_failed, self.on_finished)

    def on_done(self, ticket: QueueTicket) -> None:
        self.ticket = ticket
        if ticket.waited_s is None:
            self.say(INTAKE_QUEUE_CALLED.format(ticket=ticket.number))
        else:
            self.say(INTAKE_QUEUE_WAITED.format(ticket=ticket.number, minutes=round(ticket.waited_s / 60)))
        self.called.emit(ticket)

    def on_failed(self, err: QueueError) -> None:
        log.warning("no number called: %s", err)
        self.say(INTAKE_QUEUE_FAULT[err.fault], error=True)

    def on_finished(self) -> None:
        if self.running is not None:
            self.running.deleteLater()
        self.running = None

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        set_style_property(self.message, "role", "field-error" if error else "hint")

    def wait(self) -> None:
        if self.running is not None:
            self.running.wait()
