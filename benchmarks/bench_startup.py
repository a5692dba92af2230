"""Start-up: the desk's first start and its warm start, each beside a bare PySide6 window, interleaved, in one run.

The floor is a bare window: import QtWidgets, show an empty QMainWindow, paint it once the event loop runs, quit.
The desk is ``counter --exit-when-ready`` as its program starts it, which is ready when the clerk can type and be
answered: the window shown, the catalog in place, the first search (``xcg``) answered through the search box and
its list painted with the desk's fonts.  Each says when it got there (``ready``, timed from the moment the process
was started), and the goals are on that.  Beside it stands when each process ended (``ended``): the desk's
warm-up thread, which opens the database through SQLAlchemy while the clerk reads the screen so that the first F5
does not wait, runs as on every start and is waited for; both end without the interpreter's teardown, the desk by
:mod:`counter.host.quick_exit` and the bare window by the same ``os._exit`` after flushing its streams.  Both run
on the offscreen platform, with the same interpreter and environment.

- **first start**: an empty home (``COUNTER_HOME`` and ``COUNTER_STATE`` new empty folders, the default SQLite
  file), with the prepared database an installation carries (:mod:`counter.db.prepared_start`).  Goal <= 3x.
- **warm start**: the same desk started again on the database its first start made.  Goal <= 2x.
- **warm start on a hall's file**: the desk started again on an SQLite file holding years of a hall's cases
  (``--cases``, 60,000 by default: a hall sharing one file, or a township after years), built through the real
  intake and sync import (:mod:`benchmarks.big_hall`, untimed): what the desk does at start must not grow with the
  cases the file holds.  Goal <= 2x, as the warm start.
- **the keys right after ready**: in every first and warm start, ten keystrokes of ``xiaocanguan`` typed one every
  30 ms from the moment it is ready, while the warm-up thread imports SQLAlchemy and opens the database; each from
  the search box taking the text to the list painted.  Goal p95 <= 16 ms (a frame, as for any keystroke): the work
  after ready must not hold up the window's thread.
- the first start without prepared data (an installation built without it: the desk builds its database the slow
  way) is printed beside them, without a goal.

Rounds are interleaved (bare, first, warm, in an order that turns each round) and medians compared; the resources
are a temporary folder holding the shipped files and the prepared database (copied when the installation's fits,
else built, untimed), so a run neither depends on nor changes the checkout.  The app's modules are byte-compiled
first, as an installed package's are.  Exits non-zero when a goal is missed.

    .venv/bin/python benchmarks/bench_startup.py [--runs 9] [--smoke]
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.goals import Verdicts, arguments, percentile, summary
from counter.actions.site.prepared import build_prepared
from counter.db.prepared_start import DATABASE, FINGERPRINT, Prepared, check_prepared
from counter.resources import CATALOG, FONTS, ICONS, LICENSES, PREPARED, TRANSLATIONS, resources_dir

GROWN_CASES = 60_000
FIRST_GOAL = 3.0
WARM_GOAL = 2.0
KEY_GOAL = 16.0  # a keystroke to its painted list within one frame at 60 Hz, as in bench_search.py
# the bare window ends as the desk does (counter.host.quick_exit): streams flushed, no interpreter teardown
BARE = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
def ready():
    window.repaint()
    print(f"ready-at {time.time():.6f} cpu {time.process_time():.6f}", file=sys.stderr, flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
sys.stdout.flush()
sys.stderr.flush()
os._exit(0)
"""
# ``counter`` as its program starts it (counter.__main__.entry), told when the first search has been answered: the
# hook (counter.ui.ready) needs no Qt, so the program imports the window and Qt itself, in its own order
DESK = """
import sys, time
from counter.ui import ready
answer = ready.answer_first_search
KEYS = ["xi", "xia", "xiao", "xiaoc", "xiaoca", "xiaocan", "xiaocang", "xiaocangu", "xiaocangua", "xiaocanguan"]
def answered(window):
    answer(window)
    print(f"ready-at {time.time():.6f} cpu {time.process_time():.6f}", file=sys.stderr, flush=True)
    from PySide6.QtCore import QTimer
    # the clerk types on at once, while the warm-up thread opens the database: each key as the search box takes it,
    # to its list painted, one every 30 ms
    typed = iter(KEYS)
    def key():
        text = next(typed, None)
        if text is None:
            return
        started = time.perf_counter()
        window.search_panel.box.setText(text)
        window.search_panel.results.viewport().repaint()
        print(f"key-ms {(time.perf_counter() - started) * 1000:.3f}", file=sys.stderr, flush=True)
        QTimer.singleShot(30, key)
    QTimer.singleShot(0, key)
ready.answer_first_search = answered
from counter.__main__ import entry
sys.argv = ["counter", "--exit-when-ready", *sys.argv[1:]]
entry()
"""
# what a warm start loads by the time it is ready but must not need: the documents, the catalog's readers, pinyin; by
# the time it is ready, also the catalog's model, the numbers' check, the audit trail's code (the log's masking, the
# rows' states: a store's first unit of work imports it), the roles (the first action asks them), the reader of the
# catalog's problems (a catalog read without any has none to read), the error report's code, the catalog's import
# thread (a quick start brings nothing in) and the windows behind the desk's buttons (each module with those below
# it), which the first search does not use, and Qt's network module (the socket answering later starts is opened once
# the window has painted)
NOT_NEEDED = (
    "reportlab", "pypinyin", "openpyxl", "tomllib", "alembic", "sqlalchemy", "importlib.resources", "PySide6.QtNetwork",
    "counter.catalog.model", "counter.audit", "counter.parties.identifiers", "counter.ui.number_check",
    "counter.words.database", "counter.backup.schema", "counter.documents", "counter.sync", "counter.ui.intake",
    "counter.ui.printing", "counter.ui.pad", "counter.ui.sync", "counter.ui.signin.controller", "counter.ui.guide_view",
    "counter.ui.cases.case_page", "counter.ui.cases.case_lists", "counter.access", "counter.catalog.problems",
    "counter.host.errors", "counter.ui.catalog_sync",
)  # fmt: skip
PROBE = f"""
import sys
from counter.ui import ready
answer = ready.answer_first_search
def answered(window):
    answer(window)
    names = {NOT_NEEDED!r}
    loaded = sorted({{n for n in names for m in sys.modules if m == n or m.startswith(n + ".")}})
    print("loaded:", ",".join(loaded) or "-", file=sys.stderr)
ready.answer_first_search = answered
from counter.__main__ import main
code = main(["--exit-when-ready"])
ended = sorted({{m.split(".")[0] for m in sys.modules}} & {{"reportlab", "pypinyin", "openpyxl", "tomllib", "alembic"}})
print("loaded by its end:", ",".join(ended) or "-", file=sys.stderr)
raise SystemExit(code)
"""


