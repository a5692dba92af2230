"""The download route asked in process: a timestamp header no gateway writes is a refusal, and a database away a 503,
never a fault of the server.  Before, ``X-Gateway-Timestamp: ²`` (latin-1 0xB2, which ``str.isdigit`` takes) or 5,000
digits (past Python's digits for ``int``) was answered 500 by a real ``counter serve`` to any caller, signature or
none; and a signed download the database could not take now was a 500 too."""

from __future__ import annotations

import asyncio
import time

import pytest
from starlette.requests import Request

from counter.host.outward.sms_secret import save_secret, secret_path
from counter.server.app import make_app
from counter.server.paper_download import GATEWAY_SECRET, SIGNATURE, TIMESTAMP, gateway_signature, through_gateway
from counter.server.paper_page import FILE_SUFFIX
from tests.server.asgi_call import Message, scope
from tests.server.test_server_trouble import DatabaseAway

SECRET = "gateway-and-hall-secret"
PATH = "/v1/paper/download/" + "A" * 43
#: the link's page and the paper it gives: both refused alike
PATHS = (PATH, PATH + FILE_SUFFIX)


def _request(stamp: bytes, signature: str) -> Request:
    headers = [(TIMESTAMP.lower().encode(), stamp), (SIGNATURE.lower().encode(), signature.encode())]
    return Request({"type": "http", "method": "GET", "path": PATH, "headers": headers, "query_string": b""})


@pytest.mark.parametrize("stamp", [b"\xb2", b"\xb9\xb3", b"9" * 5000, b"1" * 13, b"-1", b" 1", b"+1700000000", b""])
def test_a_timestamp_no_gateway_writes_is_refused(stamp: bytes) -> None:
    signature = gateway_signature(SECRET, stamp.decode("latin-1"), PATH)
    assert through_gateway(_request(stamp, signature), SECRET) is False


def test_the_gateways_own_timestamp_passes() -> None:
    stamp = str(int(time.time()))
    assert through_gateway(_request(stamp.encode(), gateway_signature(SECRET, stamp, PATH)), SECRET) is True


def _signed(method: str, path: str) -> tuple[int, bytes]:
    """The status and body of a download the gateway signed, asked by ``method`` of a server whose database is away."""
    save_secret(SECRET, secret_path(GATEWAY_SECRET))  # the server's key folder: this test's data folder
    stamp = str(int(time.time()))
    asking = scope(path, {TIMESTAMP: stamp, SIGNATURE: gateway_signature(SECRET, stamp, path)}) | {"method": method}
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(make_app(DatabaseAway())(asking, receive, send))  # type: ignore[arg-type]
    [start] = [message for message in sent if message["type"] == "http.response.start"]
    return start["status"], b"".join(
        message.get("body", b"") for message in sent if message["type"] == "http.response.body"
    )


@pytest.mark.parametrize("path", PATHS)
def test_a_download_the_database_cannot_take_now_is_answered_503(path: str) -> None:
    assert _signed("GET", path) == (503, b"")


@pytest.mark.parametrize("path", PATHS)
def test_a_head_is_no_download_and_never_reaches_the_database(path: str) -> None:
    """A HEAD, which the framework answers on a GET route, ran the download: the paper recorded served on its first,
    while no byte of it was given."""
    assert _signed("HEAD", path) == (405, b"")
