"""Backups of an SQLite desk database: made online, verified, kept N deep, restored without loss.

Plain :mod:`sqlite3` only (no SQLAlchemy), so the desk app can check its file
before the window shows.  PostgreSQL halls use their own dump tools
(``pg_dump`` / ``pg_restore``); see :mod:`counter.actions.site.backup`.
"""
