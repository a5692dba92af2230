"""Saves the intake form as the desk's draft a moment after the clerk stops typing.

One write per pause, not per keystroke: the timer restarts on each change and
fires 400 ms after the last one, which is well under the time a clerk needs to
notice a crash and far above the time between keys.  Tests call
:meth:`DraftKeeper.save_now` or wait for :attr:`saved`; nothing sleeps.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from counter.access.desk import Desk
from counter.intake.draft import IntakeDraft
from counter.service.intake import DROP_DRAFT, KEEP_DRAFT, DeskOnly, KeepDraft
from counter.ui.runner import Busy, Failed, Runner

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 400


class DraftKeeper(QObject):
    saved = Signal(str)  # the local time of the save, HH:MM:SS
    failed = Signal(str)  # why, in the clerk's words (the database's fault; its error goes to the log)

    def __init__(self, runner: Runner, desk: Desk, form: Callable[[], IntakeDraft], parent: QObject) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self._form = form
        self.paused = False  # while a saved form is put back: that is not typing
        self.stopped = False  # the intake is committed or given up: there is nothing left to keep
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.save_now)

    def schedule(self) -> None:
        if not self.paused and not self.stopped:
            self.timer.start()

    def save_now(self) -> bool:
        self.timer.stop()
        if self.stopped:
            return False
        try:
            self._runner.call(KEEP_DRAFT, KeepDraft(self._form()), self._desk, background=True)
        except Busy:  # the clerk's own step is being saved: the draft is kept after it
            self.schedule()
            return False
        except Failed as err:  # worded with the runner's plain cause
            log.warning("draft not saved: %s", err.error)
            self.failed.emit(err.message)
            return False
        self.saved.emit(f"{dt.datetime.now():%H:%M:%S}")
        return True

    def save_if_waiting(self) -> None:
        if self.timer.isActive():
            self.save_now()

    def stop(self) -> None:
        self.timer.stop()
        self.stopped = True

    def discard(self) -> None:
        """The clerk gave the intake up: no draft is kept, and none is written any more."""
        self.stop()
        try:
            self._runner.call(DROP_DRAFT, DeskOnly(), self._desk)
        except Failed as err:
            log.warning("draft not dropped: %s", err.error)
