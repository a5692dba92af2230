"""A request's body read whole before any route sees it: within its route's cap, within a deadline.

Starlette reads a body as far as it goes (``request.body()``) and uvicorn gives it no deadline, so a 300 MB sign-in
was read whole into memory and a body dripped a byte a second held its connection and its worker for as long as the
client liked.  :class:`BoundedBodies`, an ASGI middleware outside the routes, reads it first:

- a body its ``Content-Length`` says is over the route's cap is refused 413 before a byte of it is read; one sent
  without a length is refused as soon as it passes the cap (uvicorn stops reading a connection at 64 KB unread);
- a body not whole by its deadline (:data:`BODY_S` and a second more for each :data:`MIN_RATE` bytes it declares; a
  desk's transport always declares it, so a body sent without a length has :data:`BODY_S` alone) is refused 408;

- no body is read before its session is known (``known``, the server's check of the token and the desk's key): a
  request to an operation without a live session is refused 401 unread, so that no stranger holds any of the
  budget; the door's own bodies (a sign-in, a sign-out, a desk check: small, and the only way in) are held in a
  budget of their own (:data:`DOOR_HELD`), so that the operations' traffic never shuts the door and a flood at the
  door never stops the desks signed in;
- the bodies held at once are bounded (:data:`BODIES_HELD`, and :data:`CLIENT_HELD` from one client address) by the
  bytes received, not by those declared: 40 connections declaring 4 MB and dripping a byte every 2 s once held the
  whole budget by their declarations, and every desk was answered ``busy``, its sign-in too.  A chunk that does not
  fit is refused 503 ``busy`` (the desk asks again later);
- a body must keep coming at :data:`MIN_RATE` after its first :data:`BODY_S` (its deadline moves with the bytes
  received), so that a drip is cut within seconds rather than held for its declared length's minute;

- a route that takes no body (the paper's download, the health and metrics routes, the pad's page, a path of no
  route) takes none: a body declared there is refused 413 unread, one sent without a length as soon as it comes.
  The download route is reached by anyone the platform's gateway passes on: forty keyless requests declaring 4 MB
  there, their bodies sent but for a byte, held the whole budget of the operations for 69 s each, and every desk's
  intake was answered ``busy``;
- a pad's body is read only once its key is known (``known`` asks it as it asks a desk's session): the pad's paths
  are in the door's budget, and 66 keyless bodies of 16 KB there held all of it, every desk's sign-in refused
  ``busy``; the door's bodies from one client address hold at most :data:`DOOR_CLIENT_HELD` of it;

each with ``Connection: close``, so that the rest of it is never read.  The routes then read the body kept here.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from counter.server.pad_routes import PAD_PATHS
from counter.service.sync import IMPORT_PACKAGE

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

#: a request's body at most: a desk's largest (a catalog workbook, a scanned material) is well under it
BODY_CAP = 4 << 20
#: a sync package carried whole in its request (base64 in JSON): a township's months of cases
PACKAGE_CAP = 64 << 20
#: a sign-in's or a sign-out's body: a login, a password of at most 128 characters, a desk's number and key
DOOR_CAP = 16 << 10
#: the body's deadline: a few seconds for any body, and a second more for each MIN_RATE bytes it declares
BODY_S = 5.0
#: the slowest a desk on the hall's network sends: far under any real link, far over a drip
MIN_RATE = 64 << 10
#: the bytes of request bodies held at once, as received, until their route has answered: two sync packages and
#: room for every desk's ordinary requests
BODIES_HELD = 160 << 20
#: of them from one client address: a sync package and a few ordinary bodies beside it
CLIENT_HELD = PACKAGE_CAP + 4 * BODY_CAP
#: the bytes of the door's bodies held at once (sign-ins, sign-outs, desk checks): 64 at their cap
DOOR_HELD = 64 * DOOR_CAP
#: of them from one client address: a desk machine signs in once at a time, and a stranger holds an eighth at most
DOOR_CLIENT_HELD = 8 * DOOR_CAP
#: the body of a route that takes none
NO_BODY = 0
#: the door's paths, whose bodies are read before any session (they are how one is opened)
DOOR_PATHS = frozenset({"/v1/sign-in", "/v1/sign-out", "/v1/desk-check"}) | PAD_PATHS
#: the operations' paths: a body read once its session is known
OPERATIONS = "/v1/operations/"
#: where the session found for a request's body is kept in its ASGI scope: the route reads it rather than asking again
SESSION_FOUND = "counter.session"
#: the refusals' reasons, as the door's other refusals give them (``{"refused": reason}``)
TOO_LARGE, TOO_SLOW, BUSY = "too_large", "too_slow", "busy"


#: the server's check of who sends a request before its body is read (a desk's session at an operation, a pad's key at
#: the pad's paths: :func:`known_first`): None, what it found kept in the scope, or the refusal's status and reason
Known = Callable[[Scope], Awaitable[tuple[int, str] | None]]


def body_cap(path: str) -> int:
    """The largest body ``path`` takes."""
    if path in DOOR_PATHS:
        return DOOR_CAP
    if path == f"{OPERATIONS}{IMPORT_PACKAGE.name}":
        return PACKAGE_CAP
    return BODY_CAP if path.startswith(OPERATIONS) else NO_BODY


def known_first(path: str) -> bool:
    """Whether a body at ``path`` is read only once its sender is known: an operation's, a pad's."""
    return path.startswith(OPERATIONS) or path in PAD_PATHS


class BoundedBodies:
    """Each HTTP request's body read whole, within its route's cap and its deadline, before the routes see it."""

    def __init__(self, app: App, known: Known | None = None) -> None:
        self.app = app
        self.known = known  # None: every body read (a test's application of no sessions)
        self.held = {False: 0, True: 0}  # the bytes held by the operations' bodies and by the door's
        self.by_client: dict[tuple[bool, str], int] = {}  # the bytes held from each client address, by budget

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = body_cap(scope["path"])
        declared = _declared_length(scope)
        if declared is not None and declared > cap:
            await self._refuse(send, 413, TOO_LARGE, scope)
            return
        door = scope["path"] in DOOR_PATHS
        if self.known is not None and known_first(scope["path"]):
            refused = await self.known(scope)  # before a byte of the body is read: a stranger holds nothing
            if refused is not None:
                await self._refuse(send, *refused, scope)
                return
        client = (scope.get("client") or ("?", 0))[0]
        held = _Held(self, door, client)
        try:
            body = await self._read(scope, receive, send, cap, held)
            if body is not None:
                await self.app(scope, _replay(body, receive), send)
        finally:
            held.release()

    async def _read(self, scope: Scope, receive: Receive, send: Send, cap: int, held: _Held) -> bytes | None:
        """The body whole; None when it was refused here (or its client went)."""
        start = time.monotonic()
        parts: list[bytes] = []
        size = 0
        while True:
            deadline = start + BODY_S + size / MIN_RATE  # the bytes received buy the time: a drip runs out
            try:
                message = await asyncio.wait_for(receive(), max(deadline - time.monotonic(), 0.0))
            except TimeoutError:
                await self._refuse(send, 408, TOO_SLOW, scope)
                return None
            if message["type"] == "http.disconnect":
                return None  # the client went: nobody to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                await self._refuse(send, 413, TOO_LARGE, scope)
                return None
            if not held.take(len(chunk)):
                await self._refuse(send, 503, BUSY, scope)
                return None
            parts.append(chunk)
            if not message.get("more_body", False):
                return b"".join(parts)

    async def _refuse(self, send: Send, status: int, reason: str, scope: Scope) -> None:
        client = scope.get("client") or ("?", 0)
        log.warning("request to %s from %s refused: %s", scope["path"], client[0], reason)
        body = json.dumps({"refused": reason}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),  # the rest of the body is never read: the connection ends with the answer
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": False})


class _Held:
    """The bytes one body holds of its budget (the door's or the operations') and of its client address's share."""

    def __init__(self, bodies: BoundedBodies, door: bool, client: str) -> None:
        self.bodies, self.door, self.client = bodies, door, client
        self.bytes = 0

    def take(self, size: int) -> bool:
        """Hold ``size`` bytes more; False, holding nothing more, when they do not fit."""
        bodies = self.bodies
        budget, share = (DOOR_HELD, DOOR_CLIENT_HELD) if self.door else (BODIES_HELD, CLIENT_HELD)
        from_client = bodies.by_client.get((self.door, self.client), 0)
        if bodies.held[self.door] + size > budget or from_client + size > share:
            return False
        bodies.held[self.door] += size
        bodies.by_client[(self.door, self.client)] = from_client + size
        self.bytes += size
        return True

    def release(self) -> None:
        bodies = self.bodies
        bodies.held[self.door] -= self.bytes
        left = bodies.by_client.get((self.door, self.client), 0) - self.bytes
        if left > 0:
            bodies.by_client[(self.door, self.client)] = left
        else:
            bodies.by_client.pop((self.door, self.client), None)
        self.bytes = 0


def _declared_length(scope: Scope) -> int | None:
    """The body's length as the request's head declares it; None for a body sent in chunks.  h11 has refused (400)
    a head whose ``Content-Length`` is not digits, or given twice differently, before a request reaches here."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value)
    return None


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body read here, then waits on the client's as before (its disconnect)."""
    given = False

    async def replayed() -> Message:
        nonlocal given
        if given:
            return await receive()
        given = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed
