"""A province's 电子印章 system played by a real HTTPS server on this machine (:mod:`counter.seals.province`).

It holds what a province holds: its seal maker (a CA of its own, SM2), one body's key, that key's certificate
issued by the maker, and the body's seal made and signed by the maker.  It answers ``/seal`` with the seal (asked
by the body's 统一社会信用代码 or the seal's code) and ``/sign`` with its key's signature over the digest sent, as a
province signs: the key never leaves it.  It checks each request's signature as the other stubs do, and plays the
faults a test sets (``mode``): silent (no answer until the test ends), a signature over another digest, or an
answer not of the shape asked for.  Its TLS certificate is of the run's own CA, trusted while it runs.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from counter.seals import certificates, ses
from counter.seals.image import SIZE_MM, seal_png
from counter.sync import sm2
from tests.https_stub import StubHandler, serving, trusting

SECRET = "province-seal-secret"
ACCOUNT = "xam-hall-01"
CREDIT_CODE = "11152200011521346X"  # a body's 统一社会信用代码 (its GB 32100 check character right)
SEAL_CODE = "1522000012345"
GOOD, SILENT, OTHER_DIGEST, MALFORMED = "good", "silent", "other_digest", "malformed"
JSON_UTF8 = "application/json; charset=utf-8"


@dataclass
class Province:
    url: str  # the endpoint: /seal and /sign under it
    body: str
    maker: bytes  # the province's seal maker's certificate: an anchor once the site registers it
    certificate: bytes  # the body's signer certificate
    seal: bytes
    key: int
    mode: str = GOOD
    asked: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    bad_signatures: int = 0
    released: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _made(body: str, now: dt.datetime) -> tuple[bytes, bytes, bytes, int]:
    """The province's maker certificate, the body's certificate, the body's seal and the body's key."""
    maker_key, key = sm2.new_private_key(), sm2.new_private_key()
    since, until = now - dt.timedelta(days=30), now + dt.timedelta(days=3650)
    maker = certificates.issue(
        subject="内蒙古自治区电子印章制章中心", organisation="内蒙古自治区电子印章系统",
        public_key=sm2.public_key(maker_key), issuer_key=maker_key, issuer=None, serial=7,
        not_before=since, not_after=until, ca=True,
    )  # fmt: skip
    certificate = certificates.issue(
        subject=body, organisation="内蒙古自治区电子印章系统", public_key=sm2.public_key(key), issuer_key=maker_key,
        issuer=certificates.read_certificate(maker), serial=8, not_before=since, not_after=until, ca=False,
    )  # fmt: skip
    seal = ses.make_seal(
        es_id=SEAL_CODE, name=body, signer_cert=certificate, picture_png=seal_png(body), size_mm=SIZE_MM,
        made=since, valid_end=until, maker_cert=maker, maker_key=maker_key,
    )  # fmt: skip
    return maker, certificate, seal, key


def _handler(province: Province) -> type[BaseHTTPRequestHandler]:
    class Handler(StubHandler):
        def post(self) -> None:
            body = self.read_body()
            asked = json.loads(body)
            path = self.path.rsplit("/", 1)[-1]
            with province.lock:
                if not self.signed_by(SECRET, body):
                    province.bad_signatures += 1
                province.asked.append((path, asked))
                mode = province.mode
            if mode == SILENT:
                province.released.wait(30)
                return
            if mode == MALFORMED:
                self.answer(200, b'{"seal": 17}', JSON_UTF8)
                return
            if path == "seal":
                self._seal(asked)
            else:
                self._sign(asked, mode)

        def _seal(self, asked: dict[str, Any]) -> None:
            if asked.get("credit_code") != CREDIT_CODE and asked.get("seal_code") != SEAL_CODE:
                self.answer(404, json.dumps({"error": "无此印章"}, ensure_ascii=False).encode(), JSON_UTF8)
                return
            seal = base64.b64encode(province.seal).decode()
            self.answer(200, json.dumps({"seal_code": SEAL_CODE, "seal": seal}).encode(), JSON_UTF8)

        def _sign(self, asked: dict[str, Any], mode: str) -> None:
            digest = base64.b64decode(asked["digest"])
            if asked.get("seal_code") != SEAL_CODE or len(digest) != 32:
                self.answer(400, b'{"error": "bad request"}', JSON_UTF8)
                return
            if mode == OTHER_DIGEST:
                digest = sm2.sm3(b"another paper" + digest)
            value = certificates.sm2_signature_der(sm2.sign_digest(province.key, digest))
            answer = {"signature": base64.b64encode(value).decode(), "certificate": base64.b64encode(
                province.certificate).decode()}  # fmt: skip
            self.answer(200, json.dumps(answer).encode(), JSON_UTF8)

    return Handler


@contextmanager
def running_province(body: str, now: dt.datetime | None = None) -> Iterator[Province]:
    """The province's system on 127.0.0.1 over TLS, holding ``body``'s seal and key, trusted while it runs."""
    maker, certificate, seal, key = _made(body, now or dt.datetime.now(dt.UTC))
    with (
        tempfile.TemporaryDirectory(prefix="province-seals-") as folder,
        serving("电子印章系统测试 CA", Path(folder)) as served,
        trusting(served.ca_file),
    ):
        province = Province(f"{served.root}/api/eseal", body, maker, certificate, seal, key)
        served.server.RequestHandlerClass = _handler(province)
        try:
            yield province
        finally:
            province.released.set()
