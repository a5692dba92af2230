"""Bring a database to the schema this program expects.

Start-up only reads ``alembic_version`` and the sealing's work list (two queries) and compares the first with
:data:`HEAD`; Alembic itself is imported only when there is work to do, so a
migrated desk starts without it.  A database written by a newer program is
refused rather than touched, and so is one made before the first release (:data:`PRE_RELEASE`): the migrations
that built it were folded into the baseline, so nothing leads from it to this schema.

The whole upgrade is one transaction.  On PostgreSQL it waits at most ``lock_timeout`` for each lock it needs
(:data:`LOCK_TIMEOUT_S` unless told otherwise): a migration that alters a table must have it to itself, and while
it waits behind a connection that still reads the table, every desk that asks for the table queues behind the
migration — a hall stopped by an upgrade that has not begun.  Given up, the transaction rolls back whole and the
database is as it was.  Each migration is reported as it starts and ends (:class:`Step`), so that the one that
rewrites a big table is seen working, not hung.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text

from counter.db.revision import HEAD, LOCK_TIMEOUT_S, PRE_RELEASE, Step
from counter.host.database.database_faults import SchemaPreRelease, SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = [
    "SchemaState",
    "downgrade",
    "schema_state",
    "upgrade",
    "upgrade_to",
]

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class SchemaState(StrEnum):
    CURRENT = "current"
    EMPTY = "empty"
    OLDER = "older"
    NEWER = "newer"  # written by a newer version of the program
    PRE_RELEASE = "pre_release"  # made before the first release, by a migration folded into the baseline


def _config(engine_url: str) -> Config:
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
    if revision in PRE_RELEASE:
        return SchemaState.PRE_RELEASE, revision
    if revision in known_revisions():
        return SchemaState.OLDER, revision
    return SchemaState.NEWER, revision


def upgrade(
    engine: Engine, lock_timeout_s: float = LOCK_TIMEOUT_S, progress: Callable[[Step], None] | None = None
) -> SchemaState:
    """Migrate to :data:`HEAD`; return the state found before.  Refuses a newer database, and one made before the
    first release (:class:`SchemaPreRelease`), untouched.

    ``lock_timeout_s``: PostgreSQL's ``lock_timeout`` for the upgrade's transaction (0: wait however long it takes);
    ``progress``: told of each migration as it starts and as it ends.
    """
    state, revision = schema_state(engine)
    if state is SchemaState.PRE_RELEASE:
        log.error("database schema %s is from before the first release: no migration leads from it", revision)
        raise SchemaPreRelease(revision or "")
    if state is SchemaState.NEWER:
        raise SchemaTooNew(revision or "")
    if state is not SchemaState.CURRENT:
        _migrate(engine, "head", up=True, lock_timeout_s=lock_timeout_s, progress=progress, since=revision)
    _finish_sealing(engine, progress)
    return state


def _finish_sealing(engine: Engine, progress: Callable[[Step], None] | None) -> None:
    """The rows still to seal or to move to a new data key, a batch to a transaction after the
    upgrade's own (:mod:`counter.db.sealing`): one read of a table of no rows where there is nothing to do."""
    from counter.db.sealing import finish_pending

    finish_pending(engine, progress)


def upgrade_to(engine: Engine, revision: str) -> None:
    """Migrate an empty database up to ``revision`` only: the schema an older program made (restore's reference)."""
    _migrate(engine, revision, up=True)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision`` (support and the migration tests; the app never does)."""
    _migrate(engine, revision, up=False)


def pending_revisions(since: str | None) -> list[str]:
    """The revisions an upgrade from ``since`` (None: an empty database) runs, in the order it runs them."""
    from alembic.script import ScriptDirectory

    walked = ScriptDirectory(str(MIGRATIONS)).iterate_revisions("head", since or "base")
    return [s.revision for s in reversed(list(walked)) if s is not None]


class _Watch:
    """Turns Alembic's word after each migration into a :class:`Step` ended and the next one started."""

    def __init__(self, pending: list[str], progress: Callable[[Step], None]) -> None:
        self.pending, self.progress = pending, progress
        self.started = time.monotonic()
        if pending:
            progress(Step(pending[0], 1, len(pending)))

    def __call__(self, *, step: Any, **_: Any) -> None:
        done = str(step.up_revision_id)
        number = self.pending.index(done) + 1 if done in self.pending else len(self.pending)
        now = time.monotonic()
        self.progress(Step(done, number, len(self.pending), now - self.started))
        self.started = now
        if number < len(self.pending):
            self.progress(Step(self.pending[number], number + 1, len(self.pending)))


def _migrate(
    engine: Engine,
    revision: str,
    up: bool,
    lock_timeout_s: float = LOCK_TIMEOUT_S,
    progress: Callable[[Step], None] | None = None,
    since: str | None = None,
) -> None:
    from alembic import command

    config = _config(engine.url.render_as_string(hide_password=False))
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            _sqlite_transactional_ddl(conn)
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    # for this transaction only (set_config's third argument): the desks' sessions keep the default
                    wait = f"{round(lock_timeout_s * 1000)}ms"
                    conn.execute(text("SELECT set_config('lock_timeout', :wait, true)"), {"wait": wait})
                    # and no bound on a statement: a migration may rewrite a big hall's table for minutes, where a
                    # desk's statement is ended at a minute (counter.db.engine.Bounds)
                    conn.execute(text("SELECT set_config('statement_timeout', '0', true)"))
                config.attributes["connection"] = conn
                if progress is not None and up:
                    config.attributes["on_version_apply"] = _Watch(pending_revisions(since), progress)
                step = command.upgrade if up else command.downgrade
                step(config, revision)
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
