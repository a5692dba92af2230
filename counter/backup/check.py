"""The quick health check of an SQLite file: SQLite's own ``quick_check``, which reads every page of the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"


def starts_as_sqlite(path: Path) -> bool:
    """Whether the file begins with SQLite's header (:class:`OSError` when it cannot be read)."""
    with open(path, "rb") as file:
        return file.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def pragma_ok(conn: sqlite3.Connection, pragma: str) -> bool:
    """Whether a checking pragma (``quick_check``, ``integrity_check``) answers its single ``ok``."""
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError:
        return False
    return [tuple(r) for r in rows] == [("ok",)]


def quick_check(path: Path) -> bool:
    """Whether the SQLite file at ``path`` passes ``PRAGMA quick_check``: longer the more the file holds, so the desk
    runs it off the window's thread (:func:`counter.actions.admin.database_file.check_database_whole`)."""
    try:
        if not starts_as_sqlite(path):
            return False
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
    except (OSError, sqlite3.Error):
        return False
    try:
        return pragma_ok(conn, "quick_check")
    finally:
        conn.close()
