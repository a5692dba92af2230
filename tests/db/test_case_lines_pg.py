"""On PostgreSQL a checklist or history line must name a case that exists, checked per statement.

The per-row foreign keys of these two tables gave way to one check after each
statement; these tests hold that check to what the keys did: a line naming a
missing case is refused with everything its statement wrote, and the case it
names can neither disappear nor change its id.
"""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.site.demo import run_demo
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.bulk_rows import bulk_insert
from tests.actions.conftest import TODAY
from tests.pg_server import FreshDatabases

MISSING = 987_654


def _line(case_id: int, code: str) -> dict[str, object]:
    return {"case_id": case_id, "material_code": code, "name": "营业执照", "necessity": "required",
            "receipt": "received"}  # fmt: skip


def _history(case_id: int) -> dict[str, object]:
    at = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
    return {"case_id": case_id, "at": at, "clerk": "乌兰", "desk_no": "8", "event": "note", "status_after": "accepted"}


@pytest.fixture
def with_cases(fresh_pg: FreshDatabases) -> tuple[sessionmaker[Session], list[int]]:
    sessions = fresh_pg.sessions()
    run_demo(sessions, Desk(DeskIdentity("XAM01", "8"), "乌兰"), TODAY)
    with sessions() as session:
        return sessions, list(session.scalars(select(models.Case.id).order_by(models.Case.id)))


def _counts(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions() as session:
        materials = len(session.scalars(select(models.CaseMaterial.id)).all())
        return materials, len(session.scalars(select(models.CaseHistory.id)).all())


def test_lines_of_existing_cases_go_in(with_cases: tuple[sessionmaker[Session], list[int]]) -> None:
    sessions, ids = with_cases
    before = _counts(sessions)
    with sessions.begin() as session:
        session.execute(insert(models.CaseMaterial), [_line(case_id, "extra-1") for case_id in ids])
        session.execute(insert(models.CaseHistory), [_history(case_id) for case_id in ids])
    assert _counts(sessions) == (before[0] + len(ids), before[1] + len(ids))


@pytest.mark.parametrize("table", ["material", "history"])
def test_a_line_naming_a_missing_case_refuses_its_whole_statement(
    with_cases: tuple[sessionmaker[Session], list[int]], table: str
) -> None:
    sessions, ids = with_cases
    before = _counts(sessions)
    model = models.CaseMaterial if table == "material" else models.CaseHistory
    rows = [_line(i, "extra-2") if table == "material" else _history(i) for i in [*ids[:2], MISSING, *ids[2:]]]
    with pytest.raises(IntegrityError, match=f"names case id {MISSING}") as caught, sessions.begin() as session:
        session.execute(insert(model), rows)
    assert getattr(caught.value.orig, "sqlstate", None) == "23503"  # foreign_key_violation, as the key raised
    assert _counts(sessions) == before


def test_lines_copied_in_bulk_are_checked_the_same(with_cases: tuple[sessionmaker[Session], list[int]]) -> None:
    """The import writes lines by COPY: the check after the statement covers it as it covers INSERT."""
    sessions, ids = with_cases
    before = _counts(sessions)
    lines = [_line(case_id, "extra-3") | {"originals": 1, "copies": 0, "medium": "paper", "defect_note": ""}
             for case_id in [ids[0], MISSING, ids[1]]]  # fmt: skip
    columns = tuple(lines[0])
    rows = [tuple(line.values()) for line in lines]
    with pytest.raises(psycopg.errors.ForeignKeyViolation), sessions.begin() as session:
        bulk_insert(session, models.Base.metadata.tables[models.CaseMaterial.__tablename__], columns, rows)
    assert _counts(sessions) == before


def test_a_line_cannot_be_moved_to_a_missing_case(with_cases: tuple[sessionmaker[Session], list[int]]) -> None:
    sessions, ids = with_cases
    moved = update(models.CaseMaterial).where(models.CaseMaterial.case_id == ids[0]).values(case_id=MISSING)
    with pytest.raises(IntegrityError, match="does not exist"), sessions.begin() as session:
        session.execute(moved)
    with sessions.begin() as session:  # an update that leaves the case alone passes the same check
        session.execute(update(models.CaseMaterial).where(models.CaseMaterial.case_id == ids[0]).values(copies=2))


def test_a_case_keeps_its_id_and_is_never_deleted(with_cases: tuple[sessionmaker[Session], list[int]]) -> None:
    sessions, ids = with_cases
    with pytest.raises(DBAPIError, match="never changes"), sessions.begin() as session:
        session.execute(update(models.Case).where(models.Case.id == ids[0]).values(id=MISSING))
    with pytest.raises(DBAPIError, match="never changed or removed"), sessions.begin() as session:
        session.execute(delete(models.Case).where(models.Case.id == ids[0]))
    with sessions.begin() as session:  # other columns change as they always did
        session.execute(update(models.Case).where(models.Case.id == ids[0]).values(denial_reason="核对"))
