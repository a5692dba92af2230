"""The lists of cases a desk and a supervisor read: the day's cases, what comes due, the overdue backlog.

Each list is read along its own index in due order (on PostgreSQL inside :func:`index_walk`), and its statements are
built once per dialect.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Date,
    Integer,
    ScalarSelect,
    Select,
    String,
    bindparam,
    column,
    exists,
    func,
    intersect,
    literal,
    literal_column,
    select,
    text,
)
from sqlalchemy import case as when
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from counter.case.decisions import LAPSE_EVENTS
from counter.case.lookup import SEQUENCE_MARK, FoundCase, Lookup, LookupKind, name_pairs
from counter.case.status import NOTE_CODES_JOIN, CaseStatus
from counter.case.view import CaseRow
from counter.db import models
from counter.db.sealed import search_index

ListingSelect = Select[str, str, str, str, dt.date, str, dt.date | None]


def _rows(session: Session, stmt: ListingSelect, values: dict[str, Any] | None = None) -> list[CaseRow]:
    return list(_case_rows(session.execute(stmt, values)))


def _case_rows(rows: Iterable[Sequence[Any]]) -> Iterator[CaseRow]:
    """The list rows of a :data:`ListingSelect`'s rows, as they come."""
    for case_no, status, name, applicant, received_on, desk_no, due in rows:
        yield CaseRow(case_no, CaseStatus(status), name, applicant, received_on, desk_no, due)


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
            ~_lapsed_in(session.get_bind().dialect.name, material),
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
    return _rows(session, _of_day_statement(session.get_bind().dialect.name), values)


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


@dataclass(frozen=True, slots=True)
class FoundReads:
    """F7's cases, and what the role check needs to mask them, read in the same statement."""

    rows: list[FoundCase]
    accounts: bool  # whether any account exists (False when nothing was found: nothing to mask)
    account: tuple[str, bool] | None  # the login's roles as stored and whether it is disabled; None: no such login


#: what no keyed index is: the look-up of a machine without the index key finds nothing
_NOWHERE = "-"


def cases_found(session: Session, lookup: Lookup, since: dt.date, limit: int, login: str = "") -> FoundReads:
    """The cases received on or after ``since`` that ``lookup`` names, newest first (F7 without a full number), with
    whether accounts exist and the account of ``login``, which decide whether the ID numbers may be shown whole.

    One statement, read along the index of what was typed: a number's last digits seek
    the sequence on PostgreSQL (``ix_case_sequence``) and on SQLite walk the period's numbers newest first
    (``ix_case_received_on_case_no``) and stop at the page; an ID number, a phone or a name seek their own index and
    read only its period's entries (an ID number and a phone by their keyed index: the columns are sealed; a name by
    the pairs of its characters, :func:`_name_holds`).  The
    account's facts are subqueries of no row, each read once.  The ID number and phone come whole: the action masks
    them for whoever may not see them so.
    """
    c, account = models.Case, models.Account
    match lookup.kind:
        case LookupKind.NUMBER_TAIL if session.get_bind().dialect.name == "postgresql":
            found = func.split_part(c.case_no, SEQUENCE_MARK, 4) == lookup.text  # ix_case_sequence
        case LookupKind.NUMBER_TAIL:  # the sequence, whole: 0002 is not 10002
            found = c.case_no.endswith(SEQUENCE_MARK + lookup.text, autoescape=True)
        case LookupKind.ID_NUMBER:  # sealed: sought by its keyed index (counter.db.sealed)
            found = c.applicant_id_key == (search_index(lookup.text) or _NOWHERE)
        case LookupKind.PHONE:
            key = search_index(lookup.text) or _NOWHERE
            found = (c.applicant_phone_key == key) | (c.notify_phone_key == key)
        case LookupKind.NAME:
            found = _name_holds(lookup.text, since)
        case LookupKind.CASE_NO:
            found = c.case_no == lookup.text
    columns = (c.case_no, c.status, models.Bundle.name, c.applicant_name, c.applicant_id_no, c.applicant_phone)
    of_login = account.login == login
    stmt = (
        select(*columns, c.notify_phone, c.received_on, c.desk_no)
        .add_columns(
            exists(select(account.login)),
            select(account.roles).where(of_login).scalar_subquery(),
            select(account.disabled).where(of_login).scalar_subquery(),
        )
        .join(models.Bundle, models.Bundle.code == c.bundle_code)
        .where(c.received_on >= since, found)
        .order_by(c.received_on.desc(), c.case_no.desc())
        .limit(limit)
    )
    rows = session.execute(stmt).all()
    if not rows:
        return FoundReads([], False, None)
    *_, accounts, roles, disabled = rows[0]
    return FoundReads(
        [
            FoundCase(case_no, CaseStatus(status), bundle, name, id_no, phone or notify, received_on, desk_no)
            for case_no, status, bundle, name, id_no, phone, notify, received_on, desk_no, *_ in rows
        ],
        bool(accounts),
        (str(roles), bool(disabled)) if login and roles is not None else None,
    )


