"""The offline installer: its size, and the frozen desk's start-up beside the virtual environment's, in one run.

Builds the archive with ``scripts/build-offline.sh --python`` this interpreter (or takes one with ``--archive``),
unpacks it, and times ``counter --exit-when-ready`` of the frozen program against this environment's ``counter``
the way ``bench_startup.py`` times the app: to the end of the process, on the offscreen platform (``--xvfb`` for a
real X server, one for both), interleaved, each with its own data folder (``COUNTER_HOME``) made by a first start
that is not timed (it creates the database and imports the catalog) and removed at the end, so that both runs are
warm starts from the same state.

Goals:
- start-up at most 1.3 times the virtual environment's.  Both run the same interpreter over the same code; the frozen
  program adds its loader (one more process, and its modules read from one compressed archive instead of .pyc
  files).  More than 30 % would be a packaging fault (modules compiled at every start, a wrong platform plugin
  probed first) that eats into start-up's own goal, 2.0 times a bare Qt window (bench_startup.py).
- the archive at most 120 MB: today's size with a fifth to spare.  The fonts (some 40 MB) and Qt are most of it; the
  goal catches a library that drags in a large part of Qt (QtWebEngine alone is 200 MB) or an unstripped build.

Building the archive takes minutes, so ``--smoke`` builds none (unless ``--archive`` names one): it runs the same
measuring with the virtual environment's program in the frozen one's place, two runs each, and says so on the line.

    .venv/bin/python benchmarks/bench_frozen.py [--runs 9] [--archive dist/counter-….tar.gz] [--xvfb] [--smoke]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.goals import Verdicts, arguments

REPO = Path(__file__).resolve().parent.parent
RATIO_GOAL = 1.3
SIZE_GOAL_MB = 120


def build(out: Path) -> Path:
    subprocess.run(
        ["sh", str(REPO / "scripts" / "build-offline.sh"), "--python", sys.executable, "--out", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    [archive] = out.glob("counter-*-linux-*.tar.gz")
    return archive


def venv_counter() -> list[str]:
    """This environment's ``counter`` command, running this checkout's code."""
    script = Path(sys.executable).parent / "counter"
    return [str(script)] if script.exists() else [sys.executable, "-m", "counter"]


@contextmanager
def display(xvfb: bool) -> Iterator[dict[str, str]]:
    """The platform both programs start on: offscreen, or one X server for the whole run."""
    if not xvfb:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-nolisten", "tcp"], pass_fds=[write])
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()
    try:
        yield {"DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = arguments(__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--archive", type=Path, help="an archive built before, instead of building one now")
    parser.add_argument("--xvfb", action="store_true", help="start both on an Xvfb server instead of offscreen")
    args = parser.parse_args()
    verdicts = Verdicts(smoke=args.smoke)
    stand_in = args.smoke and args.archive is None  # no archive built: the venv's program stands in for it
    runs = 2 if args.smoke else args.runs
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        archive = None if stand_in else args.archive or build(work / "dist")
        if archive is not None:
            with tarfile.open(archive) as tar:
                tar.extractall(work / "unpacked", filter="tar")
            [tree] = (work / "unpacked").iterdir()
        size_mb = archive.stat().st_size / 1e6 if archive is not None else 0.0
        base = {key: value for key, value in os.environ.items() if key not in {"COUNTER_DB_URL", "QT_QPA_PLATFORM"}}
        base["PYTHONPATH"] = str(REPO)  # the venv's counter runs this checkout, as the archive was built from it
        frozen_command = venv_counter() if archive is None else [str(tree / "app" / "counter")]
        programs = {"frozen": [*frozen_command, "--exit-when-ready"]}
        programs["venv"] = [*venv_counter(), "--exit-when-ready"]
        times: dict[str, list[float]] = {name: [] for name in programs}
        first: dict[str, float] = {}
        with display(args.xvfb) as platform:
            envs = {name: {**base, **platform, "COUNTER_HOME": str(work / f"home-{name}")} for name in programs}
            for name, command in programs.items():
                first[name] = timed(command, envs[name])
            for _ in range(runs):
                for name, command in programs.items():
                    times[name].append(timed(command, envs[name]))
    frozen, venv = statistics.median(times["frozen"]), statistics.median(times["venv"])
    where = "Xvfb" if args.xvfb else "offscreen"
    name = "the venv's counter standing in (smoke: no archive built)" if archive is None else "frozen counter"
    print(f"{name} --exit-when-ready: median {frozen * 1000:.0f} ms over {runs} runs ({where})")
    print(f"venv counter --exit-when-ready: median {venv * 1000:.0f} ms over {runs} runs ({where})")
    print(
        f"first start (database created, catalog imported): {name} {first['frozen'] * 1000:.0f} ms, "
        f"venv {first['venv'] * 1000:.0f} ms"
    )
    label = "frozen start-up against the venv's" + (" (smoke: the venv against itself)" if archive is None else "")
    verdicts.ratio(label, frozen * 1000, venv * 1000, RATIO_GOAL)
    if archive is not None:
        verdicts.at_most(f"archive {archive.name}", size_mb, SIZE_GOAL_MB, unit="MB")
    return verdicts.finish()


if __name__ == "__main__":
    raise SystemExit(main())
