"""A read on a hall's server ends its read-only transaction with COMMIT, which keeps the statements it prepared.

Ended with ROLLBACK, psycopg forgot every prepared statement of the connection and sent ``DEALLOCATE ALL``: a read
the desk repeats (opening a case, the day lists) was parsed and planned again at every unit of work, and opening a
case on a 5M-case hall took 2.9 ms at p95 where 2 ms is the goal (``benchmarks/bench_lists.py``).
"""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from tests.pg_server import MIGRATED, FreshDatabases

#: psycopg prepares a statement the sixth time the connection runs it (its ``prepare_threshold`` is 5)
RUNS = 8
_READ = text("SELECT count(*) FROM setting WHERE key = :key")


def _prepared(sessions: sessionmaker[Session]) -> list[str]:
    """The statements the server holds prepared for the pooled connection."""
    with sessions() as session:
        return list(session.execute(text("SELECT statement FROM pg_prepared_statements")).scalars())


@pytest.fixture
def sessions(fresh_pg: FreshDatabases) -> sessionmaker[Session]:
    return fresh_pg.sessions(MIGRATED)


def test_a_read_repeated_unit_after_unit_is_prepared_once_and_kept(sessions: sessionmaker[Session]) -> None:
    for _ in range(RUNS):  # one unit of work each, as the window runs each read
        with sessions() as session:
            assert session.execute(_READ, {"key": "office"}).scalar_one() == 0
    assert [s for s in _prepared(sessions) if "setting" in s]  # rolled back, the list was empty


def test_a_read_ends_with_commit_and_a_failed_read_is_rolled_back(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        session.execute(_READ, {"key": "office"})
        connection = session.connection().connection.driver_connection
    assert connection is not None
    assert connection.info.transaction_status.name == "IDLE"
    with pytest.raises(DBAPIError), sessions() as session:
        session.execute(text("SELECT 1 / 0"))
    with sessions() as session:  # the connection came back clean
        assert session.execute(text("SELECT 1")).scalar_one() == 1


def test_a_read_cannot_write(sessions: sessionmaker[Session]) -> None:
    """Committing a read keeps nothing it did by mistake: the server refuses the write itself."""
    with pytest.raises(DBAPIError, match="read-only transaction"), sessions() as session:
        session.execute(text("INSERT INTO setting (key, value) VALUES ('x', 'y')"))
    with sessions.begin() as session:  # a writing unit of work still writes
        session.execute(text("INSERT INTO setting (key, value) VALUES ('x', 'y')"))
    with sessions() as session:
        assert session.execute(_READ, {"key": "x"}).scalar_one() == 1
