"""The question to the region's 电子证照库 as the window asks it at intake, against a library that answers what it
should not: an answer dripped a byte at a time (the clerk waits no longer than the settings' timeout), and a redirect
to a plain ``http://`` address (never followed: what answers there is nobody's word for a licence)."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest

from counter.host.outward.licence_library import ANSWER_LIMIT, FORMAT_LIMIT, LookUpOutcome, ask_library
from counter.intake.licences import LibrarySettings
from tests.host.outward.dripping import answering, plain_http
from tests.licence_library import ACCOUNT, BUSINESS_LICENCE, CREDIT_CODE, SECRET


def _ask(url: str, ca_file: str, monkeypatch: pytest.MonkeyPatch) -> tuple[LookUpOutcome, int, str, float]:
    monkeypatch.setenv("SSL_CERT_FILE", ca_file)  # the library's certificate is of the tests' own CA
    started = time.monotonic()
    found = ask_library(LibrarySettings(endpoint=url, account=ACCOUNT, secret=SECRET, timeout=1), CREDIT_CODE, ())
    return found.outcome, len(found.licences), found.detail, time.monotonic() - started


@pytest.mark.slow
def test_an_answer_dripped_a_byte_at_a_time_ends_at_the_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    head = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200 + b'\r\nContent-Length: 15\r\n\r\n{"licences":[]}'
    with answering(head, drip=True) as (url, ca_file):
        outcome, found, detail, took = _ask(url, ca_file, monkeypatch)
    assert (outcome, found, detail) == (LookUpOutcome.FAILED, 0, "timeout after 1 s")
    assert took < 2.5  # each byte came well within a read timeout: only the whole look-up's timeout ended it


def test_a_redirect_to_plain_http_is_not_followed(monkeypatch: pytest.MonkeyPatch) -> None:
    licence = json.dumps({"licences": [BUSINESS_LICENCE]}, ensure_ascii=False).encode()
    with plain_http(licence) as (elsewhere, asked):
        head = f"HTTP/1.1 302 Found\r\nLocation: {elsewhere}\r\nContent-Length: 0\r\n\r\n".encode()
        with answering(head, drip=False) as (url, ca_file):
            outcome, found, detail, _took = _ask(url, ca_file, monkeypatch)
    assert (outcome, found, detail) == (LookUpOutcome.FAILED, 0, "HTTP 302")
    assert asked == []  # nothing went to the plain address: not the signed headers, not the question


def test_a_library_that_answers_at_once_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    body = json.dumps({"licences": [BUSINESS_LICENCE]}, ensure_ascii=False).encode()
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    with answering(head, drip=False) as (url, ca_file):
        outcome, found, _detail, _took = _ask(url, ca_file, monkeypatch)
    assert (outcome, found) == (LookUpOutcome.ANSWERED, 1)


def test_an_answer_beyond_the_cap_is_not_read_as_licences(monkeypatch: pytest.MonkeyPatch) -> None:
    body = b'{"licences": [' + b" " * (ANSWER_LIMIT + 1) + b"]}"
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    with answering(head, drip=False) as (url, ca_file):
        outcome, found, detail, _took = _ask(url, ca_file, monkeypatch)
    assert (outcome, found, detail) == (LookUpOutcome.FAILED, 0, "answer too large")


def test_a_library_not_set_up_or_set_up_in_part_is_not_asked() -> None:
    """The intake then shows no licence from the library, and the case's record says why (its detail)."""
    assert ask_library(LibrarySettings(), CREDIT_CODE, ()).outcome is LookUpOutcome.NOT_SET
    half = ask_library(LibrarySettings(endpoint="https://library.example/api", account=ACCOUNT), CREDIT_CODE, ())
    assert (half.outcome, half.licences) == (LookUpOutcome.FAILED, ())
    assert half.detail.startswith("settings incomplete: ")


def test_a_format_file_that_cannot_be_read_asks_nothing(tmp_path: Path) -> None:
    settings = LibrarySettings(endpoint="https://127.0.0.1:9/api", account=ACCOUNT, secret=SECRET, timeout=1)
    for name, content in (("gone.toml", None), ("latin.toml", b"\xff\xfe"), ("big.toml", b"#" * (FORMAT_LIMIT + 1))):
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        found = ask_library(dataclasses.replace(settings, format_file=str(path)), CREDIT_CODE, ())
        assert (found.outcome, found.licences) == (LookUpOutcome.FAILED, ()), name
        assert found.detail.startswith(f"format: {path}: "), name


def test_a_library_down_or_answering_what_the_format_does_not_read_shows_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with answering(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", drip=False) as (url, ca_file):
        pass  # shut: nobody listens there any more
    outcome, found, detail, _took = _ask(url, ca_file, monkeypatch)
    assert (outcome, found) == (LookUpOutcome.FAILED, 0)
    assert detail.startswith("no connection: ")
    body = b'{"items": "none"}'
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    with answering(head, drip=False) as (url, ca_file):
        outcome, found, detail, _took = _ask(url, ca_file, monkeypatch)
    assert (outcome, found) == (LookUpOutcome.FAILED, 0)
    assert detail.startswith("malformed answer: ")
