"""SIGKILL the intake process at random moments: no committed case is lost or half-written.

A short run of the harness in :mod:`tests.crash.harness`; ``scripts/crash_intakes.py``
runs it with hundreds of kills.  The seed is printed, so a failure can be replayed
with ``scripts/crash_intakes.py --seed SEED``.
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.crash.harness import crash_run, first_start_steps

KILLS = 18
FIRST_STARTS = 2  # each is two kills: the first start, then the start that completes it


def test_killed_intakes_lose_nothing(tmp_path: Path) -> None:
    seed = random.SystemRandom().randrange(2**32)
    print(f"crash seed {seed}")
    tally = crash_run(KILLS, seed, tmp_path, FIRST_STARTS)
    print(tally.summary())
    assert tally.problems == [], f"seed {seed}"
    assert tally.kills >= KILLS
    assert tally.first_start_kills == FIRST_STARTS
    assert tally.committed > 0, "no intake was committed before a kill"
    assert tally.verified == tally.committed
    assert tally.lost == 0


def test_every_planned_first_start_falls_within_the_run() -> None:
    # Seed 1276539929 once placed a first start at step 17 of a run that ended after 16 steps.
    for seed in [1276539929, *range(500)]:
        planned = first_start_steps(KILLS, FIRST_STARTS, random.Random(seed))
        assert len(planned) == FIRST_STARTS
        assert max(planned) < KILLS - FIRST_STARTS
