"""Reports to the region's 一体化政务服务平台: the site's connection, the sender, and the supervisor's failed list.

The events themselves are queued by the steps they report (:mod:`counter.db.platform_store`).  The sender
(:func:`send_due`) works as the SMS sender does (:mod:`counter.actions.outbox.messages`), in three steps per event, each
its own unit of work but the sending: claim what is due (committed before anything leaves), send it, mark it.  An
event is marked sent once; a sender that dies after the platform took an event and before the mark leaves it
claimed, and the next claim after the lease sends it again under the same key, which the platform acknowledges as a
repeat.  Failures wait twice as long each time (:func:`counter.sms.gateway.next_wait`, at most an hour), so a day
offline costs a few dozen attempts; no answer at all (offline, a timeout) is waited out however long it lasts, and
after the settings' number of answers that failed, or at once for an answer that will not change (or an event the
mapping cannot fill), the event waits in the failed list for a supervisor (:func:`retry_event`).

Events are sent in the order they were queued, one at a time: the platform reads a case's steps in order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.outbox.messages import Clock, Writer
from counter.actions.outbox.platform_facts import Withheld, facts_of
from counter.audit.actions import AuditAction
from counter.db import models, platform_store
from counter.db.platform_store import FAILED, PLATFORM_KEY, ClaimedEvent
from counter.db.settings_store import put_setting
from counter.host.platform_client import Outcome, PlatformLink, Report, ReportRequest
from counter.host.platform_secret import platform_secret_path
from counter.host.sms_secret import load_secret, save_secret
from counter.platform.events import platform_key
from counter.platform.mapping import Mapping, MappingError, MissingElement, load_mapping
from counter.platform.outbox import EventRow
from counter.platform.settings import PlatformProblem, PlatformSettings
from counter.resources import resources_dir
from counter.sms.gateway import next_wait

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from counter.access.desk import Desk

__all__ = [
    "BATCH",
    "PlatformRefused",
    "SendRound",
    "event_list",
    "mapping_named",
    "platform_settings",
    "retry_event",
    "run_sender",
    "save_platform",
    "send_due",
]

log = logging.getLogger(__name__)

BATCH = 200  # events claimed at once: the platform answers each in milliseconds, a slow one holds no more
SECRET_SHOWN = "******"


class PlatformRefused(ValueError):
    """Settings with problems: nothing was saved.  Every problem at once."""

    def __init__(self, problems: tuple[PlatformProblem, ...]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = problems


def mapping_path(name: str) -> Path:
    return resources_dir() / "platform" / f"{name}.toml"


@functools.cache
def _mapping(path: Path, stamp: float) -> Mapping:
    return load_mapping(path)


def mapping_named(name: str) -> Mapping:
    """The mapping file of that name, read again when it changed (an integrator edits it while the sender runs).
    :class:`MappingError` when it is missing or cannot be used."""
    path = mapping_path(name)
    try:
        stamp = path.stat().st_mtime
    except OSError as err:
        raise MappingError([f"{path}: {err.strerror}"]) from err
    return _mapping(path, stamp)


def platform_settings(session: Session, folder: Path | None = None) -> PlatformSettings:
    """The site's connection, its secret from this machine's key folder (``folder``: another, for tests)."""
    stored = platform_store.platform_settings(session)
    return dataclasses.replace(stored, secret=load_secret(platform_secret_path(folder)))


def save_platform(
    session: Session, settings: PlatformSettings, *, desk: Desk | None = None, folder: Path | None = None
) -> None:
    """Set the site's connection; refused whole (:class:`PlatformRefused`) with any problem.  The secret goes to
    this machine's key folder, the rest to the database; the change is on the audit trail, the secret masked."""
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    problems = list(settings.problems())
    if PlatformProblem.BAD_MAPPING not in problems:
        try:
            mapping_named(settings.mapping)
        except MappingError:
            problems.append(PlatformProblem.BAD_MAPPING)
    if problems:
        raise PlatformRefused(tuple(problems))
    before = dataclasses.asdict(platform_settings(session, folder))
    after = dataclasses.asdict(settings)
    save_secret(settings.secret, platform_secret_path(folder))
    put_setting(session, PLATFORM_KEY, settings.to_json())
    changed = {
        k: {"from": SECRET_SHOWN, "to": SECRET_SHOWN} if k == "secret" else {"from": before.get(k), "to": v}
        for k, v in after.items()
        if before.get(k) != v
    }
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, PLATFORM_KEY, changed)


@dataclass(frozen=True, slots=True)
class SendRound:
    """What one pass of the sender did."""

    sent: int = 0
    waiting: int = 0  # failed this time, to be tried again
    failed: int = 0  # failed for good: in the supervisor's list

    def __add__(self, other: SendRound) -> SendRound:
        return SendRound(self.sent + other.sent, self.waiting + other.waiting, self.failed + other.failed)


@dataclass(frozen=True, slots=True)
class Ready:
    """A claimed event, mapped (``fields``) or not (``problem``: why it cannot be sent as it is)."""

    event: ClaimedEvent
    fields: dict[str, str]
    problem: str = ""


