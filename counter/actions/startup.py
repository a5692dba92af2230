"""What the window needs before it shows, without SQLAlchemy: the quick start of an SQLite desk.

Importing this module loads neither SQLAlchemy nor Alembic: the window imports it at start-up, and an SQLite desk
whose schema is current reads its search index with the standard sqlite3 module (:mod:`counter.db.quick_start`),
leaving SQLAlchemy to the warm-up thread.
"""

from __future__ import annotations

from counter.db.quick_start import QuickStart, quick_start, sqlite_path

__all__ = ["QuickStart", "quick_start", "sqlite_path"]
