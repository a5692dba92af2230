"""A hall served by ``counter serve``: many desk machines taking intakes through the server, on a real PostgreSQL.

Each desk is a process of its own (:mod:`benchmarks.server_desk`) and a machine of its own: its desk registered by
``counter serve add-desk`` (its own key), its own account signed in through :class:`counter.service.remote.Remote`,
its own folders, no database URL in its environment. For ``--seconds`` every desk takes intakes as the window does
(``intake.preview_grounds`` as the intake opens, then ``intake.take_intake``), flat out, with a bare request
(``site.ping``) timed before each: the floor printed beside every figure. The server is ``counter serve`` itself
(uvicorn, TLS with the hall's own CA) on a throwaway PostgreSQL started with ``fsync`` and ``synchronous_commit`` on, as
a hall's server runs.

The runs, each checked against the database afterwards (every case number a desk was told is there exactly once; no
intake's uid is more than one case; no two desks told the same number):

1. 20 desks, then 50, on one server: intake p95 ≤ 150 ms at 20 and ≤ 300 ms at 50; 0 errors; 0 duplicate numbers.
   Each desk begins an intake every ``--pace`` seconds (5 by default: twelve a minute at every desk, some
   thirty times a clerk's fastest real pace, who takes an intake in two to three minutes), so that the figure is
   what a clerk waits at the busiest hour conceivable.  The same desks flat out (every desk beginning its next
   intake as the last is answered) measure what the server can take at all: printed for the record, with no goal,
   since on two cores shared by the desks, the server and PostgreSQL it is a queue's length, not a wait.
2. 20 desks on one server that is killed (SIGKILL) a third into the run and started again: every intake a desk was
   told was taken is in the database once, and none applied twice (the write asked again under its idempotency key,
   the intake's uid).  An intake that waited for the server to come back is counted apart; its time is no budget's.
3. 20 desks, then 50, spread over two servers on the one database: the same budgets.
4. F6 (``cases.day_lists``) and F7 (``cases.read_case``, ``cases.find_cases`` by ID number, phone, name and a
   number's tail) through the server, on the hall as built: F7's open p95 ≤ 50 ms, F6 and F7's finds p95 ≤ 200 ms.
   Beside each, for the record, the processor time a request cost the server and its database connections (a mean;
   the bare request's beside it): on a machine busy with other work the wall time is mostly the wait for a core.

``--cases N`` first builds a hall of N cases through the real write path (:mod:`benchmarks.big_hall`: township
packages taken in by the hall's sync import), stopped between two packages after ``--build-minutes``; the number
built is printed, and the figures are of that hall.

``--url URL --work FOLDER``: a hall built before instead, since one of millions of cases takes hours to build (its
build, :func:`benchmarks.big_hall.build` with ``work=FOLDER``, finished or stopped between two packages).  No
PostgreSQL is started: the runs go to that database, whose cases stay as they are; what the benchmark needs is added
beside them (an administrator if the hall has none, the clerks ``clerk00``… unless there, desks numbered above every
desk that has numbered in the hall).  The servers are handed the hall's own keys, as a hall's server holds them: its
signing and encryption keys (the build's ``FOLDER/hall/<site>.pem`` and ``<site>-encryption.pem``) and the data keys
its personal data was sealed under (``FOLDER/home/keys/site-data-*.key``, or the folder ``--data-keys`` names), so
that its cases open and are found by ID number and phone; keys that do not open the hall's values stop the run before
anything is added.  ``--reads-only`` leaves the load runs (1 to 3) out: one server, one desk taking intakes for
``--morning`` seconds (its day's cases, which its F6 lists), then F6 and F7 (run 4), ``--reads`` rounds.  Without it,
the load runs add their intakes to that hall.

    .venv/bin/python benchmarks/bench_server_load.py [--desks 20 50] [--seconds 30] [--cases 0] [--build-minutes 20]
    .venv/bin/python benchmarks/bench_server_load.py --url URL --work FOLDER [--data-keys FOLDER] [--reads-only]
        [--reads 60] [--morning 10]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text

from benchmarks.bare_desk import durable_postgres
from benchmarks.goals import Verdicts, arguments, percentile
from benchmarks.server_desk import DeskRun
from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.case.lookup import LOOKBACK_DAYS, read_lookup
from counter.case.numbers import DeskIdentity
from counter.db.sealed import UNREADABLE, index_of, unseal
from counter.host.keys.data_key import DataKeys, read_data_keys
from counter.host.machine import paths
from counter.service.admin import ADD_ACCOUNT
from counter.service.cases import DAY_LISTS, FIND_CASES, READ_CASE, FindCases
from counter.service.local import serve
from counter.service.remote import Remote
from counter.service.requests import CaseNo, Nothing
from counter.service.site import PING
from counter.sync.keys import encryption_key_path
from tests.db.tls_server import SERVER_CERT, SERVER_KEY, make_authority, write_server_certificate
from tests.pg_server import free_port
from tests.server.hall_server import add_desk

ROOT = Path(__file__).resolve().parent.parent
#: intake p95 through the server (ms), by the number of desks at once: the issue's budgets
INTAKE_BUDGET_MS = {20: 150.0, 50: 300.0}
#: how often a desk begins an intake in the budgeted runs (seconds): see the module's docstring
PACE_S = 5.0
OPEN_GOAL_MS = 50.0  # F7: open a case (the case page), p95
FIND_GOAL_MS = 200.0  # F7: find a case, p95 of each kind
DAY_LIST_GOAL_MS = 200.0  # F6: the desk's day lists, p95
WARM_UP = 2  # each desk's first intakes fill the server's caches and prepare its statements: not in the latencies
FIRST_DESK = 11  # the desks are numbered from here, as in bench_hall
PASSWORD = "Hall2026desk"
ADMIN = "benchadmin"
START_S = 90.0  # a server's start on a loaded machine: the program's imports and the database's check
READS = 60  # rounds of F6 and F7 asked
MORNING_S = 10.0  # --reads-only: how long the one desk takes intakes before the reads, its day's cases


# --- the hall: accounts, desks, certificates, servers -------------------------------------------------------


@dataclass(frozen=True)
class Machine:
    desk_no: str
    login: str
    key: str  # the desk key ``counter serve add-desk`` printed


def clerk_login(n: int) -> str:
    return f"clerk{n:02d}"


def add_accounts(url: str, count: int) -> None:
    """An administrator (unless the hall has one) and ``count`` clerks, added as the administrator adds them; a clerk
    already there (a hall built before, measured again) is kept as it is."""
    engine = create_engine(url)
    with engine.connect() as conn:
        accounts = list(conn.execute(text("SELECT login, roles FROM account")))
    engine.dispose()
    admins = [login for login, roles in accounts if "admin" in roles]
    there = {login for login, _roles in accounts}
    service = serve(url)
    try:
        desk = Desk(DeskIdentity("XAM01", "1"), "管理员")
        if not admins:
            new = NewAccount(ADMIN, "管理员", frozenset({Role.ADMIN}), PASSWORD)
            assert service.call(ADD_ACCOUNT, new, desk) == ()
            admins = [ADMIN]
        desk = Desk(desk.identity, "管理员", Actor(admins[0], "管理员", frozenset({Role.ADMIN})))
        for n in range(count):
            if clerk_login(n) in there:
                continue
            new = NewAccount(clerk_login(n), f"窗口{n:02d}", frozenset({Role.CLERK}), PASSWORD)
            assert service.call(ADD_ACCOUNT, new, desk) == (), clerk_login(n)
    finally:
        service.close()


def register_desks(url: str, count: int, env: dict[str, str], first: int = FIRST_DESK) -> list[Machine]:
    """``counter serve add-desk`` for each desk machine (numbered from ``first``), a few at a time: each its own
    key."""
    numbers = [str(first + n) for n in range(count)]
    # the first alone: on a hall whose site identity is not made yet, two at once both make it, and one fails
    keys = [add_desk(url, numbers[0], env)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        keys += pool.map(lambda desk: add_desk(url, desk, env), numbers[1:])
    return [Machine(desk, clerk_login(n), key) for n, (desk, key) in enumerate(zip(numbers, keys, strict=True))]


def first_unused_desk(url: str) -> int:
    """The first desk number from :data:`FIRST_DESK` above every desk that has numbered in the hall.

    A hall measured again (``--url``) holds the numbers its desks took in an earlier run, which this run's servers,
    each with a new state folder, have no note of: such a desk refuses to number, as a desk whose note was lost must
    (``counter.actions.numbers.number_guard``).  A desk new to the hall starts without a note, as a new desk does.
    """
    engine = create_engine(url)
    with engine.connect() as conn:
        top = conn.execute(text("SELECT max(CAST(desk_no AS INTEGER)) FROM desk_counter WHERE last > 0")).scalar()
    engine.dispose()
    return max(FIRST_DESK, (top or 0) + 1)


@dataclass
class Server:
    """One ``counter serve`` process on ``port``, started (again) by :meth:`start`."""

    url: str
    tls: Path
    port: int
    env: dict[str, str]
    log: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def root(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> float:
        """Start and wait until it listens; the seconds that took."""
        began = time.perf_counter()
        args = ["serve", "--cert", str(self.tls / SERVER_CERT), "--key", str(self.tls / SERVER_KEY)]
        env = {**self.env, "COUNTER_DB_URL": self.url}  # the server's alone, and in no process list
        with self.log.open("a") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "counter", *args, "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=ROOT,
            )
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"counter serve ended ({self.process.returncode}):\n{self.log.read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return time.perf_counter() - began
            except OSError:
                time.sleep(0.05)  # a process's start: nothing to wait on but its port
        raise RuntimeError(f"counter serve did not listen within {START_S} s:\n{self.log.read_text()}")

    def kill(self) -> None:
        """SIGKILL: no request finished, no connection closed, nothing flushed."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextlib.contextmanager
