"""What committing an intake sends the database, kept to what it needs.

The intake sends the same statements however long its checklist, and does not read back the case it has just
written to seal its audit entry (counter.db.audit_store).
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.database_file import database_place
from counter.actions.cases.holidays import set_holiday
from counter.actions.catalog.imports import import_source
from counter.actions.intake.take import preview, take_intake
from counter.actions.site.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
from counter.calendar.workdays import WorkCalendar
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.catalog.stored_guide import StoredGuide
from counter.db import models
from counter.db.audit_state import row_state
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import DeskConfig
from counter.resources import bundled_catalog_dir
from tests.catalog_db import made_once
from tests.conftest import made_database
from tests.crash.intake_worker import guides
from tests.db.hall_worker import TODAY, applicant
from tests.pg_server import FreshDatabases

DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")


def _imported_desk(path: Path) -> None:
    """A made database with the bundled catalog imported over what its first command brought in, by a desk as set up
    by default (each test's own desk, which sets nothing up)."""
    engine = make_engine(made_database(path))
    try:
        outcome = import_source(make_sessions(engine), bundled_catalog_dir(), desk=desk_at(DeskConfig()))
        assert outcome.report is not None
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def desk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once for the run: each test copies it."""
    return made_once(tmp_path_factory, "intake-commit-desk", _imported_desk)[0]


@pytest.fixture
def desk_db(tmp_path: Path, desk_template: Path) -> Iterator[tuple[str, sessionmaker[Session]]]:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(desk_template, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    yield url, make_sessions(engine)
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


@pytest.mark.slow
def test_an_intake_sends_the_same_statements_however_long_its_checklist(either_desk: sessionmaker[Session]) -> None:
    sessions = either_desk
    found = sorted(guides(sessions), key=lambda stored: len(stored.bundle.materials))
    short, long = found[0], found[-1]
    assert len(short.bundle.materials) < len(long.bundle.materials)
    with sessions.begin() as session:
        intake(session, 0, short)  # the desk's first: its counter and its audit chain start
    sent: dict[str, list[str]] = {}
    engine = sessions.kw["bind"]
    for n, stored in enumerate((short, long), start=1):
        statements = sent.setdefault(stored.bundle.code, [])

        def sending(_c: Any, _cursor: Any, statement: str, *_: Any, into: list[str] = statements) -> None:
            into.append(statement)

        event.listen(engine, "before_cursor_execute", sending)
        try:
            with sessions.begin() as session:
                intake(session, n, stored)
        finally:
            event.remove(engine, "before_cursor_execute", sending)
    assert len(sent[short.bundle.code]) == len(sent[long.bundle.code])  # the checklist's lines in one statement
    reads = [s for s in sent[long.bundle.code] if s.lstrip().startswith("SELECT") and 'FROM "case"' in s]
    assert len(reads) == 1  # whether the intake was taken before (its uid); the case written is not read back


@pytest.mark.parametrize("uid", ["", "6a" * 16], ids=["made", "given"])
def test_the_audit_entry_seals_the_case_as_stored(either_desk: sessionmaker[Session], uid: str) -> None:
    sessions = either_desk
    with sessions.begin() as session:
        number = intake(session, 1, uid=uid)
    with sessions() as session:
        entry = session.scalars(select(models.AuditEntry).where(models.AuditEntry.subject == number)).one()
        assert entry.state == row_state(session, entry.action, number) != ""


def _next_request(session: Session) -> tuple[IntakeRequest, WorkCalendar]:
    """The request of a whole checklist for the demo bundle, with a new uid, and the office calendar it is taken on."""
    stored = current_guide(session, DEMO_BUNDLE)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    return IntakeRequest(checklist, applicant(0, 1), uid=uuid.uuid4().hex), office_calendar(session)


@contextlib.contextmanager
def _sent(sessions: sessionmaker[Session]) -> Iterator[list[str]]:
    """The statements sent on the sessions' engine within the block, but a unit's own BEGIN (on SQLite)."""
    sent: list[str] = []
    engine = sessions.kw["bind"]

    def sending(_c: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.startswith("BEGIN"):
            sent.append(statement.lstrip())

    event.listen(engine, "before_cursor_execute", sending)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", sending)


def test_an_intake_reads_in_one_statement_before_it_writes(either_desk: sessionmaker[Session]) -> None:
    # whether accounts exist, its settings, its guide's version and whether its uid was taken
    sessions = either_desk
    with sessions.begin() as session:
        intake(session, 0)  # the desk's first: its counter and its audit chain start
    with sessions() as session:
        request, calendar = _next_request(session)
    with _sent(sessions) as sent, sessions.begin() as session:  # as the panel commits it
        take_intake(session, DESK, request, TODAY, calendar)
    first_write = next(n for n, statement in enumerate(sent) if not statement.startswith("SELECT"))
    assert len(sent[:first_write]) == 1, sent[:first_write]


def test_the_panels_preview_reads_in_one_statement_as_the_commit_does(either_desk: sessionmaker[Session]) -> None:
    # its settings and its guide's version, as the commit reads them: the commit that follows runs them warm
    sessions = either_desk
    with sessions() as session:
        request, calendar = _next_request(session)
        site = DESK.identity.site_code  # the panel's desk: its office and authority are read with the rest
        preview(session, request, TODAY, calendar, site_code=site)  # the guide is read once, then kept by its hash
    with _sent(sessions) as sent, sessions() as session:  # as the panel reads it
        preview(session, request, TODAY, calendar, site_code=site)
    (read,) = sent
    assert "setting" in read
    assert "guide_version" in read


def test_a_desk_finds_its_database_place_once_not_at_each_intake(
    desk_db: tuple[str, sessionmaker[Session]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the place (an SQLite file's path resolved) is where each commit's numbers are noted; a session per intake
    from counter.actions.numbers import number_guard
    from counter.host.notes.database_notes import read_note

    url, sessions = desk_db
    found: list[str] = []

    def place(url: str) -> str:
        found.append(url)
        return database_place(url)

    monkeypatch.setattr(number_guard, "database_place", place)
    numbers = []
    for n in range(3):
        with sessions.begin() as session:
            numbers.append(intake(session, n))
    assert len(found) == 1
    note = read_note(database_place(url))
    assert note is not None
    assert note.issued["XAM01-8"] == numbers[-1]  # each commit still noted its number


def test_an_intake_given_no_calendar_reads_the_offices_with_its_other_reads(
    either_desk: sessionmaker[Session],
) -> None:
    # as the panel commits: the office's days come with the intake's one read (on a hall's server, one wait fewer than
    # reading the calendar first), and a day the office marked off in the same transaction counts
    sessions = either_desk
    with sessions.begin() as session:
        intake(session, 0)
    sent: list[str] = []
    engine = sessions.kw["bind"]

    def sending(_c: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement.lstrip())

    event.listen(engine, "before_cursor_execute", sending)
    try:
        with sessions.begin() as session:
            request, before = _next_request(session)
            day_off = before.add_working_days(TODAY, 1).date
            set_holiday(session, day_off, "off", desk=DESK)
            session.flush()
            start = len(sent)
            number = take_intake(session, DESK, request, TODAY).case_no
            del sent[:start]
            expected = preview(session, request, TODAY, office_calendar(session)).promised_date
    finally:
        event.remove(engine, "before_cursor_execute", sending)
    first_write = next(n for n, statement in enumerate(sent) if not statement.startswith("SELECT"))
    reads, days = sent[:first_write]  # the intake's reads, then the office's days with the one edited
    assert "holiday" not in reads
    assert "FROM holiday" in days
    assert expected != preview_on(sessions, request, before)  # the day off moved the promise
    with sessions() as session:
        promised = session.scalars(select(models.Case.promised_on).where(models.Case.case_no == number)).one()
    assert promised == expected


def preview_on(sessions: sessionmaker[Session], request: IntakeRequest, calendar: WorkCalendar) -> object:
    with sessions() as session:
        return preview(session, request, TODAY, calendar).promised_date


def test_the_commit_stores_the_decision_the_panels_preview_showed(either_desk: sessionmaker[Session]) -> None:
    # the panel shows the decision of the form as it stands; the commit decides again in its own transaction, from
    # the guide, settings and calendar read there, and comes to the same
    sessions = either_desk
    with sessions() as session:
        request, calendar = _next_request(session)
        shown = preview(session, request, TODAY, calendar)
    with sessions.begin() as session:
        taken = take_intake(session, DESK, request, TODAY)
    assert taken.decision == shown
