"""Which database a face means, and the schema revisions this program knows.

The window and the command line name the database by ``--db`` and report the schema revision without knowing
where either is decided; importing this module loads no SQLAlchemy (the window reads it before it shows).
Opening a database migrates it (:class:`counter.actions.site.store.Store`); nothing here opens one.
"""

from __future__ import annotations

from counter.db.revision import HEAD
from counter.db.url import resolve_url, same_database

__all__ = ["HEAD", "database_url", "is_live_database", "is_training_database", "known_revisions"]


def database_url(given: str | None, training: bool = False) -> str:
    """``--db URL``, else (training) the training file, else ``COUNTER_DB_URL``, else the SQLite file."""
    return resolve_url(given, training)


def is_live_database(url: str) -> bool:
    """Whether ``url`` is the desk's live database, the one a start without ``--db`` opens."""
    return same_database(url, resolve_url())


def is_training_database(url: str) -> bool:
    """Whether ``url`` is the training file in the data folder, the one training opens without ``--db``."""
    return same_database(url, resolve_url(training=True))


def known_revisions() -> list[str]:
    """Every schema revision this program can open (and migrate to :data:`HEAD`), newest first."""
    from counter.db.migrate import known_revisions as revisions  # Alembic loads only when asked

    return revisions()
