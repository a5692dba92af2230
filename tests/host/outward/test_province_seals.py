"""The province's 电子印章 system asked by the adapter, against a server that answers what it should not: an answer
dripped a byte at a time (the desk waits no longer than the settings' timeout), a redirect to a plain ``http://``
address (never followed), an answer beyond the cap, and settings the adapter cannot ask with."""

from __future__ import annotations

import time

import pytest

from counter.host.outward.province_seals import ANSWER_LIMIT, AskedOutcome, ask_seal, ask_signature
from counter.seals.province import ProvinceSettings
from tests.host.outward.dripping import answering, plain_http
from tests.province_seals_stub import ACCOUNT, CREDIT_CODE, SECRET


def _settings(url: str) -> ProvinceSettings:
    return ProvinceSettings(endpoint=url, account=ACCOUNT, secret=SECRET, timeout=1)


@pytest.mark.slow
def test_an_answer_dripped_a_byte_at_a_time_ends_at_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    head = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200 + b"\r\nContent-Length: 2\r\n\r\n{}"
    with answering(head, drip=True) as (url, ca_file):
        monkeypatch.setenv("SSL_CERT_FILE", ca_file)
        started = time.monotonic()
        asked = ask_signature(_settings(url), "1522000012345", bytes(32))
    assert (asked.outcome, asked.detail) == (AskedOutcome.SILENT, "timeout after 1 s")
    assert time.monotonic() - started < 2.5


def test_a_redirect_to_plain_http_is_not_followed(monkeypatch: pytest.MonkeyPatch) -> None:
    with plain_http(b'{"seal_code": "x", "seal": "AAAA"}') as (elsewhere, asked_there):
        head = f"HTTP/1.1 302 Found\r\nLocation: {elsewhere}\r\nContent-Length: 0\r\n\r\n".encode()
        with answering(head, drip=False) as (url, ca_file):
            monkeypatch.setenv("SSL_CERT_FILE", ca_file)
            asked = ask_seal(_settings(url), CREDIT_CODE)
    assert (asked.outcome, asked.detail, asked.data) == (AskedOutcome.SILENT, "HTTP 302", b"")
    assert asked_there == []


def test_an_answer_beyond_the_cap_or_of_another_shape_is_no_seal(monkeypatch: pytest.MonkeyPatch) -> None:
    for body in (b'{"seal": "' + b"A" * (ANSWER_LIMIT + 1) + b'"}', b'{"seal_code": "x", "seal": "not base64!"}'):
        head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
        with answering(head, drip=False) as (url, ca_file):
            monkeypatch.setenv("SSL_CERT_FILE", ca_file)
            asked = ask_seal(_settings(url), CREDIT_CODE)
        assert (asked.outcome, asked.data) == (AskedOutcome.MALFORMED, b"")


def test_a_province_not_set_up_or_in_part_or_over_plain_http_is_not_asked() -> None:
    for settings in (
        ProvinceSettings(),
        ProvinceSettings(endpoint="https://eseal.example/api", account=ACCOUNT),
        ProvinceSettings(endpoint="http://eseal.example/api", account=ACCOUNT, secret=SECRET),
    ):
        assert ask_seal(settings, CREDIT_CODE).outcome is AskedOutcome.NOT_SET