def _name_holds(name: str, since: dt.date) -> ColumnElement[bool]:
    """The applicant's name holds ``name`` anywhere (孟和 in 阿拉坦其其格·孟和巴雅尔): the cases of the period indexed
    under every pair of its characters (``case_name_pair``, each pair a range of its key), then the name itself
    compared, for the pairs may lie apart (和巴 and 孟和 are both in 和巴孟和).  Latin letters in either case."""
    pair = models.CaseNamePair
    holding = [select(pair.case_id).where(pair.pair == p, pair.received_on >= since) for p in sorted(name_pairs(name))]
    ids = intersect(*holding) if len(holding) > 1 else holding[0]
    return models.Case.id.in_(ids) & models.Case.applicant_name.icontains(name, autoescape=True)


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


def _waiting(material: type[models.CaseMaterial]) -> list[ColumnElement[bool]]:
    """A deferred material still awaited, in the words of ``ix_case_material_waiting``'s own condition (the
    planners use a partial index only for a query that states its condition)."""
    return [material.due_on.is_not(None), material.arrived_on.is_(None)]


def deferrals_due_page(session: Session, last_day: dt.date, limit: int) -> list[CaseRow]:
    """The first ``limit`` of :func:`deferrals_due_by`, in its order, read by index whatever the backlog."""
    page = _due_statements(session.get_bind().dialect.name).deferral_page
    with index_walk(session):
        return _rows(session, page, {"last_day": last_day, "limit": limit})


#: rows a streamed list holds at a time, of each kind: what the driver fetches in one go
STREAM_BATCH = 500


