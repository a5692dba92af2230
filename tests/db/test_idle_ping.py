"""A hall's desk asks its server whether a pooled connection still works only after the connection sat idle.

The ping is a round trip before a unit of work: paid at every checkout (``pool_pre_ping``) it was a tenth to a fifth
of opening a case on a 5M-case hall.  A connection the server ended while it sat idle is still replaced unseen.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from counter.db import engine as engine_module
from tests.pg_server import MIGRATED, FreshDatabases


def _backend(sessions: sessionmaker[Session]) -> int:
    """The server process of the connection a unit of work got."""
    with sessions() as session:
        return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _pings(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every ping the engine's dialect is asked for, from now on."""
    pings: list[Any] = []
    ping = engine.dialect.do_ping

    def counted(dbapi_connection: Any) -> bool:
        pings.append(dbapi_connection)
        return ping(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    return pings


@pytest.fixture
def sessions(fresh_pg: FreshDatabases) -> sessionmaker[Session]:
    return fresh_pg.sessions(MIGRATED)


def test_a_connection_used_a_moment_ago_is_not_pinged(
    sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _backend(sessions)
    pings = _pings(sessions.kw["bind"], monkeypatch)
    assert [_backend(sessions) for _ in range(5)] == [first] * 5  # the same pooled connection, one task after another
    assert pings == []


def test_a_connection_the_server_ended_while_it_sat_idle_is_replaced_unseen(
    sessions: sessionmaker[Session], fresh_pg: FreshDatabases, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _backend(sessions)
    with fresh_pg.databases.admin.connect() as admin:  # the server ends it, as a restart or a cut line would
        assert admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first}).scalar_one()
    monkeypatch.setattr(engine_module, "IDLE_PING_S", 0.0)  # it has sat idle long enough to be asked
    pings = _pings(sessions.kw["bind"], monkeypatch)
    second = _backend(sessions)
    assert second != first
    assert len(pings) == 1
