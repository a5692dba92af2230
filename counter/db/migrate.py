"""Bring a database to the schema this program expects.

Start-up only reads ``alembic_version`` (one query) and compares it with
:data:`HEAD`; Alembic itself is imported only when there is work to do, so a
migrated desk starts without it.  A database written by a newer program is
refused rather than touched.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, inspect, text

from counter.db.revision import HEAD, SchemaTooNew

__all__ = ["HEAD", "SchemaState", "SchemaTooNew", "downgrade", "schema_state", "upgrade", "upgrade_to"]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class SchemaState(StrEnum):
    CURRENT = "current"
    EMPTY = "empty"
    OLDER = "older"
    NEWER = "newer"  # written by a newer version of the program


def _config(engine_url: str) -> object:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine_url.replace("%", "%%"))
    return config


def known_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    return [s.revision for s in ScriptDirectory(str(MIGRATIONS)).walk_revisions()]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def schema_state(engine: Engine) -> tuple[SchemaState, str | None]:
    revision = current_revision(engine)
    if revision == HEAD:
        return SchemaState.CURRENT, revision
    if revision is None:
        return SchemaState.EMPTY, None
    if revision in known_revisions():
        return SchemaState.OLDER, revision
    return SchemaState.NEWER, revision


def upgrade(engine: Engine) -> SchemaState:
    """Migrate to :data:`HEAD`; return the state found before.  Refuses a newer database."""
    state, revision = schema_state(engine)
    if state is SchemaState.NEWER:
        raise SchemaTooNew(revision or "")
    if state is SchemaState.CURRENT:
        return state
    _migrate(engine, "head", up=True)
    return state


def upgrade_to(engine: Engine, revision: str) -> None:
    """Migrate an empty database up to ``revision`` only: the schema an older program made (restore's reference)."""
    _migrate(engine, revision, up=True)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision`` (support and the migration tests; the app never does)."""
    _migrate(engine, revision, up=False)


def _migrate(engine: Engine, revision: str, up: bool) -> None:
    from alembic import command

    config = _config(engine.url.render_as_string(hide_password=False))
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            _sqlite_transactional_ddl(conn)
        try:
            with conn.begin():
                config.attributes["connection"] = conn  # type: ignore[attr-defined]
                step = command.upgrade if up else command.downgrade
                step(config, revision)  # type: ignore[arg-type]
                if sqlite:
                    _check_foreign_keys(conn)
        finally:
            if sqlite:
                conn.invalidate()  # its pragmas were changed for the migration: never reuse it


def _sqlite_transactional_ddl(conn: Connection) -> None:
    """Run the whole upgrade as one SQLite transaction, with foreign keys off.

    Python's sqlite3 commits before every DDL statement by itself, so a
    migration that fails half-way would leave half a schema; with the driver's
    own transaction handling off and an explicit BEGIN, a failed upgrade rolls
    back whole and the laptop keeps its old, working database.  Foreign keys are
    off because a batch migration rebuilds a table (copy, drop, rename) that other
    tables point at; they are checked before the commit instead.
    """
    raw: Any = conn.connection.driver_connection
    raw.isolation_level = None
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute("BEGIN IMMEDIATE")


class BrokenReferences(Exception):
    """A migration left rows that point at nothing; the upgrade was rolled back."""


def _check_foreign_keys(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise BrokenReferences(", ".join(sorted({str(row[0]) for row in broken})))
