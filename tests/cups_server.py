"""A real CUPS server for the test run, with queues that copy each job to a folder.

``cupsd`` runs from the machine's packages with its own configuration in a
temporary folder and listens on a Unix socket there; the clients (``lp``,
``lpstat``) reach it through ``CUPS_SERVER``.  A queue's device is the tiny
``copyjob`` backend, which writes every job's bytes to a file: the test sees
exactly what a print sent.  Raw queues pass the bytes through unchanged.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

BACKEND = """#!/bin/sh
if [ $# -eq 0 ]; then echo 'direct copyjob "Unknown" "Copy each job to a folder"'; exit 0; fi
dest="${DEVICE_URI#copyjob:}"
if [ $# -ge 6 ]; then cat "$6" > "$dest/job-$1.part"; else cat > "$dest/job-$1.part"; fi
mv "$dest/job-$1.part" "$dest/job-$1.pdf"
"""


@dataclass
class Cups:
    root: Path
    env: dict[str, str]

    def add_queue(self, name: str) -> Path:
        folder = self.root / "jobs" / name
        folder.mkdir(parents=True)
        self.lpadmin("-p", name, "-E", "-v", f"copyjob:{folder}", "-m", "raw")
        return folder

    def lpadmin(self, *args: str) -> None:
        subprocess.run(["lpadmin", *args], env=self.env, check=True, capture_output=True)

    def run(self, *args: str) -> None:
        subprocess.run(list(args), env=self.env, check=True, capture_output=True)

    def wait_for_job(self, folder: Path, timeout: float = 20.0) -> bytes:
        """The bytes of the first job that arrives in ``folder``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            jobs = sorted(folder.glob("job-*.pdf"))
            if jobs:
                return jobs[0].read_bytes()
            time.sleep(0.05)  # polling a folder another process writes; no signal to wait on
        raise AssertionError(f"no job arrived in {folder}")


@contextmanager
def running_cups(root: Path) -> Iterator[Cups]:
    """A CUPS server kept in ``root``, listening only on a socket there, stopped when the block ends (a benchmark
    prints through it as the tests do)."""
    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    assert Path(cupsd).exists(), "cupsd is not installed: run ./test.sh, which installs cups-daemon"
    for sub in ("bin/backend", "spool", "cache", "state", "logs", "conf", "jobs"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for part in ("cgi-bin", "daemon", "driver", "filter", "monitor", "notifier"):
        if Path("/usr/lib/cups", part).exists():
            (root / "bin" / part).symlink_to(Path("/usr/lib/cups", part))
    backend = root / "bin" / "backend" / "copyjob"
    backend.write_text(BACKEND)
    backend.chmod(0o700)  # run as root, so it may write into the test's folders
    socket = root / "cups.sock"
    (root / "conf" / "cupsd.conf").write_text(
        f"Listen {socket}\nLogLevel warn\nWebInterface No\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
    )
    (root / "conf" / "cups-files.conf").write_text(
        f"ServerBin {root / 'bin'}\nServerRoot {root / 'conf'}\nRequestRoot {root / 'spool'}\n"
        f"CacheDir {root / 'cache'}\nStateDir {root / 'state'}\nTempDir {root / 'spool'}\n"
        f"AccessLog {root / 'logs/access_log'}\nErrorLog {root / 'logs/error_log'}\n"
        f"PageLog {root / 'logs/page_log'}\nDataDir /usr/share/cups\n"
    )
    process = subprocess.Popen(
        [cupsd, "-f", "-c", str(root / "conf/cupsd.conf"), "-s", str(root / "conf/cups-files.conf")]
    )
    env = {**os.environ, "CUPS_SERVER": str(socket)}
    deadline = time.monotonic() + 15
    while not socket.exists():
        assert process.poll() is None, "cupsd stopped at start; see its error_log"
        assert time.monotonic() < deadline, "cupsd did not open its socket"
        time.sleep(0.05)
    try:
        yield Cups(root, env)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)


@pytest.fixture(scope="session")
def cups(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Iterator[Cups]:
    """The run's CUPS server; one for each parallel worker, in a folder of its own (pytest-xdist's ``worker_id``,
    ``master`` in a serial run): two workers' queues and jobs never meet."""
    with running_cups(tmp_path_factory.mktemp(f"cups-{worker_id}")) as server:
        yield server
