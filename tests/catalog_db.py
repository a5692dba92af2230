"""An SQLite database with the shipped catalog imported: made once per run, copied by each test."""

from __future__ import annotations

from pathlib import Path

from counter.actions.catalog import import_source
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from tests.conftest import SHIPPED_CATALOG


def catalog_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)  # opening an SQLite file makes no folder (counter.db.engine)
    path = folder / "catalog.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    outcome = import_source(make_sessions(engine), SHIPPED_CATALOG)
    assert outcome.report is not None, outcome.problems
    engine.dispose()
    return path
