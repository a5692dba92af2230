"""The region's 实施清单 fetched from its 事项库, against a 事项库 that answers what it should not: a redirect to a
plain ``http://`` address (never followed: the signed headers would go there, and its workbook is nobody's list),
and a workbook dripped a byte at a time (the pull ends at its timeout)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from counter.catalog.import_result import PullFailure
from counter.host.outward.item_list import fetch_item_list
from tests.host.outward.dripping import answering, plain_http

WORKBOOK = b"PK\x03\x04" + b"\0" * 60  # what the fetch takes for a workbook: a zip archive's head


def test_a_redirect_to_plain_http_is_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with plain_http(WORKBOOK) as (elsewhere, asked):
        head = f"HTTP/1.1 302 Found\r\nLocation: {elsewhere}\r\nContent-Length: 0\r\n\r\n".encode()
        with answering(head, drip=False) as (url, ca_file):
            monkeypatch.setenv("SSL_CERT_FILE", ca_file)
            fetched = fetch_item_list(url, "hall", "secret", 2.0, tmp_path)
    assert (fetched.path, fetched.failure, fetched.status) == (None, PullFailure.REFUSED, 302)
    assert asked == []  # nothing went to the plain address: not the account, not the signature
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_a_workbook_dripped_a_byte_at_a_time_ends_at_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200 + f"\r\nContent-Length: {len(WORKBOOK)}\r\n\r\n".encode()
    with answering(head + WORKBOOK, drip=True) as (url, ca_file):
        monkeypatch.setenv("SSL_CERT_FILE", ca_file)
        started = time.monotonic()
        fetched = fetch_item_list(url, "hall", "secret", 1.0, tmp_path)
        took = time.monotonic() - started
    assert (fetched.path, fetched.failure, fetched.detail) == (None, PullFailure.UNREACHABLE, "timeout after 1 s")
    assert took < 2.5


def test_a_workbook_given_at_once_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(WORKBOOK)}\r\n\r\n".encode()
    with answering(head + WORKBOOK, drip=False) as (url, ca_file):
        monkeypatch.setenv("SSL_CERT_FILE", ca_file)
        fetched = fetch_item_list(url, "hall", "secret", 2.0, tmp_path)
    assert fetched.path is not None
    assert fetched.path.read_bytes() == WORKBOOK
