"""The outbox of the platform's events: queued with the step they report, claimed and marked by the sender.

The writers of the steps queue their event in their own unit of work: a case's history line
(:func:`counter.db.case_store.add_case` and ``add_history``), a rating and a rectification's line
(:mod:`counter.db.rating_store`); an item's 准予 the licence it issues besides, where its catalog entry names one,
and a case's voiding, or an item's revocation, the withdrawal of each licence it had sent.
The step and its event are committed together, or neither.  Nothing is queued where the site does not report
(:attr:`PlatformSettings.enabled`), nor in a training database.

A hall that takes in a township's cases queues, in the import's unit of work, the events of every line the package
carries (:func:`queue_from_record`): the keys are the township's own (:mod:`counter.platform.events`), so an event
the hall already has is not queued again, and one the township sent itself reaches the platform under the key it
knows already.

The sender's claim, lease and marks are the SMS outbox's (:mod:`counter.db.outbox_store`): claimed in a transaction
of its own before sending (``FOR UPDATE SKIP LOCKED`` on PostgreSQL), marked sent once; a sender that died between
the platform's answer and its mark leaves the event ``sending`` until ``next_at``, and the next claim sends it
again under the same key, which the platform acknowledges as a repeat.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter.case.decisions import read_item_note
from counter.case.status import CaseEvent, CaseStatus
from counter.db import models
from counter.db.catalog_store import guide_version
from counter.db.outbox_marks import kind_or_code
from counter.db.outbox_store import moment_text
from counter.db.settings_store import get_setting, is_training
from counter.platform.events import (
    PlatformKind,
    item_accepted_key,
    kind_of_rectification,
    licence_key,
    licence_voided_key,
    line_key,
    rating_key,
    rectification_key,
    told_of_line,
)
from counter.platform.outbox import EventRow
from counter.platform.settings import PlatformSettings, platform_from_json
from counter.sms.outbox import MessageState
from counter.sync.records import CaseRecord

PLATFORM_KEY = "platform.settings"  # the site's connection (counter.platform.settings.PlatformSettings as JSON)

WAITING, SENDING, SENT, FAILED = (s.value for s in MessageState)


def platform_settings(session: Session) -> PlatformSettings:
    """The site's connection; none in a training database, whatever it holds: its cases are made up, or copied."""
    return platform_from_json(None if is_training(session) else get_setting(session, PLATFORM_KEY))


def reporting(session: Session) -> bool:
    """Whether the site reports to the platform: every step asks before it queues its event."""
    raw = get_setting(session, PLATFORM_KEY)
    return raw is not None and platform_from_json(raw).enabled and not is_training(session)


def queue_line(session: Session, case_id: int, case_uid: str, event: str, note: str, at: dt.datetime) -> None:
    """The event a case's history line reports, if any, queued in the line's unit of work."""
    if event == CaseEvent.ITEM_REVOKED.value and reporting(session):
        _queue_revocation(session, case_id, case_uid, note, at)
    told = told_of_line(event, note)
    if told is None or not reporting(session):
        return
    _insert(
        session,
        key=line_key(case_uid, event, moment_text(at)),
        case_id=case_id,
        kind=told.kind.value,
        event=event,
        at=at,
        item_code=told.item_code,
        detail=json.dumps({"note": note}, ensure_ascii=False),
    )
    if event == CaseEvent.ITEM_APPROVED.value:
        _queue_licence(session, case_id, case_uid, told.item_code, note, at)
    if event == CaseEvent.VOIDED.value:
        h = models.CaseHistory
        granted = session.scalars(
            select(h.note).where(h.case_id == case_id, h.event == CaseEvent.ITEM_APPROVED.value)
        ).all()
        _queue_licence_voids(session, case_id, case_uid, granted, note, at)


@dataclass(frozen=True, slots=True)
class AcceptedItem:
    """What a department's 受理 tells the platform of itself (:func:`queue_item_acceptance`)."""

    department: str
    accepted_on: dt.date
    promised_on: dt.date | None
    doc_no: str
    by: str  # who signed for it: the department's staff, or the window recording it under the 授权


def queue_item_acceptance(
    session: Session, case_id: int, case_uid: str, item_code: str, accepted: AcceptedItem, at: dt.datetime
) -> bool:
    """A department's 受理 of an item the hall only received (its 签收), told as that department's, with its date,
    the promise that runs from it and its 受理通知书's number, in the 签收's unit of work; nothing where the site does
    not report.  Whether it was new."""
    if not reporting(session):
        return False
    detail = {"department": accepted.department, "accepted_on": accepted.accepted_on.isoformat(),
              "promised_on": accepted.promised_on.isoformat() if accepted.promised_on else "",
              "doc_no": accepted.doc_no, "by": accepted.by}  # fmt: skip
    return _insert(session, key=item_accepted_key(case_uid, item_code), case_id=case_id,
                   kind=PlatformKind.ITEM_ACCEPTED.value, event=PlatformKind.ITEM_ACCEPTED.value, at=at,
                   item_code=item_code, detail=json.dumps(detail, ensure_ascii=False))  # fmt: skip