def servers(
    url: str, folder: Path, tls: Path, count: int, keys: Callable[[Path], None] | None = None
) -> Iterator[list[Server]]:
    """``count`` servers on ``url``; ``keys`` hands them their key folder (by default :func:`hand_data_keys`)."""
    env = _env(folder / "server")
    (keys or hand_data_keys)(folder)
    made = [Server(url, tls, free_port(), env, folder / f"server-{n}.log") for n in range(count)]
    try:
        for server in made:
            server.start()
        yield made
    except BaseException:
        for server in made:  # what the server said of the failure, before its folder goes
            print(f"--- {server.log.name}:\n{server.log.read_text()[-6000:]}", file=sys.stderr)
        raise
    finally:
        for server in made:
            server.stop()


def server_site_key(folder: Path) -> Path:
    """The site key's place in the servers' home (:func:`counter.host.machine.paths.site_key_path` there)."""
    return folder / "server" / "home" / "keys" / "site.key"


def hand_data_keys(folder: Path) -> None:
    """The data keys the hall's build sealed its cases under (this process's), given to the servers' key folder: a
    hall's personal data is sealed under one site's keys, its server's (:mod:`counter.host.keys.data_key`)."""
    from benchmarks.big_hall import copy_data_keys

    copy_data_keys(paths.site_key_path().parent, server_site_key(folder).parent)


