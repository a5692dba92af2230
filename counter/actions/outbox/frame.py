"""The one frame every outward channel's outbox is sent by: claim with a lease, send, mark, list, retry.

A channel (:class:`Channel`: the applicants' SMS, the region's platform, and those to come) says only what is its
own: its table, its settings, how a claimed row becomes a request, and its transport; the frame does the rest, the
same for every channel, with the rules of :mod:`counter.outbox.rules`.

One pass (:func:`send_due`) works a batch at a time, in three steps, each its own unit of work but the sending:
claim what is due (committed before anything leaves), send it, mark it.  A row is marked sent once; a sender that
dies after the receiver took a row and before the mark leaves it claimed, and the next claim after the lease sends
it again under the same key, which the receiver drops as a repeat.  Failures wait twice as long each time
(:func:`counter.outbox.rules.next_wait`); after the channel's number of attempts, or at once for an answer that
will not change, the row waits in the failed list for a supervisor (:func:`retry`).

A row the frame cannot read (a kind this version does not know, a payload it cannot parse) is set aside in the
claim's unit of work, in the failed list with why (:func:`counter.outbox.reasons.set_aside`), and the pass goes on
with the others: one row never stops a channel, nor the list that shows it.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.guard import require
from counter.db import models, outbox_marks
from counter.outbox.reasons import set_aside
from counter.outbox.rules import Answer, Outcome, SendRound, claim_lease, is_final, next_wait

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk
    from counter.db.engine import Sessions
    from counter.db.outbox_marks import OutboxModel

__all__ = [
    "Channel",
    "Clock",
    "Job",
    "Route",
    "Transactions",
    "Writer",
    "retry",
    "send_due",
]

log = logging.getLogger(__name__)

T = TypeVar("T")
Clock = Callable[[], dt.datetime]


class Writer(Protocol):
    """Where the sender's units of work run: the faces' :class:`counter.actions.site.store.Store`, or any session
    factory's transactions."""

    def write(self, action: Callable[[Session], T]) -> T: ...


class Transactions:
    """A session factory as the sender's :class:`Writer`: each unit of work one transaction of ``sessions``,
    committed when it returns, so that a row is claimed before it leaves and marked once it has."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def write(self, action: Callable[[Session], T]) -> T:
        with self._sessions.begin() as session:
            return action(session)


@dataclass(frozen=True, slots=True)
class Route:
    """A channel's usable settings for one pass: how long one send may take, how many attempts a row has, and the
    settings themselves for the channel's requests."""

    timeout: float
    attempts: int
    settings: Any


@dataclass(frozen=True, slots=True)
class Job:
    """A claimed row: its request, or (``problem``) why it cannot be sent as it is, failed at once with why."""

    row_id: int
    attempts: int  # this attempt's number
    request: Any = None
    problem: str = ""


class Channel(Protocol):
    """One outward channel as the frame drives it."""

    name: str  # in the log: "message", "platform event"
    answer_column: str  # where the receiver's id for a row is kept
    wait_out_silence: bool  # no answer at all does not count towards the attempts (a township offline for a day)
    marks_per_batch: bool  # a batch's marks in one unit of work (many fast sends), else each after its send

    @property
    def model(self) -> OutboxModel:
        """Its outbox's table."""
        ...

    def route(self, session: Session) -> Route | None:
        """The settings, when they can be used; None: nothing is claimed, the rows wait (logged why)."""
        ...

    def claim_order(self) -> tuple[Any, ...]:
        """The columns rows are claimed in."""
        ...

    def job(self, session: Session, route: Route, row_id: int, now: dt.datetime) -> Job:
        """The claimed row's request.  ValueError, LookupError or TypeError: a row that cannot be read."""
        ...

    @property
    def post(self) -> Callable[[Any], Answer]:
        """Send one request through the channel's transport; never an exception for what the network did."""
        ...

    @property
    def link(self) -> Link | None:
        """The connection ``post`` keeps for the pass, closed when it is over; None: none (a post given, tests)."""
        ...


