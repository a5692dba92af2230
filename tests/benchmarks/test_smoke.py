"""Every benchmark, run once at a small size, so that none rots between the runs that measure.

A benchmark nobody runs stops working without anyone noticing (``bench_intake``'s fill broke on a schema change and
stayed broken). The test command therefore runs each ``benchmarks/bench_*.py`` with ``--smoke``: the same code paths
at a size that takes seconds, goals printed but not enforced (``benchmarks/goals.py``). The files are found by glob,
so a benchmark added later is covered without touching this test. Timings are never judged here: a smoke run on a
shared machine measures nothing worth judging.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = sorted((ROOT / "benchmarks").glob("bench_*.py"))
# a line benchmarks/goals.py prints for each goal: "label: figures: verdict"
GOAL_LINE = re.compile(r": (ok|OVER GOAL|not enforced \(smoke\))$", re.MULTILINE)
SMOKE_LIMIT_S = 300  # well under a minute each when the machine is free; room for a machine busy with other work


def test_there_are_benchmarks() -> None:
    """A glob that finds nothing would pass every parametrised case vacuously."""
    assert len(BENCHMARKS) >= 5, BENCHMARKS


@pytest.mark.slow
@pytest.mark.parametrize("script", BENCHMARKS, ids=[path.stem for path in BENCHMARKS])
def test_benchmark_runs_small(script: Path, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "COUNTER_HOME": str(tmp_path / "home"),  # a benchmark that forgets its own data folder writes here, not ~
        "COUNTER_STATE": str(tmp_path / "state"),
    }
    env.pop("COUNTER_DB_URL", None)
    done = subprocess.run(
        [sys.executable, str(script), "--smoke"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=SMOKE_LIMIT_S,
        check=False,
    )
    said = f"stdout:\n{done.stdout[-4000:]}\nstderr:\n{done.stderr[-4000:]}"
    assert done.returncode == 0, said
    assert GOAL_LINE.search(done.stdout), f"no goal line printed (benchmarks/goals.py)\n{said}"