@dataclass(frozen=True)
class BuiltHall:
    """A hall built before (``--url``, ``--work``): its database, the build's work folder, its data keys' folder."""

    url: str
    work: Path
    data_keys: Path

    def site_keys(self) -> tuple[Path, Path]:
        """The hall's signing key and encryption key, as the build made them (``work/hall/<site>.pem``)."""
        found = [
            key
            for key in (self.work / "hall").glob("*.pem")
            if not key.stem.endswith("-encryption") and encryption_key_path(key).exists()
        ]
        if len(found) != 1:
            raise SystemExit(f"{self.work / 'hall'}: one site key and its encryption key expected, found {found}")
        return found[0], encryption_key_path(found[0])

    def hand_keys(self, folder: Path) -> None:
        """The hall's own keys in the servers' key folder: the site's keys under the names a server's home gives
        them (``site.key``, ``site-encryption.key``), the data keys as they are."""
        signing, encryption = self.site_keys()
        site_key = server_site_key(folder)
        site_key.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        shutil.copy2(signing, site_key)
        shutil.copy2(encryption, encryption_key_path(site_key))
        from benchmarks.big_hall import copy_data_keys

        copy_data_keys(self.data_keys, site_key.parent)
        handed = read_data_keys(site_key)
        if handed.current is None or handed.index is None:
            raise SystemExit(f"{self.data_keys}: no data keys (site-data-sm4-N.key and site-data-index-sm3.key)")
        opens_the_hall(self.url, handed)


