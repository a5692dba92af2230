"""A hall's SMS gateway played by a real HTTPS server on this machine, for the sender's tests.

The server's certificate is signed by a CA made for the run (:mod:`tests.db.tls_server`), which the sender trusts
while the gateway runs through ``SSL_CERT_FILE`` (as a hall trusts its government network's CA), unless the test
says otherwise (``trusted=False``): then the sender meets a certificate it has no reason to believe.

It checks each request's signature, remembers what it delivered by the idempotency key (a repeat of a delivered key
is answered 409 with the same id and not delivered again, as a gateway that keeps its requests does), and answers
as the test scripts it: a status, a stall longer than the sender's timeout, or a message delivered and then left
unanswered (:data:`HELD`: a sender killed while it waits for the answer), or answered late (:data:`LATE`).

Every message it receives is checked to be the hall's own composition (:func:`tests.sms_composed.uncomposed`): one
that carries anything else (a desk's typing) fails the test that sent it when the gateway stops.
"""

from __future__ import annotations

import json
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from tests.https_stub import StubHandler, serving, trusting
from tests.sms_composed import uncomposed

SECRET = "hall-secret"
STALL = -1  # a scripted answer: no answer until the test ends (the sender's timeout)
HELD = -2  # a scripted answer: delivered, then no answer until the test ends (the sender cannot know it went)
LATE = -3  # a scripted answer: delivered, then answered 200 once the test releases it (a slow gateway)


@dataclass
class Gateway:
    url: str
    script: list[int] = field(default_factory=list)  # statuses for the next requests, in order; then 200
    requests: list[dict[str, Any]] = field(default_factory=list)  # every request's body, headers added
    delivered: dict[str, str] = field(default_factory=dict)  # idempotency key → the gateway's id
    bad_signatures: int = 0
    uncomposed: list[str] = field(default_factory=list)  # why each message not of the hall's composing is not
    released: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def deliveries(self) -> list[str]:
        return list(self.delivered)


def _handler(gateway: Gateway) -> type[BaseHTTPRequestHandler]:
    class Handler(StubHandler):
        def post(self) -> None:
            body = self.read_body()
            request = json.loads(body)
            request["idempotency_key"] = self.headers["Idempotency-Key"]
            problem = uncomposed(request)
            with gateway.lock:
                if not self.signed_by(SECRET, body):
                    gateway.bad_signatures += 1
                if problem:
                    gateway.uncomposed.append(problem)
                gateway.requests.append(request)
                status = gateway.script.pop(0) if gateway.script else 200
                held, late = status == HELD, status == LATE
                status = 200 if held or late else status
                key = request["idempotency_key"]
                if status == 200 and key in gateway.delivered:
                    status = 409
                if status == 200:
                    gateway.delivered[key] = f"GW{len(gateway.delivered) + 1:04d}"
            if status == STALL or held or late:
                gateway.released.wait(30)
                if not late:
                    return
            answer = {"id": gateway.delivered[key]} if status in (200, 409) else {"error": "busy"}
            self.answer(status, json.dumps(answer).encode())

    return Handler


@contextmanager
def running_gateway(*, tls: bool = True, trusted: bool = True) -> Iterator[Gateway]:
    """The gateway on 127.0.0.1: over TLS with a certificate of the run's own CA (trusted by the sender, unless not
    ``trusted``), or (not ``tls``) over plain HTTP, for the tests that the sender never speaks it."""
    with (
        tempfile.TemporaryDirectory(prefix="sms-gateway-") as folder,
        serving("短信网关测试 CA", Path(folder), tls=tls) as served,
        trusting(served.ca_file if trusted else None),
    ):
        gateway = Gateway(f"{served.root}/sms/send")
        served.server.RequestHandlerClass = _handler(gateway)
        try:
            yield gateway
        finally:
            gateway.released.set()
        assert not gateway.uncomposed, f"the gateway received text the hall did not compose: {gateway.uncomposed}"
