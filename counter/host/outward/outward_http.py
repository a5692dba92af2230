"""One HTTPS request to the outside (an outward channel's POST: the SMS gateway, the region's platform; a question
asked once: the region's ratings, the licence library, the 事项库's list), bounded every way a receiver could hold
the sender: the standard library's client, no other dependency.

Every channel's transport sends through :class:`Link`, and every question asks through :func:`ask_within`, one
:class:`Link` for the question, so the bounds are written once:

- **no redirect is followed**: ``http.client`` follows none, and a 3xx is a refusal
  (:func:`counter.outbox.rules.answer_of`), never "sent": a redirect would carry the signature, the phone and the
  text to wherever it points, plain ``http://`` too;
- **the answer is capped** (:data:`counter.outbox.rules.ANSWER_LIMIT`): a ``Content-Length`` over it is refused
  unread, and no more than the cap and one byte are ever read of one without it; an answer over it is a failed
  send, its connection closed;
- **a total deadline per send**, not per read: a receiver that sends its headers, then a byte every few seconds,
  never lets one read time out, so a watchdog shuts the connection's socket at the deadline, wherever the send is
  (connecting, the TLS handshake, the headers, the body), and each read waits at most the time left.

Only ``https://``, the certificate checked against ``ca_file`` when given (a government network's own CA), else the
machine's trusted authorities (the system's, or the file ``SSL_CERT_FILE`` names), and the host name against the
endpoint's.  A connection is kept from one send to the next (HTTP/1.1 keep-alive: a round sends its rows one after
the other, and a TLS handshake per row would cost more than the row); a kept connection the receiver closed
meanwhile is used again once, on a new one, under the same key, which the receiver keeps once.

The hall desk's transport (:mod:`counter.service.remote`) holds its kept connections to the hall server by the same
bounds: it opens a :class:`DeadlineConnection`, has :func:`shut` called at its deadline and reads each answer by
:func:`read_answer`.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import http.client
import socket
import ssl
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from counter.outbox.reasons import NOT_HTTPS, no_connection, timed_out, too_large
from counter.outbox.rules import ANSWER_LIMIT, Answer, Outcome, answer_of

__all__ = [
    "AnswerTooLarge",
    "DeadlineConnection",
    "Link",
    "PastTimeout",
    "Watchdog",
    "ask_within",
    "read_answer",
    "shut",
    "signature",
    "signed_headers",
    "wait_at_most",
]

#: how a kept connection the receiver closed meanwhile shows at the next request (over TLS: an EOF in the protocol)
_CLOSED_MEANWHILE = (
    http.client.RemoteDisconnected,
    ConnectionResetError,
    BrokenPipeError,
    ssl.SSLEOFError,
    ssl.SSLZeroReturnError,
)


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The hex HMAC-SHA256, keyed by the channel's secret, of the timestamp, a full stop and the body."""
    return hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()


def signed_headers(account: str, secret: str, key: str, body: bytes) -> dict[str, str]:
    """The envelope every channel's request carries: its idempotency key, its account, the time and the body's
    signature."""
    timestamp = str(int(time.time()))
    return {
        "Content-Type": "application/json; charset=utf-8",
        "Idempotency-Key": key,
        "X-Counter-Account": account,
        "X-Counter-Timestamp": timestamp,
        "X-Counter-Signature": signature(secret, timestamp, body),
    }


class AnswerTooLarge(Exception):
    """The answer is larger than the caller's limit: not read further."""


class PastTimeout(TimeoutError):
    """The deadline came before the whole answer."""


class _PastDeadline(PastTimeout):
    """The deadline had come before a step began."""


def ask_within(
    method: str, url: str, body: bytes | None, headers: dict[str, str], *, timeout: float, limit: int, ca_file: str = ""
) -> tuple[int, bytes]:
    """``method`` (``POST``, ``GET``) on ``url``, asked once on a connection of its own: the answer's status and
    body; :class:`PastTimeout`, :class:`AnswerTooLarge`, or the library's ``OSError`` or ``HTTPException`` for a
    connection that failed otherwise.  The caller checks that ``url`` is ``https://``."""
    link = Link()
    try:
        status, raw, _ = link.ask(method, url, body, headers, deadline=timeout, limit=limit, ca_file=ca_file)
    finally:
        link.close()
    return status, raw


