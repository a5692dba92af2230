"""A request's body read whole before any route sees it: within its route's cap, within a deadline.

Starlette reads a body as far as it goes (``request.body()``) and uvicorn gives it no deadline, so a 300 MB sign-in
was read whole into memory and a body dripped a byte a second held its connection and its worker for as long as the
client liked.  :class:`BoundedBodies`, an ASGI middleware outside the routes, reads it first:

- a body its ``Content-Length`` says is over the route's cap is refused 413 before a byte of it is read; one sent
  without a length is refused as soon as it passes the cap (uvicorn stops reading a connection at 64 KB unread);
- a body not whole by its deadline (:data:`BODY_S` and a second more for each :data:`MIN_RATE` bytes it declares; a
  desk's transport always declares it, so a body sent without a length has :data:`BODY_S` alone) is refused 408;

- the bodies held at once are bounded too (:data:`BODIES_HELD`): a thousand connections each sending a 4 MB body
  would otherwise hold 4 GB; a body that does not fit beside those being read or run is refused 503 ``busy`` (the
  desk asks again later), on its declared length, before a byte of it is read;

each with ``Connection: close``, so that the rest of it is never read.  The routes then read the body kept here.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

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
#: the bytes of request bodies held at once, from their first byte until their route has answered: two sync
#: packages and room for every desk's ordinary requests
BODIES_HELD = 160 << 20
#: the refusals' reasons, as the door's other refusals give them (``{"refused": reason}``)
TOO_LARGE, TOO_SLOW, BUSY = "too_large", "too_slow", "busy"


def body_cap(path: str) -> int:
    """The largest body ``path`` takes."""
    if path in ("/v1/sign-in", "/v1/sign-out", "/v1/desk-check"):
        return DOOR_CAP
    if path == f"/v1/operations/{IMPORT_PACKAGE.name}":
        return PACKAGE_CAP
    return BODY_CAP


class BoundedBodies:
    """Each HTTP request's body read whole, within its route's cap and its deadline, before the routes see it."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.held = 0  # the bytes the bodies being read or run have reserved (BODIES_HELD)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = body_cap(scope["path"])
        declared = _declared_length(scope)
        if declared is not None and declared > cap:
            await self._refuse(send, 413, TOO_LARGE, scope)
            return
        reserved = cap if declared is None else declared  # a body of unknown length may reach its cap
        if self.held + reserved > BODIES_HELD:
            await self._refuse(send, 503, BUSY, scope)
            return
        self.held += reserved
        try:
            body = await self._read(scope, receive, send, declared, cap)
            if body is not None:
                await self.app(scope, _replay(body, receive), send)
        finally:
            self.held -= reserved

    async def _read(self, scope: Scope, receive: Receive, send: Send, declared: int | None, cap: int) -> bytes | None:
        """The body whole; None when it was refused here (or its client went)."""
        deadline = time.monotonic() + BODY_S + (declared or 0) / MIN_RATE
        parts: list[bytes] = []
        size = 0
        while True:
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
