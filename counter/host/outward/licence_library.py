"""One question to the region's 电子证照库 over HTTPS: the standard library's client, no other dependency.

The request carries what public library clients require (GB/T 36903-2018's 持证主体代码类型, the 证照类型代码, a
用证事由); its keys and the answer's are read from a data file (:class:`counter.intake.licences.LibraryFormat`; the
shipped one is ``counter/resources/platform/licence-library.toml``) that an integrator adapts to the province's
interface.  The request is signed as the SMS gateway's are (:func:`counter.host.outward.outward_http.signature`): the
headers ``X-Counter-Account``, ``X-Counter-Timestamp`` and ``X-Counter-Signature``, the hex HMAC-SHA256 keyed by
the secret of the timestamp, a full stop and the body.

Only ``https://``, the certificate checked against the machine's trusted authorities (or the file
``SSL_CERT_FILE`` names, for a government network with its own CA) and the host name against the endpoint's; no
redirect followed (one to a plain ``http://`` address took what answered there for the library's licences); the
whole look-up within the settings' timeout, not each read within it (a library that dripped its answer a byte at a
time held the clerk's window far past it): :func:`counter.host.outward.outward_http.ask_within`.  The
secret is a file of the site's key folder, mode 0600 (:data:`LIBRARY_SECRET`), as the gateway's is.

Whatever the network or the library does, the answer is a :class:`LookUp`, never an exception: the window then
takes the paper as before and the case records that the look-up failed.  Nothing here logs the ID number.
"""

from __future__ import annotations

import http.client
import logging
import time
import uuid
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from counter.host.outward.outward_http import AnswerTooLarge, PastTimeout, ask_within, signature
from counter.intake.licence_trust import holder_type_code
from counter.intake.licences import LibraryFormat, LibrarySettings, Licence, MalformedAnswer, format_from_toml
from counter.resources import licence_format_file
from counter.util.bounded_read import KIB, TooLarge, read_bounded

__all__ = [
    "LIBRARY_SECRET",
    "LookUp",
    "LookUpOutcome",
    "ask_library",
    "load_format",
]

log = logging.getLogger(__name__)

LIBRARY_SECRET = "licence-library.secret"  # its file in the key folder, beside the gateway's
ANSWER_LIMIT = 512 * KIB  # fifty licences' descriptions are a few kilobytes
FORMAT_LIMIT = 64 * KIB


class LookUpOutcome(StrEnum):
    ANSWERED = "answered"  # the library answered: the licences it holds, perhaps none
    NOT_SET = "not_set"  # this hall has no library: the paper way, as before
    FAILED = "failed"  # asked, no usable answer (timeout, no connection, an error, an answer not read)


@dataclass(frozen=True, slots=True)
class LookUp:
    outcome: LookUpOutcome
    licences: tuple[Licence, ...] = ()
    detail: str = ""  # for the log and the case's record: what went wrong


def load_format(settings: LibrarySettings) -> LibraryFormat:
    """The format the settings name, else the shipped one; :class:`ValueError` for one that cannot be read."""
    path = Path(settings.format_file) if settings.format_file else licence_format_file()
    try:
        return format_from_toml(read_bounded(path, FORMAT_LIMIT).decode("utf-8"))
    except (OSError, TooLarge, UnicodeDecodeError) as err:
        raise ValueError(f"{path}: {err}") from err


def ask_library(settings: LibrarySettings, holder_id: str, types: tuple[str, ...], reason: str = "") -> LookUp:
    """The licences the library holds of this holder, of these types (all types when empty), asked with the
    holder's 持证主体代码类型, the types' 证照类型代码 and the 用证事由 (:mod:`counter.intake.licence_trust`)."""
    if not settings.configured:
        return LookUp(LookUpOutcome.NOT_SET)
    if settings.problems():
        problems = ", ".join(p.value for p in settings.problems())
        return LookUp(LookUpOutcome.FAILED, detail=f"settings incomplete: {problems}")
    try:
        form = load_format(settings)
    except ValueError as err:
        return LookUp(LookUpOutcome.FAILED, detail=f"format: {err}")
    found = _ask(settings, form, holder_id, types, reason)
    log.info("licence library: %s, %d licence(s) %s", found.outcome.value, len(found.licences), found.detail)
    return found


def _ask(settings: LibrarySettings, form: LibraryFormat, holder_id: str, types: tuple[str, ...], reason: str) -> LookUp:
    body = form.request_body(holder_id, types, str(uuid.uuid4()), holder_type_code(holder_id), reason)
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "X-Counter-Account": settings.account,
        "X-Counter-Timestamp": timestamp,
        "X-Counter-Signature": signature(settings.secret, timestamp, body),
    }
    try:
        status, raw = ask_within(
            "POST", settings.endpoint.strip(), body, headers, timeout=settings.timeout, limit=ANSWER_LIMIT
        )
    except PastTimeout:
        return LookUp(LookUpOutcome.FAILED, detail=f"timeout after {settings.timeout:g} s")
    except AnswerTooLarge:
        return LookUp(LookUpOutcome.FAILED, detail="answer too large")
    except (OSError, http.client.HTTPException) as err:
        return LookUp(LookUpOutcome.FAILED, detail=f"no connection: {type(err).__name__}: {err}")
    if not 200 <= status < 300:  # a redirect too: never followed
        return LookUp(LookUpOutcome.FAILED, detail=f"HTTP {status}")
    try:
        return LookUp(LookUpOutcome.ANSWERED, form.read_answer(raw))
    except MalformedAnswer as err:
        return LookUp(LookUpOutcome.FAILED, detail=f"malformed answer: {err}")
