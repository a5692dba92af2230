"""``counter db upgrade --db postgresql+psycopg://…``: how a hall's empty database gets its schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, text

import counter.db.engine as engine_module
from counter.cli.main import main
from counter.db.engine import make_engine
from counter.db.revision import HEAD
from tests.pg_server import PgDatabases


@pytest.fixture
def empty_url(pg_databases: PgDatabases) -> Iterator[str]:
    """A database as ``createdb`` leaves it: no tables at all."""
    name = "hall_empty"
    with pg_databases.admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    yield pg_databases.cluster.url(name)
    pg_databases.drop(name)


@pytest.fixture
def cli_engines(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Engine]]:
    """The engines the command opens, disposed after the test.

    The command leaves its engine to the end of the process, which closes the
    connection; a test run goes on, so it closes them here instead.
    """
    opened: list[Engine] = []

    def recording(url: str, **settings: Any) -> Engine:  # the desk's bounds and the rest, as the store gives them
        opened.append(make_engine(url, **settings))
        return opened[-1]

    monkeypatch.setattr(engine_module, "make_engine", recording)
    yield opened
    for engine in opened:
        engine.dispose()


@pytest.mark.usefixtures("cli_engines")
def test_db_upgrade_migrates_an_empty_postgresql_database(empty_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade", "--db", empty_url]) == 0
    assert HEAD in capsys.readouterr().out
    engine = make_engine(empty_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD
            tables = set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    assert {"case", "case_material", "case_history", "desk_counter", "account", "audit_entry"} <= tables
    # run again on a current database: nothing to do, still success
    assert main(["db", "upgrade", "--db", empty_url]) == 0
