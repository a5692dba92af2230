"""The hall's own work, run by the server beside the desks' requests: what a desk machine once ran for the hall.

Every ``interval`` seconds, on a thread of its own:

- the applicants' SMS due sent (``outbox.send_messages``), after the day's 容缺 reminders are queued, once a day;
- the reports due to the region's platform sent (``outbox.send_reports``), and written into its 前置库 where the
  hall has one (``front_store.send``);
- the ended desk sessions and the idempotency receipts past a desk's retry window pruned (``hall.prune``): each
  round, so that no receipt outlives the window by more than a round;
- once an hour, the audit trail sealed with the site's key (``site.seal_trail``).

Each is an operation of the service, run in this process with the server's own settings and key folder: the SMS
gateway's, the platform's and the site's secrets never leave the server.  Two servers on one database may both run
it: a sender claims each row with a lease before it sends (:mod:`counter.actions.outbox.frame`), a reminder is queued
once per case and due date, a prune deletes what is already gone; ``counter serve --hall-work off`` leaves it to the
other.  One job failing (the gateway down, no site key yet) is logged and the others go on.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from counter.service.local import InProcess

log = logging.getLogger(__name__)

#: seconds between two rounds when the command names none: an SMS goes out within this of its intake
DEFAULT_INTERVAL_S = 10.0
#: seconds between two seals
HOURLY_S = 3600.0

Clock = Callable[[], dt.datetime]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class HallWork:
    """The rounds on ``service`` until :meth:`stop`; ``clock``: the server's (a test's own)."""

    service: InProcess
    interval: float = DEFAULT_INTERVAL_S
    clock: Clock = _now
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    _reminded: dt.date | None = None
    _hourly_at: dt.datetime | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="hall-work", daemon=True)
        self._thread.start()

    def stop(self, wait_s: float = 15.0) -> None:
        """Stop between two jobs: a message being sent is sent and marked first (or its lease lets another send it)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(wait_s)

    def _run(self) -> None:
        log.info("hall work: a round every %.0f s", self.interval)
        while not self._stop.is_set():
            self.one_round()
            self._stop.wait(self.interval)

    def one_round(self) -> None:
        """One round of every job due; a failing job is logged and does not stop the others."""
        now = self.clock()
        day = now.astimezone().date()
        if self._reminded != day and self._job("reminders", lambda: self._remind(now)):
            self._reminded = day
        self._job("sms", self._send_messages)
        self._job("platform", self._send_reports)
        self._job("front store", self._send_front_store)
        self._job("prune", lambda: self._prune(now))
        if self._hourly_at is None or (now - self._hourly_at).total_seconds() >= HOURLY_S:
            self._hourly_at = now
            self._job("seal", self._seal)

    def _job(self, name: str, work: Callable[[], None]) -> bool:
        if self._stop.is_set():
            return False
        try:
            work()
        except Exception:
            log.exception("hall work: %s failed; the next round tries again", name)
            return False
        return True

    def _remind(self, now: dt.datetime) -> None:
        """The reminders of the round's day, the one its once-a-day is kept by: asked at the round's moment."""
        from counter.service.call import Call
        from counter.service.outbox import QUEUE_REMINDERS
        from counter.service.requests import Nothing

        day = now.astimezone().date()
        queued = self.service.run(QUEUE_REMINDERS, Nothing(), Call(None, day, now))
        log.info("hall work: %d deferral reminder(s) queued for %s", queued, day.isoformat())

    def _send_messages(self) -> None:
        from counter.service.outbox import SEND_MESSAGES, SendPass

        done = self.service.call(SEND_MESSAGES, SendPass())
        if done.sent or done.failed:
            log.info("hall work: SMS sent %d, waiting %d, failed %d", done.sent, done.waiting, done.failed)

    def _send_reports(self) -> None:
        from counter.service.outbox import SEND_REPORTS, SendPass

        done = self.service.call(SEND_REPORTS, SendPass())
        if done.sent or done.failed:
            log.info("hall work: reports sent %d, waiting %d, failed %d", done.sent, done.waiting, done.failed)

    def _send_front_store(self) -> None:
        from counter.service.front_store import SEND_FRONT_STORE
        from counter.service.outbox import SendPass

        done = self.service.call(SEND_FRONT_STORE, SendPass())
        if done.sent or done.failed:
            log.info("hall work: front store written %d, waiting %d, failed %d", done.sent, done.waiting, done.failed)

    def _seal(self) -> None:
        from counter.service.requests import Nothing
        from counter.service.site import SEAL_TRAIL

        made = self.service.call(SEAL_TRAIL, Nothing())
        log.info("hall work: trail sealed, no. %s, %d entries, digest %s", made.no, made.entries, made.digest)

    def _prune(self, now: dt.datetime) -> None:
        from counter.service.call import Call
        from counter.service.hall import PRUNE
        from counter.service.requests import Nothing

        pruned = self.service.run(PRUNE, Nothing(), Call(None, now.astimezone().date(), now))  # at the round's moment
        if pruned.sessions or pruned.receipts:  # each round: said only when something went
            log.info("hall work: pruned %d session(s), %d receipt(s)", pruned.sessions, pruned.receipts)
