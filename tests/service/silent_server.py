"""A hall server that takes connections and answers nothing: its process frozen (``kill -STOP``), its machine half
dead, a proxy with nothing behind it.  The kernel takes the connection; the TLS handshake never comes."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class SilentServer:
    """A port that takes connections and answers nothing (a server hung, a proxy with nothing behind it), until
    :meth:`end` closes it and its connections, and the desk's tries end."""

    def __init__(self) -> None:
        self._listening = socket.create_server(("127.0.0.1", 0))
        self._listening.settimeout(0.05)
        self.port: int = self._listening.getsockname()[1]
        self._taken: list[socket.socket] = []
        self._stop = threading.Event()
        self._taker = threading.Thread(target=self._take, daemon=True)
        self._taker.start()

    def _take(self) -> None:
        while not self._stop.is_set():
            try:
                self._taken.append(self._listening.accept()[0])
            except TimeoutError:
                continue

    def end(self) -> None:
        if self._stop.is_set():
            return
        self._stop.set()
        self._taker.join()
        self._listening.close()
        for connection in self._taken:
            connection.close()


@contextmanager
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    try:
        yield server
    finally:
        server.end()
