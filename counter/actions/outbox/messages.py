"""Messages to applicants: the gateway's settings, the 容缺 reminders, the SMS channel, and the supervisor's list.

The messages themselves are queued by the steps they tell of (:mod:`counter.db.outbox_store`) and sent by every
outbox's frame (:mod:`counter.actions.outbox.frame`): claimed with a lease, sent, marked once, failures waiting twice
as long each time; after the gateway's number of attempts, or at once for an answer that will not change, a message
waits in the failed list for a supervisor (:func:`retry_message`).  What is the SMS channel's own is here
(:class:`_Sms`): the gateway's settings, the words a message is sent with (kept at its first claim: every attempt
sends the same), and a reminder whose date passed while it waited, failed rather than sent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.guard import require
from counter.actions.admin.outward_settings import save_settings, secret_in_training
from counter.actions.cases.case_reads import DUE_SOON_WORKING_DAYS
from counter.actions.cases.documents import office_settings
from counter.actions.outbox import frame
from counter.actions.outbox.frame import Clock, Job, Route, Writer
from counter.case.item_lines import office_day
from counter.db import models, outbox_store
from counter.db.case_lists import deferrals_due_by
from counter.db.catalog_store import guide_version
from counter.db.outbox_store import FAILED, GATEWAY_KEY, Claimed
from counter.db.sealed import UNREADABLE
from counter.db.settings_store import put_setting
from counter.host.outward.outward_http import Link
from counter.host.outward.sms_gateway import Answer, SmsRequest, post_message
from counter.host.outward.sms_secret import GATEWAY_SECRET, load_secret, save_secret, secret_path
from counter.outbox.reasons import UNOPENED_PHONE, expired
from counter.outbox.rules import SendRound, request_key
from counter.outbox.secret_shown import shown, stored_json
from counter.parties.masking import mask_phone
from counter.sms.gateway import GatewayProblem, GatewaySettings
from counter.sms.gateway_refused import GatewayRefused
from counter.sms.kinds import MessageKind
from counter.sms.outbox import MessageRow
from counter.sms.texts import MessageFacts, message_text

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.orm import Session

    from counter.access.desk import Desk

__all__ = [
    "BATCH",
    "gateway_settings",
    "message_list",
    "move_secret_out",
    "queue_reminders",
    "retry_message",
    "save_gateway",
    "send_due",
    "sms_promised",
]

log = logging.getLogger(__name__)

BATCH = 20  # messages claimed at once: a slow gateway holds no more than these
Post = Callable[[SmsRequest], Answer]


def gateway_settings(session: Session, folder: Path | None = None) -> GatewaySettings:
    """The hall's gateway, its secret from this machine's key folder (``folder``: another, for tests).

    A secret an earlier version left in the database is used until it is moved out (:func:`move_secret_out`).
    """
    stored = outbox_store.gateway_settings(session)
    return dataclasses.replace(stored, secret=load_secret(secret_path(GATEWAY_SECRET, folder)) or stored.secret)


def move_secret_out(session: Session, folder: Path | None = None) -> bool:
    """Move a secret an earlier version stored in the database into this machine's key folder, and empty it there.

    Done where the secret is needed, by the sender (each round, one read of a setting when there is nothing to do)
    and by ``counter site sms``.  The file is on disk before the row is emptied, in the caller's transaction: a
    crash between the two leaves the secret in both, never in neither.  A different secret already in the file is
    the one set on this machine since: the database's is kept beside it (``….from-database``), not thrown away.
    Whether one was moved.
    """
    stored = outbox_store.gateway_settings(session)
    if not stored.secret:
        return False
    path = secret_path(GATEWAY_SECRET, folder)
    kept = load_secret(path)
    if not kept:
        save_secret(stored.secret, path)
    elif kept != stored.secret:
        save_secret(stored.secret, path.with_name(path.name + ".from-database"))
        log.warning("SMS gateway secret in the database differs from %s: kept beside it", path)
    put_setting(session, GATEWAY_KEY, stored_json(stored))
    log.info("SMS gateway secret moved out of the database into %s", path)
    return True


def sms_promised(session: Session) -> bool:
    """Whether the hall has a gateway: the receipt promises an SMS only then."""
    return outbox_store.gateway_configured(session)


def save_gateway(session: Session, settings: GatewaySettings, *, desk: Desk | None = None) -> None:
    """Set the hall's gateway (all empty: none); refused whole (:class:`GatewayRefused`) with any problem.

    The secret goes to this machine's key folder, the rest to the database.  The
    change is on the audit trail, the secret as :data:`SECRET_SHOWN`.  Messages already queued are sent with the new
    settings; a hall that turns its gateway off keeps what waits until it is turned on again.
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    before = gateway_settings(session)
    problems = settings.problems()
    if secret_in_training(session, before, settings):
        problems = (*problems, GatewayProblem.SECRET_TRAINING)
    if problems:
        raise GatewayRefused(problems)
    save_settings(session, by, GATEWAY_KEY, before, settings, GATEWAY_SECRET)


def change_gateway(
    session: Session, desk: Desk | None, *, off: bool, templates: dict[str, str], **changes: Any
) -> GatewaySettings:
    """The ``changes`` (None: kept as stored) applied to the gateway as stored and saved (:func:`save_gateway`),
    ``templates`` added to those kept, the secret kept where none is given; ``off``: no gateway at all.  The
    settings as they now stand, the secret shown as set or not."""
    if off:
        settings = GatewaySettings()
    else:
        stored = gateway_settings(session)
        given = {name: value for name, value in changes.items() if value is not None}
        settings = dataclasses.replace(stored, **given, templates=stored.templates | templates)
    save_gateway(session, settings, desk=desk)
    return shown(settings)