class Link(Protocol):
    """A connection a channel keeps from one request to the next."""

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Mark:
    """What came of one row: sent (``remote_id``), or failed (``error``), to be tried at ``retry_at`` (None: for
    good)."""

    row_id: int
    round: SendRound
    remote_id: str = ""
    error: str = ""
    retry_at: dt.datetime | None = None


def send_due(store: Writer, channel: Channel, *, clock: Clock, batch: int) -> SendRound:
    """Send every row due now, a batch at a time, until none is left; what came of them."""
    done = SendRound()
    try:
        while True:
            claimed = store.write(functools.partial(_claim, channel=channel, now=clock(), batch=batch))
            if claimed is None:
                return done
            route, jobs, failed = claimed
            done += SendRound(failed=failed)
            marks = []
            for job in jobs:
                mark = _send(channel, route, job, clock)
                done += mark.round
                if channel.marks_per_batch:
                    marks.append(mark)
                else:
                    store.write(functools.partial(_mark, channel=channel, marks=[mark], now=clock()))
            if marks:
                # one commit for the batch: a sender that dies before it leaves the batch claimed, and the next
                # claim sends it again under the same keys
                store.write(functools.partial(_mark, channel=channel, marks=marks, now=clock()))
    finally:
        if channel.link is not None:
            channel.link.close()


def _claim(session: Session, *, channel: Channel, now: dt.datetime, batch: int) -> tuple[Route, list[Job], int] | None:
    """Claim what is due and make each row's request; a row with a problem (or that cannot be read) failed now, with
    why.  None when nothing was claimed."""
    route = channel.route(session)
    if route is None:
        return None
    lease = claim_lease(route.timeout, batch)
    ids = outbox_marks.claim(session, channel.model, now, batch, lease, *channel.claim_order())
    if not ids:
        return None
    jobs, failed = [], 0
    for row_id in ids:
        try:
            job = channel.job(session, route, row_id, now)
        except (ValueError, LookupError, TypeError) as err:
            job = Job(row_id, 0, problem=set_aside(err))
        if job.problem:
            log.warning("%s %s not sent: %s", channel.name, row_id, job.problem)
            outbox_marks.mark_failed(session, channel.model, row_id, job.problem, None)
            failed += 1
        else:
            jobs.append(job)
    return route, jobs, failed


def _send(channel: Channel, route: Route, job: Job, clock: Clock) -> Mark:
    answer = channel.post(job.request)
    if answer.outcome is Outcome.SENT:
        log.info("%s %s sent", channel.name, job.row_id)
        return Mark(job.row_id, SendRound(sent=1), remote_id=answer.remote_id)
    final = is_final(answer, job.attempts, route.attempts, wait_out_silence=channel.wait_out_silence)
    log.warning("%s %s attempt %d failed%s: %s", channel.name, job.row_id, job.attempts, " for good" * final,
                answer.detail)  # fmt: skip
    if final:
        return Mark(job.row_id, SendRound(failed=1), error=answer.detail)
    return Mark(job.row_id, SendRound(waiting=1), error=answer.detail, retry_at=clock() + next_wait(job.attempts))


def _mark(session: Session, *, channel: Channel, marks: list[Mark], now: dt.datetime) -> None:
    for mark in marks:
        if mark.round.sent:
            outbox_marks.mark_sent(session, channel.model, mark.row_id, {channel.answer_column: mark.remote_id}, now)
        else:
            outbox_marks.mark_failed(session, channel.model, mark.row_id, mark.error, mark.retry_at)


def retry(session: Session, desk: Desk | None, model: OutboxModel, row_id: int) -> bool:
    """A failed row back in the queue, its attempts counted afresh; False when no failed row has the id."""
    by = this_desk(desk)
    require(session, by.actor, Permission.SEE_FIGURES)
    # the machine's moment, never the call's: it is the row's next try, which only the sender reads, on its own
    # clock (send_due's, the machine's); a training desk's day ahead would hold the row back until that day came
    again = outbox_marks.retry(session, model, row_id, models.utcnow())
    if again:
        log.info("%s %s queued again by %s", model.__tablename__, row_id, by.clerk)
    return again
