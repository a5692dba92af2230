"""The outbox of messages to applicants: queued with the step they tell of, claimed and marked by the sender.

:func:`queue_for_line` is called by the writers of history lines (:func:`counter.db.case_store.add_case` and
``add_history``), in their unit of work: the message and its step are committed together, or neither.  Nothing is
queued where the hall has no gateway (an unset ``sms.gateway``) or the case no phone to tell.  A line that takes
back messages (:attr:`counter.sms.kinds.Tell.replaces`) deletes those of its case never claimed yet (no words):
the 办结 that tells "ready" drops the item messages queued with it, a hand-over at the window drops the "ready".

The sender claims what is due (:func:`counter.db.outbox_marks.claim`) in a transaction of its own, before it sends:
on PostgreSQL with ``FOR UPDATE SKIP LOCKED``, so two senders never take one message; on SQLite the writing unit of
work's ``BEGIN IMMEDIATE`` (:mod:`counter.db.engine`) does the same.  A claim is a lease: a sender that died between the
gateway's answer and its mark leaves the message ``sending`` until ``next_at``, and the next claim sends it again
under the same key, which the gateway drops as a repeat.  The claim, the marks and the retry are every outbox's
(:mod:`counter.db.outbox_marks`, :mod:`counter.actions.outbox.frame`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.outbox_marks import kind_or_code
from counter.db.settings_store import get_setting, is_training
from counter.sms.gateway import GatewaySettings, gateway_from_json
from counter.sms.kinds import MessageKind, message_key, tell_of
from counter.sms.outbox import MessageRow, MessageState
from counter.sms.texts import DATED

GATEWAY_KEY = "sms.gateway"  # the hall's gateway (counter.sms.gateway.GatewaySettings as JSON)

WAITING, SENDING, SENT, FAILED = (s.value for s in MessageState)


def gateway_settings(session: Session) -> GatewaySettings:
    """The hall's gateway; none in a training database, whatever it holds: its applicants are made up, or copied."""
    return gateway_from_json(_stored_gateway(session))


def _stored_gateway(session: Session) -> str | None:
    """The gateway's stored text, as :func:`gateway_settings` reads it: none in a training database."""
    return None if is_training(session) else get_setting(session, GATEWAY_KEY)


def gateway_configured(session: Session) -> bool:
    """Whether the hall has a gateway (:attr:`GatewaySettings.configured`), as :func:`gateway_settings` says: every
    history line asks before it queues a message, and every receipt before it promises one."""
    raw = _stored_gateway(session)
    return raw is not None and gateway_from_json(raw).configured


def queue_for_line(
    work: Session,
    case_id: int,
    case_uid: str,
    phone: str,
    delivery: str,
    event: str,
    note: str,
    at: dt.datetime,
    due_on: dt.date | None = None,
    told: MessageKind | None = None,
) -> None:
    """The message a history line tells, if any, queued in the line's unit of work; what it takes back, dropped.

    ``due_on``: the date the case holds for the applicant (its correction notice's deadline), kept with a message
    whose words tell a date (:data:`counter.sms.texts.DATED`, the 补正 message): the sender words it from the row
    alone, long after the line was written.  ``told``: the kind the step chose where its line alone cannot say it —
    the intake's 补正, which names the paper handed over (:mod:`counter.documents.correction_papers`)."""
    if not phone.strip() or not gateway_configured(work):  # a hall without a gateway queues nothing
        return
    tell = tell_of(event, note, delivery)
    if told is not None and tell.kind is not None:
        tell = dataclasses.replace(tell, kind=told)
    if tell.kind is None and not tell.replaces:
        return
    session = work  # a gateway is set: the message goes in with the ORM's statements
    if tell.replaces:
        _drop_untried(session, case_id, tell.replaces)
    if tell.kind is not None:
        _insert(
            session,
            key=message_key(case_uid, event, moment_text(at)),
            case_id=case_id,
            kind=tell.kind.value,
            phone=phone.strip(),
            item_code=tell.item_code,
            tracking=tell.tracking,
            due_on=due_on if tell.kind in DATED else None,
            now=at,  # the line's moment, the step's: a training desk's day too
        )


