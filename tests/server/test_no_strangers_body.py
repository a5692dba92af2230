"""Bodies a stranger sends where none is taken, asked in process (an ASGI call: no port, no thread).

Measured at a real ``counter serve`` on PostgreSQL before: forty keyless ``GET /v1/paper/download/…`` declaring 4 MB,
from two addresses, their bodies sent but for a byte, held the operations' whole budget (160 MB, for 69 s each) and
a desk's intake was answered ``busy``; sixty-six keyless bodies of 16 KB at ``/v1/pad/answer`` held the door's budget
and a desk's sign-in was answered ``busy``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from counter.server import bodies
from counter.server.app import make_app
from counter.server.bodies import DOOR_CAP, DOOR_CLIENT_HELD, BoundedBodies, body_cap
from counter.service.local import serve
from tests.conftest import made_database
from tests.server.asgi_call import Message, answer, asked, scope
from tests.server.test_door_limits import _echo


@pytest.mark.parametrize("path", ["/v1/paper/download/AAAA", "/v1/health", "/pad", "/no/such/route"])
def test_a_route_that_takes_no_body_refuses_one_unread(path: str) -> None:
    assert body_cap(path) == 0
    read: list[bool] = []

    async def receive() -> Message:
        read.append(True)
        return {"type": "http.request", "body": b"x", "more_body": True}

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    app = BoundedBodies(_echo)
    asyncio.run(app(scope(path, {"Content-Length": str(4 << 20)}), receive, send))
    assert (answer(sent)[:2], read) == ((413, {"refused": "too_large"}), [])
    chunked = asyncio.run(asked(app, path, [b"x" * 1024, b"x"], {}))  # sent without its length: refused as it comes
    assert answer(chunked)[:2] == (413, {"refused": "too_large"})
    assert (app.held, app.by_client) == ({False: 0, True: 0}, {})


def test_a_route_that_takes_no_body_answers_a_request_without_one() -> None:
    assert answer(asyncio.run(asked(BoundedBodies(_echo), "/v1/paper/download/AAAA", [b""], {})))[:2] == (200, 0)


@pytest.mark.parametrize("path", ["/v1/pad/answer", "/v1/pad/next"])
@pytest.mark.parametrize("key", ["", "not-a-pad-key"])
def test_a_pads_body_is_read_only_once_its_key_is_known(tmp_path: Path, path: str, key: str) -> None:
    service = serve(made_database(tmp_path / "hall.sqlite3", catalog=False))
    read: list[bool] = []
    headers = {"Content-Length": str(DOOR_CAP)} | ({"Pad-Key": key} if key else {})

    async def receive() -> Message:
        read.append(True)
        await asyncio.sleep(3600)  # a stranger's drip: nothing more comes
        return {"type": "http.disconnect"}

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    try:
        asyncio.run(asyncio.wait_for(make_app(service)(scope(path, headers), receive, send), 30))
    finally:
        service.close()
    assert (answer(sent)[:2], read) == ((401, {"refused": "unknown"}), [])


def test_the_doors_bodies_from_one_address_hold_a_share_of_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bodies at the sign-in from one address, each sent but for its last byte: past :data:`DOOR_CLIENT_HELD` they are
    refused ``busy``, and a desk at another address signs in meanwhile."""
    monkeypatch.setattr(bodies, "BODY_S", 1.0)
    app = BoundedBodies(_echo)
    part = b"x" * (DOOR_CAP - 1)
    held_by_one = DOOR_CLIENT_HELD // len(part)

    async def from_address(address: str, parts: list[bytes], declared: int) -> list[Message]:
        sent: list[Message] = []
        left = list(parts)

        async def receive() -> Message:
            if not left:
                await asyncio.sleep(3600)  # nothing more comes
            return {"type": "http.request", "body": left.pop(0), "more_body": bool(left) or declared > len(part)}

        async def send(message: Message) -> None:
            sent.append(message)

        asking = scope("/v1/sign-in", {"Content-Length": str(declared)}) | {"client": (address, 50000)}
        await app(asking, receive, send)
        return sent

    async def run() -> tuple[list[int], int]:
        drips = [asyncio.create_task(from_address("10.0.0.66", [part], DOOR_CAP)) for _ in range(64)]
        await asyncio.sleep(0.3)
        desk = await from_address("10.0.0.8", [b'{"login": "wulan"}'], 18)
        answered = [answer(sent)[0] for sent in await asyncio.gather(*drips)]
        return answered, answer(desk)[0]

    answered, desk = asyncio.run(run())
    assert desk == 200
    assert sorted(answered) == [408] * held_by_one + [503] * (64 - held_by_one)
    assert (app.held, app.by_client) == ({False: 0, True: 0}, {})
