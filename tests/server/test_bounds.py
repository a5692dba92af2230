"""``counter serve`` under a hostile network: connections that say nothing, bodies that drip or are too large.

Measured before these bounds: 50 silent connections were still open at 133 s, 100 slow bodies were held for their
whole 45 s, and a 300 MB sign-in was read whole.  Here one server on a hall's SQLite file is asked as a client that
means harm asks it, while a desk signs in beside it: each such connection is closed within seconds, and the desk is
answered throughout.
"""

from __future__ import annotations

import resource
import socket
import ssl
import subprocess
import sys
import time

import pytest

from counter.server.bodies import BODY_S
from counter.server.bounds import HANDSHAKE_S, HEAD_S, connection_cap
from tests.server.hall_server import HALL_PASSWORD, HallServer

pytestmark = pytest.mark.program

PASSWORD = HALL_PASSWORD
#: how late past its deadline a connection may be closed: a loaded machine's scheduling
SLACK_S = 3.0


def _tls(hall: HallServer) -> ssl.SSLSocket:
    context = ssl.create_default_context(cafile=str(hall.ca_file))
    raw = socket.create_connection(("127.0.0.1", hall.port), timeout=30)
    return context.wrap_socket(raw, server_hostname="localhost")


def _closed_after(one: socket.socket) -> tuple[float, bytes]:
    """Seconds until the server closes ``one``, and what it answered before; ``one`` closed here too."""
    start = time.monotonic()
    answer = b""
    try:
        while chunk := one.recv(65536):
            answer += chunk
    except (ConnectionResetError, ssl.SSLError):
        pass
    finally:
        one.close()
    return time.monotonic() - start, answer


def _signs_in(hall: HallServer) -> float:
    """Seconds a desk's sign-in takes; the test fails if it does not succeed.  Held against :data:`HEAD_S`, not a
    budget: answered before the server sheds the idle connections, it did not wait for them (its time alone is the
    door benchmark's, ``benchmarks/bench_door.py``)."""
    start = time.monotonic()
    remote = hall.remote()
    try:
        assert remote.sign_in("wulan", PASSWORD, "8", hall.desk_keys["8"]).result.signed_in
    finally:
        remote.close()
    return time.monotonic() - start


def test_connections_that_send_nothing_are_closed_while_a_desk_signs_in(clerks_hall: HallServer) -> None:
    silent = [_tls(clerks_hall) for _ in range(20)]  # their handshakes done: uvicorn then waited for ever
    port = clerks_hall.port
    unspoken = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(20)]  # not even hello
    assert _signs_in(clerks_hall) < HEAD_S
    assert max(_closed_after(one)[0] for one in silent) < HEAD_S + SLACK_S
    assert max(_closed_after(one)[0] for one in unspoken) < HANDSHAKE_S + SLACK_S


def test_a_request_head_dripped_a_byte_at_a_time_is_closed(clerks_hall: HallServer) -> None:
    one = _tls(clerks_hall)
    start = time.monotonic()
    head = b"POST /v1/sign-in HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 200
    try:
        for byte in head:
            one.sendall(bytes([byte]))
            time.sleep(0.1)
            if time.monotonic() - start > HEAD_S + SLACK_S:
                break
    except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
        pass
    assert _closed_after(one)[0] + (time.monotonic() - start) < HEAD_S + 2 * SLACK_S


def test_a_body_that_drips_is_refused_and_closed_while_a_desk_signs_in(clerks_hall: HallServer) -> None:
    one = _tls(clerks_hall)
    one.sendall(b"POST /v1/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n{")
    start = time.monotonic()
    one.settimeout(0.2)
    answer = b""
    while not answer and time.monotonic() - start < BODY_S + SLACK_S:
        try:
            one.sendall(b" ")
            answer = one.recv(65536)
        except TimeoutError:
            continue
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            break
    one.settimeout(30)
    rest = _closed_after(one)[1]
    closed = time.monotonic() - start
    assert _signs_in(clerks_hall) < HEAD_S
    assert (answer + rest).startswith(b"HTTP/1.1 408"), answer + rest
    assert closed < BODY_S + SLACK_S


def test_a_body_too_large_is_refused_before_it_is_sent(clerks_hall: HallServer) -> None:
    one = _tls(clerks_hall)
    one.sendall(b"POST /v1/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Length: 300000000\r\n\r\n")
    waited, answer = _closed_after(one)  # not a byte of the body sent: the answer comes all the same
    assert answer.startswith(b"HTTP/1.1 413"), answer
    assert answer.endswith(b'{"refused": "too_large"}')
    assert waited < SLACK_S


@pytest.mark.parametrize("length", [b"ten", b"-5", b"10, 20"])
def test_a_body_length_that_is_no_number_is_refused_at_the_door(clerks_hall: HallServer, length: bytes) -> None:
    """The door's cap reads the declared length as a number: a head declaring anything else never reaches it."""
    one = _tls(clerks_hall)
    one.sendall(b"POST /v1/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + length + b"\r\n\r\n{}")
    waited, answer = _closed_after(one)
    assert answer.startswith(b"HTTP/1.1 400"), answer
    assert waited < SLACK_S
    assert _signs_in(clerks_hall) < HEAD_S


def test_a_shells_low_descriptor_limit_is_raised_to_its_hard_one_at_start() -> None:
    """Started from a shell (soft limit 1,024 under a hard one far above), the server takes what the hard limit allows
    before it sizes its connections, rather than refusing desks at a few hundred."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    low = min(soft, 1024, hard)

    def shells_limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (low, hard))

    script = (
        "import resource\n"
        "from counter.server.bounds import connection_cap\n"
        "print(connection_cap(), *resource.getrlimit(resource.RLIMIT_NOFILE))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], preexec_fn=shells_limit, capture_output=True, text=True, timeout=60, check=True
    )
    cap, now_soft, now_hard = (int(one) for one in done.stdout.split())
    expected = hard if hard != resource.RLIM_INFINITY else low
    assert (now_soft, now_hard) == (expected, hard)
    assert cap == connection_cap(expected)
