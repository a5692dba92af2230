"""Engines and sessions for SQLite (a desk, a township) and PostgreSQL (a hall).

SQLite runs in WAL mode with foreign keys on and full sync: a township laptop
that loses power keeps every committed case.  The URL comes from ``--db``, else
``COUNTER_DB_URL``, else an SQLite file in the user's data folder.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from counter.db.url import ENV_URL, resolve_url

__all__ = ["ENV_URL", "make_engine", "make_sessions", "resolve_url"]


CONNECT_TIMEOUT_S = 5


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine on ``url``.  No folder is made for an SQLite file: whether a missing database may be made is
    decided above (:mod:`counter.actions.database_file`), never as a side effect of opening it."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    # a desk whose server is unreachable says so within seconds instead of hanging the window
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
