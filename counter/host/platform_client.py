"""One report to the region's platform over HTTPS: the standard library's client, no other dependency.

The region's interface specification is not public (``docs/platform.md``): the request below is this app's own
proposal, its body the mapping file's fields (:mod:`counter.platform.mapping`), so that what the province names
otherwise is changed in that file, and the envelope here is the SMS gateway's, which halls already run::

    POST endpoint   {"<field>": "<value>", …}   (the mapped elements of one event)

with the headers ``Idempotency-Key: KEY`` (the event's key: every attempt of one event, from any site, is the same
request, which the platform keeps once), ``X-Counter-Account``, ``X-Counter-Timestamp`` (Unix seconds) and
``X-Counter-Signature``: the hex HMAC-SHA256, keyed by the secret, of the timestamp, a full stop and the body.

What an answer means is decided here, as data (:class:`Report`): 2xx with ``{"id": …}`` sent; 409 with an ``id``
says the platform had the key already, which is a success too (a duplicate acknowledgment); a 2xx whose body is not
that JSON leaves unknown whether the platform kept the event, so it is tried again, under the same key; 408, 429,
5xx, a timeout or no connection may pass, tried again later; any other 4xx will not change by waiting (an element
the platform refuses, a wrong secret), so the event goes to the failed list at once.  Nothing here logs the body.

Only ``https://``, the certificate checked against the platform's own CA when the settings name its file (a
government network's), else the machine's trusted authorities, and the host name against the endpoint's.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from counter.host.sms_gateway import Outcome

__all__ = ["Outcome", "Report", "ReportRequest", "post_report"]

_TRY_AGAIN = frozenset({408, 425, 429})


@dataclass(frozen=True, slots=True)
class Report:
    outcome: Outcome
    platform_id: str = ""
    detail: str = ""  # for the failed list: the status and the platform's words, or what went wrong on the way
    answered: bool = True  # the platform answered (False: no connection, a timeout, a certificate not its own)


@dataclass(frozen=True, slots=True)
class ReportRequest:
    endpoint: str
    account: str
    secret: str
    key: str
    fields: dict[str, str]
    timeout: float
    ca_file: str = ""


def body_of(request: ReportRequest) -> bytes:
    return json.dumps(request.fields, ensure_ascii=False, sort_keys=True).encode("utf-8")


def signature(secret: str, timestamp: str, body: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()


def post_report(request: ReportRequest) -> Report:
    """Send one event; what came of it, never an exception for what the network or the platform did."""
    if not request.endpoint.lower().startswith("https://"):
        return Report(Outcome.REFUSED, detail="endpoint is not https://: nothing sent")
    return _attempt(request)


def _attempt(request: ReportRequest) -> Report:
    try:
        # a context of our own: certificate and host name checked; the platform's CA file unreadable is an OSError
        context = ssl.create_default_context(cafile=request.ca_file or None)
        return _post(request, context)
    except urllib.error.HTTPError as err:
        return _refused(err)
    except TimeoutError:
        return Report(Outcome.TRY_AGAIN, detail=f"timeout after {request.timeout:g} s", answered=False)
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            return Report(Outcome.TRY_AGAIN, detail=f"timeout after {request.timeout:g} s", answered=False)
        return Report(Outcome.TRY_AGAIN, detail=f"no connection: {err.reason}", answered=False)
    except (OSError, http.client.HTTPException) as err:
        return Report(Outcome.TRY_AGAIN, detail=f"{type(err).__name__}: {err}", answered=False)


def _post(request: ReportRequest, context: ssl.SSLContext) -> Report:
    body = body_of(request)
    timestamp = str(int(time.time()))
    http_request = urllib.request.Request(
        request.endpoint,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Idempotency-Key": request.key,
            "X-Counter-Account": request.account,
            "X-Counter-Timestamp": timestamp,
            "X-Counter-Signature": signature(request.secret, timestamp, body),
        },
    )
    with urllib.request.urlopen(http_request, timeout=request.timeout, context=context) as response:
        raw = response.read()
        platform_id = _platform_id(raw)
        if not platform_id:  # whether the platform kept it is unknown: asked again, under the same key
            return Report(Outcome.TRY_AGAIN, detail=f"HTTP {response.status}: malformed answer {raw[:120]!r}")
        return Report(Outcome.SENT, platform_id, f"HTTP {response.status}")


def _refused(err: urllib.error.HTTPError) -> Report:
    """What an answer other than 2xx means: a 409 naming the event is the platform's own record of it."""
    try:
        raw = err.read()
    except OSError:
        raw = b""
    finally:
        err.close()
    detail = f"HTTP {err.code} {raw[:200].decode('utf-8', errors='replace')}".strip()
    if err.code == 409 and _platform_id(raw):
        return Report(Outcome.SENT, _platform_id(raw), detail)
    again = err.code >= 500 or err.code in _TRY_AGAIN
    return Report(Outcome.TRY_AGAIN if again else Outcome.REFUSED, detail=detail)


def _platform_id(raw: bytes) -> str:
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return ""
    if not isinstance(answer, dict):
        return ""
    return str(answer.get("id") or "")[:80]
