"""What committing an intake costs the desk, kept to what it needs.

The number noted outside the database is flushed while the database commits, and is on disk when the commit
returns (counter.actions.number_guard): the clerk waits for the longer flush, not for both.  The intake sends
the same statements however long its checklist, and does not read back the case it has just written to seal
its audit entry (counter.db.audit_store).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.calendar import office_calendar
from counter.actions.catalog import import_source
from counter.actions.database_file import database_place
from counter.actions.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
from counter.actions.desk import Desk
from counter.actions.intake import IntakeRequest, take_intake
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.audit_state import row_state
from counter.db.catalog_store import StoredGuide, current_guide
from counter.db.engine import make_engine, make_sessions
from counter.host.database_notes import read_note
from counter.resources import bundled_catalog_dir
from tests.conftest import made_database
from tests.crash.intake_worker import guides
from tests.db.hall_worker import TODAY, applicant
from tests.pg_server import FreshDatabases

DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")


@pytest.fixture
def desk_db(tmp_path: Path) -> Iterator[tuple[str, sessionmaker[Session]]]:
    url = made_database(tmp_path / "desk.sqlite3")
    engine = make_engine(url)
    sessions = make_sessions(engine)
    assert import_source(sessions, bundled_catalog_dir()).report is not None
    yield url, sessions
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def either_desk(
    request: pytest.FixtureRequest, desk_db: tuple[str, sessionmaker[Session]]
) -> Iterator[sessionmaker[Session]]:
    """The desk's SQLite file, then a fresh PostgreSQL database with the catalog (from the run's cluster)."""
    if request.param == "sqlite":
        yield desk_db[1]
        return
    fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
    engine = make_engine(fresh.url())
    yield make_sessions(engine)
    engine.dispose()


def intake(session: Session, n: int, stored: StoredGuide | None = None, uid: str | None = None) -> str:
    stored = stored or current_guide(session, DEMO_BUNDLE)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    request = IntakeRequest(checklist, applicant(0, n), uid=uuid.uuid4().hex if uid is None else uid)
    return take_intake(session, DESK, request, TODAY, office_calendar(session)).case_no


def noted(place: str) -> str | None:
    note = read_note(place)
    return note.issued.get("XAM01-8") if note else None


def test_the_note_is_written_while_the_database_commits(desk_db: tuple[str, sessionmaker[Session]]) -> None:
    url, sessions = desk_db
    place = database_place(url)
    seen: list[str | None] = []

    def committing(_connection: Any) -> None:  # the database's COMMIT is about to be sent and waits for this
        deadline = time.monotonic() + 10
        while noted(place) is None and time.monotonic() < deadline:
            time.sleep(0.001)  # the note's writer is another thread: nothing to wait on but the file itself
        seen.append(noted(place))

    with sessions.begin() as session:
        event.listen(session.connection().engine, "commit", committing)
        number = intake(session, 1)
    assert seen == [number]  # on disk before the database's own commit had even begun
    assert noted(place) == number


def test_a_commit_that_fails_was_noted_and_its_number_is_taken_again(
    desk_db: tuple[str, sessionmaker[Session]],
) -> None:
    url, sessions = desk_db
    place = database_place(url)
    with sessions.begin() as session:
        first = intake(session, 1)
    failed = ""
    # the COMMIT is sent as the block ends: the whole transaction must be inside it
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), sessions.begin() as session:  # noqa: PT012
        failed = intake(session, 2)
        session.execute(text("PRAGMA defer_foreign_keys = ON"))  # a row that breaks a key fails the COMMIT itself
        session.execute(
            text(
                "INSERT INTO case_history (case_id, at, clerk, desk_no, event, status_after, note) "
                "VALUES (-1, '2026-11-20', '', '8', 'taken', 'accepted', '')"
            )
        )
    assert failed > first
    assert noted(place) == failed  # written with the COMMIT that failed: a number no paper carries
    with sessions.begin() as session:
        assert intake(session, 3) == failed  # the counter rolled back with it: the note is true again


def test_an_intake_sends_the_same_statements_however_long_its_checklist(either_desk: sessionmaker[Session]) -> None:
    sessions = either_desk
    found = sorted(guides(sessions), key=lambda stored: len(stored.bundle.materials))
    short, long = found[0], found[-1]
    assert len(short.bundle.materials) < len(long.bundle.materials)
    with sessions.begin() as session:
        intake(session, 0, short)  # the desk's first: its counter and its audit chain start
    sent: dict[str, list[str]] = {}
    for n, stored in enumerate((short, long), start=1):
        statements = sent.setdefault(stored.bundle.code, [])
        with sessions.begin() as session:
            engine = session.connection().engine

            def sending(_c: Any, _cursor: Any, statement: str, *_: Any, into: list[str] = statements) -> None:
                into.append(statement)

            event.listen(engine, "before_cursor_execute", sending)
            try:
                intake(session, n, stored)
            finally:
                event.remove(engine, "before_cursor_execute", sending)
    assert len(sent[short.bundle.code]) == len(sent[long.bundle.code])  # the checklist's lines in one statement
    reads = [s for s in sent[long.bundle.code] if s.lstrip().startswith("SELECT") and 'FROM "case"' in s]
    assert len(reads) == 1  # whether the intake was taken before (its uid); the case written is not read back


@pytest.mark.parametrize("uid", ["", "given-uid"])
def test_the_audit_entry_seals_the_case_as_stored(either_desk: sessionmaker[Session], uid: str) -> None:
    sessions = either_desk
    with sessions.begin() as session:
        number = intake(session, 1, uid=uid)
    with sessions() as session:
        entry = session.scalars(select(models.AuditEntry).where(models.AuditEntry.subject == number)).one()
        assert entry.state == row_state(session, entry.action, number) != ""
