"""The download route's gateway check asked in process: a timestamp header no gateway writes is a refusal, never a
fault of the server.  Before, ``X-Gateway-Timestamp: ²`` (latin-1 0xB2, which ``str.isdigit`` takes) or 5,000 digits
(past Python's digits for ``int``) was answered 500 by a real ``counter serve`` to any caller, signature or none."""

from __future__ import annotations

import time

import pytest
from starlette.requests import Request

from counter.server.paper_download import SIGNATURE, TIMESTAMP, gateway_signature, through_gateway

SECRET = "gateway-and-hall-secret"
PATH = "/v1/paper/download/" + "A" * 43


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
