"""The one HTTPS POST every outward channel sends through: a total deadline wherever the receiver stalls, however it
drips, and an answer's declared size refused before it is read."""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
from urllib.parse import urlsplit

import pytest

from counter.host.outward.outward_http import DeadlineConnection, Link, read_answer, shut
from counter.outbox.rules import Answer, Outcome
from tests.host.outward.dripping import DRIP_SECONDS, answering


def _post(url: str, ca_file: str) -> tuple[Answer, float]:
    link = Link()
    started = time.monotonic()
    try:
        return link.post(url, b"{}", {"Content-Type": "application/json"}, deadline=1.0, ca_file=ca_file), (
            time.monotonic() - started
        )
    finally:
        link.close()


@pytest.mark.slow
def test_headers_dripped_a_byte_at_a_time_end_at_the_deadline() -> None:
    head = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200 + b'\r\nContent-Length: 12\r\n\r\n{"id": "x"}\n'
    with answering(head, drip=True) as (url, ca_file):
        answer, took = _post(url, ca_file)
    assert (answer.outcome, answer.answered, answer.detail) == (Outcome.TRY_AGAIN, False, "timeout after 1 s")
    assert took < 2.5  # each byte came well within a read timeout: only the total deadline ended it


def test_a_body_cut_short_by_the_deadline_is_no_answer() -> None:
    """The watchdog's shutting of the socket reads as the body's end, and the library says nothing of a body shorter
    than its length: the part read was taken for the whole answer when the watchdog came before a read's timeout."""
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 212\r\n\r\n"
    with answering(b'"id": "x", "pad": "' + b"a" * 190 + b'"}', drip=True, first=head + b"{") as (url, ca_file):
        connection = DeadlineConnection("127.0.0.1", urlsplit(url).port, ssl.create_default_context(cafile=ca_file))
        try:
            connection.connect_by(time.monotonic() + 5)
            connection.request("POST", "/send", b"{}")
            response = connection.getresponse()
            shut(connection)  # the deadline's watchdog, its read still waiting
            with pytest.raises(http.client.IncompleteRead):
                read_answer(connection, response, time.monotonic() + 5, 1 << 10)
        finally:
            connection.close()


def test_an_answer_declared_larger_than_the_cap_is_refused_unread() -> None:
    head = b'HTTP/1.1 200 OK\r\nContent-Length: 209715200\r\n\r\n{"id": "x"'
    with answering(head, drip=False) as (url, ca_file):
        answer, _took = _post(url, ca_file)
    assert (answer.outcome, answer.detail) == (Outcome.TRY_AGAIN, "answer larger than 64 KiB: not read")


def test_plain_http_is_refused_before_anything_is_sent() -> None:
    answer = Link().post("http://127.0.0.1:9/send", b"{}", {}, deadline=1.0)
    assert (answer.outcome, answer.detail) == (Outcome.REFUSED, "endpoint is not https://: nothing sent")


@pytest.mark.slow
def test_a_tls_handshake_dripped_a_byte_at_a_time_ends_at_the_deadline() -> None:
    """The receiver answers the hello with the head of a 16 KB handshake record, then a byte at a time."""
    released = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))

    def drip() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(4096)
            for byte in b"\x16\x03\x03\x40\x00" + bytes(200):
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return
                if released.wait(DRIP_SECONDS):
                    return

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    try:
        answer, took = _post(f"https://127.0.0.1:{listener.getsockname()[1]}/send", "")
    finally:
        released.set()
        thread.join()
        listener.close()
    assert (answer.outcome, answer.answered, answer.detail) == (Outcome.TRY_AGAIN, False, "timeout after 1 s")
    assert took < 2.5


@pytest.mark.slow
def test_a_body_dripped_after_a_head_that_closes_the_connection_ends_at_the_deadline() -> None:
    """An HTTP/1.0 answer: the library hands the connection's socket to the response, where the watchdog must still
    find it."""
    head = b"HTTP/1.0 200 OK\r\n\r\n" + b'{"id": "' + b"x" * 200 + b'"}'
    with answering(head, drip=True) as (url, ca_file):
        answer, took = _post(url, ca_file)
    assert (answer.outcome, answer.answered, answer.detail) == (Outcome.TRY_AGAIN, False, "timeout after 1 s")
    assert took < 2.5
