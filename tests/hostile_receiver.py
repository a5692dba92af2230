"""A receiver that answers as an outward channel should never be answered, for every channel's sender: an HTTPS
server on this machine (its certificate of the run's own CA) whose answers the test scripts, one per request.

- :data:`DRIP`: the headers, then one byte of the body at a time, every :data:`DRIP_SECONDS`, never the whole;
- :data:`REDIRECT`: a 302 to a plain ``http://`` server of its own, which counts what reaches it (``followed``)
  and would answer 200 with an id to anything;
- :data:`HUGE`: 200 with 200 MB of JSON naming the row, without a length, until the sender hangs up;
- :data:`OK`: 200 naming the row.

Any request past the script is answered :data:`OK`.  It does not check signatures: the channels' own stubs do.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from tests.https_stub import serving, trusting

DRIP, REDIRECT, HUGE, OK = "drip", "redirect", "huge", "ok"
DRIP_SECONDS = 0.2  # each byte well within any read timeout: only a total deadline ends the send
DRIP_BYTES = 60  # the whole answer names the row, after 12 s: a sender without a total deadline takes it as sent
HUGE_BYTES = 200 * 1024 * 1024


@dataclass
class Receiver:
    url: str
    ca_file: str
    script: list[str] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)  # what each request was answered, in order
    followed: int = 0  # requests that reached the plain-HTTP server the redirect names
    released: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _quiet(handler: type[BaseHTTPRequestHandler]) -> type[BaseHTTPRequestHandler]:
    handler.log_message = lambda *_args: None  # type: ignore[method-assign]
    return handler


def _handler(receiver: Receiver, plain: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            with receiver.lock:
                mode = receiver.script.pop(0) if receiver.script else OK
                receiver.answered.append(mode)
                number = len(receiver.answered)
            with contextlib.suppress(OSError):  # the sender hung up: what it should do
                self._answer(mode, number)

        def _answer(self, mode: str, number: int) -> None:
            named = json.dumps({"id": f"R{number:04d}"}).encode()
            if mode == REDIRECT:
                self.send_response(302)
                self.send_header("Location", f"{plain}/taken")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            if mode == OK:
                self.send_header("Content-Length", str(len(named)))
                self.end_headers()
                self.wfile.write(named)
                return
            if mode == DRIP:
                self.send_header("Content-Length", str(DRIP_BYTES))
                self.end_headers()
                self.wfile.flush()
                for byte in named.ljust(DRIP_BYTES):
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    if receiver.released.wait(DRIP_SECONDS):
                        return
                return
            self.end_headers()  # HUGE: no length, the body ends when the connection does
            self.wfile.write(named[:-1] + b', "pad": "')
            chunk = b"x" * (1024 * 1024)
            for _ in range(HUGE_BYTES // len(chunk)):
                self.wfile.write(chunk)
            self.wfile.write(b'"}')

    return _quiet(Handler)


def _plain_handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Plain(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            with receiver.lock:
                receiver.followed += 1
            data = json.dumps({"id": "FOLLOWED"}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return _quiet(Plain)


@contextmanager
def running_receiver() -> Iterator[Receiver]:
    """The receiver on 127.0.0.1 over TLS, its CA trusted by the process (the SMS gateway's way) and named in
    ``Receiver.ca_file`` (the platform's); beside it the plain-HTTP server its redirect points to."""
    with (
        tempfile.TemporaryDirectory(prefix="hostile-") as folder,
        serving("对外通道测试 CA", Path(folder)) as served,
        serving("", Path(folder), tls=False) as plain,
        trusting(served.ca_file),
    ):
        assert served.ca_file is not None
        receiver = Receiver(f"{served.root}/send", str(served.ca_file))
        served.server.RequestHandlerClass = _handler(receiver, plain.root)
        plain.server.RequestHandlerClass = _plain_handler(receiver)
        try:
            yield receiver
        finally:
            receiver.released.set()
