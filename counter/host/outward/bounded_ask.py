"""One HTTPS question (the region's ratings, the licence library, the 事项库's list) and its whole answer, within a
timeout in all: the standard library's client, no other dependency.

The outbox's channels send through :class:`counter.host.outward.outward_http.Link`, which keeps its connection from
one send to the next; a question is asked once, on a connection of its own, and its answer may be larger.  The bounds
are the same:

- **no redirect is followed** (``http.client`` follows none): a 3xx is the caller's refusal, never an answer; a
  redirect to a plain ``http://`` address would carry the signed headers there and take its answer for the
  library's or the platform's;
- **the timeout is the question's in all**, not each read's: a receiver that drips its answer a byte at a time never
  lets one read time out, so a watch shuts the socket at the timeout, wherever the question waits (the connection,
  the TLS handshake, the answer's head or its body), and each read waits at most the time left;
- **the answer is capped** at the caller's ``limit``: no more than it and one byte are ever read.

Only ``https://`` (the caller checks it before asking), the certificate checked against ``ca_file`` when given, else
the machine's trusted authorities (the system's, or the file ``SSL_CERT_FILE`` names), and the host name against the
address's.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
from urllib.parse import urlsplit

__all__ = ["AnswerTooLarge", "PastTimeout", "ask_within"]


class PastTimeout(TimeoutError):
    """The timeout came before the whole answer."""


class AnswerTooLarge(Exception):
    """The answer is larger than the caller's limit: not read further."""


def ask_within(
    method: str, url: str, body: bytes | None, headers: dict[str, str], *, timeout: float, limit: int, ca_file: str = ""
) -> tuple[int, bytes]:
    """``method`` (``POST``, ``GET``) on ``url``: the answer's status and body; :class:`PastTimeout`,
    :class:`AnswerTooLarge`, or the library's ``OSError`` or ``HTTPException`` for a connection that failed
    otherwise."""
    parts = urlsplit(url)
    context = ssl.create_default_context(cafile=ca_file or None)  # certificate and host name checked
    end = time.monotonic() + timeout
    connection = http.client.HTTPSConnection(parts.hostname or "", parts.port, timeout=timeout, context=context)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    watch = _Watch(connection)
    timer = threading.Timer(timeout, watch.shut)
    timer.daemon = True
    timer.start()
    try:
        connection.connect()
        sock = watch.sock = connection.sock  # kept: an answer that closes its connection takes the socket off it
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        raw = bytearray()
        while len(raw) <= limit:
            left = end - time.monotonic()
            if left <= 0:
                raise PastTimeout
            sock.settimeout(left)  # each read waits at most the time left
            chunk = response.read1(limit + 1 - len(raw))
            if not chunk:
                break
            raw += chunk
    except (OSError, http.client.HTTPException) as err:
        if watch.fired or isinstance(err, TimeoutError) or time.monotonic() >= end:
            raise PastTimeout from err
        raise
    finally:
        timer.cancel()
        connection.close()
    if len(raw) > limit:
        raise AnswerTooLarge
    return response.status, bytes(raw)


class _Watch:
    """The question's timeout in all: at it, the socket is shut and the read waiting on it ends."""

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