class DeadlineConnection(http.client.HTTPSConnection):
    """The library's connection, its TLS handshake made once the socket is where the deadline's watchdog finds it:
    a receiver that drips its handshake is held to the deadline too."""

    def __init__(self, host: str, port: int | None, context: ssl.SSLContext) -> None:
        super().__init__(host, port, context=context)
        self.tls = context

    def connect_by(self, end: float) -> None:
        """Open the connection by ``end`` (a :func:`time.monotonic` time): :class:`PastTimeout` when it has come."""
        raw = socket.create_connection((self.host, self.port), _left(end))
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock = self.tls.wrap_socket(raw, server_hostname=self.host, do_handshake_on_connect=False)
        self.sock.settimeout(_left(end))  # past the deadline already: the watchdog may have looked before the socket
        self.sock.do_handshake()


class Link:
    """A connection to one receiver, kept from one send to the next; :meth:`post` never raises for what the network
    or the receiver did."""

    def __init__(self) -> None:
        self._connection: DeadlineConnection | None = None
        self._where: tuple[str, int | None, str] | None = None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = None

    def post(
        self,
        url: str,
        body: bytes,
        headers: dict[str, str],
        *,
        deadline: float,
        ca_file: str = "",
        id_required: bool = True,
    ) -> Answer:
        """Send ``body`` and read what came of it within ``deadline`` seconds in all."""
        if not url.lower().startswith("https://"):
            return Answer(Outcome.REFUSED, detail=NOT_HTTPS)
        try:
            status, raw, location = self.ask("POST", url, body, headers, deadline=deadline, ca_file=ca_file)
        except AnswerTooLarge:
            return Answer(Outcome.TRY_AGAIN, detail=too_large(ANSWER_LIMIT))
        except PastTimeout:
            return Answer(Outcome.TRY_AGAIN, detail=timed_out(deadline), answered=False)
        except (OSError, http.client.HTTPException) as err:
            return Answer(Outcome.TRY_AGAIN, detail=no_connection(err), answered=False)
        return answer_of(status, raw, id_required=id_required, location=location)

    def ask(
        self,
        method: str,
        url: str,
        body: bytes | None,
        headers: dict[str, str],
        *,
        deadline: float,
        limit: int = ANSWER_LIMIT,
        ca_file: str = "",
    ) -> tuple[int, bytes, str]:
        """``method`` on ``url`` within ``deadline`` seconds in all: the status, the body (at most ``limit`` bytes)
        and its ``Location``; :class:`PastTimeout`, :class:`AnswerTooLarge` (the connection closed), or the
        library's ``OSError`` or ``HTTPException``."""
        end = time.monotonic() + deadline
        watchdog = Watchdog(deadline, lambda: self._connection)  # the connection the send has come to by then
        try:
            return self._send(method, url, body, headers, end, ca_file, limit, watchdog)
        except AnswerTooLarge:
            self.close()
            raise
        except (_PastDeadline, TimeoutError, OSError, http.client.HTTPException) as err:
            self.close()
            if watchdog.fired or isinstance(err, _PastDeadline | TimeoutError) or time.monotonic() >= end:
                raise PastTimeout from err
            raise
        finally:
            watchdog.stop()

    def _connect(self, url: str, end: float, ca_file: str) -> DeadlineConnection:
        parts = urlsplit(url)
        where = (parts.hostname or "", parts.port, ca_file)
        if self._connection is None or self._where != where:
            self.close()
            # a context of our own: certificate and host name checked, whatever the library's defaults may become
            context = ssl.create_default_context(cafile=ca_file or None)
            self._connection = DeadlineConnection(where[0], where[1], context)
            self._where = where
            self._connection.connect_by(end)
        return self._connection

    def _send(
        self,
        method: str,
        url: str,
        body: bytes | None,
        headers: dict[str, str],
        end: float,
        ca_file: str,
        limit: int,
        watchdog: Watchdog,
    ) -> tuple[int, bytes, str]:
        parts = urlsplit(url)
        asked = (method, (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), body, headers)
        kept = self._connection is not None and self._where == (parts.hostname or "", parts.port, ca_file)
        try:
            return self._exchange(self._connect(url, end, ca_file), *asked, end, limit)
        except _CLOSED_MEANWHILE:
            if not kept or watchdog.fired:
                raise
            self.close()  # the receiver closed the kept connection: once more on a new one, under the same key
            return self._exchange(self._connect(url, end, ca_file), *asked, end, limit)

    def _exchange(
        self,
        connection: http.client.HTTPSConnection,
        method: str,
        path: str,
        body: bytes | None,
        headers: dict[str, str],
        end: float,
        limit: int,
    ) -> tuple[int, bytes, str]:
        wait_at_most(connection, end)
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        raw = read_answer(connection, response, end, limit)
        if response.will_close:
            self.close()
        return response.status, raw, response.getheader("Location", "")


