"""The service over HTTPS: a hall desk's operations asked of the hall server (:mod:`counter.server`).

The same :class:`counter.service.local.Service` as the in-process transport: the face calls ``call(op, request)``
and gets the answer or the operation's declared fault, raised again from what the server wrote
(:func:`counter.service.faults.decode_fault`), so that it cannot tell which transport it holds.  The desk argument is
not sent: the server knows the desk and the account from the session's token alone.

Trust: only the hall's own CA is trusted (its certificate file, given by the desk's set-up), and the server's name
is checked against its certificate; a certificate from anyone else, a public CA's included, is refused
(:class:`ServerNotTrusted`), and never retried.

A write lost in transit (the connection dropped before its answer came) is asked again with the same idempotency key,
a few times over some seconds: the server answers a repeat from the write's receipt and applies it once.  When the
server stays away, :class:`ServerUnreachable` is raised for the face to say so and keep the clerk's work.
The desk keeps a few connections to the server (:data:`POOL_SIZE`), shared by every thread that asks: a call takes
one that is idle, or opens one while fewer are open, or waits for one to come back, and gives it back after the
answer.  A connection that failed is closed and replaced by a new one at the next call; one the server closed while
it sat idle (its keep-alive timeout) is let go before it is used.  So a window asking from its workers, a morning of
previews and drafts, holds at most that many descriptors, and no call pays a new TLS handshake while one is kept.
:attr:`Remote.on_trouble` is told at once, on the asking thread, when a try failed or a connection is slow to open
(:data:`SLOW_CONNECT_S`): the face says it is still trying within moments, not after the retries.
The connection is the standard library's (``http.client``, ``ssl``); answers are read by the strict codec.

Every answer is bounded, whatever answers at the server's address (a proxy, a half-broken machine, a wrong address
that speaks TLS with the hall's certificate): whole within :data:`ANSWER_DEADLINE_S` of the request's start, and at
most :data:`ANSWER_LIMIT` bytes, by the means the outward channels use (:mod:`counter.host.outward.outward_http`).  A
read's timeout alone bounded nothing: a server dripping a byte every few seconds held a window's worker for ever, and
all :data:`POOL_SIZE` of them held the window.  ``http.client`` bounds the head's size itself (a line at 64 KB, at most
100 header lines) but not its time, nor the ``100 Continue`` heads it skips before the answer's, nor a chunked body's
trailer lines: the deadline ends those.  The channels' :class:`~counter.host.outward.outward_http.Link` itself is not
used: it holds one connection, not a pool shared by threads, opens it with no notice of a slow connection nor a
shorter wait when another server is named, and asks again on its own, where this transport's retries are
:meth:`Remote._post`'s; its connection, the watchdog's shutting and the bounded read are what is shared.

A hall that cannot stop runs two servers on one database (:func:`server_roots`: the desk's setting names both).
Nothing of a session or of a write's receipt is held in a server's process, so the token signed in at one opens the
session at the other, and a write asked again there under its key is answered from the receipt the first one kept.
A request the server in use did not answer goes at once to the next one named, before any wait; the one that
answered is remembered and asked first from then on, so a desk pays for a stopped server once, not at every call.
A connection must be made (TCP and the TLS handshake) within :data:`CONNECT_TIMEOUT_S`, with one server named as
with several: a machine switched off answers nothing, a server stopped or hung takes the connection in its kernel
and never shakes hands, and a clerk should not wait a request's whole timeout before the other is tried, or the
same one asked again.  The whole answer keeps its own deadline (:data:`ANSWER_DEADLINE_S`): a large one arriving
slowly after its headers is legitimate, a handshake not done within seconds is not.
"""

from __future__ import annotations

import http.client
import json
import logging
import select
import ssl
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from counter.host.outward.outward_http import (
    AnswerTooLarge,
    DeadlineConnection,
    PastTimeout,
    Watchdog,
    read_answer,
    wait_at_most,
)
from counter.service.call import Clock
from counter.service.codec import Malformed, decode, encode
from counter.service.faults import UnknownFault, decode_fault
from counter.service.hall import DeskCredentials, SessionOpened
from counter.service.local import new_key
from counter.service.retries import RETRY_WAITS_S, RETRY_WINDOW_S, TIMEOUT_S

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.access.desk_session import DeskSignIn
    from counter.service.operation import Operation

log = logging.getLogger(__name__)

Req = TypeVar("Req")
Res = TypeVar("Res")

