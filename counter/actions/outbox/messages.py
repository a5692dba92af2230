"""Messages to applicants: the gateway's settings, the 容缺 reminders, the sender, and the supervisor's list.

The messages themselves are queued by the steps they tell of (:mod:`counter.db.outbox_store`).  The sender
(:func:`send_due`) works in three steps per message, each its own unit of work but the sending: claim what is due
(committed before anything leaves), send it, mark it.  A message is marked sent once; a sender that dies after the
gateway took a message and before the mark leaves it claimed, and the next claim after the lease sends it again
under the same idempotency key, which the gateway drops as a repeat.  Failures wait twice as long each time
(:func:`counter.sms.gateway.next_wait`); after the gateway's number of attempts, or at once for an answer that
will not change, the message waits in the failed list for a supervisor (:func:`retry_message`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from sqlalchemy import select

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.guard import require
from counter.actions.cases.case_reads import DUE_SOON_WORKING_DAYS
from counter.actions.cases.documents import office_settings
from counter.audit.actions import AuditAction
from counter.case.item_lines import office_day
from counter.db import models, outbox_store
from counter.db.case_lists import deferrals_due_by
from counter.db.catalog_store import guide_version
from counter.db.outbox_store import FAILED, GATEWAY_KEY, Claimed
from counter.db.settings_store import put_setting
from counter.host.sms_gateway import Answer, Outcome, SmsRequest, post_message
from counter.host.sms_secret import load_secret, save_secret, secret_path
from counter.parties.masking import mask_phone
from counter.sms.gateway import GatewayProblem, GatewaySettings, next_wait
from counter.sms.kinds import gateway_key
from counter.sms.outbox import MessageRow
from counter.sms.texts import MessageFacts, message_text

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.orm import Session

    from counter.access.desk import Desk

__all__ = [
    "BATCH",
    "GatewayRefused",
    "SendRound",
    "claim_lease",
    "gateway_settings",
    "message_list",
    "move_secret_out",
    "queue_reminders",
    "retry_message",
    "run_sender",
    "save_gateway",
    "send_due",
    "sms_promised",
]

log = logging.getLogger(__name__)

BATCH = 20  # messages claimed at once: a slow gateway holds no more than these
SECRET_SHOWN = "******"  # the secret as the audit trail and the faces show it


class GatewayRefused(ValueError):
    """Settings with problems: nothing was saved.  Every problem at once."""

    def __init__(self, problems: tuple[GatewayProblem, ...]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = problems


def gateway_settings(session: Session, folder: Path | None = None) -> GatewaySettings:
    """The hall's gateway, its secret from this machine's key folder (``folder``: another, for tests).

    A secret an earlier version left in the database is used until it is moved out (:func:`move_secret_out`).
    """
    stored = outbox_store.gateway_settings(session)
    return dataclasses.replace(stored, secret=load_secret(secret_path(folder)) or stored.secret)


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
    path = secret_path(folder)
    kept = load_secret(path)
    if not kept:
        save_secret(stored.secret, path)
    elif kept != stored.secret:
        save_secret(stored.secret, path.with_name(path.name + ".from-database"))
        log.warning("SMS gateway secret in the database differs from %s: kept beside it", path)
    put_setting(session, GATEWAY_KEY, stored.to_json())
    log.info("SMS gateway secret moved out of the database into %s", path)
    return True


def sms_promised(session: Session) -> bool:
    """Whether the hall has a gateway: the receipt promises an SMS only then."""
    return outbox_store.gateway_configured(session)


def save_gateway(
    session: Session, settings: GatewaySettings, *, desk: Desk | None = None, folder: Path | None = None
) -> None:
    """Set the hall's gateway (all empty: none); refused whole (:class:`GatewayRefused`) with any problem.

    The secret goes to this machine's key folder (``folder``: another, for tests), the rest to the database.  The
    change is on the audit trail, the secret as :data:`SECRET_SHOWN`.  Messages already queued are sent with the new
    settings; a hall that turns its gateway off keeps what waits until it is turned on again.
    """
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    problems = settings.problems()
    if problems:
        raise GatewayRefused(problems)
    before = dataclasses.asdict(gateway_settings(session, folder))
    after = dataclasses.asdict(settings)
    save_secret(settings.secret, secret_path(folder))
    put_setting(session, GATEWAY_KEY, settings.to_json())
    changed = {
        k: {"from": SECRET_SHOWN, "to": SECRET_SHOWN} if k == "secret" else {"from": before.get(k), "to": v}
        for k, v in after.items()
        if before.get(k) != v
    }
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, GATEWAY_KEY, changed)


def queue_reminders(session: Session, today: dt.date) -> int:
    """Queue the reminder of every deferral due within two working days (the F6 list's "coming due"), once per case
    and due date; the number queued now.  Nothing where the hall has no gateway; an overdue deferral is the
    supervisor's to lapse, not the applicant's to be reminded of."""
    if not sms_promised(session):
        return 0
    horizon = office_calendar(session).add_working_days(today, DUE_SOON_WORKING_DAYS).date
    queued = 0
    now = models.utcnow()
    c = models.Case
    for row in deferrals_due_by(session, horizon):
        if row.next_due is None or row.next_due < today:
            continue
        case_id, uid, phone = session.execute(select(c.id, c.uid, c.notify_phone).where(c.case_no == row.case_no)).one()
        if phone.strip() and outbox_store.queue_reminder(session, case_id, uid, phone, row.next_due, now):
            queued += 1
    return queued


@dataclass(frozen=True, slots=True)
class SendRound:
    """What one pass of the sender did."""

    sent: int = 0
    waiting: int = 0  # failed this time, to be tried again
    failed: int = 0  # failed for good: in the supervisor's list

    def __add__(self, other: SendRound) -> SendRound:
        return SendRound(self.sent + other.sent, self.waiting + other.waiting, self.failed + other.failed)


T = TypeVar("T")


class Writer(Protocol):
    """Where the sender's units of work run: the faces' :class:`counter.actions.site.store.Store`, or any session
    factory's transactions."""

    def write(self, action: Callable[[Session], T]) -> T: ...


Clock = Callable[[], dt.datetime]
Post = Callable[[SmsRequest], Answer]


def send_due(
    store: Writer,
    *,
    clock: Clock = models.utcnow,
    post: Post = post_message,
    batch: int = BATCH,
    folder: Path | None = None,
) -> SendRound:
    """Send every message due now, a batch at a time, until none is left; what came of them.  ``folder``: where
    the gateway's secret is kept, when not this machine's key folder (tests)."""
    done = SendRound()
    while True:
        settings, claimed, expired = store.write(lambda session: _claim(session, clock(), batch, folder))
        done += SendRound(failed=expired)
        if not claimed and not expired:
            return done
        for worded in claimed:
            done += _deliver(store, settings, worded, clock, post)


def _claim(
    session: Session, now: dt.datetime, batch: int, folder: Path | None
) -> tuple[GatewaySettings, list[Worded], int]:
    """Claim what is due, each with its words (kept at the first claim: every attempt sends the same) and its
    template's parameters; nothing without a gateway.  A reminder whose due date passed while it waited (a gateway
    down for days) is not sent but failed, with why: "please hand in by" a day gone would mislead.

    Settings with a problem (an ``http://`` endpoint stored by an earlier version, no secret on this machine) claim
    nothing: the messages wait, unsent and not failed, until the settings are put right."""
    move_secret_out(session, folder)
    settings = gateway_settings(session, folder)
    if not settings.configured:
        return settings, [], 0
    problems = settings.problems()
    if problems:
        log.error("SMS gateway settings unusable (%s): nothing sent", ", ".join(p.value for p in problems))
        return settings, [], 0
    lease = claim_lease(settings, batch)
    today = office_day(now)
    worded = []
    expired = 0
    for message in outbox_store.claim_due(session, now, batch, lease):
        if message.due_on is not None and message.due_on < today:
            outbox_store.mark_failed(session, message.id, f"expired: due {message.due_on.isoformat()}", None)
            expired += 1
            continue
        facts = _facts(session, message)
        text = message.text
        if not text:
            text = message_text(facts, settings.sign or _office_name(session, message.site_code))
            outbox_store.word(session, message.id, text)
        worded.append(Worded(dataclasses.replace(message, text=text), facts.params()))
    return settings, worded, expired


def claim_lease(settings: GatewaySettings, batch: int) -> dt.timedelta:
    """How long a claim holds: longer than the batch's attempts can take one after the other, each to its timeout,
    so no other sender takes a message this one is still to send."""
    return dt.timedelta(seconds=settings.timeout * (batch + 1) + 30)


@dataclass(frozen=True, slots=True)
class Worded:
    message: Claimed
    params: dict[str, str]


def _office_name(session: Session, site_code: str) -> str:
    return office_settings(session, site_code).office_name


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


def _deliver(store: Writer, settings: GatewaySettings, worded: Worded, clock: Clock, post: Post) -> SendRound:
    """Send one claimed message and mark what came of it."""
    message = worded.message
    template = settings.templates.get(message.kind.value, "")
    request = SmsRequest(
        endpoint=settings.endpoint,
        account=settings.account,
        secret=settings.secret,
        key=gateway_key(message.key),  # the message's own key names its case's uid: the gateway gets a digest of it
        phone=message.phone,
        sign=settings.sign,
        template_id=template,
        params=worded.params if template else {},
        content=message.text,
        timeout=settings.timeout,
    )
    answer = post(request)
    if answer.outcome is Outcome.SENT:
        store.write(lambda session: outbox_store.mark_sent(session, message.id, answer.gateway_id, clock()))
        log.info("message %s (%s) sent", message.id, message.kind.value)
        return SendRound(sent=1)
    final = answer.outcome is Outcome.REFUSED or message.attempts >= settings.attempts
    retry_at = None if final else clock() + next_wait(message.attempts)
    store.write(lambda session: outbox_store.mark_failed(session, message.id, answer.detail, retry_at))
    log.warning("message %s attempt %d failed%s: %s", message.id, message.attempts, " for good" * final, answer.detail)
    return SendRound(failed=1) if final else SendRound(waiting=1)


def run_sender(
    store: Writer,
    stop: threading.Event,
    *,
    interval: float = 10.0,
    today: Callable[[], dt.date] = dt.date.today,
    clock: Clock = models.utcnow,
    post: Post = post_message,
) -> SendRound:
    """The sender as a service: every ``interval`` seconds send what is due, and once a day queue the reminders,
    until ``stop`` is set.  What it did in all."""
    done = SendRound()
    reminded: dt.date | None = None
    while not stop.is_set():
        day = today()
        if day != reminded:
            queued = store.write(lambda session: queue_reminders(session, day))  # noqa: B023 (called at once)
            log.info("deferral reminders queued: %d", queued)
            reminded = day
        done += send_due(store, clock=clock, post=post)
        stop.wait(interval)
    return done


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
    by = this_desk(desk)
    require(session, by.actor, Permission.SEE_FIGURES)
    again = outbox_store.retry(session, message_id, models.utcnow())
    if again:
        log.info("message %s queued again by %s", message_id, by.clerk)
    return again