def opens_the_hall(url: str, keys: DataKeys) -> None:
    """A sealed ID number of the hall opened with ``keys``, and found again by its keyed index: the wrong keys would
    measure pages of placeholders and finds that find nobody."""
    engine = create_engine(url)
    with engine.connect() as conn:
        row = conn.execute(
            text("""SELECT applicant_id_no, applicant_id_key FROM "case" WHERE applicant_id_no LIKE 's4:%' LIMIT 1""")
        ).first()
    engine.dispose()
    if row is None:
        return  # nothing sealed: nothing to open
    opened = unseal(row[0], keys)
    if opened == UNREADABLE:
        raise SystemExit("the data keys given do not open the hall's sealed values: give the build's (--data-keys)")
    if index_of(opened, keys) != row[1]:
        raise SystemExit("the index key given does not find the hall's ID numbers: give the build's (--data-keys)")


def _env(home: Path) -> dict[str, str]:
    """A machine's own folders; no database URL from this process's environment."""
    env = {k: v for k, v in os.environ.items() if k != "COUNTER_DB_URL"}
    env.update(
        PYTHONPATH=str(ROOT),
        COUNTER_HOME=str(home / "home"),
        COUNTER_STATE=str(home / "state"),
        COUNTER_MACHINE_CONFIG=str(home / "machine" / "desk.toml"),
    )
    return env


# --- the desks under load ------------------------------------------------------------------------------------


@dataclass
class LoadRun:
    runs: list[DeskRun]
    seconds: float
    restart_s: float | None = None  # the killed server's start again, when it was killed
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)  # the machine's load average at the end

    def all(self, name: str, warm_up: int = WARM_UP) -> list[float]:
        return [t for run in self.runs for t in getattr(run, name)[warm_up:]]

    @property
    def cases(self) -> list[str]:
        return [case for run in self.runs for case in run.cases]


def run_desks(
    machines: Sequence[Machine],
    roots: Sequence[str],
    ca_file: Path,
    folder: Path,
    seconds: float,
    during: Callable[[], float | None] = lambda: None,
    pace: float = 0.0,
) -> LoadRun:
    """One process per desk machine (machine ``n`` asks ``roots[n % len(roots)]``), all let go at once; ``during``
    is called once they are going, in this process (a server killed and started again)."""
    with contextlib.ExitStack() as stack:
        desks: list[subprocess.Popen[str]] = []
        logs: list[IO[str]] = []
        stack.callback(_stop_all, desks)
        for n, machine in enumerate(machines):
            logs.append(stack.enter_context(tempfile.TemporaryFile("w+")))
            root = roots[n % len(roots)]
            command = [sys.executable, "-m", "benchmarks.server_desk", root, str(ca_file), machine.desk_no, str(n)]
            desk = subprocess.Popen(
                [*command, str(seconds), str(pace)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=logs[-1],
                text=True,
                cwd=ROOT,
                env=_env(folder / f"desk-{machine.desk_no}"),
            )
            desks.append(desk)
        # each machine signs in once its program is loaded, one after the other, as a hall's desks sign in over the
        # morning: the load measured is the day's intakes, not a crowd at the door
        for machine, desk, log in zip(machines, desks, logs, strict=True):
            assert desk.stdin is not None
            assert desk.stdout is not None
            desk.stdin.write(f"{machine.login}\n{PASSWORD}\n{machine.key}\n")
            desk.stdin.flush()
            if desk.stdout.readline().strip() != "ready":
                raise RuntimeError(f"a desk did not start:\n{_read(desk, log)}")
        start = time.perf_counter()
        for desk in desks:
            assert desk.stdin is not None
            desk.stdin.write("go\n")
            desk.stdin.flush()
        restart_s = during()
        outputs = [desk.communicate()[0] for desk in desks]
        took = time.perf_counter() - start
        for desk, log in zip(desks, logs, strict=True):
            if desk.returncode != 0:
                raise RuntimeError(f"a desk failed:\n{_read(desk, log)}")
    runs = [DeskRun(**json.loads(out.splitlines()[-1])) for out in outputs]
    return LoadRun(runs, took, restart_s, os.getloadavg())


def _stop_all(desks: list[subprocess.Popen[str]]) -> None:
    """Whatever went wrong, no desk process outlives the run."""
    for desk in desks:
        if desk.poll() is None:
            desk.kill()
            desk.wait()


def _read(desk: subprocess.Popen[str], log: IO[str]) -> str:
    desk.wait()
    log.seek(0)
    return log.read()


@dataclass
class Stored:
    """What the database holds of a run's intakes."""

    told: int  # case numbers the desks were told
    told_twice: int  # numbers told to two intakes (a duplicate number)
    missing: int  # numbers told but not in the database
    applied_twice: int  # intakes (uids) that became more than one case
    untold: int  # cases in the database of the run's uids that no desk was told of


def stored(url: str, load: LoadRun) -> Stored:
    told = load.cases
    uids = [uid for run in load.runs for uid in run.uids]
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text('SELECT uid, case_no FROM "case" WHERE uid = ANY(:uids)'), {"uids": uids}).all()
    engine.dispose()
    per_uid: dict[str, int] = {}
    per_number: dict[str, int] = {}
    for uid, case_no in rows:
        per_uid[uid] = per_uid.get(uid, 0) + 1
        per_number[case_no] = per_number.get(case_no, 0) + 1
    return Stored(
        told=len(told),
        told_twice=len(told) - len(set(told)),
        missing=sum(1 for case in set(told) if per_number.get(case, 0) != 1),
        applied_twice=sum(1 for count in per_uid.values() if count > 1),
        untold=len(set(per_number) - set(told)),
    )


