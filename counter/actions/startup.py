"""What the window needs before it shows, without SQLAlchemy: the database's address and the quick start.

Importing this module loads neither SQLAlchemy nor Alembic: the window imports it at start-up, and an SQLite desk
whose schema is current reads its search index with the standard sqlite3 module (:mod:`counter.db.quick_start`),
leaving SQLAlchemy to the warm-up thread.
"""

from __future__ import annotations

from counter.db.quick_start import QuickStart, quick_start, sqlite_path
from counter.db.url import resolve_url

__all__ = ["QuickStart", "quick_start", "resolve_url", "sqlite_path"]
