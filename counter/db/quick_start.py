"""What the desk needs before its window shows, read with the standard sqlite3 module.

Importing SQLAlchemy costs about as much as a whole bare Qt window, so a desk on
SQLite whose schema is current and whose bundled catalog has not changed reads
its search index here, with three plain queries, and imports SQLAlchemy only
after the window is up.  Anything unusual — another database, an older or newer
schema, a changed catalog, a file that cannot be read — returns ``None`` and the
caller takes the ordinary path through :mod:`counter.db`.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from counter.catalog.fingerprint import BUNDLED_FINGERPRINT_KEY, BUNDLED_PROBLEMS_KEY
from counter.catalog.guide_status import GuideStatus
from counter.catalog.search import SearchEntry
from counter.db.revision import HEAD
from counter.host.database.database_choice import sqlite_path
from counter.host.database.quick_start import QuickStart

if TYPE_CHECKING:
    from counter.catalog.problems import Problem


def quick_start(url: str, bundled_fingerprint: str) -> QuickStart | None:
    """The index, when the database is current and the bundled files are as last imported."""
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return _read(conn, bundled_fingerprint)
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _read(conn: sqlite3.Connection, bundled_fingerprint: str) -> QuickStart | None:
    def setting(key: str) -> str | None:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None or revision[0] != HEAD or setting(BUNDLED_FINGERPRINT_KEY) != bundled_fingerprint:
        return None
    rows = conn.execute("SELECT code, number, name, published, search_text, status FROM bundle ORDER BY number, code")
    entries = [
        SearchEntry(code, number, name, bool(published), text, status == GuideStatus.DRAFT.value)
        for code, number, name, published, text, status in rows
    ]
    if not entries:
        return None
    accounts = conn.execute("SELECT 1 FROM account LIMIT 1").fetchone() is not None
    return QuickStart(entries, _problems(setting(BUNDLED_PROBLEMS_KEY)), accounts)


def _problems(text: str | None) -> tuple[Problem, ...]:
    """The problems the last read of the bundled files found: the problems' code only when there were some."""
    if not text or text == "[]":  # as problems_to_json writes none: the usual start
        return ()
    from counter.catalog.problems import problems_from_json

    return problems_from_json(text)
