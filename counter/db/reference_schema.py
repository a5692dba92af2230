"""The schema this program's migrations make at a given revision: what a restored file must hold exactly.

Built by running the project's own Alembic migrations up to that revision into a new SQLite file in a temporary
folder, read with :func:`counter.backup.schema.read_schema` and kept for the rest of the process, one per
revision (under a second each, and a restore is rare).  Made from the migrations rather than written down, so a new
migration can never be forgotten here.
"""

from __future__ import annotations

import functools
import sqlite3
import tempfile
from pathlib import Path

from counter.backup.schema import Schema, read_schema
from counter.db.engine import make_engine
from counter.db.migrate import upgrade_to

__all__ = ["reference_schema"]


@functools.lru_cache(maxsize=8)
def reference_schema(revision: str) -> Schema:
    """The schema of a new SQLite database migrated to ``revision`` (a revision :func:`known_revisions` lists)."""
    with tempfile.TemporaryDirectory(prefix="counter-reference-") as folder:
        path = Path(folder) / "reference.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        try:
            upgrade_to(engine, revision)
        finally:
            engine.dispose()
        conn = sqlite3.connect(path)
        try:
            return read_schema(conn)
        finally:
            conn.close()