def judge(verdicts: Verdicts, where: str, load: LoadRun, url: str, budget_ms: float | None) -> None:
    """The run's figures printed beside the floor, and its goals checked against the database."""
    takes, pings, previews = load.all("take_ms"), load.all("ping_ms"), load.all("preview_ms")
    waited = [t for run in load.runs for t in run.waited_ms]
    outages = sum(run.outages for run in load.runs)
    resent = sum(run.resent for run in load.runs)
    errors = [error for run in load.runs for error in run.errors]
    rate = len(load.cases) / load.seconds
    print(
        f"{where}: {len(load.cases)} intakes in {load.seconds:.1f} s = {rate:,.1f}/s; take p50 "
        f"{statistics.median(takes):.1f} ms, preview p50 {statistics.median(previews):.1f} p95 "
        f"{percentile(previews, 0.95):.1f} ms, bare request p50 {statistics.median(pings):.1f} ms; load average "
        f"{load.load[0]:.1f} on {os.cpu_count()} cores",
        flush=True,
    )
    if load.restart_s is not None:
        print(
            f"{where}: server started again in {load.restart_s:.1f} s; {len(waited)} intakes waited for it "
            f"(longest {max(waited, default=0) / 1000:.1f} s); {resent} requests sent again by the transport, their "
            f"answer lost; {outages} times it gave up and the desk asked again",
            flush=True,
        )
    if budget_ms is not None:
        verdicts.at_most(f"intake p95, {where}", percentile(takes, 0.95), budget_ms, floor=percentile(pings, 0.95))
    else:
        verdicts.record(f"intake p95, {where}", percentile(takes, 0.95), floor=percentile(pings, 0.95))
    for error in sorted(set(errors))[:3]:
        print(f"{where}: refused: {error}", flush=True)
    verdicts.at_most(f"intakes refused or failed, {where}", len(errors), 0, unit="intakes")
    found = stored(url, load)
    verdicts.at_most(f"duplicate case numbers told, {where}", found.told_twice, 0, unit="numbers")
    verdicts.at_most(f"intakes told taken but not in the database once, {where}", found.missing, 0, unit="intakes")
    verdicts.at_most(f"intakes applied twice, {where}", found.applied_twice, 0, unit="intakes")
    print(f"{where}: cases of the run's intakes no desk was told of: {found.untold}", flush=True)


def killed_midway(server: Server, seconds: float) -> Callable[[], float]:
    """What runs while the desks go: the server killed a third into the run and started again."""

    def during() -> float:
        time.sleep(seconds / 3)  # the desks are taking intakes: the moment of the kill is the point
        server.kill()
        return server.start()

    return during


# --- F6 and F7 through the server ----------------------------------------------------------------------------


