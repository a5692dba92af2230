"""The region's platform played by a real HTTPS server on this machine, for the connector's tests.

Its certificate is signed by a CA made for the run (:mod:`tests.db.tls_server`), the platform's own, which the
sender trusts only through its settings' ``ca_file`` (as a hall trusts its government network's CA).  It checks each
request's signature, keeps each idempotency key's event once (a repeat is answered 409 with the same id: the
duplicate acknowledgment of a platform that keeps its requests), and answers as the test scripts it: a status, a
stall past the sender's timeout (:data:`STALL`), a slow answer within it (:data:`SLOW`), an answer that is not
JSON (:data:`MALFORMED`: the event was kept, the sender cannot know it), or nothing at all because it is down
(``refusing``: every connection closed unanswered), or its kept connection closed after an answer (:data:`DROP`).

Its 电子文书 service (:mod:`counter.platform.paper_fields`) keeps each paper posted to ``…/papers`` once by its key
(a resend under the same key is answered 409 with the same id), and answers ``…/papers/delivery`` with the day the
test says the applicant received the paper (:meth:`Platform.deliver`), ``null`` before.
"""

from __future__ import annotations

import json
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from tests.https_stub import StubHandler, serving

SECRET = "platform-secret"
STALL = -1  # no answer until the test ends (past the sender's timeout)
SLOW = -2  # an answer after SLOW_SECONDS, within the sender's timeout
MALFORMED = -3  # 200 with a body that is not the JSON agreed: the event is kept all the same
DROP = -4  # 200, then the kept connection closed without a word (an idle timeout): the next request meets it closed
SLOW_SECONDS = 0.3


@dataclass
class Platform:
    url: str
    ca_file: str
    script: list[int] = field(default_factory=list)  # answers for the next requests, in order; then 200
    requests: list[dict[str, Any]] = field(default_factory=list)  # every request's body, its key added
    held: dict[str, dict[str, Any]] = field(default_factory=dict)  # idempotency key → the event, kept once
    ids: dict[str, str] = field(default_factory=dict)  # idempotency key → the platform's id
    bad_signatures: int = 0
    refusing: bool = False  # down: every connection closed before an answer
    released: threading.Event = field(default_factory=threading.Event)
    papers: dict[str, dict[str, Any]] = field(default_factory=dict)  # idempotency key → the paper, kept once
    paper_ids: dict[str, str] = field(default_factory=dict)  # idempotency key → the platform's id of the paper
    paper_posts: int = 0  # every paper request, a resend's too
    delivered: dict[str, str] = field(default_factory=dict)  # the platform's id → the day delivered (ISO)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def events(self) -> list[dict[str, Any]]:
        return list(self.held.values())

    def deliver(self, doc_no: str, day: str) -> None:
        """The applicant received the paper numbered ``doc_no`` on ``day``: the platform confirms it from now on."""
        with self.lock:
            [key] = [k for k, paper in self.papers.items() if paper["doc_no"] == doc_no]
            self.delivered[self.paper_ids[key]] = day

    def paper_post(self, key: str, fields: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.paper_posts += 1
            if key in self.papers:
                return 409, {"id": self.paper_ids[key]}
            self.papers[key] = fields
            self.paper_ids[key] = f"EP{len(self.paper_ids) + 1:06d}"
            return 200, {"id": self.paper_ids[key]}

    def delivery(self, fields: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            if fields.get("id") not in self.paper_ids.values():
                return 404, {"error": "no such paper"}
            return 200, {"delivered_date": self.delivered.get(fields["id"])}


def _handler(platform: Platform) -> type[BaseHTTPRequestHandler]:
    class Handler(StubHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: a sender's round sends on one connection
        disable_nagle_algorithm = True  # the answer's head and body written apart would wait on a delayed ACK

        def post(self) -> None:
            if platform.refusing:
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            body = self.read_body()
            fields = json.loads(body)
            key = self.headers["Idempotency-Key"]
            if self.path.endswith(("/papers", "/papers/delivery")):
                if not self.signed_by(SECRET, body):
                    platform.bad_signatures += 1
                paper = self.path.endswith("/papers")
                status, answer_body = platform.paper_post(key, fields) if paper else platform.delivery(fields)
                self.answer(status, json.dumps(answer_body).encode())
                return
            with platform.lock:
                if not self.signed_by(SECRET, body):
                    platform.bad_signatures += 1
                platform.requests.append({**fields, "idempotency_key": key})
                answer = platform.script.pop(0) if platform.script else 200
                keeps = answer in (200, SLOW, MALFORMED, STALL, DROP)  # a stalled answer was kept, not answered
                status = 200 if answer in (SLOW, MALFORMED, DROP) else answer
                if keeps and key in platform.held:
                    status = 409
                elif keeps:
                    platform.held[key] = fields
                    platform.ids[key] = f"PF{len(platform.ids) + 1:06d}"
            if answer == STALL:
                platform.released.wait(30)
                return
            if answer == SLOW:
                time.sleep(SLOW_SECONDS)
            if answer == MALFORMED and status == 200:
                data = b"<html>ok</html>"
            elif status in (200, 409):
                data = json.dumps({"id": platform.ids[key]}).encode()
            else:
                data = json.dumps({"error": "busy"}).encode()
            self.answer(status, data)
            if answer == DROP:
                self.close_connection = True

    return Handler


@contextmanager
def running_platform() -> Iterator[Platform]:
    """The platform on 127.0.0.1 over TLS, with a certificate of its own CA (``Platform.ca_file``)."""
    with (
        tempfile.TemporaryDirectory(prefix="platform-") as folder,
        serving("一体化政务服务平台测试 CA", Path(folder)) as served,
    ):
        assert served.ca_file is not None
        platform = Platform(f"{served.root}/gov/report", str(served.ca_file))
        served.server.RequestHandlerClass = _handler(platform)
        try:
            yield platform
        finally:
            platform.released.set()
