"""Noticing a lost database connection, and trying again until it is back.

A hall's desks reach PostgreSQL over the network, which can drop for a moment
or an hour.  A lost connection is told apart from other database errors (a full
disk, a locked SQLite file) because only this one is worth retrying on its own:
the desk probes (``site.ping``: ``SELECT 1``) every few seconds and says when it is back.
Nothing is committed while it is away, so nothing is lost: what the clerk typed
stays on screen.  A hall desk's server (:mod:`counter.service.remote`) that does not answer is waited for the same
way.  Each probe runs on a thread of its own, so that a probe that takes its time (the transport's own retries, a
connection's timeout) never holds the window's thread.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from counter.host.database.database_faults import StoreFault

if TYPE_CHECKING:
    from counter.service.local import Service

log = logging.getLogger(__name__)

RETRY_INTERVAL_MS = 3000
LOOK_EVERY_MS = 20  # how often the window's thread looks whether a probe is done


class Reconnector(QObject):
    """Probes the database until it answers; ``restored`` fires once it does.

    Which fault is a lost connection is told by :class:`counter.host.database.database_faults.StoreFault`
    (``connection_lost``): SQLite is a file on this machine, and its faults (locked, disk full) are named, not waited
    for.
    """

    attempted = Signal(int)  # the number of failed probes so far
    restored = Signal()

    def __init__(self, service: Service, parent: QObject, interval_ms: int = RETRY_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._service = service
        self.attempts = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.on_tick)
        self._probe: Future[None] | None = None
        self._look = QTimer(self)
        self._look.setInterval(LOOK_EVERY_MS)
        self._look.timeout.connect(self.on_look)

    @property
    def waiting(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        if not self.timer.isActive():
            self.attempts = 0
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def on_tick(self) -> None:
        if self._probe is not None:  # the last probe has not answered yet: it is this tick's
            return
        from counter.service.requests import Nothing
        from counter.service.site import PING  # with the first probe, not at the window's start

        probe: Future[None] = Future()
        self._probe = probe

        def run() -> None:
            try:
                probe.set_result(self._service.call(PING, Nothing()))
            except BaseException as err:
                probe.set_exception(err)

        threading.Thread(target=run, name="counter-reconnect", daemon=True).start()
        self._look.start()

    def on_look(self) -> None:
        """The probe's answer, on the window's thread: back, or one more failed attempt."""
        probe = self._probe
        if probe is None or not probe.done():
            return
        self._look.stop()
        self._probe = None
        err = probe.exception()
        if err is not None:
            if not _lost(err):
                raise err
            self.attempts += 1
            log.warning("connection still lost (attempt %d): %s", self.attempts, type(err).__name__)
            self.attempted.emit(self.attempts)
            return
        if not self.timer.isActive():  # stopped meanwhile: nobody waits for it any more
            return
        self.timer.stop()
        log.info("connection restored after %d attempts", self.attempts)
        self.restored.emit()


def _lost(err: BaseException) -> bool:
    """Whether ``err`` says the database, or the hall's server, could not be reached: worth probing again.

    A hall server's session that ended while it was away is probed again too: the sign-in window has come back
    (:mod:`counter.ui.door.hall_desk`), and once the clerk is signed in again the next probe answers.
    """
    if isinstance(err, StoreFault):
        return True
    import sys

    remote = sys.modules.get("counter.service.remote")  # loaded only by a desk on a server
    return remote is not None and isinstance(err, remote.ServerUnreachable | remote.SessionEnded)
