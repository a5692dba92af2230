"""The hall's queue system as the desk's shipped format describes it: a local HTTP server the test starts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.https_stub import answering


class QueueStub:
    """Hands out the waiting tickets in order, each with the times it was taken and called; then nobody waits."""

    def __init__(self, waiting: list[tuple[str, str, str]]) -> None:
        self.waiting = list(waiting)  # (ticket, taken_at, called_at)
        self.asked: list[dict[str, str]] = []

    def answer(self, asked: dict[str, str]) -> dict[str, object]:
        self.asked.append(asked)
        if not self.waiting:
            return {"code": "1", "msg": "无人等候"}
        ticket, taken, called = self.waiting.pop(0)
        return {"code": "0", "data": {"ticket": ticket, "taken_at": taken, "called_at": called}}


@contextmanager
def queue_server(stub: QueueStub) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            if self.path != "/call-next":
                self.send_error(404)
                return
            asked = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            body = json.dumps(stub.answer(asked), ensure_ascii=False).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with answering(server):
        yield f"http://127.0.0.1:{server.server_address[1]}"