def queue_reminders(session: Session, today: dt.date, now: dt.datetime) -> int:
    """Queue the reminder of every deferral due within two working days of ``today`` (the F6 list's "coming due"),
    once per case and due date, at ``now``: the call's day and moment, a training desk's too; the number queued now.
    Nothing where the hall has no gateway; an overdue deferral is the supervisor's to lapse, not the applicant's to
    be reminded of."""
    if not sms_promised(session):
        return 0
    horizon = office_calendar(session).add_working_days(today, DUE_SOON_WORKING_DAYS).date
    queued = 0
    c = models.Case
    for row in deferrals_due_by(session, horizon):
        if row.next_due is None or row.next_due < today:
            continue
        case_id, uid, phone = session.execute(select(c.id, c.uid, c.notify_phone).where(c.case_no == row.case_no)).one()
        if not phone.strip():
            continue
        if outbox_store.queue_dated(session, case_id, uid, phone, MessageKind.DEFERRAL_DUE, row.next_due, now):
            queued += 1
    return queued


class _Sms:
    """The SMS channel as the frame drives it (:class:`counter.actions.outbox.frame.Channel`)."""

    name = "message"
    model = models.OutboxMessage
    answer_column = "gateway_id"
    wait_out_silence = False  # a gateway that never answers runs out of attempts: the clerk promised an SMS
    marks_per_batch = False  # a slow gateway: each message marked as soon as it is sent

    def __init__(self, folder: Path | None, post: Post | None) -> None:
        self.folder = folder
        self.link = Link() if post is None else None
        self.post = post or functools.partial(post_message, link=self.link)

    def route(self, session: Session) -> Route | None:
        """Nothing without a gateway; nothing with settings that cannot be used (an ``http://`` endpoint stored by
        an earlier version, no secret on this machine): the messages wait, unsent and not failed, until they are
        put right."""
        move_secret_out(session, self.folder)
        settings = gateway_settings(session, self.folder)
        if not settings.configured:
            return None
        problems = settings.problems()
        if problems:
            log.error("SMS gateway settings unusable (%s): nothing sent", ", ".join(p.value for p in problems))
            return None
        return Route(settings.timeout, settings.attempts, settings)

    def claim_order(self) -> tuple[Any, ...]:
        return (models.OutboxMessage.next_at, models.OutboxMessage.id)

    def job(self, session: Session, route: Route, row_id: int, now: dt.datetime) -> Job:
        """The message's request, worded at its first claim.  A reminder whose due date passed while it waited (a
        gateway down for days) is not sent but failed, with why: "please hand in by" a day gone would mislead."""
        settings: GatewaySettings = route.settings
        message = outbox_store.claimed(session, row_id)
        if message.phone == UNREADABLE:  # sealed under a data key damaged or missing here: no number to send to
            log.error("message %d not sent: its phone cannot be opened, the data key is damaged or missing", row_id)
            return Job(row_id, message.attempts, problem=UNOPENED_PHONE)
        if message.due_on is not None and message.due_on < office_day(now):
            return Job(row_id, message.attempts, problem=expired(message.due_on))
        facts = _facts(session, message)
        text = message.text
        if not text:
            text = message_text(facts, settings.sign or office_settings(session, message.site_code).office_name)
            outbox_store.word(session, message.id, text)
        template = settings.templates.get(message.kind.value, "")
        request = SmsRequest(
            endpoint=settings.endpoint,
            account=settings.account,
            secret=settings.secret,
            key=request_key(message.key),  # the message's own key names its case's uid: the gateway gets a digest
            phone=message.phone,
            sign=settings.sign,
            template_id=template,
            params=facts.params() if template else {},
            content=text,
            timeout=settings.timeout,
        )
        return Job(row_id, message.attempts, request)


def send_due(
    store: Writer,
    *,
    clock: Clock = models.utcnow,
    post: Post | None = None,
    batch: int = BATCH,
    folder: Path | None = None,
) -> SendRound:
    """Send every message due now, a batch at a time, until none is left; what came of them.  ``folder``: where
    the gateway's secret is kept, when not this machine's key folder (tests); ``post``: how a request is sent (the
    default keeps one connection to the gateway for the whole pass)."""
    return frame.send_due(store, _Sms(folder, post), clock=clock, batch=batch)


def _facts(session: Session, message: Claimed) -> MessageFacts:
    stored = guide_version(session, message.guide_version_id)
    bundle = stored.bundle.name if stored is not None else ""
    item = stored.bundle.item(message.item_code) if stored is not None and message.item_code else None
    return MessageFacts(
        kind=message.kind,
        case_no=message.case_no,
        bundle=bundle,
        item=item.name if item is not None else message.item_code,
        date=message.due_on,
        tracking=message.tracking,
    )


def message_list(
    session: Session, desk: Desk | None = None, *, failed_only: bool = False, limit: int = 500
) -> list[MessageRow]:
    """The messages, newest first (the failed ones only: what waits for a supervisor), phones masked; ``desk`` who
    reads (this machine's desk when not given)."""
    require(session, this_desk(desk).actor, Permission.SEE_FIGURES)
    rows = outbox_store.message_rows(session, (FAILED,) if failed_only else (), limit)
    return [dataclasses.replace(row, phone=mask_phone(row.phone)) for row in rows]


def retry_message(session: Session, desk: Desk | None, message_id: int) -> bool:
    """A failed message back in the queue, its attempts counted afresh; False when no failed message has the id."""
    return frame.retry(session, desk, models.OutboxMessage, message_id)
