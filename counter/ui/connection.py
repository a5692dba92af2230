"""Noticing a lost database connection, and trying again until it is back.

A hall's desks reach PostgreSQL over the network, which can drop for a moment
or an hour.  A lost connection is told apart from other database errors (a full
disk, a locked SQLite file) because only this one is worth retrying on its own:
the desk probes (``site.ping``: ``SELECT 1``) every few seconds and says when it is back.
Nothing is committed while it is away, so nothing is lost: what the clerk typed
stays on screen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from counter.host.database_faults import StoreFault

if TYPE_CHECKING:
    from counter.service.local import Service

log = logging.getLogger(__name__)

RETRY_INTERVAL_MS = 3000


class Reconnector(QObject):
    """Probes the database until it answers; ``restored`` fires once it does.

    Which fault is a lost connection is told by :class:`counter.host.database_faults.StoreFault` (``connection_lost``):
    SQLite is a file on this machine, and its faults (locked, disk full) are named, not waited for.
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
        from counter.service.site import PING, SiteAsked  # with the first probe, not at the window's start

        try:
            self._service.call(PING, SiteAsked())
        except StoreFault as err:
            self.attempts += 1
            log.warning("database still unreachable (attempt %d): %s", self.attempts, err.error)
            self.attempted.emit(self.attempts)
            return
        self.timer.stop()
        log.info("database connection restored after %d attempts", self.attempts)
        self.restored.emit()
