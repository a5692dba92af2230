"""A receiver over HTTPS (the tests' own CA) that writes a raw answer all at once or a byte at a time: how an
outward channel's deadline is tried; and one over plain HTTP, where a redirect must never lead."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.https_stub import serving

DRIP_SECONDS = 0.2


@contextmanager
def answering(raw_head: bytes, *, drip: bool, first: bytes = b"") -> Iterator[tuple[str, str]]:
    """A receiver that writes ``raw_head`` (a status line and headers), all at once or a byte at a time; ``first``
    written at once before it (a head, when what is dripped is the body)."""
    released = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def do_POST(self) -> None:
            self.answer()

        def do_GET(self) -> None:
            self.answer()

        def answer(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            try:
                self.wfile.write(first)
                for i in range(len(raw_head)) if drip else (None,):
                    self.wfile.write(raw_head if i is None else raw_head[i : i + 1])
                    self.wfile.flush()
                    if drip and released.wait(DRIP_SECONDS):
                        return
            except OSError:
                pass

    with tempfile.TemporaryDirectory(prefix="outward-") as folder, serving("测试 CA", Path(folder)) as served:
        assert served.ca_file is not None
        served.server.RequestHandlerClass = Handler
        try:
            yield f"{served.root}/send", str(served.ca_file)
        finally:
            released.set()


@contextmanager
def plain_http(body: bytes) -> Iterator[tuple[str, list[str]]]:
    """A receiver over plain HTTP that answers any GET with ``body``; its address and the paths it was asked."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/elsewhere", asked
    finally:
        server.shutdown()
        server.server_close()
