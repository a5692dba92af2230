"""A hall's desks committing intakes at once on PostgreSQL, against one desk on SQLite.

Each desk is an OS process (``tests/db/hall_worker.py``, the same machine the
load test starts), with its own desk number, all started at the same moment on
one database of a throwaway PostgreSQL 15 cluster (``tests/pg_server.py``,
``fsync`` off).  Measured per intake: the wall time of the transaction that
takes it (checklist lines, first history line, audit entry, party, COMMIT) —
what the clerk waits for after pressing 受理.  Two runs on PostgreSQL:

1. at a window's pace: each desk pauses between intakes (``--pause``, a random
   pause up to twice that), as a clerk talks to the next applicant; the commit
   latency against the goal of p95 <= 25 ms;
2. flat out: no pause at all, for the throughput (intakes per second); on a
   machine where the desks' processes share the server's cores, its latency is
   mostly waiting for a core, and is printed for the record only.

Then one desk flat out on SQLite (WAL, ``synchronous=FULL``), the default of a
single desk, and the ratios.

    .venv/bin/python benchmarks/bench_hall.py [--desks 20] [--intakes 60] [--pause 500]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from counter.actions.catalog import import_source
from counter.case.numbers import DeskIdentity
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from tests.db.hall_worker import HallRun, run_hall
from tests.pg_server import CATALOG, PgDatabases, start_cluster, stop_cluster

CATALOG_DIR = Path(__file__).resolve().parent.parent / "counter" / "resources" / "catalog"
GOAL_P95_MS = 25.0
WARM_UP = 5  # each desk's first intakes compile its statements: left out of the figures


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * q) - 1)]


def figures(label: str, run: HallRun, goal: float | None = None) -> tuple[float, float]:
    """Print one line; return (p95 in ms, intakes per second)."""
    times = [t for report in run.reports for t in report.commit_ms[WARM_UP:]]
    taken = sum(len(report.cases) for report in run.reports)
    p95, rate = percentile(times, 0.95), taken / run.seconds
    verdict = "" if goal is None else f"  goal p95<={goal:.0f} ms: {'ok' if p95 <= goal else 'OVER GOAL'}"
    print(
        f"{label:<40} n={len(times):>5}  p50={statistics.median(times):6.2f} ms  p95={p95:6.2f} ms  "
        f"max={max(times):7.2f} ms  {rate:6.1f} intakes/s ({taken} in {run.seconds:.1f} s){verdict}"
    )
    return p95, rate


def sqlite_url(folder: Path) -> str:
    url = f"sqlite:///{folder / 'desk.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    outcome = import_source(make_sessions(engine), CATALOG_DIR)
    assert outcome.report is not None, outcome.problems
    engine.dispose()
    return url


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--intakes", type=int, default=60, help="per desk and run")
    parser.add_argument("--pause", type=float, default=500.0, metavar="MS", help="mean pause between intakes")
    args = parser.parse_args()
    desks = [DeskIdentity("XAM01", str(n)) for n in range(1, args.desks + 1)]
    print(f"{args.desks} desks x {args.intakes} intakes, {os.cpu_count()} cores shared by desks and server")
    cluster = start_cluster()
    try:
        databases = PgDatabases(cluster)
        paced_db, flat_db = databases.create(CATALOG), databases.create(CATALOG)
        databases.close()
        paced = run_hall(cluster.url(paced_db), desks, args.intakes, receipts=False, pause_ms=args.pause)
        figures(f"PostgreSQL, {args.desks} desks, pause ~{args.pause:.0f} ms", paced, GOAL_P95_MS)
        flat = run_hall(cluster.url(flat_db), desks, args.intakes, receipts=False)
        pg_p95, pg_rate = figures(f"PostgreSQL, {args.desks} desks, flat out", flat)
    finally:
        stop_cluster(cluster)
    with tempfile.TemporaryDirectory() as tmp:
        single = run_hall(sqlite_url(Path(tmp)), desks[:1], args.intakes * 2, receipts=False)
        sq_p95, sq_rate = figures("SQLite, 1 desk, flat out", single)
    print(f"throughput PostgreSQL {args.desks} desks / SQLite 1 desk: {pg_rate / sq_rate:.2f}x")
    print(f"commit p95 PostgreSQL {args.desks} desks flat out / SQLite 1 desk: {pg_p95 / sq_p95:.2f}x")


if __name__ == "__main__":
    main()
