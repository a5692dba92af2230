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
from dataclasses import dataclass
from urllib.parse import urlsplit

from counter.host.sms_gateway import Outcome

__all__ = ["Outcome", "PlatformLink", "Report", "ReportRequest", "answer_of", "post_report"]

_TRY_AGAIN = frozenset({408, 425, 429})
#: how a kept connection the platform closed meanwhile shows at the next request (over TLS: an EOF in the protocol)
_CLOSED_MEANWHILE = (
    http.client.RemoteDisconnected,
    ConnectionResetError,
    BrokenPipeError,
    ssl.SSLEOFError,
    ssl.SSLZeroReturnError,
)


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
    """Send one event on a connection of its own; what came of it, never an exception for what the network or the
    platform did."""
    link = PlatformLink()
    try:
        return link(request)
    finally:
        link.close()


class PlatformLink:
    """A connection to the platform kept open from one request to the next (HTTP/1.1 keep-alive), as a sender's
    round sends its events one after the other: a TLS handshake per event would cost more than the event.

    A request on a kept connection that the platform closed meanwhile (its idle timeout) is made again, once, on a
    new one, under the same key: whether the first reached the platform or not, the platform keeps the event once.
    """

    def __init__(self) -> None:
        self._connection: http.client.HTTPSConnection | None = None
        self._where: tuple[str, int | None, str, float] | None = None

    def __call__(self, request: ReportRequest) -> Report:
        """Send one event; what came of it, never an exception for what the network or the platform did."""
        if not request.endpoint.lower().startswith("https://"):
            return Report(Outcome.REFUSED, detail="endpoint is not https://: nothing sent")
        try:
            return self._send(request)
        except TimeoutError:
            self.close()
            return Report(Outcome.TRY_AGAIN, detail=f"timeout after {request.timeout:g} s", answered=False)
        except (OSError, http.client.HTTPException) as err:  # no connection, a certificate not the platform's …
            self.close()
            return Report(Outcome.TRY_AGAIN, detail=f"{type(err).__name__}: {err}", answered=False)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = None

    def _connect(self, request: ReportRequest) -> http.client.HTTPSConnection:
        parts = urlsplit(request.endpoint)
        where = (parts.hostname or "", parts.port, request.ca_file, request.timeout)
        if self._connection is None or self._where != where:
            self.close()
            # a context of our own: certificate and host name checked against the platform's CA, or the machine's
            context = ssl.create_default_context(cafile=request.ca_file or None)
            self._connection = http.client.HTTPSConnection(where[0], where[1], timeout=request.timeout,
                                                           context=context)  # fmt: skip
            self._where = where
        return self._connection

    def _send(self, request: ReportRequest) -> Report:
        parts = urlsplit(request.endpoint)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        body = body_of(request)
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "Idempotency-Key": request.key,
            "X-Counter-Account": request.account,
            "X-Counter-Timestamp": timestamp,
            "X-Counter-Signature": signature(request.secret, timestamp, body),
        }
        kept = self._connection is not None
        try:
            status, raw, closing = self._exchange(self._connect(request), path, body, headers)
        except _CLOSED_MEANWHILE:
            if not kept:
                raise
            self.close()  # the platform closed the kept connection: once more on a new one, under the same key
            status, raw, closing = self._exchange(self._connect(request), path, body, headers)
        if closing:
            self.close()
        return answer_of(status, raw)

    @staticmethod
    def _exchange(
        connection: http.client.HTTPSConnection, path: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, bytes, bool]:
        connection.request("POST", path, body, headers)
        response = connection.getresponse()
        return response.status, response.read(), response.will_close


def answer_of(status: int, raw: bytes) -> Report:
    """What the platform's answer means: a 2xx naming the event is sent; a 409 naming it is the platform's own
    record of it (sent before); a 2xx without its id leaves unknown whether it was kept (asked again)."""
    platform_id = _platform_id(raw)
    if 200 <= status < 300:
        if not platform_id:
            return Report(Outcome.TRY_AGAIN, detail=f"HTTP {status}: malformed answer {raw[:120]!r}")
        return Report(Outcome.SENT, platform_id, f"HTTP {status}")
    detail = f"HTTP {status} {raw[:200].decode('utf-8', errors='replace')}".strip()
    if status == 409 and platform_id:
        return Report(Outcome.SENT, platform_id, detail)
    again = status >= 500 or status in _TRY_AGAIN
    return Report(Outcome.TRY_AGAIN if again else Outcome.REFUSED, detail=detail)


def _platform_id(raw: bytes) -> str:
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return ""
    if not isinstance(answer, dict):
        return ""
    return str(answer.get("id") or "")[:80]
