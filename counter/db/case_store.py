"""Cases in the database: numbers, the intake record, history, lists, parties, drafts.

The caller owns the session and commits; an intake is one transaction, so a
case is either there whole — case, every checklist line, its first history line
— or not at all.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import starmap
from typing import Any, TypedDict, cast

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Date,
    Insert,
    Integer,
    ScalarSelect,
    Select,
    String,
    Table,
    bindparam,
    column,
    delete,
    func,
    insert,
    literal,
    literal_column,
    select,
    text,
)
from sqlalchemy import case as when
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from counter.case.decisions import LAPSE_EVENTS
from counter.case.moments import stored_utc
from counter.case.numbers import TRAINING_FIRST
from counter.case.status import NOTE_CODES_JOIN, CaseStatus
from counter.case.view import CaseMaterialLine, CaseRow, CaseView, HistoryLine
from counter.db import models
from counter.db.outbox_store import queue_for_line
from counter.db.settings_store import TRAINING


def dialect_insert(session: Session) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT (SQLite and PostgreSQL alike)."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def next_sequence(session: Session, site_code: str, desk_no: str, day: dt.date, kind: str) -> int:
    """The next number of this desk, day and kind, taken in one atomic statement.

    The day's first is 1, or :data:`TRAINING_FIRST` in a training database: asked in the same statement, so a
    hall's desk pays no extra round trip to its server for each intake.
    """
    values = {"site_code": site_code, "desk_no": desk_no, "day": day, "kind": kind}
    statement = _sequence_statement(session.get_bind().dialect.name)
    return int(session.execute(statement, values).scalar_one())


@functools.cache
def _sequence_statement(dialect: str) -> Any:
    """The counter's upsert, built once per dialect: building it cost more than running it (an intake's hottest
    statement, with the party's and the audit entry's)."""
    counter = cast(Table, models.DeskCounter.__table__)
    training_first = select(literal(TRAINING_FIRST)).where(models.Setting.key == TRAINING).scalar_subquery()
    columns = ("site_code", "desk_no", "day", "kind")
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(counter).values(
        {name: bindparam(name, type_=counter.c[name].type) for name in columns}
        | {"last": func.coalesce(training_first, 1)}
    )
    return stmt.on_conflict_do_update(index_elements=list(columns), set_={"last": counter.c.last + 1}).returning(
        counter.c.last
    )


class MaterialValues(TypedDict):
    """A checklist line as an intake writes it: the values of its row but the case's id (:func:`add_case`).

    A dict, typed: it is the statement's values as they are sent, one per material handed over.
    """

    material_code: str
    name: str
    necessity: str
    receipt: str
    originals: int
    copies: int
    medium: str
    defect_note: str
    due_on: dt.date | None
    arrived_on: dt.date | None


def add_case(
    session: Session,
    values: dict[str, Any],
    materials: Sequence[MaterialValues],
    event: str,
    note: str = "",
) -> int:
    """Insert a case, its checklist lines and its first history line.

    Plain INSERT statements on the tables rather than ORM objects, built once and
    given their values at execution: an intake is the desk's hottest write (on a
    hall's server, twenty desks at once), the rows are never edited through the
    ORM in the same session, and building a statement from thirty values costs
    more than sending it.
    """
    case_insert, material_insert, history_insert = _add_case_statements()
    now = models.utcnow()
    case_id = int(session.execute(case_insert, {"created_at": now, **values}).scalar_one())
    if materials:
        session.execute(material_insert, [{"case_id": case_id, **m} for m in materials])
    session.execute(
        history_insert,
        {
            "case_id": case_id,
            "at": now,
            "clerk": values["clerk"],
            "desk_no": values["desk_no"],
            "event": event,
            "status_after": values["status"],
            "note": note,
        },
    )
    queue_for_line(session, case_id, values["uid"], values["notify_phone"], values["delivery"], event, note, now)
    return case_id


@functools.cache
def _add_case_statements() -> tuple[Insert, Insert, Insert]:
    """The three INSERTs of an intake, on the tables themselves (no ORM bulk handling of each value)."""
    case, material, history = (cast(Table, m.__table__) for m in (models.Case, models.CaseMaterial, models.CaseHistory))
    return insert(case).returning(case.c.id), insert(material), insert(history)


def add_history(
    session: Session, case: models.Case, event: str, note: str = "", clerk: str = "", at: dt.datetime | None = None
) -> None:
    """A line of the case's history, written now unless ``at`` says when (an item's step: its day is the line's).

    Its time is one no other line of the case the unit of work wrote with this event has (:func:`_free_moment`).
    The message the line tells the applicant, if any, is queued with it (:func:`.outbox_store.queue_for_line`).
    """
    # kept in UTC: SQLite keeps a time's digits without its zone, and every reader takes them for UTC
    moment = _free_moment(session, case, event, at.astimezone(dt.UTC) if at is not None else models.utcnow())
    session.add(
        models.CaseHistory(
            case_id=case.id,
            clerk=clerk or case.clerk,
            desk_no=case.desk_no,
            event=event,
            status_after=case.status,
            note=note,
            at=moment,
        )
    )
    queue_for_line(session, case.id, case.uid, case.notify_phone, case.delivery, event, note, moment)


#: the unit of work's key (``Session.info``) for the lines of history it wrote: case, time and event
_LINES_WRITTEN = "counter_history_written"


def _free_moment(session: Session, case: models.Case, event: str, at: dt.datetime) -> dt.datetime:
    """``at``, or the first microsecond after it at which the unit of work wrote no line of the case's with ``event``.

    A sync package knows a history line by its time, event and desk (:attr:`counter.sync.records.HistoryEntry.key`;
    every line of a case bears the case's desk), so lines alike in these reach the other site as one.  The lines one
    unit of work writes take the clock's time each, and on Windows the clock Python reads before 3.13 moves every
    15.6 ms (``GetSystemTimeAsFileTime``): the items a lapse denies at once, or an intake grants at once, shared one
    time there, as the routing of a case's items shares the moment it is given.
    """
    written: set[tuple[int, dt.datetime, str]] = session.info.setdefault(_LINES_WRITTEN, set())
    taken = _times_kept(session, case, event, at)
    while (case.id, at, event) in written or at in taken:
        at += dt.timedelta(microseconds=1)
    written.add((case.id, at, event))
    return at


def _times_kept(session: Session, case: models.Case, event: str, at: dt.datetime) -> frozenset[dt.datetime]:
    """The times of the case's lines with ``event`` already kept from ``at`` on, within a second (aware, in UTC).

    Another unit of work may have written one at the same moment: two departments signing for their items of one
    case, each at its own desk, with a clock that moved not at all between them.  Every step locks its case first
    (:func:`case_by_no`), so what is kept here is all there is.
    """
    if case.id is None:
        return frozenset()
    query = select(models.CaseHistory.at).where(
        models.CaseHistory.case_id == case.id,
        models.CaseHistory.event == event,
        models.CaseHistory.at >= at,
        models.CaseHistory.at < at + dt.timedelta(seconds=1),
    )
    return frozenset(stored_utc(t) for t in session.scalars(query))


def case_by_no(session: Session, case_no: str, *, lock: bool = False) -> models.Case | None:
    """The case numbered ``case_no``; with ``lock``, its row locked until the unit of work ends.

    Every step of a case reads the case (its history, its items' rows) and writes from what it read: two desks
    taking steps of one case at once (three departments deciding their items) would each miss the other's, and
    neither would close the case, or both would rewrite its items' rows.  On PostgreSQL the lock (``FOR UPDATE``)
    makes them take turns; on SQLite a unit of work that writes holds the file's write lock from its start
    (``BEGIN IMMEDIATE``), so the clause is not sent there.
    """
    query = select(models.Case).where(models.Case.case_no == case_no.strip().upper())
    return session.scalar(query.with_for_update() if lock else query)


def case_materials(session: Session, case_id: int) -> list[models.CaseMaterial]:
    return list(
        session.scalars(
            select(models.CaseMaterial).where(models.CaseMaterial.case_id == case_id).order_by(models.CaseMaterial.id)
        )
    )


#: The case's own columns the view is made of (:func:`view_of`), and its id: the others (its uid, its rating's
#: standing, when it was written) are not shown, and each column read is one more to describe and convert.
HEAD_COLUMNS = (
    "id", "case_no", "status", "outcome", "site_code", "desk_no", "clerk", "bundle_code", "guide_version_id", "answers",
    "applicant_kind", "applicant_name", "applicant_id_no", "applicant_phone", "applicant_address", "legal_rep",
    "agent_name", "agent_id_no", "agent_authorisation", "delivery", "delivery_address", "notify_phone",
    "received_on", "accepted_on", "promised_on", "correction_due", "notify_due", "refusal_ground", "turn_to",
    "denial_reason", "dates_beyond_data",
)  # fmt: skip


@functools.cache
def _view_statements() -> tuple[Select[*tuple[Any, ...]], ...]:
    """The three queries of :func:`case_view`, built once: building them costs more than running them.

    The case that continues this one is asked within the case's own query: one round trip fewer to a hall's server.
    The checklist's and the history's columns are those of :class:`CaseMaterialLine` and :class:`HistoryLine`, in
    their order (:func:`view_of` makes the lines of them so).
    """
    case, previous, later = models.Case.__table__, aliased(models.Case), aliased(models.Case)
    later_no = select(later.case_no).where(later.previous_case_id == case.c.id).limit(1).scalar_subquery()
    head = (
        select(
            *(case.c[name] for name in HEAD_COLUMNS), models.Bundle.name.label("bundle_name"),
            models.GuideVersion.version, previous.case_no.label("previous_no"), later_no.label("later_no"),
        )
        .join(models.Bundle, models.Bundle.code == case.c.bundle_code)
        .join(models.GuideVersion, models.GuideVersion.id == case.c.guide_version_id)
        .outerjoin(previous, previous.id == case.c.previous_case_id)
        .where(case.c.case_no == bindparam("case_no"))
    )  # fmt: skip
    m = models.CaseMaterial
    materials = (
        select(
            m.material_code, m.name, m.necessity, m.receipt, m.originals, m.copies,
            m.medium, m.defect_note, m.due_on, m.arrived_on,
        )
        .where(m.case_id == bindparam("case_id"))
        .order_by(m.id)
    )  # fmt: skip
    h = models.CaseHistory
    history = (
        select(h.at, h.clerk, h.desk_no, h.event, h.status_after, h.note)
        .where(h.case_id == bindparam("case_id"))
        .order_by(h.id)
    )
    return head, materials, history


def case_view(session: Session, case_no: str) -> CaseView | None:
    """Everything about one case, in three indexed queries (the scanner opens cases by number)."""
    head_stmt, materials_stmt, history_stmt = _view_statements()
    c = session.execute(head_stmt, {"case_no": case_no.strip().upper()}).first()
    if c is None:
        return None
    key = {"case_id": c.id}
    return view_of(c, session.execute(materials_stmt, key), session.execute(history_stmt, key))


def view_of(c: Any, materials: Iterable[Sequence[Any]], history: Iterable[Sequence[Any]]) -> CaseView:
    """The view of a case from its head row (:func:`_view_statements`) and its checklist and history rows, whose
    columns are those of :class:`CaseMaterialLine` and :class:`HistoryLine` in their order."""
    return CaseView(
        case_no=c.case_no,
        status=CaseStatus(c.status),
        outcome=c.outcome,
        site_code=c.site_code,
        desk_no=c.desk_no,
        clerk=c.clerk,
        bundle_code=c.bundle_code,
        bundle_name=c.bundle_name,
        guide_version_id=c.guide_version_id,
        guide_version=c.version,
        answers=tuple(tuple(pair) for pair in json.loads(c.answers)),
        applicant_kind=c.applicant_kind,
        applicant_name=c.applicant_name,
        applicant_id_no=c.applicant_id_no,
        applicant_phone=c.applicant_phone,
        applicant_address=c.applicant_address,
        legal_rep=c.legal_rep,
        agent_name=c.agent_name,
        agent_id_no=c.agent_id_no,
        agent_authorisation=c.agent_authorisation,
        delivery=c.delivery,
        delivery_address=c.delivery_address,
        notify_phone=c.notify_phone,
        received_on=c.received_on,
        accepted_on=c.accepted_on,
        promised_on=c.promised_on,
        correction_due=c.correction_due,
        notify_due=c.notify_due,
        refusal_ground=c.refusal_ground,
        turn_to=c.turn_to,
        denial_reason=c.denial_reason,
        dates_beyond_data=c.dates_beyond_data,
        previous_case_no=c.previous_no or "",
        later_case_no=c.later_no or "",
        # the rows unpacked in place: reading each column by its name cost more than making the line
        materials=tuple(starmap(CaseMaterialLine, materials)),
        history=tuple(starmap(HistoryLine, history)),
    )


ListingSelect = Select[str, str, str, str, dt.date, str, dt.date | None]


def _rows(session: Session, stmt: ListingSelect, values: dict[str, Any] | None = None) -> list[CaseRow]:
    return list(_case_rows(session.execute(stmt, values)))


def _listed(session: Session, stmt: ListingSelect, values: dict[str, Any]) -> list[CaseRow]:
    """:func:`_rows` of a statement built once: the F6 lists are read after every change of a case."""
    return _rows(session, stmt, values)


def _case_rows(rows: Iterable[Sequence[Any]]) -> Iterator[CaseRow]:
    """The list rows of a :data:`ListingSelect`'s rows, as they come."""
    for case_no, status, name, applicant, received_on, desk_no, due in rows:
        yield CaseRow(case_no, CaseStatus(status), name, applicant, received_on, desk_no, due)


def _lapsed(session: Session, material: type[models.CaseMaterial]) -> ColumnElement[bool]:
    return _lapsed_in(session.get_bind().dialect.name, material)


def _lapsed_in(dialect: str, material: type[models.CaseMaterial]) -> ColumnElement[bool]:
    """Whether a lapse of the material's case named it (:func:`counter.case.decisions.lapsed_codes` in SQL).

    A lapse's note is the material codes joined by :data:`NOTE_CODES_JOIN`; the code is looked for between two
    separators, with the dialect's own substring search (LIKE would read ``_`` and ``%`` in a code as wildcards).
    Only checklist lines still open with a due date reach this test, and the history is indexed by case.
    """
    line = aliased(models.CaseHistory)
    notes = literal(NOTE_CODES_JOIN) + line.note + literal(NOTE_CODES_JOIN)
    wanted = literal(NOTE_CODES_JOIN) + material.material_code + literal(NOTE_CODES_JOIN)
    find = func.strpos if dialect == "postgresql" else func.instr
    # the events written into the statement: a list bound as one value is expanded only by SQLAlchemy's execution
    lapses = [_written(event) for event in sorted(LAPSE_EVENTS)]
    found = find(notes, wanted) > 0
    return select(line.id).where(line.case_id == material.case_id, line.event.in_(lapses), found).exists()


def _next_due(session: Session) -> ScalarSelect[dt.date | None]:
    """The earliest due date of a deferred material still awaited: not handed in, and not lapsed."""
    material = aliased(models.CaseMaterial)
    return (
        select(func.min(material.due_on))
        .where(
            material.case_id == models.Case.id,
            material.due_on.is_not(None),
            material.arrived_on.is_(None),
            ~_lapsed(session, material),
        )
        .correlate(models.Case)
        .scalar_subquery()
    )


def _status_is(status: CaseStatus) -> ColumnElement[bool]:
    """``status = '…'`` with the value written into the SQL: SQLite matches a query to a partial index
    (``ix_case_awaiting_deferred``, ``ix_case_correction_due``) only by a literal, never by a bound parameter."""
    return models.Case.status == _written(status.value)


def _written(name: str) -> ColumnElement[str]:
    """One of the app's own names (a status, an event), never a caller's, written into the SQL as a literal.

    Written in when the statement is built, so that the statement's text, and the plan SQLite chooses for it, is
    the same at every call.
    """
    return literal_column(f"'{name}'", String)


def _listing(due: ColumnElement[dt.date | None] | InstrumentedAttribute[dt.date | None]) -> ListingSelect:
    """The cases with their bundle's name and ``due``, the date the row shows as due.

    The row's columns only, not the case whole: the lists of deferrals coming due hold thousands of rows in a
    hall, and a whole case object for each cost more than the query.
    """
    c = models.Case
    return select(c.case_no, c.status, models.Bundle.name, c.applicant_name, c.received_on, c.desk_no, due).join(
        models.Bundle, models.Bundle.code == c.bundle_code
    )


def cases_of_day(session: Session, day: dt.date, site_code: str, desk_no: str) -> list[CaseRow]:
    """The cases one desk of one site took on ``day``: desk numbers repeat from site to site, and a league's
    database holds every site's cases (read by ``ix_case_received_figures``, which leads with the day and site)."""
    values = {"day": day, "site_code": site_code, "desk_no": desk_no}
    return _listed(session, _of_day_statement(session.get_bind().dialect.name), values)


@functools.cache
def _of_day_statement(dialect: str) -> ListingSelect:
    """Built once per dialect: the next due's subquery took longer to build than the list to read."""
    c = models.Case
    material = aliased(models.CaseMaterial)
    next_due = (
        select(func.min(material.due_on))
        .where(material.case_id == c.id, *_waiting(material), ~_lapsed_in(dialect, material))
        .correlate(c)
        .scalar_subquery()
    )
    day = bindparam("day", type_=Date)
    site: BindParameter[str] = bindparam("site_code", type_=String)
    desk: BindParameter[str] = bindparam("desk_no", type_=String)
    return _listing(next_due).where(c.received_on == day, c.site_code == site, c.desk_no == desk).order_by(c.id)


def all_cases(session: Session, limit: int = 500) -> list[CaseRow]:
    return _rows(session, _listing(_next_due(session)).order_by(models.Case.id.desc()).limit(limit))


def deferrals_due_by(session: Session, last_day: dt.date) -> list[CaseRow]:
    """Cases awaiting deferred materials with an open due date on or before ``last_day``, earliest first.

    A material a lapse took down is no longer awaited: after a partial lapse the case is due by its other
    materials' dates, or not at all.
    """
    next_due = _next_due(session)
    stmt = (
        _listing(next_due)
        .where(_status_is(CaseStatus.AWAITING_DEFERRED), next_due <= last_day)
        .order_by(next_due, models.Case.case_no)
    )
    return _rows(session, stmt)


def corrections_due_by(session: Session, last_day: dt.date) -> list[CaseRow]:
    """Correction notices unanswered with a deadline on or before ``last_day``; the deadline is the row's due."""
    stmt = (
        _listing(models.Case.correction_due)
        .where(
            _status_is(CaseStatus.CORRECTION_ISSUED),
            models.Case.correction_due.is_not(None),
            models.Case.correction_due <= last_day,
        )
        .order_by(models.Case.correction_due, models.Case.case_no)
    )
    return _rows(session, stmt)


def _waiting(material: type[models.CaseMaterial]) -> list[ColumnElement[bool]]:
    """A deferred material still awaited, in the words of ``ix_case_material_waiting``'s own condition (the
    planners use a partial index only for a query that states its condition)."""
    return [material.due_on.is_not(None), material.arrived_on.is_(None)]


def deferrals_due_page(session: Session, last_day: dt.date, limit: int) -> list[CaseRow]:
    """The first ``limit`` of :func:`deferrals_due_by`, in its order, read by index whatever the backlog."""
    page = _due_statements(session.get_bind().dialect.name).deferral_page
    with index_walk(session):
        return _listed(session, page, {"last_day": last_day, "limit": limit})


#: rows a streamed list holds at a time, of each kind: what the driver fetches in one go
STREAM_BATCH = 500


def due_rows(session: Session, last_day: dt.date) -> Iterator[CaseRow]:
    """Every deferral and unanswered correction notice due by ``last_day``, earliest first, as they are read.

    What :func:`deferrals_due_by` and :func:`corrections_due_by` give, merged in due order (then number), but
    streamed: each kind is walked along its index in due order (the F6 page's walk without its limit) and the two
    walks are merged as they come, so a league's backlog of hundreds of thousands of overdue cases is listed in
    the memory of a batch, where reading every row and sorting them all took 7.8 s and 177 MB at a million cases.
    The rows are read while the caller iterates: it must do so inside the unit of work.
    """
    statements = _due_statements(session.get_bind().dialect.name)
    values = {"last_day": last_day}
    with index_walk(session):
        walks = [_streamed(session, walk, values) for walk in (statements.deferral_walk, statements.correction_walk)]
        yield from heapq.merge(*walks, key=_due_order)


def _due_order(row: CaseRow) -> tuple[dt.date | None, str]:
    return row.next_due, row.case_no


def _streamed(session: Session, stmt: ListingSelect, values: dict[str, Any]) -> Iterator[CaseRow]:
    """The rows of ``stmt`` a batch at a time (a server-side cursor on PostgreSQL), as :func:`_rows` makes them."""
    yield from _case_rows(session.execute(stmt, values, execution_options={"yield_per": STREAM_BATCH}))


#: the unit of work's key (``Session.info``) saying the walk's planner settings are in force
_WALKING = "counter_index_walk"
#: the settings as found, then the walk's, in one round trip; the settings as found are read first (a CTE
#: materialised before the row that sets the walk's), so that they can be put back exactly
_WALK = text(
    "WITH found AS MATERIALIZED (SELECT current_setting('enable_seqscan') AS seqscan,"
    " current_setting('max_parallel_workers_per_gather') AS workers)"
    " SELECT seqscan, workers, set_config('enable_seqscan', 'off', true) AS seqscan_now,"
    " set_config('max_parallel_workers_per_gather', '0', true) AS workers_now FROM found"
).columns(*(column(name, String) for name in ("seqscan", "workers", "seqscan_now", "workers_now")))
_PUT_BACK = text(
    "SELECT set_config('enable_seqscan', :seqscan, true), set_config('max_parallel_workers_per_gather', :workers, true)"
)


@contextmanager
def index_walk(session: Session) -> Iterator[None]:
    """On PostgreSQL, the walk of ``ix_case_material_waiting`` taken whatever the planner's estimate.

    The planner guesses the deferred materials still awaited from each column's statistics on its own (a due date
    set, no arrival): in a hall of 2M cases it expected about 9,000 where 130,000 wait, so for the capped count it
    read all 16M checklist lines in parallel and sorted them (2.5 s) rather than walk the index and stop at the cap
    (50 ms); extended statistics on the two columns did not mend the guess.  The walk is right whatever the data
    (it stops after the page or the cap), so for these statements only a sequential scan and the parallel workers,
    whose start alone cost more than the walk, are set aside, and put back as they were for the rest of the
    transaction.  Setting them and putting them back is one statement each: a reader that sends several walking
    statements (the F6 lists: the page and both counts) takes the walk once around them all, for each statement
    is a round trip to the server, and the four of setting and resetting around each of three statements cost
    the F6 lists more than their reads.  Inside a walk already taken this takes none of its own.

    When a statement inside fails, nothing is put back: the failure ends the transaction, whose rollback undoes
    the settings, and a statement sent after it would fail in turn and hide the first failure (a server gone would
    be reported as a transaction to roll back, not as a connection lost, which the desk waits for and retries).
    """
    if session.get_bind().dialect.name != "postgresql" or session.info.get(_WALKING):
        yield
        return
    seqscan, workers, *_ = session.execute(_WALK).one()
    session.info[_WALKING] = True
    try:
        yield
    finally:
        del session.info[_WALKING]
    session.execute(_PUT_BACK, {"seqscan": seqscan, "workers": workers})


def corrections_due_page(session: Session, last_day: dt.date, limit: int) -> list[CaseRow]:
    """The first ``limit`` of :func:`corrections_due_by`, in its order (``ix_case_correction_due``)."""
    page = _due_statements(session.get_bind().dialect.name).correction_page
    return _listed(session, page, {"last_day": last_day, "limit": limit})


def due_counts(session: Session, last_day: dt.date, today: dt.date, cap: int) -> tuple[int, int, bool]:
    """How many deferrals and correction notices are due by ``last_day``, how many of them before ``today``
    (overdue), and whether both counts are whole.

    Each kind is counted along its own index in due order and at most ``cap`` of it: a long overdue backlog costs
    no more than ``cap`` entries, and the earliest, overdue ones are counted first.
    """
    total, overdue, whole = 0, 0, True
    with index_walk(session):
        for count in _due_statements(session.get_bind().dialect.name).counts:
            found, late = session.execute(count, {"last_day": last_day, "today": today, "cap": cap}).one()
            total, overdue, whole = total + found, overdue + (late or 0), whole and found < cap
    return total, overdue, whole


@dataclass(frozen=True)
class _DueStatements:
    deferral_page: ListingSelect  # the first :limit deferrals due by :last_day, in due order
    correction_page: ListingSelect  # the first :limit correction notices due by :last_day, in due order
    counts: tuple[Select[int, Any], Select[int, Any]]  # of each, at most :cap, and how many before :today
    deferral_walk: ListingSelect  # every deferral due by :last_day, in due order (the page without its limit)
    correction_walk: ListingSelect  # every correction notice due by :last_day, in due order


@functools.cache
def _due_statements(dialect: str) -> _DueStatements:
    """The pages of deferrals and corrections due, their counts, and their whole walks: built once per dialect,
    for building them took longer than running them (the F6 list is refreshed after every change of a case).

    The deferrals are found by walking the awaited materials in due order (``ix_case_material_waiting``): a row
    is its case's earliest material still awaited and not lapsed, so its due date is the case's next due
    (:func:`_next_due`), and the walk stops after the rows asked for instead of working out every waiting case's
    next due to sort them all.  The corrections are read along ``ix_case_correction_due`` the same way.
    """
    m, other, c = aliased(models.CaseMaterial), aliased(models.CaseMaterial), models.Case
    last_day = bindparam("last_day", type_=Date)
    earlier = (
        select(other.id)
        .where(
            other.case_id == m.case_id,
            *_waiting(other),
            (other.due_on < m.due_on) | ((other.due_on == m.due_on) & (other.id < m.id)),
            ~_lapsed_in(dialect, other),
        )
        .exists()
    )
    awaiting: ColumnElement[bool] = c.status == CaseStatus.AWAITING_DEFERRED.value
    if dialect == "sqlite":
        # the status through coalesce, which no index answers: SQLite must take each material's case by its key,
        # not start from the index of waiting cases and sort them all, as it chose even with a page asked for
        # (PostgreSQL weighs the page against its statistics of the status, which a coalesce would hide)
        awaiting = func.coalesce(c.status, "") == CaseStatus.AWAITING_DEFERRED.value
    deferrals = (
        select()
        .select_from(m)
        .join(c, c.id == m.case_id)
        .where(*_waiting(m), m.due_on <= last_day, awaiting, ~_lapsed_in(dialect, m), ~earlier)
    )
    notice: ColumnElement[bool] = _status_is(CaseStatus.CORRECTION_ISSUED)
    if dialect == "sqlite":
        # without statistics SQLite took the index on status alone, then sorted every notice; the same term
        # wrapped in likely() still matches ix_case_correction_due's condition, but no longer the index on status
        notice = cast(ColumnElement[bool], func.likely(notice))  # untyped: a boolean would be written likely(…) = 1
    corrections = select(c.correction_due.label("due")).where(
        notice, c.correction_due.is_not(None), c.correction_due <= last_day
    )
    limit = bindparam("limit", type_=Integer)
    deferral_walk = (
        deferrals.add_columns(c.case_no, c.status, models.Bundle.name, c.applicant_name, c.received_on, c.desk_no)
        .add_columns(m.due_on)
        .join(models.Bundle, models.Bundle.code == c.bundle_code)
        .order_by(m.due_on, c.case_no)
    )
    correction_walk = (
        corrections.with_only_columns(
            c.case_no, c.status, models.Bundle.name, c.applicant_name, c.received_on, c.desk_no, c.correction_due
        )
        .join(models.Bundle, models.Bundle.code == c.bundle_code)
        .order_by(c.correction_due, c.case_no)
    )
    cap, today = bindparam("cap", type_=Integer), bindparam("today", type_=Date)

    def counted(dues: Select[Any]) -> Select[int, Any]:
        capped = dues.limit(cap).subquery()
        return select(func.count(), func.sum(when((capped.c.due < today, 1), else_=0))).select_from(capped)

    due_deferrals = counted(deferrals.add_columns(m.due_on.label("due")).order_by(m.due_on))
    due_corrections = counted(corrections.order_by(c.correction_due))
    deferrals_walked = cast(ListingSelect, deferral_walk)
    counts = (due_deferrals, due_corrections)
    return _DueStatements(
        deferrals_walked.limit(limit), correction_walk.limit(limit), counts, deferrals_walked, correction_walk
    )


def find_party(session: Session, id_no: str) -> models.Party | None:
    return session.get(models.Party, id_no.strip().upper())


def remember_party(
    session: Session, id_no: str, kind: str, name: str, phone: str, address: str, legal_rep: str
) -> None:
    """Keep what this case knew of the person or company for the next 一证办理.

    An empty phone or address does not erase one known from an earlier case.
    """
    statement = _party_statement(session.get_bind().dialect.name, bool(phone), bool(address))
    values = {"id_no": id_no, "kind": kind, "name": name, "phone": phone, "address": address, "legal_rep": legal_rep}
    session.execute(statement, values | {"updated_at": models.utcnow()})


@functools.cache
def _party_statement(dialect: str, phone: bool, address: bool) -> Any:
    """The party's upsert for each dialect and each of what an empty phone or address leaves alone, built once."""
    party = cast(Table, models.Party.__table__)
    columns = ("id_no", "kind", "name", "phone", "address", "legal_rep", "updated_at")
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(party).values(
        {name: bindparam(name, type_=party.c[name].type) for name in columns}
    )
    changed = ["kind", "name", "legal_rep", "updated_at"] + ["phone"] * phone + ["address"] * address
    return stmt.on_conflict_do_update(index_elements=["id_no"], set_={c: stmt.excluded[c] for c in changed})


def save_draft(session: Session, desk_key: str, content: str) -> None:
    """Keep the draft in one statement (insert, or replace on conflict): a read then an insert let two sessions both
    find no row and both insert, and the second failed on the key."""
    draft = models.Draft.__table__
    saved_at = models.utcnow()
    stmt = dialect_insert(session)(draft).values(desk_key=desk_key, content=content, saved_at=saved_at)
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["desk_key"], set_={"content": stmt.excluded.content, "saved_at": stmt.excluded.saved_at}
        )
    )


def load_draft(session: Session, desk_key: str) -> tuple[dt.datetime, str] | None:
    draft = models.Draft
    found = session.execute(select(draft.saved_at, draft.content).where(draft.desk_key == desk_key)).first()
    return None if found is None else (found[0], found[1])


def drop_draft(session: Session, desk_key: str) -> None:
    session.execute(_drop_draft_statement(), {"draft_key": desk_key})


@functools.cache
def _drop_draft_statement() -> Any:
    """Built once: every intake taken from the form ends its draft."""
    draft = cast(Table, models.Draft.__table__)
    return delete(draft).where(draft.c.desk_key == bindparam("draft_key"))
