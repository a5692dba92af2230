"""The region's platform answering the hall's question for ratings (:mod:`counter.platform.region_ratings`): a real
HTTPS server on this machine, its own CA, the signature checked, the ratings it holds given for the cases asked."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from tests.https_stub import StubHandler, serving
from tests.platform_stub import SECRET


@dataclass
class RegionSystem:
    url: str  # the report endpoint; the ratings are asked beside it
    ca_file: str
    held: dict[str, dict[str, str]] = field(default_factory=dict)  # 办件编号 → the rating's fields, as reported
    asked: list[list[str]] = field(default_factory=list)  # the case numbers of each question
    paths: list[str] = field(default_factory=list)
    bad_signatures: int = 0
    status: int = 200
    body: bytes | None = None  # an answer given as it is (a proxy's error page, say), not the ratings held


def _handler(system: RegionSystem) -> type[BaseHTTPRequestHandler]:
    class Handler(StubHandler):
        def post(self) -> None:
            body = self.read_body()
            if not self.signed_by(SECRET, body):
                system.bad_signatures += 1
            asked = json.loads(body)["case_nos"]
            system.asked.append(asked)
            system.paths.append(self.path)
            ratings = [system.held[no] for no in asked if no in system.held]
            held = json.dumps({"ratings": ratings}, ensure_ascii=False).encode()
            self.answer(system.status, held if system.body is None else system.body)

    return Handler


@contextmanager
def running_region() -> Iterator[RegionSystem]:
    with (
        tempfile.TemporaryDirectory(prefix="region-") as folder,
        serving("自治区好差评系统测试 CA", Path(folder)) as served,
    ):
        assert served.ca_file is not None
        system = RegionSystem(f"{served.root}/gov/report", str(served.ca_file))
        served.server.RequestHandlerClass = _handler(system)
        yield system
