"""A sender run as a service: one pass, a wait, another, until it is told to stop.

The loop is the face's (``counter messages send``, ``counter platform send``), each pass one operation of the
service: a stop asked of a running sender (SIGTERM) is seen between passes, and what was sent until then is still
counted and reported.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable

from counter.outbox.rules import SendRound


def run_until_stopped(interval: float, one_pass: Callable[[], SendRound]) -> SendRound:
    """One pass every ``interval`` seconds (at least half a second) until SIGTERM or Ctrl+C: what it did in all
    (nothing counted when Ctrl+C breaks a pass)."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    done = SendRound()
    try:
        while not stop.is_set():
            done += one_pass()
            stop.wait(max(interval, 0.5))
    except KeyboardInterrupt:
        return SendRound()
    return done