def _queue_licence(session: Session, case_id: int, case_uid: str, item_code: str, note: str, at: dt.datetime) -> int:
    """The licence an item granted issues, as 电子证照 data, if the item's catalog entry (of the guide version the
    case was taken under) names one; nothing for a voided case (a township's record of one).  Whether it was new."""
    c = models.Case
    version_id, status = session.execute(select(c.guide_version_id, c.status).where(c.id == case_id)).one()
    stored = guide_version(session, version_id)
    item = stored.bundle.item(item_code) if stored is not None else None
    if item is None or not item.licence or status == CaseStatus.VOIDED.value:
        return 0
    return _insert(session, key=licence_key(case_uid, item_code), case_id=case_id,
                   kind=PlatformKind.LICENCE_ISSUED.value, event=PlatformKind.LICENCE_ISSUED.value, at=at,
                   item_code=item_code, detail=json.dumps({"note": note}, ensure_ascii=False))  # fmt: skip


def _queue_licence_voids(
    session: Session, case_id: int, case_uid: str, granted: Sequence[str], note: str, at: dt.datetime
) -> int:
    """For a case voided, the withdrawal of each licence of it the platform may hold: of the items ``granted`` (their
    准予 lines' notes), each whose licence was sent, or is being sent (the sender may have read the case before the
    voiding).  One still waiting or failed is never sent: the sender withholds it
    (:class:`counter.actions.outbox.platform_facts.Withheld`).  Looked up by key, not by case: how many were new."""
    e = models.PlatformEvent
    keys = [licence_key(case_uid, read_item_note(line)[0]) for line in granted]
    items = session.scalars(select(e.item_code).where(e.key.in_(keys), e.state.in_((SENT, SENDING)))).all()
    queued = 0
    for code in items:
        queued += _insert(session, key=licence_voided_key(case_uid, code), case_id=case_id,
                          kind=PlatformKind.LICENCE_VOIDED.value, event=PlatformKind.LICENCE_VOIDED.value, at=at,
                          item_code=code, detail=json.dumps({"note": note}, ensure_ascii=False))  # fmt: skip
    return queued


def _queue_revocation(session: Session, case_id: int, case_uid: str, note: str, at: dt.datetime) -> int:
    """For a licence revoked on a promise found false (行政许可法 第六十九条第二款), its withdrawal as a voided case's
    is (电子证照作废), with the revocation's day and what the check found; one not sent yet is withheld."""
    code, reason = read_item_note(note)
    return _queue_licence_voids(session, case_id, case_uid, [note], reason.strip(), at) if code else 0


def queue_rating(session: Session, request_id: int, at: dt.datetime) -> None:
    """The rating given to the request ``request_id``, queued in the rating's unit of work."""
    if not reporting(session):
        return
    rq, c = models.RatingRequest, models.Case
    case_id, uid, round_ = session.execute(
        select(c.id, c.uid, rq.round).join(rq, rq.case_id == c.id).where(rq.id == request_id)
    ).one()
    _insert(session, key=rating_key(uid, round_), case_id=case_id, kind=PlatformKind.RATED.value,
            event=PlatformKind.RATED.value, at=at, round=round_)  # fmt: skip


def queue_rectification_line(session: Session, rectification_id: int, line: RectFacts) -> None:
    """A step of a rectification (its revisit, handling, feedback, voiding), queued with the step."""
    kind = kind_of_rectification(line.event)
    if kind is None or not reporting(session):
        return
    x, r, rq, c = models.Rectification, models.Rating, models.RatingRequest, models.Case
    case_id, uid, round_ = session.execute(
        select(c.id, c.uid, rq.round)
        .join(rq, rq.case_id == c.id)
        .join(r, r.request_id == rq.id)
        .join(x, x.rating_id == r.id)
        .where(x.id == rectification_id)
    ).one()
    _queue_rect(session, case_id, uid, round_, kind, line)


@dataclass(frozen=True, slots=True)
class RectFacts:
    """What a rectification's line says, as the platform is told it."""

    at: dt.datetime
    event: str
    state_after: str
    by: str
    note: str
    fix_due: dt.date | None


def _queue_rect(session: Session, case_id: int, uid: str, round_: int, kind: PlatformKind, line: RectFacts) -> bool:
    detail = {"by": line.by, "note": line.note, "state": line.state_after,
              "fix_due": line.fix_due.isoformat() if line.fix_due else ""}  # fmt: skip
    return _insert(
        session,
        key=rectification_key(uid, round_, line.event, moment_text(line.at)),
        case_id=case_id,
        kind=kind.value,
        event=line.event,
        at=line.at,
        round=round_,
        detail=json.dumps(detail, ensure_ascii=False),
    )


