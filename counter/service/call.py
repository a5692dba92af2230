"""The call's context: who asks an operation, when, and which files folder its names are read in.

Made by the transport, never sent in a request: in process from this desk (its signed-in account and its clock, a
training desk's ``--today`` included), at the hall server from the request's session and the server's own clock
(:mod:`counter.server.app`).  So a fact an operation records — the day an application arrived, the moment a
department decided, the day a case is numbered on — is dated by the clock of the process that writes it, and a
desk's clock (or a forger's request) has no field to put another in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from counter.case.moments import moment_on

if TYPE_CHECKING:
    from counter.access.desk import Desk


@dataclass(frozen=True, slots=True)
class Clock:
    """A process's clock: the machine's, or a training desk's fixed day (``--today``) at the machine's time of day."""

    day: dt.date | None = None

    def today(self) -> dt.date:
        return dt.date.today() if self.day is None else self.day

    def today_of(self, now: dt.datetime) -> dt.date:
        """The day of a moment this clock gave: on a fixed day that day, else the moment's on the office's clock."""
        return now.astimezone().date() if self.day is None else self.day

    def now(self) -> dt.datetime:
        """An aware moment: on a fixed day that day at the office's time now (:func:`moment_on`)."""
        real = dt.datetime.now().astimezone()
        return real if self.day is None else moment_on(self.day, real)


@dataclass(frozen=True, slots=True)
class Call:
    """One operation's context: the desk and its account (None: the process's own work), the day and the moment it
    is asked on, and ``files``: the server's files folder (``counter serve --files``) at the hall server, None in
    process.

    ``today`` is ``now``'s day on the office's clock: one moment, so that a step dated ``now`` falls on ``today``.
    """

    desk: Desk | None
    today: dt.date
    now: dt.datetime  # aware
    files: Path | None = None

    @classmethod
    def on(cls, clock: Clock, desk: Desk | None = None, files: Path | None = None) -> Call:
        """The context of a call asked now on ``clock``."""
        now = clock.now()
        return cls(desk, clock.today_of(now), now, files)


def at_desk(call: Call) -> Desk:
    """The desk an operation that acts at one was asked for; an operation asked without one is a program's fault."""
    if call.desk is None:
        raise ValueError("this operation is asked for a desk")
    return call.desk
