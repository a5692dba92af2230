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
from sqlalchemy.exc import SQLAlchemyError

from counter.actions.desk import Desk
from counter.intake.draft import IntakeDraft
from counter.ui.intake.db_calls import Sessions, remove_draft, store_draft

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 400


class DraftKeeper(QObject):
    saved = Signal(str)  # the local time of the save, HH:MM:SS
    failed = Signal(str)  # the name of the database error

    def __init__(self, sessions: Sessions, desk: Desk, form: Callable[[], IntakeDraft], parent: QObject) -> None:
        super().__init__(parent)
        self._sessions = sessions
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
            store_draft(self._sessions, self._desk, self._form())
        except SQLAlchemyError as err:
            log.warning("draft not saved: %s", type(err).__name__)
            self.failed.emit(type(err).__name__)
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
            remove_draft(self._sessions, self._desk)
        except SQLAlchemyError as err:
            log.warning("draft not dropped: %s", type(err).__name__)
