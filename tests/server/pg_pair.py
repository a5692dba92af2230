"""A PostgreSQL pair under pg_auto_failover, built as the 运维手册's step 12 builds it, in a temporary folder.

The monitor, the primary and the standby are each ``pg_autoctl create …`` then ``pg_autoctl run`` (what the
manual's systemd unit runs), as ``postgres`` when the run is root (PostgreSQL refuses root, as in
:mod:`tests.pg_server`), on this machine's loopback with ports of their own.  What differs from the manual, and why:

- no TLS and ``trust`` (``--no-ssl --auth trust``): the hall's certificates and passwords are the set-up's own
  steps, tested by ``tests/db/test_hall_setup_doc.py``; the test's server is told its network is trusted
  (``COUNTER_DB_TRUSTED_NETWORK``);
- the monitor's health checks every second and a node called dead after 3 s, the demotion waited 3 s (the
  manual keeps pg_auto_failover's 5 s, 20 s and 30 s): the switch is the same, taken in seconds, not a minute;
- pg_autoctl's configuration and state under the folder (``XDG_CONFIG_HOME``, ``XDG_DATA_HOME``), never in the
  ``postgres`` user's home.

Each node's ``pg_autoctl run`` is started in a process group of its own, so that :meth:`Pair.kill` takes the node's
keeper and its PostgreSQL at once (SIGKILL): what a power cut does to the machine.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from tests.pg_server import AS_POSTGRES, free_port, pg_bin

NODES = ("node-a", "node-b")
DATABASE = "counter"
#: the monitor's settings for the test (the manual keeps pg_auto_failover's defaults: 5000, 20000, 30000 ms)
QUICK_MONITOR = {
    "pgautofailover.health_check_period": "1000",
    "pgautofailover.health_check_timeout": "1000",
    "pgautofailover.health_check_max_retries": "1",
    "pgautofailover.health_check_retry_delay": "500",
    "pgautofailover.node_considered_unhealthy_timeout": "3000",
    "pgautofailover.primary_demote_timeout": "3000",
}
WAIT_S = 90.0


class PairFailed(RuntimeError):
    """The pair did not reach the state asked for in time: the logs say why."""


@dataclass
class Pair:
    folder: Path
    monitor_port: int
    ports: dict[str, int]
    running: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        bin_dir = str(Path(pg_bin("pg_ctl")).resolve().parent)  # a link on the PATH: pg_autoctl reads its folder
        return {
            "PATH": f"{bin_dir}:/usr/bin:/bin",
            "XDG_CONFIG_HOME": str(self.folder / "config"),
            "XDG_DATA_HOME": str(self.folder / "share"),
            "XDG_RUNTIME_DIR": str(self.folder / "run"),
            "HOME": str(self.folder),
            "LANG": "C.UTF-8",
        }

    def url(self, database: str = DATABASE) -> str:
        """The servers' address, as the manual's step 12 writes it: both nodes, the writable one taken."""
        hosts = "&".join(f"host=127.0.0.1:{self.ports[name]}" for name in NODES)
        return f"postgresql+psycopg://postgres@/{database}?{hosts}&target_session_attrs=read-write"

    def _autoctl(self, *args: str) -> str:
        done = subprocess.run(
            [*AS_POSTGRES, "env", *(f"{k}={v}" for k, v in self.env.items()), "pg_autoctl", *args],
            capture_output=True,
            text=True,
            cwd=self.folder,
            check=False,
        )
        if done.returncode != 0:
            raise PairFailed(f"pg_autoctl {' '.join(args)}: {done.stdout}{done.stderr}")
        return done.stdout

    def _run(self, name: str) -> None:
        with (self.folder / f"{name}.log").open("ab") as log:  # the child holds its own copy
            self.running[name] = subprocess.Popen(
                [*AS_POSTGRES, "env", *(f"{k}={v}" for k, v in self.env.items()), "pg_autoctl", "run", "--pgdata",
                 str(self.folder / name)],
                stdout=log, stderr=subprocess.STDOUT, cwd=self.folder, start_new_session=True,
            )  # fmt: skip

    @property
    def monitor_uri(self) -> str:
        return f"postgres://autoctl_node@127.0.0.1:{self.monitor_port}/pg_auto_failover?sslmode=disable"

    def states(self) -> dict[str, tuple[str, str]]:
        """Each node's reported and assigned state, as the monitor holds them (``pg_autoctl show state``)."""
        with psycopg.connect(self.monitor_uri, connect_timeout=3) as conn:
            rows = conn.execute("SELECT nodename, reportedstate::text, goalstate::text FROM pgautofailover.node")
            return {name: (reported, goal) for name, reported, goal in rows}

    def wait_for(self, wanted: dict[str, str], what: str) -> float:
        """Until each node named reports the state given (both reported and assigned); the seconds it took."""
        began = time.monotonic()
        states: dict[str, tuple[str, str]] = {}
        while time.monotonic() - began < WAIT_S:
            try:
                states = self.states()
            except psycopg.OperationalError:
                states = {}
            if all(states.get(name) == (state, state) for name, state in wanted.items()):
                return time.monotonic() - began
            time.sleep(0.2)  # another program's state: nothing to wait on but the monitor's table
        raise PairFailed(f"{what} not within {WAIT_S} s: {states}\n{self.logs()}")

    def primary(self) -> str:
        """The node the monitor has assigned the primary's part (a dead node still reports what it last was)."""
        return next(name for name, (_, goal) in self.states().items() if goal in ("primary", "wait_primary"))

    def kill(self, name: str) -> None:
        """The node's keeper and its PostgreSQL killed at once (SIGKILL to its process group)."""
        pid_file = self.folder / name / "postmaster.pid"
        postmaster = int(pid_file.read_text().split()[0]) if pid_file.exists() else 0
        process = self.running.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        if postmaster:
            with contextlib.suppress(ProcessLookupError):  # in the group already, unless it left it
                os.kill(postmaster, signal.SIGKILL)
        process.wait(timeout=30)

    def logs(self) -> str:
        return "\n".join(
            f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}" for log in sorted(self.folder.glob("*.log"))
        )

    def stop(self) -> None:
        """Every node killed (nothing in the pair is worth a clean shutdown), the folder removed."""
        for name in list(self.running):
            self.kill(name)
        shutil.rmtree(self.folder, ignore_errors=True)