def send_due(
    store: Writer,
    *,
    clock: Clock = models.utcnow,
    post: Callable[[ReportRequest], Report] | None = None,
    batch: int = BATCH,
    folder: Path | None = None,
) -> SendRound:
    """Send every event due now, a batch at a time, until none is left; what came of them.  Nothing where this site
    does not send itself (its events wait, or go up through its hall); nothing with settings or a mapping that
    cannot be used (logged: the events wait until they are put right).  ``post``: how a request is sent (the
    default keeps one connection to the platform for the whole pass)."""
    done = SendRound()
    link = PlatformLink() if post is None else None
    send = post or link
    assert send is not None
    try:
        while True:
            settings, ready = store.write(lambda session: _claim(session, clock(), batch, folder))
            if not ready:
                return done
            marks = [_deliver(settings, one, clock, send) for one in ready]
            # the batch's marks in one unit of work: one commit, not one per event.  A sender that dies before it
            # leaves the batch claimed, and the next claim sends it again under the same keys
            store.write(functools.partial(_mark, marks=marks, now=clock()))
            for mark in marks:
                done += mark.round
    finally:
        if link is not None:
            link.close()


def _claim(session: Session, now: dt.datetime, batch: int, folder: Path | None) -> tuple[PlatformSettings, list[Ready]]:
    settings = platform_settings(session, folder)
    if not settings.sends:
        return settings, []
    problems = settings.problems()
    if problems:
        log.error("platform settings unusable (%s): nothing sent", ", ".join(p.value for p in problems))
        return settings, []
    try:
        mapping = mapping_named(settings.mapping)
    except MappingError as err:
        log.error("platform mapping %s unusable: %s", settings.mapping, err)
        return settings, []
    ready = []
    for event in platform_store.claim_due(session, now, batch, claim_lease(settings, batch)):
        try:
            ready.append(Ready(event, mapping.render(event.kind, facts_of(session, event))))
        except (MissingElement, Withheld) as err:  # failed at once, with why: no attempt would change it
            ready.append(Ready(event, {}, str(err)))
    return settings, ready


def claim_lease(settings: PlatformSettings, batch: int) -> dt.timedelta:
    """How long a claim holds: longer than the batch's attempts can take one after the other, each to its timeout."""
    return dt.timedelta(seconds=settings.timeout * (batch + 1) + 30)


@dataclass(frozen=True, slots=True)
class Mark:
    """What came of one event: sent (``platform_id``), or failed (``error``), to be tried at ``retry_at`` (None: for
    good)."""

    event_id: int
    round: SendRound
    platform_id: str = ""
    error: str = ""
    retry_at: dt.datetime | None = None


def _deliver(settings: PlatformSettings, ready: Ready, clock: Clock, post: Callable[[ReportRequest], Report]) -> Mark:
    event = ready.event
    if ready.problem:
        log.warning("platform event %s (%s) cannot be mapped: %s", event.id, event.kind.value, ready.problem)
        return Mark(event.id, SendRound(failed=1), error=ready.problem)
    request = ReportRequest(
        endpoint=settings.endpoint,
        account=settings.account,
        secret=settings.secret,
        key=platform_key(event.key),
        fields=ready.fields,
        timeout=settings.timeout,
        ca_file=settings.ca_file,
    )
    answer = post(request)
    if answer.outcome is Outcome.SENT:
        return Mark(event.id, SendRound(sent=1), platform_id=answer.platform_id)
    # offline (no answer at all) is waited out however long it lasts: a township's network, a platform down for a
    # day; only the platform's own answers count towards the attempts
    final = answer.outcome is Outcome.REFUSED or (answer.answered and event.attempts >= settings.attempts)
    log.warning("platform event %s attempt %d failed%s: %s", event.id, event.attempts, " for good" * final,
                answer.detail)  # fmt: skip
    if final:
        return Mark(event.id, SendRound(failed=1), error=answer.detail)
    return Mark(event.id, SendRound(waiting=1), error=answer.detail, retry_at=clock() + next_wait(event.attempts))


def _mark(session: Session, *, marks: list[Mark], now: dt.datetime) -> None:
    for mark in marks:
        if mark.round.sent:
            platform_store.mark_sent(session, mark.event_id, mark.platform_id, now)
        else:
            platform_store.mark_failed(session, mark.event_id, mark.error, mark.retry_at)


def run_sender(store: Writer, stop: threading.Event, *, interval: float = 10.0) -> SendRound:
    """The sender as a service: every ``interval`` seconds send what is due, until ``stop`` is set."""
    done = SendRound()
    while not stop.is_set():
        done += send_due(store)
        stop.wait(interval)
    return done


def event_list(
    session: Session, desk: Desk | None = None, *, failed_only: bool = False, limit: int = 500
) -> list[EventRow]:
    """The events, newest first (the failed ones only: what waits for a supervisor); ``desk`` who reads."""
    require(session, this_desk(desk).actor, Permission.SEE_FIGURES)
    return platform_store.event_rows(session, (FAILED,) if failed_only else (), limit)


def retry_event(session: Session, desk: Desk | None, event_id: int) -> bool:
    """A failed event back in the queue, its attempts counted afresh; False when no failed event has the id."""
    by = this_desk(desk)
    require(session, by.actor, Permission.SEE_FIGURES)
    again = platform_store.retry(session, event_id, models.utcnow())
    if again:
        log.info("platform event %s queued again by %s", event_id, by.clerk)
    return again
