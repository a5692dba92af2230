"""Start-up: ``counter --exit-when-ready`` against a bare PySide6 window, in one run.

The bare script imports QtWidgets, shows an empty QMainWindow and quits once the
event loop runs.  The app must do everything a clerk needs before that point —
open and check the database, load the search index, show the window, confirm the
bundled catalog — within 2.0× of it.  Both run on the offscreen platform (the
same for both, so the ratio is fair), interleaved, after one warm-up start each
(the first start also creates the database and imports the catalog).  Also
checks that reportlab, pypinyin and the catalog files are not loaded.

Both are timed to the end of their process.  After its window, counter ends the
process without the interpreter's teardown (:mod:`counter.host.quick_exit`, once its
threads are done and its log is written); the bare script ends the usual way.
The app's modules are byte-compiled by ``scripts/setup.sh``, as an installed
package's are.

    .venv/bin/python benchmarks/bench_startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

GOAL = 2.0
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""
PROBE = """
import sys
from counter.__main__ import main
code = main(["--exit-when-ready"])
loaded = sorted({m.split(".")[0] for m in sys.modules} & {"reportlab", "pypinyin", "openpyxl", "tomllib"})
print("loaded:", ",".join(loaded) or "-", file=sys.stderr)
raise SystemExit(code)
"""


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "COUNTER_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("COUNTER_DB_URL", None)
        app = [sys.executable, "-m", "counter", "--exit-when-ready"]
        bare = [sys.executable, "-c", BARE]
        first = timed(app, env)
        timed(bare, env)
        app_times, bare_times = [], []
        for _ in range(args.runs):
            bare_times.append(timed(bare, env))
            app_times.append(timed(app, env))
        probe = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    bare_median, app_median = statistics.median(bare_times), statistics.median(app_times)
    ratio = app_median / bare_median
    print(f"bare PySide6 window:          median {bare_median * 1000:.0f} ms over {args.runs} runs")
    print(f"counter --exit-when-ready:    median {app_median * 1000:.0f} ms over {args.runs} runs")
    print(f"first start (creates the database, imports 103 bundles): {first * 1000:.0f} ms")
    print(f"ratio {ratio:.2f}x (goal <= {GOAL}x): {'ok' if ratio <= GOAL else 'OVER GOAL'}")
    print(f"modules loaded by a warm start that it must not need: {probe.stderr.strip().split('loaded: ')[-1]}")


if __name__ == "__main__":
    main()
