"""Keeps the intake form as its draft (one per intake, under its uid): on the desk at every pause, at the server every
few seconds.

One save per pause, not per keystroke: the timer restarts on each change and fires 400 ms after the last one, which
is well under the time a clerk needs to notice a crash and far above the time between keys.  Each pause writes the
form to a file of the desk's own (:func:`draft_place`, in the machine's state folder, readable by its user alone: it
holds the applicant's ID number), which costs no request.  The server's copy, the one a desk offers back after a
restart or from another sign-in, is written at the first pause and then at most every :data:`SERVER_EVERY_S`
seconds, the last pause's form sent when that time is up; and at once where the form must be kept whole now (a
commit that failed, the window closed, a sign-in ended).  Tests give the keeper a clock and call
:meth:`DraftKeeper.pause` or :meth:`DraftKeeper.save_now`; nothing sleeps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.host.machine.paths import state_dir
from counter.intake.draft import IntakeDraft, draft_to_json
from counter.service.intake import DROP_DRAFT, KEEP_DRAFT, DraftOf, KeepDraft
from counter.ui.door.runner import Failed, Runner, failures_to, logged_only
from counter.util.secret_file import write_secret
from counter.words.access import refused_for

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 400
SERVER_EVERY_S = 5.0
"""The least time between two writes of the draft at the server: a clerk's pauses come every second or two, and a
crash loses at most these seconds of the server's copy (the desk's own file has every pause)."""
DRAFTS_FOLDER = "drafts"


def draft_place(desk: Desk, uid: str) -> Path:
    """The desk's own file of one unfinished intake, named by a hash of the desk's draft key and the intake's uid (no
    site or desk in the name)."""
    name = hashlib.sha256(f"{desk.draft_key}/{uid}".encode()).hexdigest()[:24]
    return state_dir() / DRAFTS_FOLDER / f"{name}.json"


class DraftKeeper(QObject):
    saved = Signal(str)  # the local time of the save, HH:MM:SS
    failed = Signal(str)  # why, in the clerk's words (the database's fault; its error goes to the log)

    def __init__(self, runner: Runner, desk: Desk, form: Callable[[], IntakeDraft], parent: QObject) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self._form = form
        self.clock = time.monotonic  # monotonic seconds: a test's own clock moves the server's writes on
        self._sent_at: float | None = None  # when the server's copy was last written
        self.stopped = False  # the intake is committed or given up: there is nothing left to keep
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.pause)
        self.server_timer = QTimer(self)  # the server's copy of the last pause, once its time is up
        self.server_timer.setSingleShot(True)
        self.server_timer.timeout.connect(self.save_now)

    def schedule(self) -> None:
        """The form changed: kept at the next pause (a draft put back is not typing: the intake's flow does not ask,
        counter.intake.flow.FormChanged)."""
        if not self.stopped:
            self.timer.start()

    def pause(self) -> bool:
        """The clerk paused: the form kept on the desk, and at the server if its last write is old enough (else when
        it is).  False when nothing could be kept."""
        self.timer.stop()
        if self.stopped:
            return False
        since = None if self._sent_at is None else self.clock() - self._sent_at
        if since is None or since >= SERVER_EVERY_S:
            return self.save_now()
        form = self._form()
        if not self._keep_here(form):
            return self.save_now()  # the desk cannot keep it: the server does, now
        if not self.server_timer.isActive():
            self.server_timer.start(max(1, round((SERVER_EVERY_S - since) * 1000)))
        self.saved.emit(f"{dt.datetime.now():%H:%M:%S}")
        return True

    def save_now(self, then: Callable[[bool], None] | None = None) -> bool:
        """The form kept on the desk and at the server, now; ``then`` is told whether the server kept it, once it
        answers.  The server's write is called back (:meth:`counter.ui.door.runner.Runner.submit`): True when it was
        kept, or is on its way (a fault said by :attr:`failed` when it answers); False when nothing could be asked."""
        self.timer.stop()
        self.server_timer.stop()
        told = then or _nobody
        if self.stopped:
            told(False)
            return False
        form = self._form()
        self._keep_here(form)
        answers: list[bool] = []

        def kept(_: None) -> None:
            answers.append(True)
            self._sent_at = self.clock()
            self.saved.emit(f"{dt.datetime.now():%H:%M:%S}")
            told(True)

        def not_kept(err: Failed) -> None:
            answers.append(False)
            self.failed.emit(err.message)
            told(False)

        def refused(err: Exception) -> None:
            if not isinstance(err, NotPermitted):
                failures_to(not_kept)(err)
                return
            answers.append(False)  # the account may no longer take intakes: said here, and by the commit
            self.failed.emit(refused_for(err))
            told(False)

        if self._runner.in_flight:  # the clerk's own step is being saved: the draft is kept after it, if still open
            self.schedule()  # (queued behind a commit, it would keep again the draft the commit let go)
            told(False)
            return False
        self._runner.submit(KEEP_DRAFT, KeepDraft(form), self._desk, owner=self, answered=kept, failed=refused,
                            background=True)  # fmt: skip
        return all(answers)  # answered already where no event loop turns

    def save_if_waiting(self) -> None:
        if self.timer.isActive() or self.server_timer.isActive():
            self.save_now()

    def stop(self) -> None:
        """The intake is over (committed): nothing is kept any more, on the desk either."""
        self.timer.stop()
        self.server_timer.stop()
        self.stopped = True
        self._forget_here()

    def discard(self) -> None:
        """The clerk gave the intake up: its draft is not kept, and none is written any more; the desk's others stay."""
        self.stop()
        self._runner.submit(DROP_DRAFT, DraftOf(self._form().uid), self._desk, owner=self, answered=_nobody,
                            failed=_left_to_the_start)  # fmt: skip

    def _keep_here(self, form: IntakeDraft) -> bool:
        """``form`` in the desk's own file, 0600, replaced whole; False (logged) when the folder cannot be written."""
        try:
            write_secret(draft_place(self._desk, form.uid), draft_to_json(form).encode())
        except OSError as err:
            log.warning("draft not kept on the desk: %s", err)
            return False
        return True

    def _forget_here(self) -> None:
        try:
            draft_place(self._desk, self._form().uid).unlink(missing_ok=True)
        except OSError as err:
            log.warning("the desk's draft not removed: %s", err)


def _nobody(_: object) -> None:
    """An answer nobody waits for."""


def _left_to_the_start(err: Exception) -> None:
    """A draft not dropped, by the database or for an account that may no longer take intakes: the next start offers
    it again, to be given up there."""
    if not isinstance(err, NotPermitted):
        logged_only(err)
