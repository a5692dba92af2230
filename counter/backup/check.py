"""The quick health check of an SQLite file, small enough to run before the desk's window shows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"


def quick_check(path: Path) -> bool:
    """Whether the SQLite file at ``path`` passes ``PRAGMA quick_check`` (milliseconds on a desk's file)."""
    try:
        with open(path, "rb") as file:
            if file.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
    except (OSError, sqlite3.Error):
        return False
    try:
        return [tuple(r) for r in conn.execute("PRAGMA quick_check").fetchall()] == [("ok",)]
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