def read_answer(
    connection: http.client.HTTPConnection, response: http.client.HTTPResponse, end: float, limit: int
) -> bytes:
    """The body of ``response`` on ``connection``, read whole by ``end`` (a :func:`time.monotonic` time): at most
    ``limit`` bytes, of a length declared or not, chunked or to the connection's close.

    :class:`AnswerTooLarge` for a ``Content-Length`` over ``limit`` (before a byte of the body is read) or a body
    that passes it (no more than ``limit`` and one byte read); :class:`PastTimeout` when ``end`` came first; the
    library's ``OSError`` or ``HTTPException`` for a connection that failed.  After either of the first two the
    connection is left mid-answer: the caller closes it.  Each read waits at most the time left; a receiver that
    drips keeps each read short, so the caller's watchdog (:func:`shut`) ends the wait at ``end`` itself.  Only the
    connection's socket is used, so a plain connection is read alike (a device's service on the desk's own network:
    :mod:`counter.host.devices.device_http`).
    """
    length = response.getheader("Content-Length", "")
    if length.strip().isdigit() and int(length) > limit:
        raise AnswerTooLarge(f"{int(length)} bytes declared")
    raw = bytearray()
    while True:
        wait_at_most(connection, end)
        chunk = response.read1(limit + 1 - len(raw))
        if not chunk:  # the end, or the connection's: the library says neither of a body cut short
            if response.length:
                raise http.client.IncompleteRead(bytes(raw), response.length)
            _left(end)  # shut by the watchdog: no end of a body read to its connection's close
            break
        raw += chunk
        if len(raw) > limit:
            raise AnswerTooLarge(f"more than {limit} bytes sent")
    response.close()  # read whole: the connection is free for the next request, if the receiver keeps it
    return bytes(raw)


class Watchdog:
    """A request's deadline: ``seconds`` from its making, the connection ``watched()`` gives then is shut (:func:`shut`)
    under whatever it waits for, and :attr:`fired` set.  :meth:`stop` once the answer is read whole or the request
    given up, before its connection is kept for another: a watchdog firing then would shut the next one's."""

    def __init__(self, seconds: float, watched: Callable[[], http.client.HTTPConnection | None]) -> None:
        self.fired = False
        self._watched = watched
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        shut(self._watched())

    def stop(self) -> None:
        self._timer.cancel()


def shut(connection: http.client.HTTPConnection | None) -> None:
    """A deadline's end on ``connection`` (called from its watchdog's thread): whatever it waits for, connecting,
    the TLS handshake, the headers or the body, its socket is shut under it, and the wait ends at once."""
    sock = connection.sock if connection is not None else None
    if sock is not None:
        with contextlib.suppress(OSError):  # closed meanwhile
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _left(end: float) -> float:
    left = end - time.monotonic()
    if left <= 0:
        raise _PastDeadline
    return left


def wait_at_most(connection: http.client.HTTPConnection, end: float) -> None:
    """The next read on ``connection`` waits at most the time left to ``end``; :class:`PastTimeout` when none is."""
    left = _left(end)
    if connection.sock is not None:
        connection.sock.settimeout(left)
