"""A hall desk's operations through the window's runner: the connections they hold and what each call costs.

The window asks every operation through :class:`counter.ui.door.runner.Runner`, which runs it on its workers, over the
transport's connections (:class:`counter.service.remote.Remote`).  A thread made for each call and a connection kept
for each thread held a connection, and a descriptor, for every operation ever asked: 300 calls, 300 connections,
3.08 s against 0.21 s over one kept connection.

Here a real ``counter serve`` process (TLS, on a hall's SQLite file) answers a desk signed in as a clerk, and
``--calls`` reads (``admin.accounts_exist``: the session found, one statement) are asked two ways, in turns call by
call, over ``--rounds`` rounds:

- through a runner, as the window asks them (its workers, the transport's pool of connections);
- the floor: the same reads asked of the same transport from one thread, over the one connection its sign-in opened.

The budgets: the runner's median call at most 1.5 times the floor's (the pool's hand-over costs no handshake), at
most :data:`CALL_GOAL_MS` whatever the floor (a clerk's act asks a handful of calls, one intake six: they must add
up to less than the tenth of a second a person notices; a server that waited for each answer's acknowledgement,
Nagle's algorithm left on, cost 44 ms a call on the floor and the runner alike, and only this budget sees it), and
the descriptors the runner's calls leave open beyond the floor's at most the pool's size.  The runner is asked as a
command's is, without an event loop turning (the window's loop is :mod:`benchmarks.bench_keystrokes`' business)::

    .venv/bin/python benchmarks/bench_desk_calls.py [--calls 300] [--rounds 3]
"""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.goals import Verdicts, arguments
from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.service.admin import ACCOUNTS_EXIST, ADD_ACCOUNT
from counter.service.local import serve
from counter.service.remote import POOL_SIZE
from counter.service.requests import Nothing
from counter.ui.door.hall_desk import HallService
from counter.ui.door.runner import Runner
from tests.conftest import made_database
from tests.server.hall_server import HallServer, hall_server

PASSWORD = "Xam01desk2026"
#: the runner's median call against the floor's: the pool hands a kept connection over, it opens none
RATIO_GOAL = 1.5
CALL_GOAL_MS = 15.0


def sockets() -> int:
    """This process's open sockets."""
    found = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # closed between the listing and the look
            found += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
    return found


def add_accounts(url: str) -> None:
    service = serve(url)
    try:
        admin = Actor("admin", "管理员", frozenset({Role.ADMIN}))
        first = NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)
        assert service.call(ADD_ACCOUNT, first, Desk(DeskIdentity("XAM01", "1"), "管理员")) == ()
        clerk = NewAccount("clerk1", "乌兰", frozenset({Role.CLERK}), PASSWORD)
        assert service.call(ADD_ACCOUNT, clerk, Desk(DeskIdentity("XAM01", "1"), "管理员", admin)) == ()
    finally:
        service.close()


#: the desk the benchmarks at a hall server of their own sign in at, as its clerk
DESK_EIGHT = Desk(DeskIdentity("XAM01", "8"), "乌兰", Actor("clerk1", "乌兰", frozenset({Role.CLERK})))


@contextlib.contextmanager
def hall_of_its_own(folder: Path) -> Iterator[HallServer]:
    """A hall server of its own in ``folder`` (its own data folders, a migrated SQLite file with the catalog, an
    administrator and ``clerk1``, desk 8 registered); this process's data folders beside it, as a desk's."""
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(COUNTER_HOME=str(folder / "server-home"), COUNTER_STATE=str(folder / "server-state"))
    os.environ["COUNTER_HOME"] = str(folder / "bench" / "home")
    os.environ["COUNTER_STATE"] = str(folder / "bench" / "state")
    url = made_database(folder / "hall.sqlite3")
    add_accounts(url)
    with hall_server(folder, url, ("8",), env) as server:
        yield server


def through_the_runner(runner: Runner) -> bool:
    """The operation submitted as a window step submits it; no event loop turns here, so the runner hands the answer
    over before the submit returns."""
    answers: list[bool] = []
    runner.submit(ACCOUNTS_EXIST, Nothing(), owner=runner, answered=answers.append)
    return answers[0]


def timed(asks: Sequence[Callable[[], bool]], calls: int) -> list[list[float]]:
    """Each of ``calls`` askings of each of ``asks`` in milliseconds, the ways in turns, call by call: a shared
    machine's load falls on each alike."""
    times: list[list[float]] = [[] for _ in asks]
    for _ in range(calls):
        for ask, kept in zip(asks, times, strict=True):
            started = time.perf_counter()
            assert ask() is True
            kept.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    calls, rounds = (30, 1) if args.smoke else (args.calls, args.rounds)
    verdicts = Verdicts(smoke=args.smoke)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        with hall_of_its_own(folder) as server:
            ours: list[float] = []
            floor: list[float] = []
            most_open = 0
            for _ in range(rounds):
                desk = server.desk("8", "clerk1", PASSWORD)  # its sign-in's connection kept: the floor's one
                before = sockets()
                runner = Runner(HallService(desk))
                asks = [
                    partial(desk.call, ACCOUNTS_EXIST, Nothing()),
                    partial(through_the_runner, runner),
                ]
                bare, through = timed(asks, calls)
                floor += bare
                ours += through
                most_open = max(most_open, sockets() - before)
                desk.close()
            server.close_remotes()
    print(f"{calls} calls a round, {rounds} rounds; load average {os.getloadavg()[0]:.1f}")
    verdicts.ratio(
        "a call through the window's runner, median", statistics.median(ours), statistics.median(floor), RATIO_GOAL
    )
    verdicts.at_most(
        "a call through the window's runner, median, in all",
        statistics.median(ours),
        CALL_GOAL_MS,
        floor=statistics.median(floor),
    )
    verdicts.at_most(f"connections left open after {calls} calls", most_open, POOL_SIZE, unit="sockets")
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
