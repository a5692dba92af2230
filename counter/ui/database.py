"""The desk's database, opened on first use.

The window can show before SQLAlchemy is imported (see
:mod:`counter.db.quick_start`); the first user event that needs the database,
or the warm-up thread started right after the window shows, opens it here.
Opening migrates the schema; it happens once, under a lock, whichever thread
comes first.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None

    def sessions(self) -> sessionmaker[Session]:
        """The session factory; opens and migrates the database the first time.

        Raises :class:`counter.db.migrate.SchemaTooNew` and SQLAlchemy's errors.
        """
        with self._lock:
            if self._sessions is None:
                from counter.db.engine import make_engine, make_sessions
                from counter.db.migrate import upgrade

                engine = make_engine(self.url)
                try:
                    upgrade(engine)
                except BaseException:
                    engine.dispose()
                    raise
                self._engine, self._sessions = engine, make_sessions(engine)
            return self._sessions

    @property
    def backend(self) -> str:
        return self.url.split(":", 1)[0].split("+", 1)[0]

    def dispose(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = self._sessions = None
