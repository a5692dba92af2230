"""The server's application asked in process: an ASGI call, no port, no thread, no TLS."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import MutableMapping
from typing import Any

from counter.server.app import make_app

Message = MutableMapping[str, Any]


def scope(path: str, headers: dict[str, str]) -> dict[str, Any]:
    """The ASGI scope of ``POST path`` with ``headers``, from a client of the hall's network."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "https",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(name.lower().encode(), value.encode()) for name, value in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8443),
    }


async def asked(
    app: Any,
    path: str,
    parts: list[bytes],
    headers: dict[str, str],
    wait_s: float = 0,
    sent: list[Message] | None = None,
) -> list[Message]:
    """What ``app`` sends for ``POST path`` whose body comes in ``parts``, each ``wait_s`` after the last; after the
    last the client sends nothing more.  Kept in ``sent`` when given, so that it is there if ``app`` raises."""
    sent = [] if sent is None else sent
    left = list(parts)

    async def receive() -> Message:
        if not left:
            await asyncio.sleep(3600)  # the client sends nothing more
        await asyncio.sleep(wait_s)
        return {"type": "http.request", "body": left.pop(0), "more_body": bool(left)}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope(path, headers), receive, send)
    return sent


def answer(sent: list[Message]) -> tuple[int, Any, dict[bytes, bytes]]:
    """The status, the JSON body and the headers of what an application sent."""
    start = next(message for message in sent if message["type"] == "http.response.start")
    content = b"".join(message.get("body", b"") for message in sent if message["type"] == "http.response.body")
    return start["status"], json.loads(content), dict(start["headers"])


def post(service: Any, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    """``POST path`` asked of the server's application in process: its status and its JSON body."""
    sent: list[Message] = []
    # the framework raises an unexpected failure again after answering it, for the server's log
    with contextlib.suppress(Exception):
        asyncio.run(asked(make_app(service), path, [body], headers, sent=sent))
    return answer(sent)[:2]
