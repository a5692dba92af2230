"""A stand-in for the hall server over TLS (the tests' own CA) that answers each request as a test lays it out: whole,
dripped a byte at a time, or streamed far past any cap; the desk's transport is tried against it."""

from __future__ import annotations

import json
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter.access.account_views import SignInResult
from counter.access.desk_session import DeskSignIn
from counter.access.lockout import SignInOutcome
from counter.service.codec import encode
from counter.service.hall import SessionOpened
from tests.https_stub import StubHandler, serving

DRIP_S = 0.15  # a byte every so often: each far within a read's timeout, only the whole answer's deadline ends it

#: a sign-in the server answered (the login not known): what a good server says, read whole by the desk
GOOD = encode(
    SessionOpened(DeskSignIn(SignInResult(SignInOutcome.UNKNOWN_LOGIN, "wulan"), desk_known=False)), SessionOpened
)
#: how much an answer without a length runs to before it ends: far past a test's cap, and within a desk's memory
STREAMED = 32 << 20


def head(length: int | None, extra: str = "") -> bytes:
    declared = "" if length is None else f"Content-Length: {length}\r\n"
    return f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{declared}{extra}\r\n".encode()


def as_json(data: Any) -> bytes:
    return json.dumps(data).encode()


class Answer:
    """What the stub writes for one request: ``whole`` at once, then ``dripped`` a byte every :data:`DRIP_S`, then
    ``streamed`` (a block written again and again, to :data:`STREAMED` bytes, then ``end``) unless the desk lets go
    first; the connection closed after it when ``close``."""

    def __init__(
        self, whole: bytes, dripped: bytes = b"", streamed: bytes = b"", end: bytes = b"", *, close: bool = False
    ) -> None:
        self.whole, self.dripped, self.streamed, self.end, self.close = whole, dripped, streamed, end, close


def good(body: bytes = b"") -> Answer:
    body = body or as_json(GOOD)
    return Answer(head(len(body)) + body)


@dataclass
class Seen:
    asked: list[dict[str, str]]  # the headers of each request the stub took
    streamed_whole: int  # the answers written to their end: none, when the desk lets go at its cap


@contextmanager
def answering(answers: list[Answer]) -> Iterator[tuple[str, Path, Seen]]:
    """A stub at ``https://127.0.0.1:PORT`` that answers each request with the next of ``answers``, then a good
    sign-in's answer: its address, its CA's certificate and what it saw."""
    seen = Seen([], 0)
    lock = threading.Lock()
    released = threading.Event()

    class Handler(StubHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the hall's server answers

        def post(self) -> None:
            self.read_body()
            with lock:
                seen.asked.append(dict(self.headers))
                answer = answers.pop(0) if answers else good()
            try:
                self.wfile.write(answer.whole)
                self.wfile.flush()
                for i in range(len(answer.dripped)):
                    if released.wait(DRIP_S):
                        return
                    self.wfile.write(answer.dripped[i : i + 1])
                    self.wfile.flush()
                for _ in range(STREAMED // len(answer.streamed) if answer.streamed else 0):
                    if released.is_set():
                        return
                    self.wfile.write(answer.streamed)
                self.wfile.write(answer.end)
                if answer.streamed:
                    with lock:
                        seen.streamed_whole += 1
                self.close_connection = answer.close
            except OSError:  # the desk closed the connection: what it should do
                self.close_connection = True

    with tempfile.TemporaryDirectory(prefix="hall-stub-") as folder, serving("测试 CA", Path(folder)) as served:
        assert served.ca_file is not None
        served.server.RequestHandlerClass = Handler
        try:
            yield served.root, served.ca_file, seen
        finally:
            released.set()