def due_rows(session: Session, last_day: dt.date) -> Iterator[CaseRow]:
    """Every deferral and unanswered correction notice due by ``last_day``, earliest first, as they are read.

    What :func:`deferrals_due_by` and the correction notices unanswered by then give, merged in due order (then
    number), but streamed: each kind is walked along its index in due order (the F6 page's walk without its limit)
    and the two walks are merged as they come, so a league's backlog of hundreds of thousands of overdue cases is
    listed in the memory of a batch, where reading every row and sorting them all took 7.8 s and 177 MB at a
    million cases.
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
    " current_setting('enable_sort') AS sort, current_setting('max_parallel_workers_per_gather') AS workers)"
    " SELECT seqscan, sort, workers, set_config('enable_seqscan', 'off', true) AS seqscan_now,"
    " set_config('enable_sort', 'off', true) AS sort_now,"
    " set_config('max_parallel_workers_per_gather', '0', true) AS workers_now FROM found"
).columns(*(column(name, String) for name in ("seqscan", "sort", "workers", "seqscan_now", "sort_now", "workers_now")))
_PUT_BACK = text(
    "SELECT set_config('enable_seqscan', :seqscan, true), set_config('enable_sort', :sort, true),"
    " set_config('max_parallel_workers_per_gather', :workers, true)"
)


@contextmanager
def index_walk(session: Session) -> Iterator[None]:
    """On PostgreSQL, the walk of ``ix_case_material_waiting`` taken whatever the planner's estimate.

    The planner guesses the deferred materials still awaited from each column's statistics on its own (a due date
    set, no arrival): in a hall of 2M cases it expected about 9,000 where 130,000 wait, so for the capped count it
    read all 16M checklist lines in parallel and sorted them (2.5 s) rather than walk the index and stop at the cap
    (50 ms); extended statistics on the two columns did not mend the guess.  The same guess, a few dozen where
    thousands wait, makes a plan for the statement's own values (what PostgreSQL plans for the first executions of
    a statement on each connection, before its generic plan) gather every awaited material due and sort them all
    for the page and the capped count: 250 ms each at 300,000 cases, where the walk in due order takes 10; a
    server's pool of fresh connections planned so for most of its day lists (F6 through the server at 300,000
    cases: p95 723 ms so, 129 ms walked, beside a bare request's 66 and 75 on a machine under load).  The walk is
    right whatever the data (it stops after the page or the cap), so for these statements only a sequential scan, a
    sort of the whole set (the walk's incremental sort, of one due date's rows at a time, stays) and the parallel
    workers, whose start alone cost more than the walk, are set aside, and put back as they were for the rest of
    the transaction.

    Setting them and putting them back is one statement each: a reader that sends several walking statements (the
    F6 lists: the page and both counts) takes the walk once around them all, for each statement is a round trip to
    the server, and the four of setting and resetting around each of three statements cost the F6 lists more than
    their reads.  Inside a walk already taken this takes none of its own.

    When a statement inside fails, nothing is put back: the failure ends the transaction, whose rollback undoes
    the settings, and a statement sent after it would fail in turn and hide the first failure (a server gone would
    be reported as a transaction to roll back, not as a connection lost, which the desk waits for and retries).
    """
    if session.get_bind().dialect.name != "postgresql" or session.info.get(_WALKING):
        yield
        return
    seqscan, sort, workers, *_ = session.execute(_WALK).one()
    session.info[_WALKING] = True
    try:
        yield
    finally:
        del session.info[_WALKING]
    session.execute(_PUT_BACK, {"seqscan": seqscan, "sort": sort, "workers": workers})


def corrections_due_page(session: Session, last_day: dt.date, limit: int) -> list[CaseRow]:
    """The first ``limit`` of the correction notices unanswered with a deadline on or before ``last_day``, in due
    order then number (``ix_case_correction_due``); the deadline is the row's due."""
    page = _due_statements(session.get_bind().dialect.name).correction_page
    return _rows(session, page, {"last_day": last_day, "limit": limit})


def due_counts(session: Session, last_day: dt.date, today: dt.date, cap: int) -> tuple[int, int, bool]:
    """How many deferrals and correction notices are due by ``last_day``, how many of them before ``today``
    (overdue), and whether both counts are whole.

    Each kind is counted along its own index in due order and at most ``cap`` of it: a long overdue backlog costs
    no more than ``cap`` entries, and the earliest, overdue ones are counted first.  One more than ``cap`` is walked,
    so that exactly ``cap`` due is a whole count, and "more than" is said only where there are more.
    """
    total, overdue, whole = 0, 0, True
    with index_walk(session):
        for count in _due_statements(session.get_bind().dialect.name).counts:
            found, late = session.execute(count, {"last_day": last_day, "today": today, "cap": cap + 1}).one()
            # in due order the overdue come first: of the first ``cap`` rows, at most ``cap`` are late
            total, overdue, whole = total + min(found, cap), overdue + min(late or 0, cap), whole and found <= cap
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


def department_case_nos(session: Session, department: str) -> frozenset[str]:
    """The numbers of the cases with an item routed to ``department`` and not decided yet, read along
    ``ix_open_item_department_due``: the cases of the hall a department's staff may list."""
    c, item = models.Case, models.OpenItem
    theirs = select(c.case_no).join(item, item.case_id == c.id).where(item.department == department).distinct()
    return frozenset(session.execute(theirs).scalars())


def department_cases(session: Session, department: str, limit: int = 500) -> list[CaseRow]:
    """The newest ``limit`` cases with an item routed to ``department`` and not decided yet: the case list of a
    department's staff (:func:`all_cases` is every case of the hall)."""
    c, item = models.Case, models.OpenItem
    theirs = select(item.case_id).where(item.department == department)
    return _rows(session, _listing(_next_due(session)).where(c.id.in_(theirs)).order_by(c.id.desc()).limit(limit))
