"""A local server for the stubs of the outside systems (the SMS gateway, the region's platform, the 证照库): its TLS
with a certificate of the run's own CA, its thread, and the CA trusted while a test needs it."""

from __future__ import annotations

import hashlib
import hmac
import os
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.db.tls_server import SERVER_CERT, SERVER_KEY, make_authority, write_server_certificate


class StubHandler(BaseHTTPRequestHandler):
    """What every stub's request handler shares: silence on stderr, the body read, the sender's signature checked
    as the app makes it (:func:`counter.host.outward.outward_http.signature`: HMAC-SHA256 of ``timestamp.body`` under
    the channel's secret), and a JSON answer written with its length."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self.post()

    def post(self) -> None:
        """The stub's answer to a POST."""
        raise NotImplementedError

    def read_body(self) -> bytes:
        return self.rfile.read(int(self.headers["Content-Length"]))

    def signed_by(self, secret: str, body: bytes) -> bool:
        """Whether the request's ``X-Counter-Signature`` is the one ``secret`` makes over its timestamp and ``body``."""
        stamp = self.headers["X-Counter-Timestamp"]
        expected = hmac.new(secret.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, self.headers["X-Counter-Signature"])

    def answer(self, status: int, data: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@dataclass(frozen=True)
class Serving:
    server: ThreadingHTTPServer  # its RequestHandlerClass is the stub's, set once the stub knows its address
    root: str  # https://127.0.0.1:PORT (http:// without TLS)
    ca_file: Path | None  # the run's CA, written into the folder; None without TLS


@contextmanager
def serving(ca_name: str, folder: Path, *, tls: bool = True) -> Iterator[Serving]:
    """A server on 127.0.0.1 at a free port, over TLS unless not ``tls``, answering until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    ca_file = None
    if tls:
        authority = make_authority(ca_name)
        write_server_certificate(authority, folder, "127.0.0.1")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(folder / SERVER_CERT, folder / SERVER_KEY)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        ca_file = authority.write(folder / "ca.crt")
    with answering(server):
        yield Serving(server, f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}", ca_file)


@contextmanager
def answering(server: ThreadingHTTPServer) -> Iterator[None]:
    """``server`` answering on a thread of its own until the block ends, then closed."""
    # serve_forever looks for the shutdown flag every poll_interval (half a second by default): each test's end
    # would wait that long for nothing
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def trusting(ca_file: Path | None) -> Iterator[None]:
    """The process trusts ``ca_file`` (``SSL_CERT_FILE``, which Python's ssl reads) until the block ends; None: as
    it was."""
    before = os.environ.get("SSL_CERT_FILE")
    if ca_file is not None:
        os.environ["SSL_CERT_FILE"] = str(ca_file)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SSL_CERT_FILE", None)
        else:
            os.environ["SSL_CERT_FILE"] = before
