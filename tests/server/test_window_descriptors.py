"""A hall desk's window through 1,200 changes under a login session's limit of open files never says the server away.

The window's door started a thread for every operation and the transport kept a connection for each: a clerk's
morning of previews and drafts passed the usual limit of 1,024 open files and the afternoon's intake failed as
"server away".  The measure is ``benchmarks/bench_window_descriptors.py`` at its full size, in a process of its own
started under ``ulimit -n 1024``: a real ``counter serve``, two requests per change from the runner's workers, every
goal enforced (no fault shown, the descriptors left open at most the transport's pool).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "bench_window_descriptors.py"
OPEN_FILES = 1024
LIMIT_S = 900  # about three minutes on a quiet machine of two cores


def test_twelve_hundred_changes_under_1024_open_files_never_say_the_server_away(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "COUNTER_HOME": str(tmp_path / "home"),
        "COUNTER_STATE": str(tmp_path / "state"),
        "COUNTER_BENCH_RESULTS": str(tmp_path / "results"),  # the benchmarks' record holds the runs made to measure
    }
    env.pop("COUNTER_DB_URL", None)
    done = subprocess.run(
        # a login session's limit of open files, set by the shell that starts the program
        ["sh", "-c", f'ulimit -n {OPEN_FILES} && exec "$0" "$@"', sys.executable, str(SCRIPT)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=LIMIT_S,
        check=False,
    )
    said = f"stdout:\n{done.stdout[-4000:]}\nstderr:\n{done.stderr[-4000:]}"
    print(done.stdout)  # the descriptors before and after, for the run's log
    assert done.returncode == 0, said
    assert re.search(r"^open files limit 1024; 1200 changes", done.stdout, re.MULTILINE), said
    counted = re.findall(r"^open descriptors: (\d+) before the changes, (\d+) after", done.stdout, re.MULTILINE)
    before, after = map(int, counted[0])
    assert after - before <= 4, said
    assert "said:" not in done.stdout, said
