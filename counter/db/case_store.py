"""Cases in the database: numbers, the intake record, history, and a case's view.

The lists are :mod:`counter.db.case_lists`, the parties :mod:`counter.db.party_store`, the drafts
:mod:`counter.db.draft_store`.

The caller owns the session and commits; an intake is one transaction, so a
case is either there whole — case, every checklist line, its first history line
— or not at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections.abc import Iterable, Sequence
from itertools import starmap
from typing import Any, cast

from sqlalchemy import (
    Insert,
    Select,
    String,
    Table,
    bindparam,
    func,
    insert,
    literal,
    select,
    type_coerce,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from counter.audit.state import RowAltered, SubjectKind
from counter.case.dates_moved import governed
from counter.case.moments import stored_utc
from counter.case.numbers import OUTAGE_FIRST, TRAINING_FIRST
from counter.case.queue_ticket import QueueTicket
from counter.case.status import CaseStatus
from counter.case.view import CaseMaterialLine, CaseView, HistoryLine
from counter.db import models
from counter.db.audit_derived import status_is_off_history
from counter.db.audit_state import check_as_recorded
from counter.db.name_pairs import add_name_pairs, pair_rows
from counter.db.outbox_store import queue_for_line
from counter.db.platform_store import queue_line
from counter.db.sealed import CASE_SEALED, case_index_values, unseal_to_send
from counter.db.settings_store import OUTAGE, TRAINING
from counter.intake.subject import subject_from_json
from counter.sms.kinds import MessageKind


def dialect_insert(session: Session) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT (SQLite and PostgreSQL alike)."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def next_sequence(session: Session, site_code: str, desk_no: str, day: dt.date, kind: str) -> int:
    """The next number of this desk, day and kind, taken in one atomic statement.

    The day's first is 1, or :data:`TRAINING_FIRST` in a training database, or :data:`OUTAGE_FIRST` in a hall
    desk's outage store (numbers the hall's own series never reaches): asked in the same statement, so a hall's desk
    pays no extra round trip to its server for each intake.
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
    outage_first = select(literal(OUTAGE_FIRST)).where(models.Setting.key == OUTAGE).scalar_subquery()
    columns = ("site_code", "desk_no", "day", "kind")
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(counter).values(
        {name: bindparam(name, type_=counter.c[name].type) for name in columns}
        | {"last": func.coalesce(training_first, outage_first, 1)}
    )
    return stmt.on_conflict_do_update(index_elements=list(columns), set_={"last": counter.c.last + 1}).returning(
        counter.c.last
    )


def add_case(
    session: Session,
    values: dict[str, Any],
    materials: Sequence[CaseMaterialLine],
    event: str,
    note: str = "",
    at: dt.datetime | None = None,
    told: MessageKind | None = None,
) -> int:
    """Insert a case, its checklist lines and its first history line (written ``at``, now unless given: the desk's
    day of a training desk); ``told``: the kind of message the line tells, where the intake chose it
    (:func:`.outbox_store.queue_for_line`).

    INSERT statements on the tables rather than ORM objects, built once and given their values at execution: the
    rows are never edited through the ORM in the same session, and the checklist's lines go in one statement
    whatever their number.
    """
    case_insert, material_insert, history_insert = _add_case_statements()
    now = models.utcnow()
    line_at = now if at is None else at.astimezone(dt.UTC)  # kept in UTC, as add_history keeps it
    case_id = int(session.execute(case_insert, {"created_at": now, **values, **case_index_values(values)}).scalar_one())
    add_name_pairs(session, pair_rows(case_id, values["applicant_name"], values["received_on"]))
    if materials:
        session.execute(material_insert, [_line_values(case_id, line) for line in materials])
    session.execute(
        history_insert,
        {
            "case_id": case_id,
            "at": line_at,
            "clerk": values["clerk"],
            "desk_no": values["desk_no"],
            "event": event,
            "status_after": values["status"],
            "note": note,
        },
    )
    queue_for_line(
        session,
        case_id,
        values["uid"],
        values["notify_phone"],
        values["delivery"],
        event,
        note,
        line_at,
        values.get("correction_due"),
        told,
    )
    queue_line(session, case_id, values["uid"], event, note, line_at)
    return case_id


def _line_values(case_id: int, line: CaseMaterialLine) -> dict[str, Any]:
    """A checklist line's row: its fields under their columns' names (``code`` is ``material_code``)."""
    values = dataclasses.asdict(line)
    values["material_code"] = values.pop("code")
    return {"case_id": case_id, **values}


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
    The message the line tells the applicant, if any, is queued with it (:func:`.outbox_store.queue_for_line`), and
    the event it reports to the platform (:func:`.platform_store.queue_line`).
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
    queue_for_line(
        session, case.id, case.uid, case.notify_phone, case.delivery, event, note, moment, case.correction_due
    )
    queue_line(session, case.id, case.uid, event, note, moment)


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


