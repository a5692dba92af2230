"""Engines and sessions for SQLite (a desk, a township) and PostgreSQL (a hall).

SQLite runs in WAL mode with foreign keys on and full sync: a township laptop
that loses power keeps every committed case.  The URL comes from ``--db``, else
``COUNTER_DB_URL``, else an SQLite file in the user's data folder.
"""

from __future__ import annotations

import os
import warnings
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SAWarning
from sqlalchemy.orm import Session, sessionmaker

from counter.db.url import ENV_URL, resolve_url

__all__ = ["ENV_URL", "make_engine", "make_sessions", "resolve_url"]


CONNECT_TIMEOUT_S = 5
#: ``error`` makes SQLAlchemy's warnings (a query with a cartesian product, a value it cannot convert) errors in this
#: process.  The test suite sets it for every program it starts, so that a command run in a subprocess fails on a
#: faulty query as the tests' own process does (pytest's ``filterwarnings = error`` reaches no subprocess, and
#: ``PYTHONWARNINGS`` cannot name SQLAlchemy's warning: it is read before the installed packages can be imported).
SQL_WARNINGS_ENV = "COUNTER_SQL_WARNINGS"


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
    if os.environ.get(SQL_WARNINGS_ENV) == "error":
        warnings.simplefilter("error", SAWarning)
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
