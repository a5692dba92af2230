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

- a desk key whose last sign-in here failed (a wrong password, an unknown login, a lock) has its next checked in a
  lane of its own (:meth:`HashingGate.check`): one thread, at the processor's lowest priority (nice 19), beside the
  slots, not in them.  A stolen key asked without pause keeps one check running for ever; in a slot, at the
  priority of the others, it took half of a two-processor machine from the desk signing in beside it (desk 8's
  sign-in 2.69 s at load 8, its own floor 1.20 s).  At nice 19 it runs on what the machine leaves over: measured
  beside a scrypt in a loop at nice 19, desk 8's slowest sign-in was 1.0 and 1.4 s, its floor 1.2-1.6 s (at nice 0:
  1.71 and 2.25 s).  A clerk who mistyped has the retry checked there, at full speed on an idle server.  The lane
  holds one check at a time, so at most :attr:`HashingGate.at_once` + 1 run together.  A key's first failure is
  known only once its check ends: that one, and the first after each success at the key, still runs in a slot.

An unknown login of a known desk still costs a whole check (the dummy hash): the door's time tells nobody which
logins exist.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager

from starlette.concurrency import run_in_threadpool

from counter.access.desk_session import DeskSignIn
from counter.access.passwords import COST

#: the lane of the sign-ins after a failure: the lowest priority a process may give one of its threads
LANE_NICE = 19

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


def _lowest_priority() -> None:
    """The lane's thread at :data:`LANE_NICE` (Linux gives each thread its own); elsewhere as it is."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LANE_NICE)


class HashingGate:
    """The sign-ins' gate: :meth:`check` runs each sign-in's call."""

    def __init__(self, at_once: int | None = None) -> None:
        self.at_once = hashes_at_once() if at_once is None else at_once
        self._slots = asyncio.Semaphore(self.at_once)
        self._keys: set[str] = set()
        self._failed: set[str] = set()  # the desk keys whose last sign-in here failed: at most the hall's desks
        self._lane = ThreadPoolExecutor(1, "sign-in-after-failure", initializer=_lowest_priority)

    async def check(self, key_hash: str, sign_in: Callable[[], DeskSignIn]) -> DeskSignIn:
        """``sign_in()`` run on a thread once the gate lets it, in a slot or, after a failure at ``key_hash``, in the
        lane; :class:`KeyBusy` at once if ``key_hash`` already signs in."""
        if key_hash in self._failed:
            if key_hash in self._keys:
                raise KeyBusy(key_hash)
            self._keys.add(key_hash)
            checked = asyncio.get_running_loop().run_in_executor(self._lane, sign_in)
            # the key is the check's until its thread is done, even if no one waits for it any more: a client that
            # hangs up and asks again queues nothing behind it
            checked.add_done_callback(lambda _: self._keys.discard(key_hash))
            answer = await checked
        else:
            async with self.admitted(key_hash):
                answer = await run_in_threadpool(sign_in)
        if answer.result.signed_in:
            self._failed.discard(key_hash)
        else:
            self._failed.add(key_hash)
        return answer

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
