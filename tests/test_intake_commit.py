"""What committing an intake sends the database, kept to what it needs.

The intake sends the same statements however long its checklist, and does not read back the case it has just
written to seal its audit entry (counter.db.audit_store).
"""

from __future__ import annotations

import contextlib
import itertools
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.calendar import office_calendar, set_holiday
from counter.actions.catalog import import_source
from counter.actions.database_file import database_place
from counter.actions.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
from counter.actions.desk import Desk
from counter.actions.intake import IntakeRequest, preview, take_intake
from counter.calendar.workdays import WorkCalendar
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.audit_state import row_state
from counter.db.catalog_store import StoredGuide, current_guide
from counter.db.engine import Sessions, make_engine, make_sessions
from counter.intake import decision_memo
from counter.intake.outcome import Decision, decide
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

        # before the unit begins: a connection asks once whether it is listened to (counter.db.plain._observed)
        event.listen(engine, "before_cursor_execute", sending)
        try:
            with sessions.begin() as session:
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


def test_an_intake_sends_its_statements_on_the_drivers_cursor(either_desk: sessionmaker[Session]) -> None:
    # Connection.execute's handling of each statement was a third of the intake's time (counter.db.plain)
    sessions = either_desk
    with sessions.begin() as session:
        intake(session, 0)
    handled: list[str] = []

    def executing(_c: Any, statement: Any, *_: Any) -> None:
        handled.append(str(statement).split()[0])

    with sessions.begin() as session:
        request, calendar = _next_request(session)
        engine = session.connection().engine
        event.listen(engine, "before_execute", executing)
        try:
            number = take_intake(session, DESK, request, TODAY, calendar).case_no
        finally:
            event.remove(engine, "before_execute", executing)
    assert handled == []
    with sessions() as session:
        case_id = session.scalars(select(models.Case.id).where(models.Case.case_no == number)).one()
        lines = session.scalars(select(models.CaseMaterial.material_code).where(models.CaseMaterial.case_id == case_id))
        assert sorted(lines) == sorted(entry.code for entry in request.checklist.entries)
        history = session.scalars(select(models.CaseHistory.event).where(models.CaseHistory.case_id == case_id))
        assert list(history) == ["taken"]


def test_on_postgresql_an_intake_waits_for_the_server_once_for_each_answer_it_needs(
    fresh_pg: FreshDatabases, tmp_path: Path
) -> None:
    # the reads (the calendar's with them), the number, the case's id, the chain's head, then the rest at once
    # (counter.db.plain.batched); each statement waited for on its own was a wait of its own, most of the intake's
    # time on a hall's server
    engine = make_engine(fresh_pg.url())
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        intake(session, 0)
    trace = tmp_path / "protocol.trace"
    with sessions.begin() as session:
        request, _calendar = _next_request(session)
        raw = session.connection().connection.dbapi_connection
        assert isinstance(raw, psycopg.Connection)
        with trace.open("wb") as into:
            raw.pgconn.trace(into.fileno())
            try:
                take_intake(session, DESK, request, TODAY)  # the office's calendar read with its reads, as the panel
            finally:
                raw.pgconn.untrace()
    engine.dispose()
    messages = [line.split("\t") for line in trace.read_text(encoding="utf-8", errors="replace").splitlines()]
    sides = [line[1] for line in messages if len(line) > 3 and line[1] in "FB"]  # F: to the server, B: from it
    waits = sum(1 for sent, answer in itertools.pairwise(sides) if (sent, answer) == ("F", "B"))
    statements = [line for line in messages if len(line) > 3 and line[1] == "F" and line[3] == "Execute"]
    assert len(statements) > 10
    assert waits == 5, [line[1:5] for line in messages]


def _next_request(session: Session) -> tuple[IntakeRequest, WorkCalendar]:
    """The request of a whole checklist for the demo bundle, with a new uid, and the office calendar it is taken on."""
    stored = current_guide(session, DEMO_BUNDLE)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    return IntakeRequest(checklist, applicant(0, 1), uid=uuid.uuid4().hex), office_calendar(session)


@contextlib.contextmanager
def _sent(sessions: sessionmaker[Session]) -> Iterator[list[str]]:
    """The statements sent on the sessions' engine within the block, but a unit's own BEGIN (on SQLite).

    Listened to before the block's unit begins: a connection asks once per transaction whether it is listened to
    (``counter.db.plain._observed``)."""
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
    assert isinstance(sessions, Sessions)
    with _sent(sessions) as sent, sessions.plain() as unit:  # as the panel commits it
        take_intake(unit, DESK, request, TODAY, calendar)
    first_write = next(n for n, statement in enumerate(sent) if not statement.startswith("SELECT"))
    assert len(sent[:first_write]) == 1, sent[:first_write]


