"""Which database a face means, and the schema revisions this program knows.

The window and the command line name the database by ``--db`` and report the schema revision without knowing
where either is decided; importing this module loads no SQLAlchemy (the window reads it before it shows).
Opening a database migrates it (:class:`counter.actions.site.store.Store`); nothing here opens one.
"""

from __future__ import annotations

from counter.db.revision import HEAD
from counter.host.database.database_choice import database_url, is_live_database, is_training_database

__all__ = ["HEAD", "database_url", "is_live_database", "is_training_database", "known_revisions"]


def known_revisions() -> list[str]:
    """Every schema revision this program can open (and migrate to :data:`HEAD`), newest first."""
    from counter.db.migrate import known_revisions as revisions  # Alembic loads only when asked

    return revisions()