def moment_text(at: dt.datetime) -> str:
    """A history line's time in a message's key: UTC, to the microsecond, the same however a database returns it."""
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def queue_dated(
    session: Session,
    case_id: int,
    case_uid: str,
    phone: str,
    kind: MessageKind,
    day: dt.date,
    now: dt.datetime,
    item_code: str = "",
) -> bool:
    """A message of ``kind`` that tells the date ``day``, not a history line's step: once per case, kind, item (where
    it is one item's) and date; False when it was queued before.  The caller asks whether the hall has a gateway and
    the case a phone."""
    return _insert(
        session,
        key=message_key(case_uid, f"{kind.value}:{item_code}" if item_code else kind.value, day.isoformat()),
        case_id=case_id,
        kind=kind.value,
        phone=phone.strip(),
        item_code=item_code,
        due_on=day,
        now=now,
    )


def _insert(session: Session, *, key: str, now: dt.datetime, **values: Any) -> bool:
    """One message queued ``now`` (the call's moment, a training desk's day too: the supervisors' list shows it); it
    is due at once on the sender's clock, the machine's (:func:`counter.actions.outbox.frame.send_due`), whatever
    day the call was made on.  Nothing when its key is queued already (INSERT … ON CONFLICT DO NOTHING): whether it
    was new."""
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    row = {
        "key": key,
        "state": WAITING,
        "attempts": 0,
        "next_at": models.utcnow(),
        "created_at": now,
        "text": "",
        "gateway_id": "",
        "last_error": "",
        "item_code": "",
        "tracking": "",
        **values,
    }
    statement = make(models.OutboxMessage).values(row).on_conflict_do_nothing(index_elements=["key"])
    result = session.execute(statement.returning(models.OutboxMessage.id))
    return result.scalar() is not None


def _drop_untried(session: Session, case_id: int, kinds: Iterable[MessageKind]) -> None:
    m = models.OutboxMessage
    session.execute(
        delete(m)
        .where(m.case_id == case_id, m.state == WAITING, m.text == "", m.kind.in_(sorted(k.value for k in kinds)))
        .execution_options(synchronize_session=False)
    )


@dataclass(frozen=True, slots=True)
class Claimed:
    """A message taken by a sender: what it needs to word and send it."""

    id: int
    key: str
    kind: MessageKind
    phone: str
    text: str  # "" until worded (the first claim words it)
    attempts: int  # this attempt's number
    case_no: str
    site_code: str
    guide_version_id: int
    item_code: str
    due_on: dt.date | None
    tracking: str


def claimed(session: Session, message_id: int) -> Claimed:
    """A message the sender claimed (:func:`counter.db.outbox_marks.claim`), as it words and sends it.
    ValueError for a kind this version does not know, LookupError for one not there: the sender sets it aside."""
    m, c = models.OutboxMessage, models.Case
    r = session.execute(
        select(m.id, m.key, m.kind, m.phone, m.text, m.attempts, c.case_no, c.site_code, c.guide_version_id,
               m.item_code, m.due_on, m.tracking)
        .join(c, c.id == m.case_id)
        .where(m.id == message_id)
    ).one_or_none()  # fmt: skip
    if r is None:
        raise LookupError(f"no message {message_id} with its case")
    return Claimed(r[0], r[1], MessageKind(r[2]), r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11])


def word(session: Session, message_id: int, text: str) -> None:
    """Keep the words a message is sent with: later attempts send the same."""
    m = models.OutboxMessage
    session.execute(update(m).where(m.id == message_id).values(text=text).execution_options(synchronize_session=False))


def message_rows(session: Session, states: Sequence[str] = (), limit: int = 500) -> list[MessageRow]:
    """The newest messages first, of ``states`` (all when empty)."""
    m, c = models.OutboxMessage, models.Case
    query = (
        select(
            m.id,
            c.case_no,
            m.kind,
            m.state,
            m.phone,
            m.text,
            m.attempts,
            m.created_at,
            m.next_at,
            m.sent_at,
            m.gateway_id,
            m.last_error,
        )
        .join(c, c.id == m.case_id)
        .order_by(m.id.desc())
        .limit(limit)
    )
    if states:
        query = query.where(m.state.in_(states))
    return [
        MessageRow(
            r[0],
            r[1],
            kind_or_code(MessageKind, r[2]),
            MessageState(r[3]),
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            r[9],
            r[10],
            r[11],
        )
        for r in session.execute(query)
    ]
