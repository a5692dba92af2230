"""An event in the platform's outbox as the faces read it: a line of the supervisor's list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.platform.events import PlatformKind
from counter.sms.outbox import MessageState


@dataclass(frozen=True, slots=True)
class EventRow:
    """A line of the outbox as a supervisor reads it."""

    id: int
    case_no: str
    kind: PlatformKind | str  # the code itself for a kind this version does not know
    state: MessageState
    attempts: int
    created_at: dt.datetime
    next_at: dt.datetime
    sent_at: dt.datetime | None
    platform_id: str
    last_error: str
