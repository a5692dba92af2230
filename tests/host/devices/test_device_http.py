"""A device's service that answers without end, declares an answer no device gives, or drips it: the card reader and
the queue caller stop at the size cap and the whole answer's deadline (counter.host.devices.device_http)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from counter.host.devices.device_http import ANSWER_LIMIT
from counter.host.devices.id_reader import HttpReader, http_format
from counter.host.devices.queue_caller import QueueCaller, QueueError, QueueFault, queue_format
from counter.parties.id_card import CardError, CardFault
from tests.https_stub import answering

#: what the endless service would send, were it read to its end: far past the cap
ENDLESS = 64 * ANSWER_LIMIT
#: the whole answer's deadline of the tests: a read of any one byte of the dripping service comes well within it
DEADLINE_S = 0.5
#: how long the dripping service takes over its answer, read whole: many deadlines
DRIP_S = 5.0


class _Device(BaseHTTPRequestHandler):
    """A service answering a GET or a POST by :meth:`answer`; how many bytes of its body it got out, in ``sent``."""

    sent: list[int]
    done: threading.Event

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._answer()

    def _answer(self) -> None:
        try:
            self.answer()
        except OSError:  # the desk closed the connection: it read what it would
            pass
        finally:
            self.done.set()

    def answer(self) -> None:
        raise NotImplementedError

    def log_message(self, format: str, *args: object) -> None:
        return


class _Endless(_Device):
    """A body without a length, sent until the connection closes."""

    def answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"[" + b"0," * 32767
        self.sent.append(0)
        while self.sent[-1] < ENDLESS:
            self.wfile.write(chunk)
            self.sent[-1] += len(chunk)


class _Declared(_Device):
    """A length no device's answer has, then nothing."""

    def answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(ENDLESS))
        self.end_headers()
        self.wfile.flush()
        self.sent.append(0)


class _Dripping(_Device):
    """A short answer, a byte at a time: no one read waits long, the whole takes :data:`DRIP_S`."""

    def answer(self) -> None:
        body = b'{"code": "1", "status": "0"}'.ljust(100)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.sent.append(0)
        for byte in body:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            self.sent[-1] += 1
            time.sleep(DRIP_S / len(body))


@contextmanager
def device(kind: type[_Device]) -> Iterator[tuple[str, list[int], threading.Event]]:
    """The service on 127.0.0.1: its root, the bytes of body it sent by request, and set once it stopped answering."""
    sent: list[int] = []
    done = threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), type(kind.__name__, (kind,), {"sent": sent, "done": done}))
    with answering(server):
        yield f"http://127.0.0.1:{server.server_address[1]}", sent, done


def read_card(address: str) -> Callable[[], object]:
    return lambda: HttpReader(address, http_format(), timeout=DEADLINE_S).read_card()


def call_next(address: str) -> Callable[[], object]:
    return lambda: QueueCaller(address, queue_format(), timeout=DEADLINE_S).call_next("XAM01", "8")


ASKS = {"card": (read_card, CardError), "queue": (call_next, QueueError)}


@pytest.mark.parametrize("ask", ASKS, ids=ASKS.keys())
def test_an_answer_without_end_is_read_no_further_than_the_cap(ask: str) -> None:
    asking, error = ASKS[ask]
    with device(_Endless) as (address, sent, done), pytest.raises(error) as raised:
        asking(address)()
    assert done.wait(DEADLINE_S * 4)
    assert sent[0] < ENDLESS  # the desk closed the connection, and the service could send no more
    fault = raised.value.fault  # type: ignore[attr-defined]
    assert fault is (CardFault.UNREADABLE if ask == "card" else QueueFault.BAD_ANSWER)


@pytest.mark.parametrize("ask", ASKS, ids=ASKS.keys())
def test_a_length_no_device_answers_with_is_refused_unread(ask: str) -> None:
    asking, error = ASKS[ask]
    started = time.monotonic()
    with device(_Declared) as (address, _, _), pytest.raises(error) as raised:
        asking(address)()
    assert time.monotonic() - started < DEADLINE_S  # not waited for: refused on its headers
    fault = raised.value.fault  # type: ignore[attr-defined]
    assert fault is (CardFault.UNREADABLE if ask == "card" else QueueFault.BAD_ANSWER)


@pytest.mark.parametrize("ask", ASKS, ids=ASKS.keys())
def test_an_answer_dripped_is_cut_off_at_the_whole_answers_deadline(ask: str) -> None:
    asking, error = ASKS[ask]
    started = time.monotonic()
    with device(_Dripping) as (address, sent, done), pytest.raises(error) as raised:
        asking(address)()
    took = time.monotonic() - started
    assert took < DEADLINE_S + 1.0  # the deadline and the watchdog's turn, not the DRIP_S the whole would take
    fault = raised.value.fault  # type: ignore[attr-defined]
    assert fault is (CardFault.NO_ANSWER if ask == "card" else QueueFault.NO_ANSWER)
    assert done.wait(DRIP_S)
    assert sent[0] < 100  # the service found the connection closed before the end of its answer


def test_an_answer_nested_past_the_parsers_depth_is_no_json() -> None:
    """Within the cap, but arrays in arrays deeper than JSON's reader goes: a torn read, not the reader's crash."""

    class Nested(_Device):
        def answer(self) -> None:
            body = b"[" * 100_000 + b"]" * 100_000
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.sent.append(len(body))

    with device(Nested) as (address, _, _), pytest.raises(CardError) as raised:
        read_card(address)()
    assert raised.value.fault is CardFault.TORN