def queue_from_record(session: Session, case_id: int, record: CaseRecord) -> int:
    """Every event a township's case record carries, queued at the hall that took it in, in the import's unit of
    work; those queued before (by an earlier package, under the same keys) are not queued again.  How many were new.
    """
    if not reporting(session):
        return 0
    queued = 0
    for line in record.history:
        if line.event == CaseEvent.ITEM_REVOKED.value:
            queued += _queue_revocation(session, case_id, record.uid, line.note, line.at)
        told = told_of_line(line.event, line.note)
        if told is not None:
            queued += _insert(
                session,
                key=line_key(record.uid, line.event, moment_text(line.at)),
                case_id=case_id, kind=told.kind.value, event=line.event, at=line.at, item_code=told.item_code,
                detail=json.dumps({"note": line.note}, ensure_ascii=False),
            )  # fmt: skip
            if line.event == CaseEvent.ITEM_APPROVED.value:
                queued += _queue_licence(session, case_id, record.uid, told.item_code, line.note, line.at)
            if line.event == CaseEvent.VOIDED.value:
                granted = [x.note for x in record.history if x.event == CaseEvent.ITEM_APPROVED.value]
                queued += _queue_licence_voids(session, case_id, record.uid, granted, line.note, line.at)
    for rated in record.ratings:
        rating = rated.rating
        if rating is None:
            continue
        queued += _insert(session, key=rating_key(record.uid, rated.round), case_id=case_id,
                          kind=PlatformKind.RATED.value, event=PlatformKind.RATED.value, at=rating.rated_at,
                          round=rated.round)  # fmt: skip
        for x in rating.rectification.history if rating.rectification else ():
            kind = kind_of_rectification(x.event)
            if kind is not None:
                queued += _queue_rect(session, case_id, record.uid, rated.round, kind,
                                      RectFacts(x.at, x.event, x.state_after, x.by, x.note, x.fix_due))  # fmt: skip
    return queued


def _insert(session: Session, *, key: str, at: dt.datetime, **values: Any) -> bool:
    """One event; nothing when its key is queued already (INSERT … ON CONFLICT DO NOTHING): whether it was new."""
    now = models.utcnow()
    row = {
        "key": key,
        "at": at,
        "round": 0,
        "item_code": "",
        "detail": "",
        "state": WAITING,
        "attempts": 0,
        "next_at": now,
        "created_at": now,
        "sent_at": None,
        "platform_id": "",
        "last_error": "",
        **values,
    }
    result = session.execute(_insert_statement(session.get_bind().dialect.name), row)
    return result.scalar() is not None


def _insert_statement(dialect: str) -> Any:
    """The event's INSERT on the table, its values given at execution: a key queued before (a township's event the
    hall takes in again) is left as it is."""
    table = cast(Table, models.PlatformEvent.__table__)
    columns = [c.name for c in table.columns if c.name != "id"]
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = make(table).values({name: bindparam(name, type_=table.c[name].type) for name in columns})
    return statement.on_conflict_do_nothing(index_elements=["key"]).returning(table.c.id)


@dataclass(frozen=True, slots=True)
class ClaimedEvent:
    """An event taken by a sender: what it needs to map and send it."""

    id: int
    key: str
    case_id: int
    kind: PlatformKind
    event: str
    at: dt.datetime
    round: int
    item_code: str
    detail: str
    attempts: int  # this attempt's number


def claimed(session: Session, event_id: int) -> ClaimedEvent:
    """An event the sender claimed, as it maps and sends it.  ValueError for a kind this version does not know,
    LookupError for one not there: the sender sets it aside."""
    e = models.PlatformEvent
    columns = (e.id, e.key, e.case_id, e.kind, e.event, e.at, e.round, e.item_code, e.detail, e.attempts)
    r = session.execute(select(*columns).where(e.id == event_id)).one_or_none()
    if r is None:
        raise LookupError(f"no platform event {event_id}")
    return ClaimedEvent(r[0], r[1], r[2], PlatformKind(r[3]), r[4], r[5], r[6], r[7], r[8], r[9])


def event_rows(session: Session, states: Sequence[str] = (), limit: int = 500) -> list[EventRow]:
    """The newest events first, of ``states`` (all when empty)."""
    e, c = models.PlatformEvent, models.Case
    query = (
        select(e.id, c.case_no, e.kind, e.state, e.attempts, e.created_at, e.next_at, e.sent_at, e.platform_id,
               e.last_error)
        .join(c, c.id == e.case_id)
        .order_by(e.id.desc())
        .limit(limit)
    )  # fmt: skip
    if states:
        query = query.where(e.state.in_(states))
    return [
        EventRow(r[0], r[1], kind_or_code(PlatformKind, r[2]), MessageState(r[3]), r[4], r[5], r[6], r[7], r[8], r[9])
        for r in session.execute(query)
    ]


def withdrawn_cases(session: Session, case_nos: Collection[str]) -> frozenset[str]:
    """The numbers, among ``case_nos``, of the cases kept as withdrawn (the applicant's 撤回), in one read."""
    c = models.Case
    found = session.scalars(select(c.case_no).where(c.case_no.in_(case_nos), c.status == CaseStatus.WITHDRAWN.value))
    return frozenset(found)
