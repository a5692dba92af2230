"""A message in the outbox as the faces read it: its state and a line of the supervisor's list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from counter.sms.kinds import MessageKind


class MessageState(StrEnum):
    WAITING = "waiting"  # to be sent from its next_at
    SENDING = "sending"  # claimed by a sender until its next_at
    SENT = "sent"
    FAILED = "failed"  # waits for a supervisor: the gateway refused it, or its attempts ran out


@dataclass(frozen=True, slots=True)
class MessageRow:
    """A line of the outbox as a supervisor reads it (the phone masked by the action that reads it)."""

    id: int
    case_no: str
    kind: MessageKind | str  # the code itself for a kind this version does not know
    state: MessageState
    phone: str
    text: str
    attempts: int
    created_at: dt.datetime
    next_at: dt.datetime
    sent_at: dt.datetime | None
    gateway_id: str
    last_error: str
