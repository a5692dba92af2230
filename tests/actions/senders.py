"""What the tests of the outboxes' senders (SMS, the platform, the region's ratings) give a sender: its units of work
on the test's database, as a store runs them, and a clock the test moves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.host.outward.platform_client import PlatformLink, Report, ReportRequest

T = TypeVar("T")


class Writes:
    """The sender's units of work on the test's database, as a store runs them."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def write(self, action: Callable[[Session], T]) -> T:
        with self.sessions.begin() as session:
            return action(session)


class Clock:
    """The sender's clock, moved by the test: it starts now, as the messages' own times are the database's."""

    def __init__(self) -> None:
        self.now = models.utcnow()

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **step: float) -> None:
        self.now += dt.timedelta(**step)

    def past_now(self) -> None:
        """A second past the real present (or past the clock's own time, if later): every event queued until now is
        due, however long the steps took since the clock was made (a loaded machine, a slow server)."""
        self.now = max(self.now, models.utcnow()) + dt.timedelta(seconds=1)


def post_report(request: ReportRequest) -> Report:
    """Send one event on a connection of its own."""
    link = PlatformLink()
    try:
        return link(request)
    finally:
        link.close()