@dataclass
class Samples:
    case_nos: list[str] = field(default_factory=list)  # any case of the hall, to open
    recent: list[tuple[str, str, str, str]] = field(default_factory=list)  # case_no, ID number, phone, name


def samples(url: str, today: dt.date, count: int, keys: DataKeys) -> Samples:
    engine = create_engine(url)
    with engine.connect() as conn:
        top = conn.execute(text('SELECT max(id) FROM "case"')).scalar_one()
        ids = random.Random(7).sample(range(1, top + 1), min(top, count * 4))
        opened = conn.execute(
            text('SELECT case_no FROM "case" WHERE id = ANY(:ids) LIMIT :n'), {"ids": ids, "n": count}
        ).scalars()
        recent = conn.execute(
            text(
                'SELECT case_no, applicant_id_no, applicant_phone, applicant_name FROM "case"'
                " WHERE received_on >= :since AND applicant_phone <> '' ORDER BY random() LIMIT :n"
            ),
            {"since": today - dt.timedelta(days=LOOKBACK_DAYS), "n": count},
        ).all()
        # the numbers are sealed at rest: opened with the hall's data keys, as an applicant would say them
        found = Samples(list(opened), [(row[0], unseal(row[1], keys), unseal(row[2], keys), row[3]) for row in recent])
    engine.dispose()
    return found


_TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def cpu_ms(pids: Sequence[int]) -> float:
    """The processor time (user and system) the processes ``pids`` have used so far; one gone counts nothing."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime: the 14th and 15th fields of stat(5)
    return total * _TICK_MS


@dataclass
class Serving:
    """The processes that answer a request: the server and its database connections (PostgreSQL's backends on
    this machine, found by the database's activity view), whose processor time a request costs.  Under a machine
    loaded by other work the wall time is mostly the queue for a core; the processor time is the request's own."""

    server_pid: int
    url: str
    pids: list[int] = field(default_factory=list)

    def refresh(self) -> None:
        """The server and the database's other client backends now (the server's pool opens as it needs)."""
        engine = create_engine(self.url)
        with engine.connect() as conn:
            backends = conn.execute(
                text(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    " AND backend_type = 'client backend'"
                )
            ).scalars()
            self.pids = [self.server_pid, *backends]
        engine.dispose()


def reads(
    verdicts: Verdicts,
    remote: Remote,
    url: str,
    rounds: int,
    where: str,
    keys: DataKeys,
    serving: Serving | None = None,
) -> None:
    """F6 and F7 asked through the server, round after round, each beside a bare request of the same moment; with
    ``serving``, also the processor time each request cost the server and the database (a mean: the kernel counts
    it in ticks of 10 ms), for the record."""
    today = dt.date.today()
    picked = samples(url, today, rounds, keys)
    print(
        f"{where}: {len(picked.case_nos)} cases to open, {len(picked.recent)} of the last {LOOKBACK_DAYS} days to find"
    )
    assert picked.case_nos, "no case to open: the figures would be of nothing"
    assert picked.recent, "no recent case to find: the figures would be of nothing"
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}

    def timed(label: str, ask: Callable[[], Any]) -> Any:
        used = cpu_ms(serving.pids) if serving is not None else 0.0
        start = time.perf_counter()
        answer = ask()
        times.setdefault(label, []).append((time.perf_counter() - start) * 1000)
        if serving is not None:
            cpu.setdefault(label, []).append(cpu_ms(serving.pids) - used)
        return answer

    for n in range(rounds):
        if serving is not None:
            serving.refresh()
        timed("bare request", partial(remote.call, PING, Nothing()))
        lists = timed("F6 day lists", partial(remote.call, DAY_LISTS, Nothing()))
        assert n or lists.of_day, "the desk's own cases of the day are listed"
        case_no = picked.case_nos[n % len(picked.case_nos)]
        page = timed("F7 open a case", partial(remote.call, READ_CASE, CaseNo(case_no)))
        assert page is not None, case_no
        number, id_no, phone, name = picked.recent[n % len(picked.recent)]
        for label, typed in (("ID number", id_no), ("phone", phone), ("name", name), ("tail", number[-4:])):
            lookup = read_lookup(typed)
            assert lookup is not None, (label, typed)
            assert not lookup.too_short, (label, typed)
            asked = FindCases(lookup, LOOKBACK_DAYS)
            found = timed(f"F7 find by {label}", partial(remote.call, FIND_CASES, asked))
            # a phone or a name many applicants share lists the newest first, up to its cap: not always this one
            assert label != "ID number" or number in {case.case_no for case in found}, (label, typed)
    floor = percentile(times["bare request"], 0.95)
    for label, values in times.items():
        if label == "bare request":
            continue
        goal = (
            OPEN_GOAL_MS
            if label.startswith("F7 open")
            else DAY_LIST_GOAL_MS
            if label.startswith("F6")
            else FIND_GOAL_MS
        )
        verdicts.at_most(f"{label} p95, {where}", percentile(values, 0.95), goal, floor=floor)
    if cpu:
        bare = statistics.mean(cpu["bare request"])
        for label, values in cpu.items():
            if label != "bare request":
                verdicts.record(f"{label}, server and database CPU a request (mean), {where}", statistics.mean(values),
                                floor=bare)  # fmt: skip