def build_pair(parent: Path | None = None) -> Pair:
    """The monitor, the primary (``node-a``) and the synchronous standby (``node-b``), running; about 15 s."""
    folder = Path(tempfile.mkdtemp(prefix="counter-pair-", dir=parent))
    for sub in ("config", "share", "run"):
        (folder / sub).mkdir(mode=0o700)
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for path in (folder, *(folder / sub for sub in ("config", "share", "run"))):
            os.chown(path, user.pw_uid, user.pw_gid)
    pair = Pair(folder, free_port(), {name: free_port() for name in NODES})
    try:
        pair._autoctl(
            "create", "monitor", "--pgdata", str(folder / "monitor"), "--pgport", str(pair.monitor_port),
            "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl",
        )  # fmt: skip
        with (folder / "monitor" / "postgresql.conf").open("a") as conf:
            conf.write("".join(f"{name} = {value}\n" for name, value in QUICK_MONITOR.items()))
        pair._run("monitor")
        for name in NODES:
            pair._autoctl(
                "create", "postgres", "--pgdata", str(folder / name), "--pgport", str(pair.ports[name]),
                "--listen", "127.0.0.1", "--hostname", "127.0.0.1", "--name", name, "--dbname", DATABASE,
                "--auth", "trust", "--no-ssl", "--monitor", pair.monitor_uri,
            )  # fmt: skip
            pair._run(name)
            pair.wait_for({"node-a": "single"} if name == "node-a" else {"node-a": "primary", "node-b": "secondary"},
                          f"{name} in the pair")  # fmt: skip
    except BaseException:
        pair.stop()
        raise
    return pair
