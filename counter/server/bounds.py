"""How long a connection may keep the server waiting, and how many it may hold: the hall's door under a hostile network.

What uvicorn (0.54) offers is used as it is: ``timeout_keep_alive`` (a connection idle between requests closed after
5 s), ``limit_concurrency`` (a request beyond the cap answered 503) and ``h11_max_incomplete_event_size`` (a request
head over 16 KB refused).  What it lacks is added here, and nothing else:

- **a deadline for a request's head** (:class:`BoundedH11`, a subclass of uvicorn's h11 protocol): a connection that
  has not sent a whole request head :data:`HEAD_S` after its TLS handshake, or after its previous answer, is closed.
  uvicorn arms no timer before a first request, and cancels its keep-alive timer at the first byte of the next one,
  so a client that sends nothing, or drips a head a byte a second, held its connection for as long as it liked.
- **the oldest idle connection shed** when the connections reach the cap: uvicorn counts a connection that never
  sent a request against ``limit_concurrency`` and answers a desk's real request 503 while they last, so a flood of
  silent connections would refuse every desk for as long as it was kept up.
- **a deadline for the TLS handshake** (:class:`BoundedLoop`): asyncio gives a connection that never says hello 60 s
  (``ssl_handshake_timeout``), and uvicorn has no setting for it; its event loop is asyncio's with the handshake
  bounded at :data:`HANDSHAKE_S`.
- **a TLS connection's read buffer of 32 KiB** (:class:`BoundedLoop`), not asyncio's 256 KiB, made at the connection's
  accept: 1,100 silent connections took the server from 99 MB to 414 MB, and the memory stayed taken after they
  were closed.  A TLS record holds 16 KiB at most, so a larger buffer only reads more records at once.

The deadline and the cap of a request's body are :mod:`counter.server.bodies` (an ASGI middleware), the bound on
password hashing :mod:`counter.server.hashing`.
"""

from __future__ import annotations

import asyncio
import resource
import ssl
import weakref
from asyncio import selector_events, sslproto
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

#: a TLS handshake's deadline: a desk on the hall's network completes one in milliseconds
HANDSHAKE_S = 5.0
#: a request head's deadline, from the handshake or the previous answer: a desk sends its head in one write
HEAD_S = 5.0
#: the connections a server holds at most: 20-60 desks keep one or two each; the rest is room for a flood's
#: connections to be shed one by one rather than refuse a desk
MAX_CONNECTIONS = 1000
#: descriptors kept for what is not a desk's connection: the database's pool, the log, the listening socket, the
#: libraries' own files
RESERVED_FDS = 128
#: connections kept free under the cap: a desk's new connection finds room while an idle one is being shed
SPARE = 8
#: a TLS connection's read buffer: two of TLS's largest records
TLS_BUFFER = 32 << 10

#: connections the door closed, by why: ``no_head`` (past the head's deadline), ``shed`` (idle at the cap); counted for
#: the metrics (:mod:`counter.server.metrics`), where a flood shows
CLOSED = {"no_head": 0, "shed": 0}
#: each server's idle connections (waiting for a request's head), oldest first
_IDLE: weakref.WeakKeyDictionary[ServerState, dict[BoundedH11, None]] = weakref.WeakKeyDictionary()


def connection_cap(soft_limit: int | None = None) -> int:
    """The connections this process may hold: :data:`MAX_CONNECTIONS`, or fewer under a low descriptor limit.

    Half of what the limit leaves beyond :data:`RESERVED_FDS` goes to connections a request runs on: the other half
    is for those still in their TLS handshake, which uvicorn does not count (asyncio hands a connection over only
    once its handshake is done).  ``soft_limit``: the process's own (``RLIMIT_NOFILE``) when not given.
    """
    if soft_limit is None:
        soft_limit = raise_descriptor_limit()
    return max(16, min(MAX_CONNECTIONS, (soft_limit - RESERVED_FDS) // 2))


def raise_descriptor_limit() -> int:
    """The process's soft descriptor limit raised to its hard one (systemd's ``LimitNOFILE`` sets both; a shell's
    soft 1,024 is often far under its hard limit); the soft limit now."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        except (ValueError, OSError):
            return soft
        return hard
    return soft


class BoundedH11(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's head, and the oldest idle connection shed when the
    connections reach the cap (``limit_concurrency``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer: asyncio.TimerHandle | None = None
        self._idle = _IDLE.setdefault(self.server_state, {})

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._shed()
        self._await_head()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if not self._waiting():
            self._head_came()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self._waiting() and not self.transport.is_closing():
            self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_came()
        super().connection_lost(exc)

    def _waiting(self) -> bool:
        """Whether the connection waits for a request's head: none yet, or the last one answered."""
        return self.cycle is None or self.cycle.response_complete

    def _await_head(self) -> None:
        self._head_came()
        self._head_timer = self.loop.call_later(HEAD_S, self._no_head)
        self._idle[self] = None

    def _head_came(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None
        self._idle.pop(self, None)

    def _no_head(self, why: str = "no_head") -> None:
        self._head_timer = None
        self._idle.pop(self, None)
        if not self.transport.is_closing():
            CLOSED[why] += 1
            self.transport.close()

    def _shed(self) -> None:
        """Close the oldest connection that waits for a request's head, when this one takes the last room."""
        if self.limit_concurrency is None or len(self.connections) < self.limit_concurrency - SPARE:
            return
        oldest = next((one for one in self._idle if one is not self), None)
        if oldest is not None:
            oldest._no_head("shed")


class _LeanTLS(sslproto.SSLProtocol):
    """asyncio's TLS protocol with :data:`TLS_BUFFER` bytes to read into, not 256 KiB."""

    max_size = TLS_BUFFER


class BoundedLoop(asyncio.SelectorEventLoop):
    """asyncio's event loop, with a TLS handshake bounded at :data:`HANDSHAKE_S` on every server it makes and each
    TLS connection's buffer of :data:`TLS_BUFFER` (uvicorn takes a loop factory by its import path:
    ``counter.server.bounds:BoundedLoop``)."""

    async def create_server(self, *args: Any, **kwargs: Any) -> asyncio.Server:
        if kwargs.get("ssl") is not None:
            kwargs.setdefault("ssl_handshake_timeout", HANDSHAKE_S)
        return await super().create_server(*args, **kwargs)

    def _make_ssl_transport(
        self,
        rawsock: Any,
        protocol: asyncio.BaseProtocol,
        sslcontext: ssl.SSLContext,
        waiter: Any = None,
        *,
        server_side: bool = False,
        server_hostname: str | None = None,
        extra: dict[str, Any] | None = None,
        server: asyncio.Server | None = None,
        ssl_handshake_timeout: Any = HANDSHAKE_S,
        ssl_shutdown_timeout: Any = None,
    ) -> asyncio.Transport:
        """asyncio's own (Python 3.11, ``selector_events``), with :class:`_LeanTLS` for its protocol."""
        tls = _LeanTLS(
            self,
            protocol,
            sslcontext,
            waiter,
            server_side,
            server_hostname,
            ssl_handshake_timeout=ssl_handshake_timeout,
            ssl_shutdown_timeout=ssl_shutdown_timeout,
        )
        socket_transport: Any = getattr(selector_events, "_SelectorSocketTransport")  # noqa: B009 (private: typeshed has it not)
        socket_transport(self, rawsock, tls, extra=extra, server=server)
        return tls._app_transport