@dataclass(frozen=True)
class Start:
    ready: float  # from the process's start until it could answer a keystroke (the bare window: painted)
    end: float  # until it ended: for the desk, once the warm-up thread had opened the database too
    cpu: float  # the processor time the process had used by then: what others' work on the machine moves least
    keys: tuple[float, ...] = ()  # the keystrokes typed at once after ready, each to its list painted (ms)


def timed(args: list[str], env: dict[str, str]) -> Start:
    start = time.time()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    end = time.time()
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:3])} failed ({done.returncode}):\n{done.stderr}")
    ready = [line.split() for line in done.stderr.splitlines() if line.startswith("ready-at ")]
    if len(ready) != 1:
        raise SystemExit(f"{' '.join(args[:3])} never said it was ready:\n{done.stderr}")
    keys = tuple(float(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("key-ms "))
    return Start(float(ready[0][1]) - start, end - start, float(ready[0][3]), keys)


def resources_copy(root: Path, prepared: bool) -> Path:
    """The shipped files, linked, and the prepared database (copied or built, untimed) when asked for."""
    shipped = resources_dir()
    folder = root / ("resources" if prepared else "resources-unprepared")
    folder.mkdir()
    for name in (CATALOG, FONTS, TRANSLATIONS, LICENSES, ICONS):
        (folder / name).symlink_to(shipped / name, target_is_directory=True)
    if prepared:
        target = folder / PREPARED
        if check_prepared(shipped / PREPARED, shipped / CATALOG) is Prepared.COPIED:
            target.mkdir()
            for name in (DATABASE, FINGERPRINT):
                shutil.copyfile(shipped / PREPARED / name, target / name)
        else:
            print("the installation has no prepared database that fits: building one (untimed)", flush=True)
            build_prepared(shipped / CATALOG, target)
    return folder


def interleaved(work: dict[str, Callable[[], Start]], runs: int) -> dict[str, list[Start]]:
    """Each start ``runs`` times, in rounds whose order turns, so that none always follows the same one."""
    times: dict[str, list[Start]] = {name: [] for name in work}
    order = list(work)
    for round_no in range(runs):
        for name in order[round_no % len(order) :] + order[: round_no % len(order)]:
            times[name].append(work[name]())
    return times


def grown_hall(root: Path, cases: int) -> str:
    """The URL of an SQLite file holding ``cases`` of a hall's cases, built the way one grows (untimed)."""
    from benchmarks.big_hall import build

    work = root / "hall-work"
    work.mkdir()
    url = f"sqlite:///{root / 'hall.sqlite3'}"
    started = time.perf_counter()
    build(url, cases, work=work, progress=lambda _line: None)
    size = (root / "hall.sqlite3").stat().st_size / 2**20
    took = time.perf_counter() - started
    print(f"a hall's file of {cases:,} cases ({size:,.0f} MiB) built in {took:.0f} s (untimed)")
    return url


def judge_keys(after_ready: list[float], verdicts: Verdicts) -> None:
    """The keystrokes typed at once after ready, against a frame."""
    if after_ready:
        print(f"the keys typed at once after ready, while the database warms up: {summary(after_ready)}")
        verdicts.at_most("a keystroke right after ready, to its list painted, p95", percentile(after_ready, 0.95),
                         KEY_GOAL)  # fmt: skip
    else:
        print("no keystroke was typed after ready: the desk ended before the first")
        verdicts.at_most("keystrokes typed after ready (none counted)", 1, 0, unit="missing")


def print_table(times: dict[str, list[Start]], slow: list[Start], runs: int, cases: int) -> None:
    """Each start's medians: ready, ended, and the processor time used by ready."""

    def median(name: str, end: bool = False) -> float:
        return statistics.median(s.end if end else s.ready for s in times[name]) * 1000

    def cpu(name: str) -> float:
        return statistics.median(s.cpu for s in times[name]) * 1000

    slow_ms = statistics.median(s.ready for s in slow) * 1000
    slow_end_ms = statistics.median(s.end for s in slow) * 1000
    print(f"medians over {runs} interleaved rounds (load average {os.getloadavg()[0]:.1f}), from the process's start:")
    print("                                         ready     ended   cpu when ready")
    for label, name in (("bare PySide6 window (painted)", "bare"), ("first start, empty home (prepared)", "first"),
                        ("warm start", "warm"), (f"warm start, {cases:,} cases", "grown")):  # fmt: skip
        print(f"  {label:<35}{median(name):7.0f}   {median(name, True):7.0f}   {cpu(name):7.0f} ms")
    print(f"  first start without prepared data    {slow_ms:7.0f}   {slow_end_ms:7.0f} ms")
    print("  (ready: the first search answered and painted; ended: the database warmed up too, the first F5's wait;")
    print("   cpu: the processor time used by the moment it was ready, which others' work on the machine moves least)")
    print(f"processor time when ready, against the bare window's: first start {cpu('first') / cpu('bare'):.2f}x, "
          f"warm start {cpu('warm') / cpu('bare'):.2f}x, with {cases:,} cases {cpu('grown') / cpu('bare'):.2f}x "
          "(no goal: the goals are on the clerk's wait)")  # fmt: skip


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cases", type=int, default=GROWN_CASES, help="the cases of the hall's file (default 60000)")
    args = parser.parse_args()
    runs = 2 if args.smoke else args.runs
    cases = 2_000 if args.smoke else args.cases
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "counter", quiet=1, workers=0)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        base = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        base.pop("COUNTER_DB_URL", None)
        prepared = resources_copy(root, prepared=True)
        unprepared = resources_copy(root, prepared=False)
        homes = iter(range(10_000))

        def desk_env(resources: Path, home: Path | None = None) -> dict[str, str]:
            if home is None:
                home = root / f"home-{next(homes)}"
                (home / "state").mkdir(parents=True)
            return {**base, "COUNTER_RESOURCES": str(resources), "COUNTER_HOME": str(home / "data"),
                    "COUNTER_STATE": str(home / "state")}  # fmt: skip

        app = [sys.executable, "-c", DESK]
        bare = [sys.executable, "-c", BARE]
        warm_env = desk_env(prepared)
        timed(app, warm_env)  # the warm desk's own first start, and the interpreter's caches for everyone
        timed(bare, base)
        grown_url = grown_hall(root, cases)
        grown, grown_env = [*app, "--db", grown_url], desk_env(prepared)
        timed(grown, grown_env)  # that desk's own first start on the hall's file
        work: dict[str, Callable[[], Start]] = {
            "bare": lambda: timed(bare, base),
            "first": lambda: timed(app, desk_env(prepared)),
            "warm": lambda: timed(app, warm_env),
            "grown": lambda: timed(grown, grown_env),
        }
        times = interleaved(work, runs)
        slow = [timed(app, desk_env(unprepared)) for _ in range(1 if args.smoke else 3)]
        probe = subprocess.run([sys.executable, "-c", PROBE], env=warm_env, capture_output=True, text=True, check=True)

    def median(name: str) -> float:
        return statistics.median(s.ready for s in times[name]) * 1000

    bare_ms, first_ms, warm_ms, grown_ms = median("bare"), median("first"), median("warm"), median("grown")
    slow_ms = statistics.median(s.ready for s in slow) * 1000
    print_table(times, slow, runs, cases)
    said = dict(line.split(": ", 1) for line in probe.stderr.splitlines() if line.startswith("loaded"))
    loaded = ",".join(sorted({*said["loaded"].split(","), *said["loaded by its end"].split(",")} - {"-"})) or "-"
    verdicts = Verdicts(smoke=args.smoke)
    verdicts.ratio("first start (empty home) ready, against a bare window", first_ms, bare_ms, FIRST_GOAL)
    verdicts.ratio("warm start ready, against a bare window", warm_ms, bare_ms, WARM_GOAL)
    verdicts.ratio(f"warm start on a hall's file of {cases:,} cases ready, against a bare window", grown_ms, bare_ms,
                   WARM_GOAL)  # fmt: skip
    print(f"first start without prepared data (the fallback): {slow_ms / bare_ms:.1f}x a bare window, no goal")
    judge_keys([key for name in ("first", "warm", "grown") for start in times[name] for key in start.keys], verdicts)
    count = 0 if loaded == "-" else len(loaded.split(","))
    verdicts.at_most(f"modules a warm start loads but does not need ({loaded})", count, 0, unit="modules")
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
