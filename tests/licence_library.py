"""The region's 电子证照库 played by a real HTTPS server on this machine, speaking the shipped format.

Its certificate is signed by a CA made for the run (:mod:`tests.db.tls_server`), trusted through ``SSL_CERT_FILE``
while the library runs, as a hall trusts its government network's CA.  It checks each request's signature, answers
with the licences it holds of the holder asked about (of the types asked for), and plays the faults the test
scripts: a status (5xx), a stall longer than the client's timeout, or a malformed answer.
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

SECRET = "library-secret"
ACCOUNT = "hall-0001"
STALL = "stall"  # a scripted answer: none until the test ends (the client's timeout)
JSON_UTF8 = "application/json; charset=utf-8"
MALFORMED = "malformed"  # a scripted answer: 200 with a body the format cannot read

CREDIT_CODE = "91152201MA0N2XQ55A"  # a shop's 统一社会信用代码 (check digit right)

BUSINESS_LICENCE: dict[str, Any] = {
    "type": "营业执照",
    "number": "152201600012345",
    "holder": "乌兰浩特市草原味道餐馆",
    "holder_id": CREDIT_CODE,
    "issuer": "乌兰浩特市市场监督管理局",
    "valid_from": "2021-03-15",
    "valid_until": "长期",
    "trust_level": "A",
}
EXPIRED_LICENCE: dict[str, Any] = {  # an earlier licence of the same shop, its 营业期限 over
    "type": "营业执照",
    "number": "152201600009876",
    "holder": "乌兰浩特市草原味道餐馆",
    "holder_id": CREDIT_CODE,
    "issuer": "乌兰浩特市市场监督管理局",
    "valid_from": "2019-05-01",
    "valid_until": "2024-04-30",
    "trust_level": "B",
}


@dataclass
class Library:
    url: str
    held: list[dict[str, Any]] = field(default_factory=lambda: [BUSINESS_LICENCE, EXPIRED_LICENCE])
    script: list[int | str] = field(default_factory=list)  # answers for the next requests, in order; then 200
    requests: list[dict[str, Any]] = field(default_factory=list)
    bad_signatures: int = 0
    released: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _handler(library: Library) -> type[BaseHTTPRequestHandler]:
    class Handler(StubHandler):
        def post(self) -> None:
            body = self.read_body()
            request = json.loads(body)
            with library.lock:
                if not self.signed_by(SECRET, body):
                    library.bad_signatures += 1
                library.requests.append(request)
                scripted = library.script.pop(0) if library.script else 200
            if scripted == STALL:
                library.released.wait(30)
                return
            if scripted == MALFORMED:
                self.answer(200, b'{"licences": [{"type": "\xe8\x90\xa5"}]', JSON_UTF8)
                return
            types = request.get("types") or []
            held = [
                one for one in library.held
                if one["holder_id"] == request["holder_id"] and (not types or one["type"] in types)
            ]  # fmt: skip
            status = int(scripted)
            answer = {"licences": held} if status == 200 else {"error": "服务暂不可用"}
            self.answer(status, json.dumps(answer, ensure_ascii=False).encode(), JSON_UTF8)

    return Handler


@contextmanager
def running_library() -> Iterator[Library]:
    """The library on 127.0.0.1 over TLS, its certificate of the run's own CA, trusted while it runs."""
    with (
        tempfile.TemporaryDirectory(prefix="licence-library-") as folder,
        serving("电子证照库测试 CA", Path(folder)) as served,
        trusting(served.ca_file),
    ):
        library = Library(f"{served.root}/licences/query")
        served.server.RequestHandlerClass = _handler(library)
        try:
            yield library
        finally:
            library.released.set()
