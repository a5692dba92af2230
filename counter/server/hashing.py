"""Sign-ins let in to check a password a few at a time, and one at a time per desk key.

Each sign-in with a registered desk's key runs scrypt at 128 MiB (:data:`counter.access.passwords.COST`), an
unknown login's included (against the dummy hash, so that it takes as long).  Unbounded, 40 sign-ins at once took
the server to 2.4 GB, held 40 worker threads and their database connections (the pool ran out: other desks were
answered 503) and made another desk's sign-in take 36 s.  Here, before a sign-in takes a thread or a connection:

- at most :attr:`HashingGate.at_once` run together (an asyncio semaphore: the others wait without a thread), sized to
  the machine: no more than its processors (scrypt is all processor time) nor than a quarter of its free memory
  holds;
- a desk key (its hash) signs in once at a time: a second sign-in with the same key while the first runs is refused
  429 ``busy`` at once.  A desk's machine never signs in twice at once; a client with one stolen key that asks 40 at
  once gets one hash and 39 refusals, and every other desk finds the gate as free as before;
- only a desk's own key takes a place in the line: the door asks first whether the key is the desk's
  (``hall.check_desk``, one indexed read) and a sign-in with any other key, which tries no password, is answered
  beside the gate.  Before, each of them waited its turn there: 40 sign-ins with made-up keys, which cost their
  sender nothing, stood between another desk and its check.  So the line holds at most one sign-in per desk of the
  hall, and a desk waits at most for the checks of the other desks signing in at that moment (one each), not for a
  flood.

An unknown login of a known desk still costs a whole check (the dummy hash): the door's time tells nobody which
logins exist.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from counter.access.passwords import COST

#: the refusal of a second sign-in with a desk key whose first still runs
BUSY = "busy"


class KeyBusy(Exception):
    """A sign-in with a desk key whose previous sign-in still runs."""


def hashes_at_once(processors: int | None = None, free_memory: int | None = None) -> int:
    """How many scrypt checks may run together: at most the processors, at most a quarter of free memory, at
    least one."""
    processors = processors or os.cpu_count() or 1
    free_memory = _free_memory() if free_memory is None else free_memory
    return max(1, min(processors, free_memory // (4 * COST.memory)))


def _free_memory() -> int:
    """``MemAvailable`` of ``/proc/meminfo``, in bytes; elsewhere the free pages."""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")


class HashingGate:
    """The sign-ins' gate: :meth:`admitted` around each sign-in's call."""

    def __init__(self, at_once: int | None = None) -> None:
        self.at_once = hashes_at_once() if at_once is None else at_once
        self._slots = asyncio.Semaphore(self.at_once)
        self._keys: set[str] = set()

    @asynccontextmanager
    async def admitted(self, key_hash: str) -> AsyncIterator[None]:
        """The block runs once a slot is free; :class:`KeyBusy` at once if ``key_hash`` already signs in."""
        if key_hash in self._keys:
            raise KeyBusy(key_hash)
        self._keys.add(key_hash)
        try:
            async with self._slots:
                yield
        finally:
            self._keys.discard(key_hash)
