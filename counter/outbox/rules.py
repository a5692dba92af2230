"""What an outward channel's answer means, how long a claim holds, and when a failed row is tried again.

One frame sends every channel's outbox (:mod:`counter.actions.outbox.frame`): a row is claimed with a lease, sent,
and marked sent, failed for good, or to be tried again later.  The rules here are the frame's, the same for every
channel; a channel only builds its request and names the answer's id.

An answer is read as data (:class:`Answer`): 2xx naming the row (its ``id``) is sent; a 409 naming it is the
receiver's own record of an earlier attempt, sent too; 408, 425, 429, 5xx, a timeout or no connection may pass, so
the row is tried again; a redirect is never followed (it would carry the signature, the phone and the text to
wherever it points, plain ``http://`` too) and counts as a refusal, as any other 4xx does: waiting changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum

from counter.outbox.reasons import answered, malformed, redirected

__all__ = [
    "ANSWER_LIMIT",
    "Answer",
    "Outcome",
    "SendRound",
    "answer_of",
    "claim_lease",
    "is_final",
    "next_wait",
    "request_key",
]

ANSWER_LIMIT = 64 * 1024  # bytes of an answer read at most: every receiver answers an id in a few dozen
FIRST_WAIT = dt.timedelta(seconds=30)  # before the second attempt; doubled at each failure after it
LONGEST_WAIT = dt.timedelta(hours=1)
_TRY_AGAIN = frozenset({408, 425, 429})


class Outcome(StrEnum):
    SENT = "sent"
    TRY_AGAIN = "try_again"  # the receiver may take it later
    REFUSED = "refused"  # it will not, however often asked


@dataclass(frozen=True, slots=True)
class Answer:
    """What came of one send.  ``remote_id``: the receiver's id for the row; ``answered``: the receiver answered
    (False: no connection, a timeout, a certificate not its own, an answer too large to be one)."""

    outcome: Outcome
    remote_id: str = ""
    detail: str = ""  # for the failed list: the status and the receiver's words, or what went wrong on the way
    answered: bool = True


@dataclass(frozen=True, slots=True)
class SendRound:
    """What one pass of a sender did."""

    sent: int = 0
    waiting: int = 0  # failed this time, to be tried again
    failed: int = 0  # failed for good, or set aside: in the supervisor's list

    def __add__(self, other: SendRound) -> SendRound:
        return SendRound(self.sent + other.sent, self.waiting + other.waiting, self.failed + other.failed)


def answer_of(status: int, raw: bytes, *, id_required: bool, location: str = "") -> Answer:
    """What an HTTP answer means.  ``id_required``: a 2xx that does not name the row leaves unknown whether it was
    kept, so it is asked again (under the same key); else a 2xx is sent whatever its body.  ``location``: where a
    redirect pointed, for the failed list."""
    remote_id = _remote_id(raw)
    if 200 <= status < 300:
        if id_required and not remote_id:
            return Answer(Outcome.TRY_AGAIN, detail=malformed(status, raw))
        return Answer(Outcome.SENT, remote_id, f"HTTP {status}")
    if 300 <= status < 400:
        return Answer(Outcome.REFUSED, detail=redirected(status, location))
    detail = answered(status, raw)
    if status == 409 and remote_id:
        return Answer(Outcome.SENT, remote_id, detail)
    again = status >= 500 or status in _TRY_AGAIN
    return Answer(Outcome.TRY_AGAIN if again else Outcome.REFUSED, detail=detail)


def _remote_id(raw: bytes) -> str:
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return ""
    if not isinstance(answer, dict):
        return ""
    return str(answer.get("id") or answer.get("message_id") or "")[:80]


def request_key(key: str) -> str:
    """The key a row is sent under, the request's idempotency key: the same for every attempt and every site, and no
    case's uid in it (the app's own, which stays in the hall).  The SHA-256 of the row's key, in 32 hex digits."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def next_wait(failures: int) -> dt.timedelta:
    """How long a row waits after its ``failures``-th failed attempt: 30 s, 1 min, 2 min … at most an hour."""
    wait: dt.timedelta = FIRST_WAIT * (2 ** max(failures - 1, 0))
    return min(wait, LONGEST_WAIT)


def claim_lease(timeout: float, batch: int) -> dt.timedelta:
    """How long a claim holds: longer than the batch's sends can take one after the other, each to its deadline,
    so no other sender takes a row this one is still to send."""
    return dt.timedelta(seconds=timeout * (batch + 1) + 30)


def is_final(answer: Answer, attempts: int, most: int, *, wait_out_silence: bool) -> bool:
    """Whether a failed send goes to the failed list now: a refusal at once; else after ``most`` attempts, counting
    only the receiver's own answers when ``wait_out_silence`` (a township offline for a day is waited out)."""
    if answer.outcome is Outcome.REFUSED:
        return True
    counted = answer.answered or not wait_out_silence
    return counted and attempts >= most
