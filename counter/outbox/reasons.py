"""Why an outward channel's row failed, as it is stored (its ``last_error``) and read back to be worded.

The reason is kept in the row as text, in English and with the detail support needs (an exception's class, the
receiver's status and words): the log and old rows read it as they always did.  Each form the app writes has one
definition here, the writer (a constant or a small function the sender and the transports call) beside the pattern
that reads it back (:func:`read_reason`), so the failed lists can name the problem in their own words
(:mod:`counter.words.channel_problems`) without the two drifting apart.  A text of no form here (the platform's own
withheld reasons, a newer version's) reads as None, and is shown as it came.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "NOT_HTTPS",
    "UNOPENED_PHONE",
    "Reason",
    "StoredReason",
    "answered",
    "expired",
    "front_store_refused",
    "front_store_unreachable",
    "malformed",
    "no_connection",
    "read_reason",
    "redirected",
    "set_aside",
    "timed_out",
    "too_large",
]


class Reason(StrEnum):
    """What went wrong, whatever the channel."""

    NOT_HTTPS = "not_https"  # the endpoint is plain http://: nothing sent
    TOO_LARGE = "too_large"  # the answer passed the cap: not read
    TIMEOUT = "timeout"  # no whole answer within the send's deadline
    NO_CONNECTION = "no_connection"  # no connection to the receiver
    MALFORMED = "malformed"  # a 2xx that names no row
    REDIRECT = "redirect"  # a 3xx: never followed
    ANSWERED = "answered"  # any other status, with the receiver's words
    UNOPENED_PHONE = "unopened_phone"  # the phone sealed under a data key damaged or missing here
    EXPIRED = "expired"  # a reminder whose date passed while it waited
    SET_ASIDE = "set_aside"  # a row the sender cannot read
    FRONT_STORE_UNREACHABLE = "front_store_unreachable"  # no connection to the 前置库, or its deadline
    FRONT_STORE_REFUSED = "front_store_refused"  # the 前置库 refused the rows, with its words


@dataclass(frozen=True, slots=True)
class StoredReason:
    """A stored reason read back: what went wrong, and what of it a person is shown (the status, the seconds as
    written, the other system's own words, the reminder's date); the rest (a class name, a raw body) stays in the
    row and the log."""

    reason: Reason
    status: int = 0
    seconds: str = ""
    said: str = ""
    due: dt.date | None = None


NOT_HTTPS = "endpoint is not https://: nothing sent"
_NOT_HTTPS = re.compile(re.escape(NOT_HTTPS))


def too_large(limit: int) -> str:
    """An answer over ``limit`` bytes."""
    return f"answer larger than {limit // 1024} KiB: not read"


_TOO_LARGE = re.compile(r"answer larger than \d+ KiB: not read")


def timed_out(seconds: float) -> str:
    return f"timeout after {seconds:g} s"


_TIMEOUT = re.compile(r"timeout after (?P<seconds>[0-9.e+-]+) s")


def no_connection(err: BaseException) -> str:
    return f"no connection: {type(err).__name__}: {err}"


_NO_CONNECTION = re.compile(r"no connection: .*", re.DOTALL)


def malformed(status: int, raw: bytes) -> str:
    """A 2xx whose body names no row: its first bytes, for support."""
    return f"HTTP {status}: malformed answer {raw[:120]!r}"


_MALFORMED = re.compile(r"HTTP (?P<status>\d{3}): malformed answer .*", re.DOTALL)


def redirected(status: int, location: str) -> str:
    return f"HTTP {status}: redirect not followed {location[:200]}".strip()


_REDIRECT = re.compile(r"HTTP (?P<status>\d{3}): redirect not followed.*", re.DOTALL)


def answered(status: int, raw: bytes) -> str:
    """Any other answer: its status and the first of its words, as the receiver wrote them."""
    return f"HTTP {status} {raw[:200].decode('utf-8', errors='replace')}".strip()


_ANSWERED = re.compile(r"HTTP (?P<status>\d{3})(?: (?P<said>.*))?", re.DOTALL)

#: why a message whose phone this machine cannot open was not sent (its data key damaged or missing, the phone
#: read as the placeholder): failed with it, sent by a retry once the key is put back
UNOPENED_PHONE = "phone not opened: its data key is damaged or missing"
_UNOPENED_PHONE = re.compile(re.escape(UNOPENED_PHONE))


def expired(due: dt.date) -> str:
    """A reminder not sent: "please hand in by" a day gone would mislead."""
    return f"expired: due {due.isoformat()}"


_EXPIRED = re.compile(r"expired: due (?P<due>\d{4}-\d{2}-\d{2})")


def set_aside(err: BaseException) -> str:
    """A row the sender cannot read (a kind this version does not know, a payload it cannot parse)."""
    return f"set aside: {type(err).__name__}: {err}"


_SET_ASIDE = re.compile(r"set aside: .*", re.DOTALL)


def front_store_unreachable(err: BaseException) -> str:
    return f"front store: {type(err).__name__}"


_FRONT_STORE_UNREACHABLE = re.compile(r"front store: \w+")


def front_store_refused(err: BaseException, line: str) -> str:
    """The database's refusal: its class, and the first line of its message, the database's own words."""
    return f"front store refused: {type(err).__name__}: {line}"


_FRONT_STORE_REFUSED = re.compile(r"front store refused: \w+: (?P<said>.*)", re.DOTALL)

#: the forms in the order they are tried: the two other HTTP forms before the plain answer they would also match
_FORMS = (
    (Reason.NOT_HTTPS, _NOT_HTTPS),
    (Reason.TOO_LARGE, _TOO_LARGE),
    (Reason.TIMEOUT, _TIMEOUT),
    (Reason.NO_CONNECTION, _NO_CONNECTION),
    (Reason.MALFORMED, _MALFORMED),
    (Reason.REDIRECT, _REDIRECT),
    (Reason.ANSWERED, _ANSWERED),
    (Reason.UNOPENED_PHONE, _UNOPENED_PHONE),
    (Reason.EXPIRED, _EXPIRED),
    (Reason.SET_ASIDE, _SET_ASIDE),
    (Reason.FRONT_STORE_UNREACHABLE, _FRONT_STORE_UNREACHABLE),
    (Reason.FRONT_STORE_REFUSED, _FRONT_STORE_REFUSED),
)


def read_reason(text: str) -> StoredReason | None:
    """The app's own reason ``text`` is, read back; None for a text of no form here."""
    for reason, form in _FORMS:
        found = form.fullmatch(text)
        if found is None:
            continue
        parts = found.groupdict()
        try:
            due = dt.date.fromisoformat(parts["due"]) if parts.get("due") else None
        except ValueError:  # a date of no calendar: not a form the app writes
            return None
        status = int(parts["status"]) if parts.get("status") else 0
        return StoredReason(reason, status, parts.get("seconds") or "", parts.get("said") or "", due)
    return None
