"""systemd told when the server listens (``Type=notify``), and its worker threads and database pool sized together.

``sd_notify`` is a datagram to the socket systemd names in ``NOTIFY_SOCKET``: a few lines of socket code, no
library.  ``READY=1`` is sent once uvicorn has bound its port, so that ``systemctl start`` returns when desks can
sign in (``Type=simple`` returned at the fork, before the database was even opened); ``STOPPING=1`` as it begins to
stop.  Outside systemd nothing is sent.
"""

from __future__ import annotations

import logging
import os
import socket

import anyio.to_thread
import uvicorn

log = logging.getLogger(__name__)

#: the worker threads a request's work runs on (Starlette's pool: anyio's default, said here so that the database's
#: pool is sized to it)
WORKERS = 40
#: the database's connections: one per worker thread, one for the hall's own work, one for a scrape of the metrics, one
#: for the lane of the sign-ins after a failure (:mod:`counter.server.hashing`)
CONNECTIONS = WORKERS + 3


def notify(state: str) -> bool:
    """``state`` (``READY=1``, ``STOPPING=1``, ``STATUS=…``) sent to systemd; whether there was one to tell."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]  # an abstract socket
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sender:
            sender.connect(address)
            sender.sendall(state.encode())
    except OSError as err:
        log.warning("systemd was not told %s: %s", state.partition("\n")[0], err)
        return False
    return True


class ReadyServer(uvicorn.Server):
    """uvicorn's server that tells systemd when it listens and when it stops, with its worker threads fixed at
    :data:`WORKERS`."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKERS
        await super().startup(sockets)
        if self.started:
            notify(f"READY=1\nSTATUS=listening on port {self.config.port}")

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        notify("STOPPING=1")
        await super().shutdown(sockets)
