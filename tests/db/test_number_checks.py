"""The highest number a desk has issued is found whatever the database's collation, and by an index.

A hall's PostgreSQL made by ``createdb`` on a server set up in Chinese compares text by zh_CN's (or ICU's) rules,
not byte by byte as the test cluster's ``C``.  A prefix range ending in a control character is empty there: the
check that no number is issued twice found no case, notice or audit entry and let every desk through.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.db.number_checks import highest_case_sequence, highest_document_sequence
from tests.pg_server import FreshDatabases

DAY = dt.date(2026, 11, 23)


@pytest.fixture(params=["sqlite", "postgresql-icu"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        made = make_engine(f"sqlite:///{tmp_path}/numbers.sqlite3")
        upgrade(made)
        yield made
        made.dispose()
        return
    fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
    databases = fresh.databases
    name = "numbers_icu"
    with databases.admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        conn.execute(
            text(
                f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu"
                " ICU_LOCALE 'zh'"
            )
        )
    made = make_engine(databases.cluster.url(name))
    try:
        upgrade(made)
        yield made
    finally:
        made.dispose()
        databases.drop(name)


def _issue(session: Session) -> None:
    now = dt.datetime(2026, 11, 23, 9, 0)
    session.add(
        models.DocumentRecord(
            doc_no="XAM01-261123-S-080007", kind="S", issued_on=DAY, site_code="XAM01", desk_no="8", clerk="乌兰",
            office="{}", content_hash="0" * 64,
        )
    )  # fmt: skip
    session.add(
        models.AuditEntry(
            chain="XAM01-8", seq=1, at=now, actor="乌兰", site_code="XAM01", desk_no="8", action="case_taken",
            subject="XAM01-20261123-08-0005", prev_hash="0" * 64, hash="1" * 64,
        )
    )  # fmt: skip


def test_the_numbers_issued_are_found(engine: Engine) -> None:
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        _issue(session)
    with sessions() as session:
        assert highest_case_sequence(session, "XAM01", "8", DAY) == 5
        assert highest_document_sequence(session, "XAM01", "8", DAY) == 7
        assert highest_case_sequence(session, "XAM01", "9", DAY) == 0
        assert highest_document_sequence(session, "XAM01", "8", DAY + dt.timedelta(days=1)) == 0


def test_sqlite_finds_them_by_index(tmp_path: Path) -> None:
    """Run before a desk's first intake of the day: a hall's years of cases and notices are not read through."""
    made = make_engine(f"sqlite:///{tmp_path}/plan.sqlite3")
    upgrade(made)
    statements: list[tuple[str, Any]] = []

    @event.listens_for(made, "before_cursor_execute")
    def _seen(_conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        statements.append((statement, parameters))

    try:
        with make_sessions(made)() as session:
            highest_case_sequence(session, "XAM01", "8", DAY)
            highest_document_sequence(session, "XAM01", "8", DAY)
            asked = [(s, p) for s, p in statements if s.lstrip().upper().startswith("SELECT")]
            plans = [
                " ".join(str(row[-1]) for row in session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {s}", p))
                for s, p in asked
            ]
    finally:
        made.dispose()
    assert len(plans) == 3
    assert all("INDEX" in plan and "SCAN" not in plan for plan in plans), plans
