"""A hall's two servers on one database, one of them killed mid-morning: what the desks lose and how long a clerk waits.

Two ``counter serve`` processes on one PostgreSQL (a throwaway cluster with ``fsync`` on,
:func:`benchmarks.bare_desk.durable_postgres`), and 20 desk machines, each a process of its own
(:mod:`benchmarks.server_desk`) asking through the real transport (:class:`counter.service.remote.Remote`), each
naming both servers as ``counter desk --server A --server B`` sets it, A first: every desk is at A, so every desk
has to move.  Each begins an intake every ``PACE_S`` seconds (the preview, then the commit under its idempotency
key, a bare request before each), as in :mod:`benchmarks.bench_server_load`'s budgeted runs.

1. Both servers up for the whole run: the floor, the longest wait a clerk sees when nothing fails.
2. The same, with A killed (SIGKILL) a third into the run and not started again: the desks move to B with their
   sessions (held in the database, not in A), a write whose answer A never sent is asked again of B under its key.

Checked against the database after each run: every intake a desk was told was taken is there exactly once, no
intake (its uid) applied twice, none refused; and the longest single request any desk waited for, the kill's
included, within :data:`LONGEST_WAIT_GOAL_S`.  With one server, the same kill waits for the server's restart
(:mod:`benchmarks.bench_server_load`'s run 2); with two, for no restart at all.

    .venv/bin/python benchmarks/bench_pair.py [--smoke]
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bare_desk import durable_postgres
from benchmarks.bench_server_load import (
    LoadRun,
    Server,
    _env,
    add_accounts,
    register_desks,
    run_desks,
    servers,
    stored,
)
from benchmarks.goals import Verdicts, arguments, percentile
from counter.service.remote import CONNECT_TIMEOUT_S
from tests.db.tls_server import make_authority, write_server_certificate

DESKS = 20
SECONDS = 45.0
#: how often a desk begins an intake (seconds): some thirty times a clerk's fastest real pace
PACE_S = 2.0
#: the longest a clerk may wait for one request across the kill: the connect deadline of a server that answers
#: nothing, and room for B taking every desk at once on a shared machine
LONGEST_WAIT_GOAL_S = CONNECT_TIMEOUT_S + 2.0


def killed_at_a_third(server: Server, seconds: float) -> Callable[[], None]:
    """What runs while the desks go: ``server`` killed a third into the run, left down."""

    def during() -> None:
        time.sleep(seconds / 3)  # the desks are taking intakes: the moment of the kill is the point
        server.kill()

    return during


def longest_wait_s(load: LoadRun) -> float:
    """The longest single request any desk waited for: a bare request, a preview or a commit, waits included."""
    kinds = ("ping_ms", "preview_ms", "take_ms", "waited_ms")
    return max(float(t) for run in load.runs for kind in kinds for t in getattr(run, kind)) / 1000


def judge(verdicts: Verdicts, where: str, load: LoadRun, url: str, floor_s: float | None) -> float:
    """The run's figures, checked against the database; its longest wait."""
    errors = [error for run in load.runs for error in run.errors]
    takes = [t for run in load.runs for t in run.take_ms + run.waited_ms]
    longest = longest_wait_s(load)
    print(
        f"{where}: {len(load.cases)} intakes in {load.seconds:.1f} s; commit p95 {percentile(takes, 0.95):.0f} ms; "
        f"{sum(run.resent for run in load.runs)} requests asked again by the transport, "
        f"{sum(run.outages for run in load.runs)} times it gave up; load average {load.load[0]:.1f} on "
        f"{os.cpu_count()} cores",
        flush=True,
    )
    for error in sorted(set(errors))[:3]:
        print(f"{where}: refused: {error}", flush=True)
    found = stored(url, load)
    verdicts.at_most(f"intakes refused or failed, {where}", len(errors), 0, unit="intakes")
    verdicts.at_most(f"intakes told taken but not in the database once, {where}", found.missing, 0, unit="intakes")
    verdicts.at_most(f"intakes applied twice, {where}", found.applied_twice, 0, unit="intakes")
    verdicts.at_most(f"duplicate case numbers told, {where}", found.told_twice, 0, unit="numbers")
    verdicts.at_most(f"the longest wait a clerk saw, {where}", longest, LONGEST_WAIT_GOAL_S, "s", floor_s)
    return longest


def main() -> None:
    options = arguments(__doc__).parse_args()
    desks, seconds, pace = (2, 4.0, 0.5) if options.smoke else (DESKS, SECONDS, PACE_S)
    verdicts = Verdicts(smoke=options.smoke)
    print(f"{os.cpu_count()} cores shared by the desks, the two servers and PostgreSQL", flush=True)
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-pair-")))
        url = stack.enter_context(durable_postgres())
        os.environ["COUNTER_HOME"] = str(folder / "bench" / "home")  # this process's own notes and keys
        os.environ["COUNTER_STATE"] = str(folder / "bench" / "state")
        add_accounts(url, desks)
        machines = register_desks(url, desks, _env(folder / "admin"))
        authority = make_authority("兴安盟政务服务中心 CA")
        tls = folder / "tls"
        tls.mkdir()
        write_server_certificate(authority, tls, "localhost")
        ca_file = authority.write(folder / "hall-ca.crt")
        with servers(url, folder, tls, 2) as (a, b):
            both = [f"{a.root} {b.root}"]  # every desk's setting: A, then B
            load = run_desks(machines, both, ca_file, folder, seconds, pace=pace)
            floor = judge(verdicts, f"{desks} desks naming two servers, both up", load, url, None)
            load = run_desks(machines, both, ca_file, folder, seconds, killed_at_a_third(a, seconds), pace=pace)
            judge(verdicts, f"{desks} desks naming two servers, A killed mid-morning", load, url, floor)
    sys.exit(verdicts.finish())


if __name__ == "__main__":
    main()