#: the server's refusal of a request its database could not take now (:data:`counter.server.app.STORE_AWAY`: the
#: transport may not import the server)
STORE_AWAY = "store"
#: the reason read from an answer that is not JSON
UNREADABLE = "unreadable"
#: how long opening a connection (TCP and TLS) takes before the face is told the server is slow to answer: a hall's
#: network opens one in milliseconds, and a clerk is told within two seconds of her act
SLOW_CONNECT_S = 1.0
#: the connections a desk keeps to the server at most: the window's workers (:mod:`counter.ui.door.runner`), its
#: reconnection probe and the sign-in's, each asking at once at worst; more would only hold descriptors idle
POOL_SIZE = 4
#: how long a connection (TCP and the TLS handshake) may take to be made before the try counts as failed, and the
#: next server named is tried, or the same one after the retry's wait.  The hall's own network opens one in
#: milliseconds; a machine switched off answers never, a server stopped or hung (its process frozen, its machine
#: half dead) takes the connection in its kernel and never shakes hands.  With one server too: before, its
#: connection had the whole :data:`ANSWER_DEADLINE_S`, so each of the retries waited a minute on a server that
#: would not answer, five minutes in all (305 s measured) before the clerk or the command line was told it cannot be
#: reached; now some 25 s (:meth:`Remote.unreachable_within_s`), and a server busy for a moment is asked again within
#: the retries' seconds (the server itself drops a handshake not done in 5 s:
#: :data:`counter.server.bounds.HANDSHAKE_S`).  Nothing is sent before the handshake is done, so a try given up here
#: never carries a write, and a shorter try only ends sooner within the retries' window (:data:`RETRY_WINDOW_S`)
CONNECT_TIMEOUT_S = 3.0
#: how long one request may take, whole, from its connection's taking to its answer's last byte: connecting, the TLS
#: handshake (those two within :data:`CONNECT_TIMEOUT_S` of it), the headers, the body: a large answer (a sync
#: package) may arrive slowly once the server has the request.  A read's own timeout is no bound: a server that
#: drips a byte every few seconds never lets one run out.  The request's timeout, which the retries' window
#: (:data:`RETRY_WINDOW_S`) counts on for every try, so that no try ends after the server may have let the write's
#: receipt go
ANSWER_DEADLINE_S = TIMEOUT_S
#: the largest answer a desk reads; a larger one is not read on, its connection closed.  The largest answers of the
#: operations: a sync export given back as data (:class:`counter.service.sync.ExportedData`, its packages in
#: base64), a case page with its document camera's pages (each at most 1 MB, a few hundred KB as taken:
#: :mod:`counter.case.pages`), the training run's papers (1.5 MB, 16 PDFs, measured), papers and lists (a case's
#: list, a month's figures: tens of KB).  The package is the largest: the same as the hall server takes in a desk's
#: request (:data:`counter.server.bodies.PACKAGE_CAP`: another hall's desk takes the package in through its server,
#: so none larger is of use), a township's months of cases.  Four connections reading at once hold a quarter of a GB
#: at worst, where a server sending without end held the desk's whole memory; and 64 MB within the deadline needs
#: some 9 Mbit/s, a tenth of a hall's network
ANSWER_LIMIT = 64 << 20


def server_roots(text: str | Sequence[str]) -> tuple[str, ...]:
    """The hall servers a desk's setting names (``https://a:8443 https://b:8443``: spaces or commas between), in the
    order they are asked; a sequence is taken as it is."""
    named = text.replace(",", " ").split() if isinstance(text, str) else list(text)
    return tuple(root.rstrip("/") for root in named if root.strip())


