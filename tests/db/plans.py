"""What a read sends to the database, and how the database answers it: the plan tests' helpers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker


@contextmanager
def counted(sessions: sessionmaker[Session]) -> Iterator[list[str]]:
    """The statements sent on ``sessions``' engine while the block runs, whoever sends them."""
    sent: list[str] = []
    engine = sessions.kw["bind"]
    assert isinstance(engine, Engine)

    def keep(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", keep)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", keep)


def statements(sessions: sessionmaker[Session], read: Any) -> list[tuple[str, Any]]:
    """The statements ``read`` sends, as sent."""
    sent: list[tuple[str, Any]] = []
    engine = sessions.kw["bind"]

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        with sessions() as session:
            read(session)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    return sent


def explain(sessions: sessionmaker[Session], read: Any) -> list[str]:
    """One text per statement: its plan, as the database explains it."""
    explained = []
    with sessions() as session:
        conn = session.connection()
        postgres = conn.dialect.name == "postgresql"
        for statement, parameters in statements(sessions, read):
            if "set_config(" in statement:  # a planner setting of the read's own: in force as sent
                conn.exec_driver_sql(statement, parameters)
                continue
            if postgres:
                lines = [str(line) for line in conn.exec_driver_sql("EXPLAIN " + statement, parameters).scalars()]
            else:
                lines = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
            explained.append("\n".join(lines))
    return explained


def scans(table: str, plan: str) -> bool:
    """Whether the plan reads a table whole (SQLite's ``SCAN case``, PostgreSQL's ``Seq Scan on "case"``)."""
    return re.search(rf'(^|\s)(SCAN|Seq Scan on) "?{table}"?( |$)', plan, re.MULTILINE) is not None


def scans_cases(plan: str) -> bool:
    return scans("case", plan)
