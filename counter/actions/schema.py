"""Which database a face means, and the schema revisions this program knows.

The window and the command line name the database by ``--db`` and report the schema revision without knowing
where either is decided; importing this module loads no SQLAlchemy (the window reads it before it shows).
Opening a database migrates it (:class:`counter.actions.store.Store`); nothing here opens one.
"""

from __future__ import annotations

from counter.db.revision import HEAD
from counter.db.url import resolve_url

__all__ = ["HEAD", "database_url", "known_revisions"]


def database_url(given: str | None) -> str:
    """``--db URL``, else ``COUNTER_DB_URL``, else the SQLite file in the data folder."""
    return resolve_url(given)


def known_revisions() -> list[str]:
    """Every schema revision this program can open (and migrate to :data:`HEAD`), newest first."""
    from counter.db.migrate import known_revisions as revisions  # Alembic loads only when asked

    return revisions()
