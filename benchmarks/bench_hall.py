"""Many desks writing intakes at once: twenty on a hall's PostgreSQL, five on one SQLite file, each beside the floor.

Each desk is an OS process (``tests/db/hall_worker.py``, the machine the load test starts), with its own desk number
and, a computer of its own, its own state folder, all let go at the same moment; each takes its intakes flat out, one
transaction each (``take_intake``: counter, case, checklist lines, history line, audit entry, party, COMMIT, the
number noted outside the database).  Each connects as a desk does, through the desk's own ``Store`` (the same engine
and connection settings the window gets: the bounds of a desk's PostgreSQL session, the checks at opening, the
numbers' guard) and commits each intake through ``Store.write`` as the intake panel does: a worker on a bare engine
of its own measured a leaner connection than any desk has.
The floor is the same number of processes writing the same rows with the bare driver (``benchmarks/bare_desk.py``,
each number noted after its commit as the action notes it), on the same database, with the same durability: SQLite
in WAL mode with ``synchronous=FULL`` and ``BEGIN IMMEDIATE``; PostgreSQL on a cluster started with ``fsync`` and
``synchronous_commit`` on (``bare_desk.durable_postgres``: a server that never waits for its disk would flatter every
figure beside SQLite's).  The action's run and the floor's take turns, ``--rounds`` times each.

The budgets: no intake refused (``database is locked``, a serialization failure) by either database, on the action's
side, and on the hall's PostgreSQL with twenty desks at once an intake's commit p95 at most 150 ms, as the clerk waits
for it.  Printed beside the floor, for information: p50 and p95 of the transaction and intakes per second.

    .venv/bin/python benchmarks/bench_hall.py [--pg-desks 20] [--sqlite-desks 5] [--intakes 40] [--rounds 1]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bare_desk import durable_postgres
from benchmarks.bench_intake import action_side, office_year, prepared
from benchmarks.goals import Verdicts, arguments, percentile
from counter.case.numbers import DeskIdentity
from tests.db.hall_worker import HallRun, run_hall, run_machines

#: an intake's commit on the hall's PostgreSQL with every desk writing at once, p95 (ms)
PG_BUDGET_MS = 150.0
WARM_UP = 3  # each desk's first intakes prepare its statements: left out of the latencies
FIRST_DESK = 11  # the hall's desks are numbered from here (hall_desks)


def template_case(url: str) -> str:
    """One intake taken by the action, for the floor's processes to copy."""
    intake, last, end = action_side(url)
    try:
        intake(-1)()
        return last()
    finally:
        end()


def hall_desks(count: int) -> list[DeskIdentity]:
    """Desk numbers of their own from 11 on: neither the template case's (bench_intake.ACTION_DESK) nor the floor's
    (5MACHINE), whose numbers a desk's own notes, on a computer of its own, would not hold."""
    return [DeskIdentity("XAM01", str(FIRST_DESK + n)) for n in range(count)]


def bare_run(url: str, case_no: str, desks: int, count: int) -> HallRun:
    worker = [sys.executable, "-m", "benchmarks.bare_desk", url, case_no]
    return run_machines([[*worker, str(machine), str(count)] for machine in range(desks)])


def latencies(run: HallRun) -> list[float]:
    return [t for report in run.reports for t in report.commit_ms[WARM_UP:]]


def compare(
    verdicts: Verdicts,
    where: str,
    ours: Callable[[], HallRun],
    floor: Callable[[], HallRun],
    rounds: int,
    budget_ms: float | None = None,
) -> None:
    """The action's runs and the floor's, in turns; the figures of all rounds together."""
    mine: list[HallRun] = []
    bare: list[HallRun] = []
    for n in range(rounds):
        for runs, run in ((mine, ours), (bare, floor)) if n % 2 == 0 else ((bare, floor), (mine, ours)):
            runs.append(run())
    for label, runs in (("intake", mine), ("floor ", bare)):
        times = [t for run in runs for t in latencies(run)]
        taken = sum(len(report.commit_ms) for run in runs for report in run.reports)
        rate = taken / sum(run.seconds for run in runs)
        print(
            f"{where}: {label} p50 {statistics.median(times):.2f}  p95 {percentile(times, 0.95):.2f}  "
            f"max {max(times):.2f} ms, {rate:,.1f} intakes/s ({taken} in {sum(r.seconds for r in runs):.1f} s)"
        )
    ours_times = [t for run in mine for t in latencies(run)]
    bare_times = [t for run in bare for t in latencies(run)]
    print(
        f"{where}: intake / floor p50 {statistics.median(ours_times) / statistics.median(bare_times):.2f}x, "
        f"p95 {percentile(ours_times, 0.95) / percentile(bare_times, 0.95):.2f}x (for information)"
    )
    if budget_ms is not None:
        p95, floor_p95 = percentile(ours_times, 0.95), percentile(bare_times, 0.95)
        verdicts.at_most(f"intake commit p95, {where}", p95, budget_ms, floor=floor_p95)
    for label, runs in (("the action", mine), ("the floor", bare)):
        errors = [error for run in runs for report in run.reports for error in report.errors]
        for error in sorted(set(errors))[:3]:
            print(f"{where}: {label} refused: {error}")
        if runs is mine:
            verdicts.at_most(f"intakes refused, {where}", len(errors), 0, unit="intakes")
        else:
            print(f"{where}: intakes refused on the floor: {len(errors)}")


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--pg-desks", type=int, default=20)
    parser.add_argument("--sqlite-desks", type=int, default=5)
    parser.add_argument("--intakes", type=int, default=40, help="per desk and run")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each side, in turns")
    args = parser.parse_args()
    pg_desks, sqlite_desks = (2, 2) if args.smoke else (args.pg_desks, args.sqlite_desks)
    count = 5 if args.smoke else args.intakes
    rounds = 1 if args.smoke else args.rounds
    verdicts = Verdicts(smoke=args.smoke)
    print(f"{count} intakes per desk and run, {os.cpu_count()} cores shared by the desks and the server")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # every process notes its numbers in this run's own folders (counter.host.notes.database_notes); each desk, a
        # computer of its own, in a state folder of its own below "machines"
        os.environ["COUNTER_HOME"] = str(folder / "home")
        os.environ["COUNTER_STATE"] = str(folder / "state")
        machines = folder / "machines"

        path = folder / "township.sqlite3"
        url = f"sqlite:///{path}"
        prepared(url)
        case_no = template_case(url)
        desks = hall_desks(sqlite_desks)
        compare(
            verdicts,
            f"SQLite WAL synchronous=FULL, {sqlite_desks} desks",
            lambda: run_hall(url, desks, count, receipts=False, states=machines),
            lambda: bare_run(url, case_no, sqlite_desks, count),
            rounds,
        )

        with durable_postgres() as pg_url:
            office_year(pg_url)
            case_no = template_case(pg_url)
            desks = hall_desks(pg_desks)
            compare(
                verdicts,
                f"PostgreSQL fsync=on synchronous_commit=on, {pg_desks} desks",
                lambda: run_hall(pg_url, desks, count, receipts=False, states=machines),
                lambda: bare_run(pg_url, case_no, pg_desks, count),
                rounds,
                PG_BUDGET_MS,
            )
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
