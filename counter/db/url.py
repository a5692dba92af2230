"""Which database: ``--db URL``, else ``COUNTER_DB_URL``, else the SQLite file in the data folder.

Training (``counter demo``, ``--today``) takes the training file in the data folder instead, unless ``--db`` names
one: ``COUNTER_DB_URL`` names the desk's live database (a hall's PostgreSQL), so training never follows it.

Kept apart from :mod:`counter.db.engine` so start-up can decide without importing SQLAlchemy.
"""

from __future__ import annotations

import os
from pathlib import Path

from counter.host.paths import default_db_url, training_db_url

ENV_URL = "COUNTER_DB_URL"
SQLITE_FILE = "sqlite:///"


def resolve_url(explicit: str | None = None, training: bool = False) -> str:
    if explicit:
        return explicit
    if training:
        return training_db_url()
    return os.environ.get(ENV_URL) or default_db_url()


def same_database(a: str, b: str) -> bool:
    """Whether two URLs name one database: an SQLite file however its path is spelt, any other URL as written."""
    return _canonical(a) == _canonical(b)


def _canonical(url: str) -> str:
    if url.startswith(SQLITE_FILE) and "?" not in url and url != f"{SQLITE_FILE}:memory:":
        return SQLITE_FILE + str(Path(url[len(SQLITE_FILE) :]).expanduser().resolve())
    return url
