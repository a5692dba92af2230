"""One question to the region's platform: the ratings it holds of some 办件编号.

The question and its answer are :mod:`counter.platform.region_ratings`'s.

Signed as a report is (:func:`counter.host.outward.outward_http.signed_headers`: the account, the time, the HMAC-SHA256
of the body; the idempotency key is the body's digest, a question asked twice being the same question).  Only
``https://``, the certificate checked against the platform's own CA when the settings name its file, else the
machine's; no redirect followed (``http.client`` follows none); the whole exchange within the settings' timeout, not
each read within it (a platform that drips its answer a byte at a time never lets one read time out: a watch shuts
the socket at the timeout, wherever the question is); the answer capped.  Whatever the network or the platform does,
the answer is a :class:`Fetched`, never an exception.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from counter.host.outward.outward_http import signed_headers
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
    context = ssl.create_default_context(cafile=question.ca_file or None)
    end = time.monotonic() + question.timeout
    connection = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=question.timeout, context=context)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    watch = _Watch(connection)
    timer = threading.Timer(question.timeout, watch.shut)
    timer.daemon = True
    timer.start()
    try:
        connection.connect()
        sock = watch.sock = connection.sock  # kept: an answer that closes its connection takes the socket off it
        connection.request("POST", path, question.body, headers)
        response = connection.getresponse()
        raw = bytearray()
        while len(raw) <= ANSWER_LIMIT:
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError
            sock.settimeout(left)  # each read waits at most the time left
            chunk = response.read1(ANSWER_LIMIT + 1 - len(raw))
            if not chunk:
                break
            raw += chunk
    except (OSError, http.client.HTTPException) as err:
        if watch.fired or isinstance(err, TimeoutError) or time.monotonic() >= end:
            return Fetched(False, detail=f"timeout after {question.timeout:g} s", failure=AskFailure.TIMEOUT)
        failure = AskFailure.UNTRUSTED if isinstance(err, ssl.SSLCertVerificationError) else AskFailure.UNREACHABLE
        return Fetched(False, detail=f"no connection: {type(err).__name__}: {err}", failure=failure)
    finally:
        timer.cancel()
        connection.close()
    if len(raw) > ANSWER_LIMIT:
        return Fetched(False, detail="answer too large", failure=AskFailure.TOO_LARGE)
    if not 200 <= response.status < 300:
        said = bytes(raw[:200]).decode("utf-8", errors="replace")
        return Fetched(
            False, detail=f"HTTP {response.status} {said}", failure=AskFailure.REFUSED, status=response.status
        )
    return Fetched(True, bytes(raw), f"HTTP {response.status}")


class _Watch:
    """The question's timeout in all: at it, the socket is shut, whatever the question waits for (the connection, the
    TLS handshake, the answer's head or its body), and the read waiting on it ends."""

    def __init__(self, connection: http.client.HTTPSConnection) -> None:
        self.connection = connection
        self.sock: socket.socket | None = None
        self.fired = False

    def shut(self) -> None:
        self.fired = True
        sock = self.connection.sock or self.sock
        if sock is not None:
            with contextlib.suppress(OSError):  # closed meanwhile
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