def test_the_panels_preview_reads_in_one_statement_as_the_commit_does(either_desk: sessionmaker[Session]) -> None:
    # its settings and its guide's version, as the commit reads them: the commit that follows runs them warm
    sessions = either_desk
    with sessions() as session:
        request, calendar = _next_request(session)
        preview(session, request, TODAY, calendar)  # the guide is read once, then kept by its hash
    assert isinstance(sessions, Sessions)
    with _sent(sessions) as sent, sessions.plain_read() as unit:  # as the panel reads it on a hall's server
        preview(unit, request, TODAY, calendar)
    (read,) = sent
    assert "setting" in read
    assert "guide_version" in read


def test_a_desk_finds_its_database_place_once_not_at_each_intake(
    desk_db: tuple[str, sessionmaker[Session]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the place (an SQLite file's path resolved) is where each commit's numbers are noted; a session per intake
    from counter.actions import number_guard
    from counter.host.database_notes import read_note

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


def test_an_intake_sends_its_plain_statements_on_the_connection(either_desk: sessionmaker[Session]) -> None:
    # the session's execute adds its ORM handling to each statement; the intake's are plain, built once
    sessions = either_desk
    with sessions.begin() as session:
        intake(session, 0)  # the desk's first: its counter, its audit chain and its number check start
    through_session: list[str] = []
    with sessions.begin() as session:
        request, calendar = _next_request(session)

        def executed(state: Any) -> None:
            through_session.append(str(state.statement))

        event.listen(session, "do_orm_execute", executed)
        take_intake(session, DESK, request, TODAY, calendar)
    assert through_session == []


def test_an_intake_given_no_calendar_reads_the_offices_with_its_other_reads(
    either_desk: sessionmaker[Session],
) -> None:
    # as the panel commits: the office's days come with the intake's one read (on a hall's server, one wait fewer than
    # reading the calendar first), and a day the office marked off in the same transaction counts: its stamp read
    # with the intake's reads changed, and the days are read again (counter.db.holiday_store.table_at)
    sessions = either_desk
    with sessions.begin() as session:
        intake(session, 0)
    sent: list[str] = []
    engine = sessions.kw["bind"]

    def sending(_c: Any, _cursor: Any, statement: str, *_: Any) -> None:
        sent.append(statement.lstrip())

    event.listen(engine, "before_cursor_execute", sending)  # before the unit begins: see plain._observed
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
    reads, days = sent[:first_write]  # the intake's reads with the days' stamp, then the days edited
    assert "calendar_stamp" in reads
    assert "holiday" not in reads
    assert "FROM holiday" in days
    assert expected != preview_on(sessions, request, before)  # the day off moved the promise
    with sessions() as session:
        promised = session.scalars(select(models.Case.promised_on).where(models.Case.case_no == number)).one()
    assert promised == expected
    sent.clear()
    event.listen(engine, "before_cursor_execute", sending)
    try:
        with sessions.begin() as session:
            request = _next_request(session)[0]
            start = len(sent)
            take_intake(session, DESK, request, TODAY)
            del sent[:start]
    finally:
        event.remove(engine, "before_cursor_execute", sending)
    first_write = next(n for n, statement in enumerate(sent) if not statement.startswith("SELECT"))
    assert first_write == 1, "the days unchanged since: only their stamp, with the intake's reads"


def preview_on(sessions: sessionmaker[Session], request: IntakeRequest, calendar: WorkCalendar) -> object:
    with sessions() as session:
        return preview(session, request, TODAY, calendar).promised_date


def test_the_commit_after_the_panels_preview_decides_nothing_again(
    either_desk: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the panel shows the decision of the form as it stands; the commit reads the guide, settings and calendar in its
    # transaction, finds them the same, and stores the decision shown (counter.intake.decision_memo)
    sessions = either_desk
    decision_memo._decided.cache_clear()
    made: list[str] = []

    def counting(*args: Any, **kwargs: Any) -> Decision:
        made.append(args[0].code)
        return decide(*args, **kwargs)

    monkeypatch.setattr(decision_memo, "decide", counting)
    with sessions() as session:
        request, calendar = _next_request(session)
        shown = preview(session, request, TODAY, calendar)
    with sessions.begin() as session:
        taken = take_intake(session, DESK, request, TODAY)
    assert made == [DEMO_BUNDLE]
    assert taken.decision is shown