class ServerUnreachable(Exception):
    """The hall server did not answer, after the retries: the face keeps the clerk's work and says so."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class ServerNotTrusted(Exception):
    """The server's certificate is not from the hall's CA, or not for its name: nothing was sent."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class SessionEnded(Exception):
    """The token no longer opens a session (``reason``: a :class:`counter.access.desk_session.SessionEnd` value,
    or ``none`` when the desk is not signed in): the face asks for the sign-in again."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Refused(Exception):
    """The server refused the request itself (``reason``: ``operation`` not served, ``request`` not readable, ...,
    ``server`` for a fault of the server's own): a fault of the program, not of the clerk's request."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"{status} {reason}")
        self.status = status
        self.reason = reason


class NotUnderstood(Refused):
    """The server answered what this desk cannot read (``detail``, for the log): an answer not of the operation's
    type, or a fault whose code this desk does not know (:class:`counter.service.faults.UnknownFault`) — a server of
    another release.  Refused as it is, never guessed at; what the server did with the request is not known."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(status, "answer")
        self.detail = detail


class Remote:
    """The hall's operations at ``root`` (``https://host:port``, or several: :func:`server_roots`), trusting the CA
    certificate at ``ca_file`` alone."""

    def __init__(
        self, root: str | Sequence[str], ca_file: Path, *, retry_waits_s: tuple[float, ...] = RETRY_WAITS_S
    ) -> None:
        self._servers: list[tuple[str, int]] = []  # (host, port) of each server named, in the setting's order
        for named in server_roots(root) or ("",):
            parts = urlsplit(named)
            if parts.scheme != "https" or not parts.hostname:
                raise ValueError(f"the hall server's address must be https://host[:port], not {named!r}")
            self._servers.append((parts.hostname, parts.port or 443))
        self._at = 0  # the server that answered last: asked first
        self.clock = Clock()  # the day the desk's faces show: the machine's (the server dates its writes by its own)
        self._context = ssl.create_default_context(cafile=str(ca_file))  # this CA only: no system store
        self._context.minimum_version = ssl.TLSVersion.TLSv1_2
        self._waits = retry_waits_s
        self._idle: list[DeadlineConnection] = []  # kept alive, none in use; the last given back first
        # a transport let go without close() closes its kept connections with it, not at some later collection
        weakref.finalize(self, _close_idle, self._idle)
        self._slots = threading.BoundedSemaphore(POOL_SIZE)  # one a connection, idle or in use
        self._lock = threading.Lock()
        self._closed = 0  # close()s so far: a connection out at one is closed when it comes back
        self._token = ""
        self._desk_key = ""
        #: told, with the asking thread's ident, when a try failed or a connection is slow to open: the retries go on
        self.on_trouble: Callable[[int], None] | None = None

    @property
    def signed_in(self) -> bool:
        return bool(self._token)

    def sign_in(self, login: str, password: str, desk_no: str, desk_key: str) -> DeskSignIn:
        """Sign in at the server's door; the token is kept for the calls when it succeeds."""
        body = encode(DeskCredentials(login, password, desk_no, desk_key), DeskCredentials)
        status, data = self._post("/v1/sign-in", body, {}, retry=True)
        if status not in (200, 403):
            raise _refusal(status, data)
        opened: SessionOpened = _read(status, lambda: decode(data, SessionOpened))
        self._token, self._desk_key = opened.token, desk_key
        return opened.sign_in

    def sign_out(self, *, idle: bool = False) -> None:
        """End the session at the server (the screen lock's: ``idle``); the token is forgotten whatever it answers."""
        token, self._token = self._token, ""
        if token:
            self._post(f"/v1/sign-out{'?idle=1' if idle else ''}", None, self._bearer(token), retry=True)

    def call(self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "") -> Res:
        if not self._token:
            raise SessionEnded("none")
        headers = self._bearer(self._token)
        if op.writes:
            headers["Idempotency-Key"] = key or new_key()  # the same key for every retry below
        status, data = self._post(f"/v1/operations/{op.name}", encode(request, op.request), headers, retry=True)
        if status == 200:
            return _read(status, lambda: decode(data, op.response))  # type: ignore[no-any-return]
        if isinstance(data, dict) and "fault" in data:
            raise _read(status, lambda: decode_fault(data))
        if status == 401:
            self._token = ""
            raise SessionEnded(str(data.get("refused", "")) if isinstance(data, dict) else "")
        raise _refusal(status, data)

    def _bearer(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", "Desk-Key": self._desk_key}

    def close(self) -> None:
        """Close the idle connections (the desk's end); one in use is closed when its call ends; a later call opens a
        new one."""
        with self._lock:
            idle = list(self._idle)
            self._idle.clear()  # the same list: the finalizer below holds it
            self._closed += 1
        for connection in idle:
            connection.close()

    def _take(self, at: int) -> tuple[DeadlineConnection, int]:
        """A connection to server ``at`` for one request, and the close()s counted when it was taken: an idle one the
        server has not closed meanwhile, else a new one; waits while :data:`POOL_SIZE` are in use."""
        self._slots.acquire()
        try:
            with self._lock:
                closed = self._closed
                host, port = self._servers[at]
                while self._idle:
                    connection = self._idle.pop()
                    if (connection.host, connection.port) == (host, port) and not _dropped(connection):
                        return connection, closed
                    connection.close()  # the server's keep-alive ended while it sat idle, or the desk moved on
            return DeadlineConnection(host, port, self._context), closed
        except BaseException:
            self._slots.release()
            raise

    def _give_back(self, connection: DeadlineConnection, closed: int, *, broken: bool) -> None:
        """``connection`` back to the idle ones, or closed: after a fault on it (``broken``), or a close() meanwhile."""
        with self._lock:
            kept = not broken and closed == self._closed
            if kept:
                self._idle.append(connection)
        if not kept:
            connection.close()
        self._slots.release()

    def _post(self, path: str, body: Any, headers: dict[str, str], *, retry: bool) -> tuple[int, Any]:
        payload = b"" if body is None else json.dumps(body, ensure_ascii=False).encode()
        sent = {"Content-Type": "application/json", **headers}
        waits = iter(self._waits if retry else ())
        untried = len(self._servers) - 1  # the others, asked at once before the next wait
        # with two servers a round of tries is two: none begins so late that it could reach a server after the
        # write's receipt was pruned (RETRY_WINDOW_S from the first sending), where it would apply again
        last_start = time.monotonic() + RETRY_WINDOW_S - ANSWER_DEADLINE_S
        while True:
            at = self._at
            try:
                status, data = self._once(path, payload, sent, at)
            except ssl.SSLCertVerificationError as err:
                raise ServerNotTrusted(str(err.verify_message or err)) from err
            except (OSError, http.client.HTTPException) as err:
                trouble: Exception = err
            else:
                if not _store_away(status, data):
                    return status, data
                trouble = ConnectionError("the server's database did not answer")
            host, port = self._servers[at]
            if untried and time.monotonic() <= last_start:
                untried -= 1
                with self._lock:
                    self._at = (at + 1) % len(self._servers)
                log.warning(
                    "no answer from the hall server %s:%s for %s (%s): asked again of the next one",
                    host,
                    port,
                    path,
                    trouble,
                )
                continue
            untried = len(self._servers) - 1
            wait = next(waits, None)
            if wait is not None and time.monotonic() + wait > last_start:
                wait = None
            if wait is None:
                raise ServerUnreachable(f"{host}:{port}: {trouble}") from trouble
            log.info("no answer from the hall server for %s (%s): asked again in %.1f s", path, trouble, wait)
            self._tell_trouble(threading.get_ident())
            time.sleep(wait)
            with self._lock:
                self._at = (at + 1) % len(self._servers)  # the next round starts at the one after

    def _once(self, path: str, payload: bytes, headers: dict[str, str], at: int) -> tuple[int, Any]:
        """One request on a connection of the pool: its status and what its body holds, read whole within
        :data:`ANSWER_DEADLINE_S` and :data:`ANSWER_LIMIT` by the outward channels' own means
        (:mod:`counter.host.outward.outward_http`: a watchdog shuts the socket at the deadline, wherever the request
        waits, and the body is read to the cap and one byte more at most).

        Beyond either the connection is closed (a connection left mid-answer cannot carry the next) and its place in
        the pool given back, the size or the time logged for support.  An answer past the cap is
        :class:`NotUnderstood`, never asked again: the server answered, and would answer the same again; the window
        says it could not read the server's answer and that whether the operation was done is not known.  An answer
        past the deadline is a :class:`PastTimeout`, a request lost in transit like one whose connection dropped:
        asked again by :meth:`_post` (a write under the same idempotency key, which the server answers from the
        write's receipt once it has applied it: never applied twice), then :class:`ServerUnreachable`, which the
        window says as the server not reached, the clerk's work kept.
        """
        connection, closed = self._take(at)
        started = time.monotonic()
        end = started + ANSWER_DEADLINE_S
        watchdog = Watchdog(ANSWER_DEADLINE_S, lambda: connection)
        broken = True  # until its whole answer is read: a connection left mid-answer cannot carry the next
        step, status = "connecting", 0
        try:
            if connection.sock is None:  # a new one: opened here, watched for a server slow to take it
                self._connect(connection, end)
            step = "asking"
            wait_at_most(connection, end)
            connection.request("POST", path, body=payload, headers=headers)
            step = "reading its headers"
            answer = connection.getresponse()
            step, status = "reading its body", answer.status
            raw = read_answer(connection, answer, end, ANSWER_LIMIT)
            broken = answer.will_close
        except AnswerTooLarge as err:
            log.warning("the hall server's answer (%s) to %s is over %d bytes (%s): not read on, its connection closed",
                        status, path, ANSWER_LIMIT, err)  # fmt: skip
            raise NotUnderstood(status, f"an answer over {ANSWER_LIMIT} bytes ({err})") from err
        except (OSError, http.client.HTTPException) as err:
            took = time.monotonic() - started
            if isinstance(err, ssl.SSLCertVerificationError) or took < ANSWER_DEADLINE_S:
                raise
            log.warning("the hall server's answer to %s was not whole after %.1f s (%s): its connection closed",
                        path, took, step)  # fmt: skip
            raise PastTimeout(f"no whole answer within {ANSWER_DEADLINE_S:g} s ({step})") from err
        finally:
            watchdog.stop()  # shut at the deadline, just after the answer was read whole: not kept
            self._give_back(connection, closed, broken=broken or watchdog.fired)
        try:
            data = json.loads(raw) if raw else None
        except ValueError:  # not the door's own shape (a proxy's page, a framework's): a refusal, never a crash
            log.warning("the hall server answered %s to %s with a body that is not JSON", answer.status, path)
            data = {"refused": UNREADABLE}
        return answer.status, data

    def _connect(self, connection: DeadlineConnection, end: float) -> None:
        """Open ``connection`` within :data:`CONNECT_TIMEOUT_S` (and by ``end``); one still opening after
        :data:`SLOW_CONNECT_S` is told (a server that takes the connection and answers nothing, a network that drops
        it in silence) while it goes on trying.  One not open in time is a :class:`PastTimeout`, a failed try that
        sent nothing."""
        slow = threading.Timer(SLOW_CONNECT_S, self._tell_trouble, (threading.get_ident(),))
        slow.daemon = True
        slow.start()
        started = time.monotonic()
        try:
            connection.connect_by(min(end, started + CONNECT_TIMEOUT_S))
        except TimeoutError as err:
            took = time.monotonic() - started
            raise PastTimeout(f"no connection made within {took:.1f} s (TCP and the TLS handshake)") from err
        finally:
            slow.cancel()

    def unreachable_within_s(self) -> float:
        """How long a request tries, at most, before :class:`ServerUnreachable` when no server named takes its
        connection: each try's :data:`CONNECT_TIMEOUT_S`, every server in each round, and the waits between rounds.
        What the command line says while it tries; a server that took the connection and answers slowly is given
        its whole :data:`ANSWER_DEADLINE_S` instead."""
        return (len(self._waits) + 1) * len(self._servers) * CONNECT_TIMEOUT_S + sum(self._waits)

    def _tell_trouble(self, asking: int) -> None:
        told = self.on_trouble
        if told is not None:
            told(asking)


def _dropped(connection: DeadlineConnection) -> bool:
    """Whether an idle connection was closed at the other end (or never opened): readable with nothing asked means
    the server's end of the stream, or its TLS close; a request sent on it would be lost."""
    sock = connection.sock
    if sock is None:
        return True
    try:
        if hasattr(select, "poll"):  # select() refuses a descriptor numbered past 1,024; poll() takes any
            poller = select.poll()
            poller.register(sock, select.POLLIN)
            return bool(poller.poll(0))
        return bool(select.select([sock], [], [], 0)[0])
    except (OSError, ValueError):  # closed here already
        return True


def _store_away(status: int, data: Any) -> bool:
    """Whether the server said its database could not take the request now (``503``, refused ``store``): the request
    did nothing there, and is asked again like one lost in transit."""
    return status == 503 and isinstance(data, dict) and data.get("refused") == STORE_AWAY


def _read(status: int, reading: Callable[[], Any]) -> Any:
    """What ``reading`` reads of an answer; :class:`NotUnderstood` when the answer is not what this desk knows."""
    try:
        return reading()
    except (Malformed, UnknownFault) as err:
        log.warning("the hall server's answer (%s) is not one this desk reads: %s", status, err)
        raise NotUnderstood(status, str(err)) from err


def _refusal(status: int, data: Any) -> Refused:
    reason = data.get("refused", "") if isinstance(data, dict) else ""
    if isinstance(data, dict) and data.get("field"):  # the server's word for the request it could not read
        log.warning("the hall server refused the request (%s): %s", data.get("field"), data.get("problem", ""))
    return Refused(status, str(reason))


def _close_idle(idle: list[DeadlineConnection]) -> None:
    """The idle connections of a transport nobody holds any more: closed, their descriptors given back at once."""
    for connection in idle:
        connection.close()
    idle.clear()
