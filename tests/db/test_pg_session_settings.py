"""The settings a desk's PostgreSQL connection runs with."""

from __future__ import annotations

from sqlalchemy import text

from tests.pg_server import FreshDatabases


def test_a_desk_connection_does_not_jit_compile_its_queries(fresh_pg: FreshDatabases) -> None:
    """The server's JIT compiling took 2.8 s of a 3.6 s answer to the month's figures of a 2M-case hall (its
    estimated cost passes jit_above_cost); a desk's reads are short, and none gains what the compiling costs."""
    with fresh_pg.sessions()() as session:
        assert session.execute(text("SHOW jit")).scalar_one() == "off"
