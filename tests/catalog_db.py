"""Databases the tests start from, each made once per run and copied by every test that needs it.

The shipped catalog imported into a migrated SQLite file takes most of a second, the demo's cases on top of it more,
and a migration alone a quarter of a second: made again by each worker for each folder or each test that wants one,
they were most of a minute of the quick tier's time.  The first worker to ask makes the file in the run's own folder,
the others wait for it and copy it; a new run makes its own again.
"""

from __future__ import annotations

import fcntl
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import Connection, inspect, text

from counter.actions.catalog.imports import import_source
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from tests.conftest import SHIPPED_CATALOG

T = TypeVar("T")


def run_folder(factory: pytest.TempPathFactory) -> Path:
    """The folder of this run that every worker sees: under xdist each worker's base folder is made inside the run's
    own (``popen-gw0``…); a run without workers has only its own base folder, new at each run like the other."""
    base = factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "made-once"
    folder.mkdir(exist_ok=True)
    return folder


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], T]) -> tuple[Path, T]:
    """The SQLite file ``name`` of this run, and what ``make`` said of it, made by whichever worker asks first.

    ``make`` writes a new file at the path it is given and returns what the tests need to know of it (case numbers
    and the like), which is kept beside the file for the other workers: it must pickle.  The file is made under
    another name and renamed when whole, under a lock the other workers wait on; it is closed by then (its engine
    disposed), so there is no write-ahead log beside it that a copy would leave behind.  No test writes into it:
    each copies it (``copy_database`` where it holds cases).
    """
    folder = run_folder(factory)
    path = folder / f"{name}.sqlite3"
    said = folder / f"{name}.pickle"
    with (folder / f"{name}.lock").open("wb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed, also when ``make`` fails
        if not path.exists():
            part = folder / f"{name}.part.sqlite3"
            for left in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):  # of a worker whose ``make`` failed
                left.unlink(missing_ok=True)
            value = make(part)
            assert not Path(f"{part}-wal").exists(), f"{name}: an engine on the file is still open"
            kept_in_clear(part)
            said.write_bytes(pickle.dumps(value))
            part.rename(path)
            return path, value
    return path, pickle.loads(said.read_bytes())  # written by the worker that made the file, in this run


def kept_in_clear(path: Path) -> None:
    """:func:`kept_in_clear_at` on the SQLite file at ``path``, closed after it (no write-ahead log left beside it)."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            kept_in_clear_at(conn)
    finally:
        engine.dispose()


def kept_in_clear_at(conn: Connection) -> None:
    """A template's personal data opened and its sealing listed, as a program before the sealing left a database.

    A template is made under this run's data keys, and each test has a home, and keys, of its own: sealed under the
    run's, its copies would read as the placeholder of a machine without the key.  Kept in clear with the work
    listed (counter.db.sealing), a copy is sealed under its test's keys when the test opens it through the app (or
    :func:`tests.pg_server.FreshDatabases.open`), and a test reading it directly reads the values themselves.
    """
    from counter.db.sealed import CASE_INDEXES, unseal
    from counter.db.sealing import WALKS

    if not inspect(conn).has_table("data_sealing"):
        return
    listed = False
    for walk in WALKS:
        if walk.table == "rating":
            listed = _ratings_kept_in_clear(conn) or listed
            continue
        names = ", ".join(f'"{c}"' for c in walk.sealed)
        for key, *values in conn.execute(text(f'SELECT "{walk.key}", {names} FROM "{walk.table}"')).all():
            listed = True
            clear = {c: unseal(v or "") for c, v in zip(walk.sealed, values, strict=True)}
            if walk.table == "party":
                clear["id_key"], clear["id_no"] = clear["id_no"] or key, ""
            if walk.table == "case":
                clear |= {index: "" for index, _ in CASE_INDEXES}
            assignments = ", ".join(f'"{c}" = :{c}' for c in clear)
            conn.execute(
                text(f'UPDATE "{walk.table}" SET {assignments} WHERE "{walk.key}" = :old_key'),
                {**clear, "old_key": key},
            )
    if listed and conn.execute(text("SELECT count(*) FROM data_sealing")).scalar() == 0:
        conn.execute(text("INSERT INTO data_sealing (job, key_id) VALUES ('seal', 0)"))


def _ratings_kept_in_clear(conn: Connection) -> bool:
    """The raters' numbers opened, the insert-only trigger set aside for it (it lets no value be opened) and put
    back as the baseline migration made it; whether there were any."""
    import importlib

    from counter.db.sealed import unseal

    rows = conn.execute(text("SELECT id, rater_id_no FROM rating")).all()
    if not rows:
        return False
    postgres = conn.dialect.name == "postgresql"
    conn.execute(
        text("ALTER TABLE rating DISABLE TRIGGER trg_rating_final" if postgres else "DROP TRIGGER trg_rating_no_update")
    )
    for key, value in rows:
        conn.execute(text("UPDATE rating SET rater_id_no = :v WHERE id = :k"), {"v": unseal(value or ""), "k": key})
    if postgres:
        conn.execute(text("ALTER TABLE rating ENABLE TRIGGER trg_rating_final"))
    else:
        migration = importlib.import_module("counter.db.migrations.versions.0001_baseline")
        conn.execute(text(migration.SQLITE_RATING_UPDATE_TRIGGER))
    return True


def migrate(path: Path) -> None:
    """A new SQLite file at ``path`` migrated to the head of the schema, nothing else in it."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def migrated_schema(factory: pytest.TempPathFactory) -> Path:
    """This run's SQLite file migrated from empty (:func:`migrate`): copy it."""
    return made_once(factory, "migrated-schema", migrate)[0]


def import_shipped_catalog(path: Path) -> None:
    """A new SQLite file at ``path``, migrated, with the shipped catalog imported as ``counter catalog import`` does."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
        outcome = import_source(make_sessions(engine), SHIPPED_CATALOG)
        assert outcome.report is not None, outcome.problems
    finally:
        engine.dispose()


def catalog_file(folder: Path) -> Path:
    """The shipped catalog imported into ``catalog.sqlite3`` in ``folder``: for a run outside pytest (benchmarks)."""
    folder.mkdir(parents=True, exist_ok=True)  # opening an SQLite file makes no folder (counter.db.engine)
    path = folder / "catalog.sqlite3"
    import_shipped_catalog(path)
    return path


def shipped_catalog(factory: pytest.TempPathFactory) -> Path:
    """This run's migrated SQLite file with the shipped catalog imported (:func:`import_shipped_catalog`): copy it."""
    return made_once(factory, "shipped-catalog", import_shipped_catalog)[0]