def count_cases(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        count: int = conn.execute(text('SELECT count(*) FROM "case"')).scalar_one()
    engine.dispose()
    return count


# --- the run -------------------------------------------------------------------------------------------------


class BuildStopped(Exception):
    """The hall's build reached its time: it stops between two packages (each its own transaction)."""


def build_hall(url: str, cases: int, minutes: float) -> int:
    """A hall of up to ``cases`` cases built through the real path, stopped after ``minutes``; the cases built."""
    from benchmarks.big_hall import build, describe

    deadline = time.monotonic() + minutes * 60

    def progress(line: str) -> None:
        print(line, flush=True)
        if time.monotonic() > deadline and "cases/s" in line:
            raise BuildStopped(line)

    began = time.perf_counter()
    with contextlib.suppress(BuildStopped):
        build(url, cases, progress=progress)
    built = describe(url).cases
    print(f"hall built through sync import: {built:,} cases in {time.perf_counter() - began:.0f} s", flush=True)
    return built


def _arguments() -> argparse.Namespace:
    parser = arguments(__doc__)
    parser.add_argument("--desks", type=int, nargs="+", default=[20, 50])
    parser.add_argument("--seconds", type=float, default=30.0, help="each run's length")
    parser.add_argument("--cases", type=int, default=0, help="a hall of this many cases built first (big_hall)")
    parser.add_argument("--build-minutes", type=float, default=20.0, help="the hall's build stops after this")
    parser.add_argument("--pace", type=float, default=PACE_S, help="an intake begun at most every PACE s a desk")
    parser.add_argument("--url", help="a hall built before (big_hall), instead of a PostgreSQL of the run's own")
    parser.add_argument("--work", type=Path, help="with --url: that build's work folder (the hall's keys)")
    parser.add_argument("--data-keys", type=Path, help="with --url: the data keys' folder, if not WORK/home/keys")
    parser.add_argument("--reads-only", action="store_true", help="F6 and F7 alone, no load runs")
    parser.add_argument("--reads", type=int, default=READS, help="rounds of F6 and F7")
    parser.add_argument("--morning", type=float, default=MORNING_S, help="--reads-only: the desk's intakes first (s)")
    args = parser.parse_args()
    if (args.work is not None or args.data_keys is not None) and not args.url:
        parser.error("--work and --data-keys name the keys of the hall given by --url")
    if args.url and (args.work is None or args.cases):
        parser.error("--url needs --work (the hall's keys), and builds nothing (no --cases)")
    return args


def main() -> None:
    args = _arguments()
    built = None
    if args.url:
        from benchmarks.big_hall import data_keys_folder

        built = BuiltHall(args.url, args.work, args.data_keys or data_keys_folder(args.work))
    desk_counts = [2] if args.smoke else args.desks
    # a smoke run's seconds are too few to wait between intakes: its desks go flat out
    seconds, pace = (3.0, 0.0) if args.smoke else (args.seconds, args.pace)
    rounds = 5 if args.smoke else args.reads
    verdicts = Verdicts(smoke=args.smoke)
    print(
        f"{os.cpu_count()} cores shared by the desks, the servers and PostgreSQL; load average {os.getloadavg()[0]:.1f}"
    )
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        url = built.url if built is not None else stack.enter_context(durable_postgres())
        keys = built.hand_keys if built is not None else hand_data_keys
        os.environ["COUNTER_HOME"] = str(folder / "bench" / "home")  # this process's own notes and keys
        os.environ["COUNTER_STATE"] = str(folder / "bench" / "state")
        if built is not None:
            keys(folder / "check")  # the keys found and opening the hall, before anything is added to it
        if args.cases and not args.smoke:
            build_hall(url, args.cases, args.build_minutes)
        most = 1 if args.reads_only else max(desk_counts)
        add_accounts(url, most)
        first = first_unused_desk(url) if built is not None else FIRST_DESK
        machines = register_desks(url, most, _env(folder / "admin"), first)
        authority = make_authority("兴安盟政务服务中心 CA")
        tls = folder / "tls"
        tls.mkdir()
        write_server_certificate(authority, tls, "localhost")
        ca_file = authority.write(folder / "hall-ca.crt")
        if args.reads_only:
            with servers(url, folder, tls, 1, keys) as (server,):
                load = run_desks(machines[:1], [server.root], ca_file, folder, args.morning)
                judge(verdicts, "one desk's morning", load, url, None)
                read_through(verdicts, server, machines[0], ca_file, url, rounds, folder)
            raise SystemExit(verdicts.finish())
        hall = Hall(url, folder, tls, ca_file, machines, keys)
        load_runs(verdicts, hall, desk_counts, seconds, pace, rounds)
    raise SystemExit(verdicts.finish())


@dataclass(frozen=True)
class Hall:
    """What the load runs are given: the database, the run's folder, the TLS files, the desk machines, the keys."""

    url: str
    folder: Path
    tls: Path
    ca_file: Path
    machines: list[Machine]
    keys: Callable[[Path], None]


def load_runs(verdicts: Verdicts, hall: Hall, desk_counts: list[int], seconds: float, pace: float, rounds: int) -> None:
    """Runs 1 to 3 of the module's docstring, then run 4 (``rounds`` of F6 and F7) with the two servers up."""
    url, folder, tls, ca_file, machines, keys = hall.url, hall.folder, hall.tls, hall.ca_file, hall.machines, hall.keys

    def budget(desks: int) -> float:
        return INTAKE_BUDGET_MS.get(desks, INTAKE_BUDGET_MS[20] if desks <= 20 else INTAKE_BUDGET_MS[50])

    with servers(url, folder, tls, 1, keys) as (server,):
        for desks in desk_counts:
            load = run_desks(machines[:desks], [server.root], ca_file, folder, seconds, pace=pace)
            judge(verdicts, f"{desks} desks, one server", load, url, budget(desks))
        desks = desk_counts[-1]  # flat out: what the server can take at all, for the record
        load = run_desks(machines[:desks], [server.root], ca_file, folder, seconds)
        judge(verdicts, f"{desks} desks flat out, one server", load, url, None)
        desks = desk_counts[0]
        kill = killed_midway(server, seconds)
        load = run_desks(machines[:desks], [server.root], ca_file, folder, seconds, kill, pace=pace)
        judge(verdicts, f"{desks} desks, the server killed and started again", load, url, None)
    with servers(url, folder, tls, 2, keys) as pair:
        for desks in desk_counts:
            load = run_desks(machines[:desks], [s.root for s in pair], ca_file, folder, seconds, pace=pace)
            judge(verdicts, f"{desks} desks, two servers on one database", load, url, budget(desks))
        read_through(verdicts, pair[0], machines[0], ca_file, url, rounds, folder)


def read_through(
    verdicts: Verdicts, server: Server, machine: Machine, ca_file: Path, url: str, rounds: int, folder: Path
) -> None:
    """F6 and F7 (:func:`reads`) through ``server``, signed in at ``machine``'s desk, on the hall as it stands."""
    cases = count_cases(url)
    remote = Remote(server.root, ca_file)
    assert remote.sign_in(machine.login, PASSWORD, machine.desk_no, machine.key).result.signed_in
    try:
        # the hall's data keys, to draw what applicants bring back
        keys = read_data_keys(server_site_key(folder))
        assert server.process is not None
        reads(verdicts, remote, url, rounds, f"{cases:,} cases", keys, Serving(server.process.pid, url))
    finally:
        remote.sign_out()
        remote.close()


if __name__ == "__main__":
    main()
