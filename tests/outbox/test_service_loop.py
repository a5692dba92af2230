"""A sender run as a service (``messages``, ``platform`` and ``front-store send`` without ``--once``): passes until a
SIGTERM, which is seen between passes, and everything sent until then counted."""

from __future__ import annotations

import os
import signal

import pytest

from counter.outbox.rules import SendRound
from counter.outbox.service_loop import run_until_stopped


@pytest.mark.slow
def test_passes_run_until_a_sigterm_and_every_pass_is_counted() -> None:
    passes: list[int] = []

    def one_pass() -> SendRound:
        passes.append(1)
        if len(passes) == 3:  # the service manager stops the sender during its third pass
            os.kill(os.getpid(), signal.SIGTERM)
        return SendRound(sent=2, waiting=1)

    before = signal.getsignal(signal.SIGTERM)
    try:
        done = run_until_stopped(0.0, one_pass)
    finally:
        signal.signal(signal.SIGTERM, before)
    assert len(passes) == 3
    assert (done.sent, done.waiting) == (6, 3)
