"""A desk with cases upgrades to the hall schema and keeps every one of them.

The cases are made at the newest schema, the database is taken back to the
ratings schema (0004) and brought up again, as a township laptop of last year
would be: every case is still there, each now with its own identity, and the
references between the tables hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from counter.access.desk import Desk
from counter.actions.catalog.imports import import_source
from counter.actions.site.demo import run_demo
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import HEAD, SchemaState, downgrade, schema_state, upgrade
from tests.actions.conftest import TODAY
from tests.conftest import SHIPPED_CATALOG


@pytest.mark.slow
def test_cases_survive_the_way_down_to_0004_and_back(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    upgrade(engine)
    sessions = make_sessions(engine)
    assert import_source(sessions, SHIPPED_CATALOG).report is not None
    made = {c.case_no for c in run_demo(sessions, Desk(DeskIdentity("XAM01", "8"), "乌兰"), TODAY)}

    downgrade(engine, "0004_ratings")
    assert schema_state(engine) == (SchemaState.OLDER, "0004_ratings")
    with engine.connect() as conn:
        columns = {row[1] for row in conn.exec_driver_sql('PRAGMA table_info("case")')}
    assert "uid" not in columns

    assert upgrade(engine) is SchemaState.OLDER
    assert schema_state(engine) == (SchemaState.CURRENT, HEAD)
    with engine.connect() as conn:
        rows = conn.execute(text('SELECT case_no, uid FROM "case"')).all()
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # a new connection: on again
    assert {r.case_no for r in rows} == made
    assert len({r.uid for r in rows}) == len(rows)
    assert all(len(r.uid) == 32 for r in rows)
    engine.dispose()
