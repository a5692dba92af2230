"""A PostgreSQL server that is still starting, as a desk meets it: every connection refused with SQLSTATE 57P03.

A real server answers so for the seconds (or, recovering after a crash, the minutes) between its start and the end
of its recovery.  This stand-in speaks just enough of the protocol on a Unix socket: it reads the start-up message
and answers with the ``FATAL`` error a starting server sends, as libpq reports it.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STARTING = "the database system is starting up"
_NEGOTIATIONS = (80877103, 80877104)  # SSLRequest, GSSENCRequest: answered "no", the start-up message follows


def _error(state: str, message: str) -> bytes:
    fields = ((b"S", "FATAL"), (b"V", "FATAL"), (b"C", state), (b"M", message))
    body = b"".join(k + v.encode() + b"\0" for k, v in fields) + b"\0"
    return b"E" + struct.pack("!I", len(body) + 4) + body


def _answer(conn: socket.socket) -> None:
    with conn:
        while True:
            head = conn.recv(8, socket.MSG_WAITALL)
            if len(head) < 8:
                return
            length, code = struct.unpack("!II", head)
            conn.recv(length - 8, socket.MSG_WAITALL)
            if code in _NEGOTIATIONS:
                conn.sendall(b"N")
                continue
            conn.sendall(_error("57P03", STARTING))
            return


def _serve(sock: socket.socket) -> None:
    while True:
        try:
            conn, _ = sock.accept()
        except OSError:  # closed: the test is over
            return
        _answer(conn)


@contextmanager
def starting_server(folder: Path) -> Iterator[str]:
    """The URL of a database on a server in ``folder`` (its Unix socket) that is still starting."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(folder / ".s.PGSQL.5432"))
    sock.listen()
    thread = threading.Thread(target=_serve, args=(sock,), daemon=True)
    thread.start()
    try:
        yield f"postgresql+psycopg://desk@/hall?host={folder}"
    finally:
        sock.close()