def answers_of(case: models.Case) -> dict[str, str]:
    """The case's situation answers as its intake stored them: they choose its items (:meth:`Bundle.for_case`)."""
    return dict(json.loads(case.answers or "[]"))


def personal_to_hand_out(session: Session, case_no: str) -> None:
    """Nothing where every personal value of the case (ID numbers, phones, addresses) opens on this machine;
    :class:`counter.host.keys.data_key.DataKeyDamaged` naming the key where one does not, read as stored and opened
    as what leaves the machine is (:func:`counter.db.sealed.unseal_to_send`).  A paper made of the case would print
    （已加密） where the applicant's number belongs, and the applicant would leave with it; a 补正 taken again from
    it would keep the placeholder as the new case's: refused instead, as the store's data_key fault."""
    raw = [type_coerce(getattr(models.Case, name), String) for name in CASE_SEALED]  # as stored, not opened
    for row in session.execute(select(*raw).where(models.Case.case_no == case_no.strip().upper())):
        for stored in row:
            unseal_to_send(stored or "")


def case_by_no(session: Session, case_no: str, *, lock: bool = False) -> models.Case | None:
    """The case numbered ``case_no``; with ``lock``, its row locked until the unit of work ends.

    Every step of a case reads the case (its history, its items' rows) and writes from what it read: two desks
    taking steps of one case at once (three departments deciding their items) would each miss the other's, and
    neither would close the case, or both would rewrite its items' rows.  On PostgreSQL the lock (``FOR UPDATE``)
    makes them take turns; on SQLite a unit of work that writes holds the file's write lock from its start
    (``BEGIN IMMEDIATE``), so the clause is not sent there.

    A case locked for a step is first checked against the trail and its history (:class:`RowAltered` when it is
    not as they left it): the step's entry would otherwise record a change made behind the program's back as its own.
    """
    query = select(models.Case).where(models.Case.case_no == case_no.strip().upper())
    if not lock:
        return session.scalar(query)
    case = session.scalar(query.with_for_update())
    if case is not None:
        check_as_recorded(session, SubjectKind.CASE, case.case_no)
        if status_is_off_history(session, case.id, case.status):
            raise RowAltered(SubjectKind.CASE, case.case_no)
    return case


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
    "denial_reason", "dates_beyond_data", "subject",
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
            *ticket_columns(case),
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
            m.medium, m.defect_note, m.due_on, m.arrived_on, m.licence,
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
    columns are those of :class:`CaseMaterialLine` and :class:`HistoryLine` in their order.

    Its dates are those that govern (:func:`counter.case.dates_moved.governed`): a date a change of the holiday data
    moved later, at this site or at the other one whose history line sync brought, whatever the columns say."""
    return governed(
        CaseView(
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
            subject=subject_from_json(c.subject),
            queue_ticket=c.queue_ticket or "",
            queue_waited_s=c.queue_waited_s,
        )
    )


def ticket_columns(case: Any) -> tuple[Any, ...]:
    """The case's queue ticket and wait (:class:`models.CaseTicket`), each by a subquery of one row by its key: the
    columns :func:`view_of` reads as ``queue_ticket`` and ``queue_waited_s``, NULL for a case without one."""
    t = cast(Table, models.CaseTicket.__table__)
    return (
        select(t.c.ticket).where(t.c.case_id == case.c.id).scalar_subquery().label("queue_ticket"),
        select(t.c.waited_s).where(t.c.case_id == case.c.id).scalar_subquery().label("queue_waited_s"),
    )


def add_ticket(session: Session, case_id: int, ticket: QueueTicket) -> None:
    """Keep the queue ticket the case's applicant was called by."""
    session.add(models.CaseTicket(case_id=case_id, ticket=ticket.number, waited_s=ticket.waited_s))


def cases_dated_from(session: Session, first: dt.date, statuses: Iterable[str]) -> list[str]:
    """The numbers of the cases in ``statuses`` with a promised date, a correction's deadline or an awaited deferred
    material's date on or after ``first``: those a change of the holiday data from ``first`` on can move.

    A date before the first day changed was counted over days that did not change; a date counted from a day before
    the change to one after it is on or after it.  In case number order, as their lines are written.
    """
    c, m = models.Case, models.CaseMaterial
    # in the terms of ix_case_material_waiting's condition, which a planner uses only for a query that states it
    awaited = select(m.case_id).where(m.due_on.is_not(None), m.arrived_on.is_(None), m.due_on >= first)
    dated = (c.promised_on >= first) | (c.correction_due >= first) | c.id.in_(awaited)
    query = select(c.case_no).where(c.status.in_(sorted(statuses)), dated).order_by(c.case_no)
    return list(session.scalars(query))
