"""One question to the region's platform: the ratings it holds of some 办件编号.

The question and its answer are :mod:`counter.platform.region_ratings`'s.

Signed as a report is (:func:`counter.host.outward.outward_http.signed_headers`: the account, the time, the HMAC-SHA256
of the body; the idempotency key is the body's digest, a question asked twice being the same question).  Only
``https://``, the certificate checked against the platform's own CA when the settings name its file, else the
machine's; no redirect followed; the whole exchange within the settings' timeout, not each read within it; the
answer capped (:func:`counter.host.outward.outward_http.ask_within`).  Whatever the network or the platform does,
the answer is a :class:`Fetched`, never an exception.
"""

from __future__ import annotations

import hashlib
import http.client
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from counter.host.outward.outward_http import AnswerTooLarge, PastTimeout, ask_within, signed_headers
from counter.platform.region_ratings import AskFailure

ANSWER_LIMIT = 4 * 1024 * 1024  # a few hundred ratings are some hundred kilobytes


@dataclass(frozen=True, slots=True)
class RatingsQuestion:
    url: str
    account: str
    secret: str
    body: bytes
    timeout: float
    ca_file: str = ""


@dataclass(frozen=True, slots=True)
class Fetched:
    ok: bool
    raw: bytes = b""
    detail: str = ""  # what went wrong, for the log (support)
    failure: AskFailure | None = None  # what went wrong, for the administrator
    status: int = 0  # the platform's HTTP status


def ask_ratings(question: RatingsQuestion) -> Fetched:
    """Ask the platform; what it answered, or why there is no answer."""
    parts = urlsplit(question.url)
    if parts.scheme != "https" or not parts.hostname:
        return Fetched(False, detail="query address is not https://: nothing asked", failure=AskFailure.NOT_HTTPS)
    key = "ratings-" + hashlib.sha256(question.body).hexdigest()[:32]
    headers = signed_headers(question.account, question.secret, key, question.body)
    try:
        status, raw = ask_within(
            "POST",
            question.url,
            question.body,
            headers,
            timeout=question.timeout,
            limit=ANSWER_LIMIT,
            ca_file=question.ca_file,
        )
    except PastTimeout:
        return Fetched(False, detail=f"timeout after {question.timeout:g} s", failure=AskFailure.TIMEOUT)
    except AnswerTooLarge:
        return Fetched(False, detail="answer too large", failure=AskFailure.TOO_LARGE)
    except (OSError, http.client.HTTPException) as err:
        failure = AskFailure.UNTRUSTED if isinstance(err, ssl.SSLCertVerificationError) else AskFailure.UNREACHABLE
        return Fetched(False, detail=f"no connection: {type(err).__name__}: {err}", failure=failure)
    if not 200 <= status < 300:
        said = raw[:200].decode("utf-8", errors="replace")
        return Fetched(False, detail=f"HTTP {status} {said}", failure=AskFailure.REFUSED, status=status)
    return Fetched(True, raw, f"HTTP {status}")
