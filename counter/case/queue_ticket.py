"""The hall's queue ticket (叫号): the number the applicant took at the door, kept with their case.

The desk calls the next number on the hall's queue system; the number called is the applicant who sits down, and
their case keeps it, so that a complaint about a wait, or a ticket in the applicant's hand, finds the case.  Where
the queue system says when the ticket was taken, the case keeps how long the applicant waited before the call.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

TICKET = re.compile(r"[A-Za-z0-9-]{1,16}")  # A023, 1-0045: what queue systems print


@dataclass(frozen=True, slots=True)
class QueueTicket:
    number: str
    waited_s: int | None = None  # seconds from taking the ticket to its call; None: the queue does not say

    def __post_init__(self) -> None:
        if not TICKET.fullmatch(self.number):
            raise ValueError(f"not a queue ticket: {len(self.number)} characters")
        if self.waited_s is not None and self.waited_s < 0:
            raise ValueError("a wait ends after it starts")


def waited_seconds(taken_at: dt.datetime | None, called_at: dt.datetime | None) -> int | None:
    """The wait the queue's two times give; None when either is missing or they run backwards (a clock put right)."""
    if taken_at is None or called_at is None:
        return None
    if (taken_at.tzinfo is None) != (called_at.tzinfo is None):
        return None
    seconds = int((called_at - taken_at).total_seconds())
    return seconds if seconds >= 0 else None
