"""The question to the region's platform for its ratings, held to its timeout in all: a platform that drips its
answer a byte at a time never lets one read time out, and the pull that asked must not wait on it."""

from __future__ import annotations

import time

import pytest

from counter.host.outward import region_ratings
from counter.host.outward.region_ratings import RatingsQuestion, ask_ratings
from counter.platform.region_ratings import AskFailure
from tests.host.outward.dripping import answering


def _ask(url: str, ca_file: str) -> tuple[bool, AskFailure | None, str, float]:
    started = time.monotonic()
    fetched = ask_ratings(RatingsQuestion(url, "hall", "secret", b"{}", 1.0, ca_file))
    return fetched.ok, fetched.failure, fetched.detail, time.monotonic() - started


@pytest.mark.slow
def test_a_head_dripped_a_byte_at_a_time_ends_at_the_timeout() -> None:
    head = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200 + b"\r\nContent-Length: 2\r\n\r\n[]"
    with answering(head, drip=True) as (url, ca_file):
        ok, failure, detail, took = _ask(url, ca_file)
    assert (ok, failure, detail) == (False, AskFailure.TIMEOUT, "timeout after 1 s")
    assert took < 2.5  # each byte came well within a read timeout: only the whole question's timeout ended it


@pytest.mark.slow
def test_an_answer_dripped_after_its_head_ends_at_the_timeout() -> None:
    """An HTTP/1.0 answer: the library hands its socket to the response, and the watch must still find it."""
    head = b"HTTP/1.0 200 OK\r\n\r\n[" + b" " * 200 + b"]"
    with answering(head, drip=True) as (url, ca_file):
        ok, failure, detail, took = _ask(url, ca_file)
    assert (ok, failure, detail) == (False, AskFailure.TIMEOUT, "timeout after 1 s")
    assert took < 2.5


def test_an_answer_given_at_once_is_read_whole() -> None:
    head = b'HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\n{"ratings":[]}'
    with answering(head, drip=False) as (url, ca_file):
        ok, failure, detail, _took = _ask(url, ca_file)
    assert (ok, failure, detail) == (True, None, "HTTP 200")


def test_a_plain_http_address_is_not_asked() -> None:
    ok, failure, _detail, _took = _ask("http://127.0.0.1:9/ratings", "")
    assert (ok, failure) == (False, AskFailure.NOT_HTTPS)


def test_a_platform_that_refuses_is_said_with_its_status_and_words() -> None:
    said = "签名不符".encode()
    head = f"HTTP/1.1 401 Unauthorized\r\nContent-Length: {len(said)}\r\n\r\n".encode() + said
    with answering(head, drip=False) as (url, ca_file):
        fetched = ask_ratings(RatingsQuestion(url, "hall", "secret", b"{}", 2.0, ca_file))
    assert (fetched.ok, fetched.failure, fetched.status, fetched.detail) == (
        False,
        AskFailure.REFUSED,
        401,
        "HTTP 401 签名不符",
    )


def test_an_answer_beyond_its_limit_is_refused_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    """No few hundred ratings make an answer this large: it is refused as such, never read whole into memory."""
    monkeypatch.setattr(region_ratings, "ANSWER_LIMIT", 1024)
    body = b'{"ratings":[' + b" " * 4096 + b"]}"
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    with answering(head, drip=False) as (url, ca_file):
        ok, failure, detail, _took = _ask(url, ca_file)
    assert (ok, failure, detail) == (False, AskFailure.TOO_LARGE, "answer too large")
