"""A pad's held ask for its next request (``POST /v1/pad/next?wait=``), asked in process: one at a time for a pad.

Measured at a real ``counter serve`` on PostgreSQL before: two hundred asks held at once under one pad's key (a
tablet's, in the hall) kept the server's forty workers looking at the database four times a second each, and a
desk's intake took 5.3 s (median of 5) instead of 0.04 s.  With a newer ask taking the place of the one held, the
same flood costs what any keyless flood of the same rate costs (1.9 s against 2.7 s for 200 keyless askers).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from counter.server.app import make_app
from counter.server.secrets_hash import digest
from counter.service.local import serve
from counter.service.pads import REGISTER_PAD, PadKey
from tests.conftest import made_database
from tests.server.asgi_call import Message, answer, scope

KEY = "pad-nine-key"


async def _ask(app: Any, wait: float, key: str = KEY) -> tuple[int, Any, float]:
    """The status, the JSON body (None for none) and the moment (monotonic) of a pad's held ask's answer."""
    sent: list[Message] = []
    given = False

    async def receive() -> Message:
        nonlocal given
        if given:
            await asyncio.sleep(3600)  # the pad waits for its answer
        given = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    asking = scope("/v1/pad/next", {"Pad-Key": key, "Content-Length": "0"}) | {"query_string": f"wait={wait}".encode()}
    await app(asking, receive, send)
    status = next(message["status"] for message in sent if message["type"] == "http.response.start")
    return (*answer(sent)[:2], time.monotonic()) if status != 204 else (204, None, time.monotonic())


def test_a_newer_ask_of_the_same_pad_takes_the_place_of_the_one_held(tmp_path: Path) -> None:
    service = serve(made_database(tmp_path / "hall.sqlite3", catalog=False))
    service.call(REGISTER_PAD, PadKey("pad-9", digest(KEY)))
    service.call(REGISTER_PAD, PadKey("pad-10", digest("pad-ten-key")))
    app = make_app(service)

    async def run() -> tuple[tuple[int, Any, float], ...]:
        first = asyncio.create_task(_ask(app, 10.0))
        other = asyncio.create_task(_ask(app, 1.5, "pad-ten-key"))  # another pad's ask is its own
        await asyncio.sleep(0.5)
        newer = asyncio.create_task(_ask(app, 1.5))
        began = time.monotonic()
        done = await asyncio.gather(first, newer, other)
        return (*done, (0, None, began))

    try:
        (first, newer, other, (_, _, began)) = asyncio.run(run())
    finally:
        service.close()
    assert first[:2] == (409, {"refused": "superseded"})
    assert first[2] - began < 1.0  # at the held ask's next look, not at the end of its ten seconds
    assert newer[:2] == other[:2] == (204, None)  # each held to its own wait: nothing was asked of its desk


def test_a_wait_that_is_no_number_of_seconds_is_refused(tmp_path: Path) -> None:
    """``?wait=nan`` is a float that passes ``min`` and ``max`` alike: its held ask's moment was a 500."""
    service = serve(made_database(tmp_path / "hall.sqlite3", catalog=False))
    service.call(REGISTER_PAD, PadKey("pad-9", digest(KEY)))
    app = make_app(service)
    try:
        for wait in (float("nan"), float("inf"), float("-inf")):
            assert asyncio.run(_ask(app, wait))[:2] == (400, {"refused": "request"})
    finally:
        service.close()
