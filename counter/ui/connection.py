"""Noticing a lost database connection, and trying again until it is back.

A hall's desks reach PostgreSQL over the network, which can drop for a moment
or an hour.  A lost connection is told apart from other database errors (a full
disk, a locked SQLite file) because only this one is worth retrying on its own:
the desk probes with ``SELECT 1`` every few seconds and says when it is back.
Nothing is committed while it is away, so nothing is lost: what the clerk typed
stays on screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

RETRY_INTERVAL_MS = 3000


def is_connection_lost(err: SQLAlchemyError, sessions: sessionmaker[Session]) -> bool:
    """True when the database server could not be reached, rather than refusing the work.

    SQLite is a file on this machine: its OperationalError (locked, disk full)
    is a fault to name, not a connection to wait for.
    """
    if isinstance(err, DBAPIError) and err.connection_invalidated:
        return True
    bind = sessions.kw.get("bind")
    server = bind is not None and bind.dialect.name != "sqlite"
    return server and isinstance(err, OperationalError | InterfaceError)


class Reconnector(QObject):
    """Probes the database until it answers; ``restored`` fires once it does."""

    attempted = Signal(int)  # the number of failed probes so far
    restored = Signal()

    def __init__(self, sessions: sessionmaker[Session], parent: QObject, interval_ms: int = RETRY_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._sessions = sessions
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
        try:
            with self._sessions() as session:
                session.execute(text("SELECT 1"))
        except SQLAlchemyError as err:
            self.attempts += 1
            log.warning("database still unreachable (attempt %d): %s", self.attempts, type(err).__name__)
            self.attempted.emit(self.attempts)
            return
        self.timer.stop()
        log.info("database connection restored after %d attempts", self.attempts)
        self.restored.emit()
