"""Start-up: the desk's first start and its warm start, each beside a bare PySide6 window, interleaved, in one run.

The floor is a bare window: import QtWidgets, show an empty QMainWindow, paint it once the event loop runs, quit.
The desk is ``counter --exit-when-ready`` as its program starts it, which is ready when the clerk can type and be
answered: the window shown, the catalog in place, the first search (``xcg``) answered through the search box and
its list painted with the desk's fonts.  Each says when it got there (``ready``, timed from the moment the process
was started).  Beside it stands when each process ended (``ended``): the desk's
warm-up thread, which opens the database through SQLAlchemy while the clerk reads the screen so that the first F5
does not wait, runs as on every start and is waited for; both end without the interpreter's teardown, the desk by
:mod:`counter.host.machine.quick_exit` and the bare window by the same ``os._exit`` after flushing its streams.  Both
run on the offscreen platform, with the same interpreter and environment.

Budgets are on what a clerk feels, not on a ratio (a start twice a bare window's said nothing of a key held up by
the warm-up's imports, which hold the interpreter's lock, nor of the warm-up's own length):

- **a key typed at any moment after the window shows** is painted within 50 ms, p95: from ready (in the window's
  first turn of the event loop, before its first paint) one key every 30 ms, until the start's own work is over
  (the warm-up thread, the draft's offer, the pad) and one beyond, each timed from the moment it was typed, so that
  a key waiting behind the window's thread counts its wait.  A bare window typed into alike is printed beside it.
- **F5 pressed at once after ready** shows the intake within 1 s (Enter on the first search's guide, then F5, to the
  intake painted, waiting for the database's warm-up as it must), in a first and a warm start; beside it a bare
  window showing a form of thirty fields.
- **the whole start to its warm-up's end**: the processor time of ``counter --exit-when-ready`` as the kernel counts
  it (every thread, to the process's end), beside the bare window's; for the record.

The starts themselves, each beside a bare window, their ratios printed for information:

- **first start**: an empty home (``COUNTER_HOME`` and ``COUNTER_STATE`` new empty folders, the default SQLite
  file), with the prepared database an installation carries (:mod:`counter.db.prepared_start`).
- **warm start**: the same desk started again on the database its first start made.
- **warm start on a hall's file**: the desk started again on an SQLite file holding years of a hall's cases
  (``--cases``, 60,000 by default: a hall sharing one file, or a township after years), built through the real
  intake and sync import (:mod:`benchmarks.big_hall`, untimed): what the desk does at start must not grow with the
  cases the file holds.
- the first start without prepared data (an installation built without it: the desk builds its database the slow
  way) is printed beside them.

The starts that are typed into or pressed F5 in are runs of their own, so that the ready and end times are not
moved by the typing.  Rounds are interleaved (bare, first, warm and their typed and F5 runs, in an order that turns
each round) and medians compared; the resources are a temporary folder holding the shipped files and the prepared
database (copied when the installation's fits, else built, untimed), so a run neither depends on nor changes the
checkout.  The app's modules are byte-compiled first, as an installed package's are.  Exits non-zero when a budget
is missed.

    .venv/bin/python benchmarks/bench_startup.py [--runs 9] [--cases 60000] [--smoke]
"""

from __future__ import annotations

import compileall
import os
import resource
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
from counter.resources import CATALOG, PREPARED, resources_dir

GROWN_CASES = 60_000
KEY_GOAL = 50.0  # a key typed at any moment after the window shows, painted within 50 ms p95
F5_GOAL = 1000.0  # F5 pressed at once after ready shows the intake within 1 s
KEY_EVERY_MS = 30  # a quick typist's pace
BARE_KEYS = 20  # the bare window's keys: as many as a warm desk's start takes about
# the bare window ends as the desk does (counter.host.machine.quick_exit): streams flushed, no interpreter teardown.
# With BENCH_KEYS it is typed into as the desk is (a line edit, the window repainted), each key timed from the moment it
# was typed; with BENCH_F5 it shows a form of thirty fields in a window of its own at once, as F5 does
BARE = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QMainWindow, QWidget
app = QApplication(sys.argv)
window = QMainWindow()
box = QLineEdit()
window.setCentralWidget(box)
window.show()
KEYS = ["xi", "xia", "xiao", "xiaoc", "xiaoca", "xiaocan", "xiaocang", "xiaocangu", "xiaocangua", "xiaocanguan"]
def ended():
    app.quit()
def typing(count):
    first = time.perf_counter()
    def key(i):
        if i == count:
            ended()
            return
        due = first + i * %(every)d / 1000
        box.setText(KEYS[i %% len(KEYS)])
        window.repaint()
        print(f"key-ms {(time.perf_counter() - due) * 1000:.3f}", file=sys.stderr, flush=True)
        wait = first + (i + 1) * %(every)d / 1000 - time.perf_counter()
        QTimer.singleShot(max(0, round(wait * 1000)), lambda: key(i + 1))
    QTimer.singleShot(0, lambda: key(0))
def f5():
    pressed = time.perf_counter()
    form = QWidget()
    layout = QFormLayout(form)
    for n in range(30):
        layout.addRow(f"field {n}", QLineEdit())
    form.show()
    form.repaint()
    print(f"f5-ms {(time.perf_counter() - pressed) * 1000:.3f}", file=sys.stderr, flush=True)
    ended()
def ready():
    window.repaint()
    print(f"ready-at {time.time():.6f} cpu {time.process_time():.6f}", file=sys.stderr, flush=True)
    if os.environ.get("BENCH_KEYS"):
        typing(int(os.environ["BENCH_KEYS"]))
    elif os.environ.get("BENCH_F5"):
        QTimer.singleShot(0, f5)
    else:
        ended()
QTimer.singleShot(0, ready)
app.exec()
sys.stdout.flush()
sys.stderr.flush()
os._exit(0)
""".replace("%(every)d", str(KEY_EVERY_MS)).replace("%%", "%")
# ``counter`` as its program starts it (counter.__main__.entry), told when the first search has been answered: the
# hook (counter.ui.start.ready) needs no Qt, so the program imports the window and Qt itself, in its own order.  Ready
# comes in the window's first turn of the event loop, before its first paint, so the keys typed from then on are typed
# at any moment after the window shows.  With BENCH_KEYS the clerk types on, one key every 30 ms, until the start's own
# work is over (the warm-up thread's and what the window does once it is: the draft's offer, the pad) and one key
# beyond; each key is timed from the moment it was typed, not from the moment the window got round to it, so a
# window held up by the start's work is seen as the clerk sees it.  With BENCH_F5 the clerk presses Enter (the guide)
# and F5 at once, and the intake is timed from the press to its window painted, waiting for the database as it must.
DESK = """
import os, sys, time
from counter.ui.start import ready
answer = ready.answer_first_search
KEYS = ["xi", "xia", "xiao", "xiaoc", "xiaoca", "xiaocan", "xiaocang", "xiaocangu", "xiaocangua", "xiaocanguan"]
EVERY = %(every)d / 1000
if os.environ.get("BENCH_F5"):
    from counter.host.machine.desk_config import DeskConfig, save_desk_config
    save_desk_config(DeskConfig(clerk="乌兰"))  # a desk with no clerk named takes no intake
def answered(window):
    answer(window)
    print(f"ready-at {time.time():.6f} cpu {time.process_time():.6f}", file=sys.stderr, flush=True)
    from PySide6.QtCore import QTimer
    import counter.ui.start.app as app_module
    # the end the program asks for waits until the clerk has stopped: the keys typed during the start's last work
    # are answered and counted
    ending = app_module._ExitWhenReady._end_when_both
    held = []
    done = []
    last = []
    def end_when_both(self):
        if not (self._answered is False or (self._answered and self._settled)):
            return  # not the end yet: ready, the start's work still going on
        held.append(self)
        if done:
            ending(self)
    app_module._ExitWhenReady._end_when_both = end_when_both
    def finished():
        done.append(True)
        for asked in held:
            ending(asked)
    first = time.perf_counter()
    def key(i):
        due = first + i * EVERY
        window.search_panel.box.setText(KEYS[i %% len(KEYS)])
        window.search_panel.results.viewport().repaint()
        print(f"key-ms {(time.perf_counter() - due) * 1000:.3f}", file=sys.stderr, flush=True)
        if last and last[0] == i:
            finished()
            return
        if held and not last:
            last.append(i + 1)  # the start's work is over: one key more
        wait = first + (i + 1) * EVERY - time.perf_counter()
        QTimer.singleShot(max(0, round(wait * 1000)), lambda: key(i + 1))
    def f5():
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        pressed = time.perf_counter()
        QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
        entered = time.perf_counter()
        QTest.keyClick(window, Qt.Key.Key_F5)
        actions = window.desk_actions
        # the intake's window: the panel, or while the database still opens the panel's place, filled once it is
        shown = actions.intake if actions.intake is not None else actions.opening
        if shown is None or not shown.isVisible():
            print("F5 opened no intake", file=sys.stderr, flush=True)
            os._exit(3)
        shown.repaint()
        print(f"f5-ms {(time.perf_counter() - pressed) * 1000:.3f}", file=sys.stderr, flush=True)
        print(f"f5-own-ms {(time.perf_counter() - entered) * 1000:.3f}", file=sys.stderr, flush=True)
        def filled():
            panel = actions.intake
            if panel is None or not panel.isVisible():
                if actions.opening is None:
                    print("F5 opened no intake", file=sys.stderr, flush=True)
                    os._exit(3)
                QTimer.singleShot(5, filled)
                return
            panel.repaint()
            print(f"f5-filled-ms {(time.perf_counter() - pressed) * 1000:.3f}", file=sys.stderr, flush=True)
            finished()
        filled()
    if os.environ.get("BENCH_KEYS"):
        QTimer.singleShot(0, lambda: key(0))
    elif os.environ.get("BENCH_F5"):
        QTimer.singleShot(0, f5)
    else:
        finished()
ready.answer_first_search = answered
from counter.__main__ import entry
sys.argv = ["counter", "--exit-when-ready", *sys.argv[1:]]
entry()
""".replace("%(every)d", str(KEY_EVERY_MS)).replace("%%", "%")
# what a warm start loads by the time it is ready but must not need: the documents, the catalog's readers, pinyin; by
# the time it is ready, also the catalog's model, the numbers' check, the audit trail's code (the log's masking, the
# rows' states: a store's first unit of work imports it), the roles (the first action asks them), the reader of the
# catalog's problems (a catalog read without any has none to read), the error report's code, the catalog's import
# thread (a quick start brings nothing in) and the windows behind the desk's buttons (each module with those below
# it), which the first search does not use, and Qt's network module (the socket answering later starts is opened once
# the window has painted)
NOT_NEEDED = (
    "reportlab", "pypinyin", "openpyxl", "tomllib", "alembic", "sqlalchemy", "importlib.resources", "PySide6.QtNetwork",
    "counter.catalog.model", "counter.audit", "counter.parties.identifiers", "counter.ui.start.number_check",
    "counter.words.database", "counter.backup.schema", "counter.documents", "counter.sync", "counter.ui.intake",
    "counter.ui.printing", "counter.ui.pad", "counter.ui.sync", "counter.ui.signin.controller",
    "counter.ui.guide.guide_view",
    "counter.ui.cases.case_page", "counter.ui.cases.case_lists", "counter.access", "counter.catalog.problems",
    "counter.host.machine.errors", "counter.ui.mainwindow.catalog_sync",
)  # fmt: skip
PROBE = f"""
import sys
from counter.ui.start import ready
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
    cpu_end: float  # the processor time of the whole process, to its end (its warm-up's too), from the kernel
    keys: tuple[float, ...] = ()  # the keys typed after ready, each from the moment it was typed to painted (ms)
    f5: float | None = None  # F5 pressed at once after ready, to the intake's window painted (ms)
    f5_filled: float | None = None  # and to the panel itself painted, once the database is open (ms)
    f5_own: float | None = None  # from F5 itself (Enter's guide shown) to the intake's window painted (ms)


def timed(args: list[str], env: dict[str, str], **extra: str) -> Start:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    done = subprocess.run(args, env={**env, **extra}, capture_output=True, text=True, check=False)
    end = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:3])} failed ({done.returncode}):\n{done.stderr}")
    ready = [line.split() for line in done.stderr.splitlines() if line.startswith("ready-at ")]
    if len(ready) != 1:
        raise SystemExit(f"{' '.join(args[:3])} never said it was ready:\n{done.stderr}")
    said = [line.split() for line in done.stderr.splitlines()]
    keys = tuple(float(words[1]) for words in said if words and words[0] == "key-ms")
    f5 = [float(words[1]) for words in said if words and words[0] == "f5-ms"]
    filled = [float(words[1]) for words in said if words and words[0] == "f5-filled-ms"]
    own = [float(words[1]) for words in said if words and words[0] == "f5-own-ms"]
    if extra.get("BENCH_F5") and len(f5) != 1:
        raise SystemExit(f"{' '.join(args[:3])} timed no F5:\n{done.stderr}")
    cpu_end = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Start(float(ready[0][1]) - start, end - start, float(ready[0][3]), cpu_end, keys, f5[0] if f5 else None,
                 filled[0] if filled else None, own[0] if own else None)  # fmt: skip


def resources_copy(root: Path, prepared: bool) -> Path:
    """The shipped files, linked, and the prepared database (copied or built, untimed) when asked for."""
    shipped = resources_dir()
    folder = root / ("resources" if prepared else "resources-unprepared")
    folder.mkdir()
    for entry in shipped.iterdir():  # every shipped folder (the licences: shipped, read by no code) but the prepared
        if entry.is_dir() and entry.name not in (PREPARED, "__pycache__"):
            (folder / entry.name).symlink_to(entry, target_is_directory=True)
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


def judge_keys(times: dict[str, list[Start]], verdicts: Verdicts) -> None:
    """The keys typed at any moment after the window shows, each from the moment it was typed, beside a bare window
    typed into alike in the same run."""
    bare = [key for start in times["bare keys"] for key in start.keys]
    desk = [
        key for name in ("first keys", "warm keys", "grown keys") for start in times.get(name, []) for key in start.keys
    ]
    print(f"keys typed into a bare window: {summary(bare)} ({len(bare)} keys)")
    if desk:
        print(f"keys typed into the desk from ready to the end of its start's work and one beyond: {summary(desk)} "
              f"({len(desk)} keys)")  # fmt: skip
        verdicts.at_most("a key typed at any moment after the window shows, to its list painted, p95",
                         percentile(desk, 0.95), KEY_GOAL, floor=percentile(bare, 0.95))  # fmt: skip
    else:
        print("no keystroke was typed after ready: the desk ended before the first")
        verdicts.at_most("keystrokes typed after ready (none counted)", 1, 0, unit="missing")


def judge_f5(times: dict[str, list[Start]], verdicts: Verdicts) -> None:
    """F5 pressed at once after ready, to the intake painted, beside a bare window showing a form of its own."""
    bare = [s.f5 for s in times["bare f5"] if s.f5 is not None]
    for name, label in (("first f5", "first start"), ("warm f5", "warm start")):
        desk = [s.f5 for s in times[name] if s.f5 is not None]
        print(f"F5 at once after ready, {label}: {summary(desk)}; a bare window's form: {summary(bare)}")
        filled = [s.f5_filled for s in times[name] if s.f5_filled is not None]
        print(f"  the panel filled once the database is open, for information: {summary(filled)}")
        own = [s.f5_own for s in times[name] if s.f5_own is not None]
        print(f"  from F5 itself (Enter's guide shown, the database's wait in it), for information: {summary(own)}")
        verdicts.at_most(f"F5 pressed at once after ready ({label}), to the intake painted, worst of the runs",
                         max(desk), F5_GOAL, floor=max(bare))  # fmt: skip


def print_table(times: dict[str, list[Start]], slow: list[Start], runs: int, cases: int) -> None:
    """Each start's medians: ready, ended, and the processor time used by ready."""

    def median(name: str, end: bool = False) -> float:
        return statistics.median(s.end if end else s.ready for s in times[name]) * 1000

    def cpu(name: str) -> float:
        return statistics.median(s.cpu for s in times[name]) * 1000

    slow_ms = statistics.median(s.ready for s in slow) * 1000
    slow_end_ms = statistics.median(s.end for s in slow) * 1000
    print(f"medians over {runs} interleaved rounds (load average {os.getloadavg()[0]:.1f}), from the process's start:")
    print("                                         ready     ended   cpu when ready   cpu to the end")
    for label, name in (("bare PySide6 window (painted)", "bare"), ("first start, empty home (prepared)", "first"),
                        ("warm start", "warm"), (f"warm start, {cases:,} cases", "grown")):  # fmt: skip
        if name not in times:
            continue
        whole = statistics.median(s.cpu_end for s in times[name]) * 1000
        print(
            f"  {label:<35}{median(name):7.0f}   {median(name, True):7.0f}   {cpu(name):7.0f}          {whole:7.0f} ms"
        )
    print(f"  first start without prepared data    {slow_ms:7.0f}   {slow_end_ms:7.0f} ms")
    print("  (ready: the first search answered and painted; ended: the database warmed up too, the first F5's wait;")
    print("   cpu: the processor time used by the moment it was ready, which others' work on the machine moves least)")
    print(f"processor time when ready, against the bare window's: first start {cpu('first') / cpu('bare'):.2f}x, "
          f"warm start {cpu('warm') / cpu('bare'):.2f}x"
          + (f", with {cases:,} cases {cpu('grown') / cpu('bare'):.2f}x " if "grown" in times else " ")
          + "(no goal: the budgets are on what the clerk feels)")  # fmt: skip


def main() -> None:  # noqa: PLR0915 (the run's steps, in the order they run)
    parser = arguments(__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--cases", type=int, default=GROWN_CASES, help="the cases of the hall's file (default 60000; 0: none)"
    )
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
        if cases:
            grown_url = grown_hall(root, cases)
            grown, grown_env = [*app, "--db", grown_url], desk_env(prepared)
            timed(grown, grown_env)  # that desk's own first start on the hall's file
        keys, f5 = {"BENCH_KEYS": str(BARE_KEYS)}, {"BENCH_F5": "1"}
        work: dict[str, Callable[[], Start]] = {
            "bare": lambda: timed(bare, base),
            "first": lambda: timed(app, desk_env(prepared)),
            "warm": lambda: timed(app, warm_env),
            "grown": lambda: timed(grown, grown_env),
            "bare keys": lambda: timed(bare, base, **keys),
            "first keys": lambda: timed(app, desk_env(prepared), BENCH_KEYS="1"),
            "warm keys": lambda: timed(app, warm_env, BENCH_KEYS="1"),
            "grown keys": lambda: timed(grown, grown_env, BENCH_KEYS="1"),
            "bare f5": lambda: timed(bare, base, **f5),
            "first f5": lambda: timed(app, desk_env(prepared), **f5),
            "warm f5": lambda: timed(app, warm_env, **f5),
        }
        if not cases:  # --cases 0: no hall's file
            del work["grown"], work["grown keys"]
        times = interleaved(work, runs)
        slow = [timed(app, desk_env(unprepared)) for _ in range(1 if args.smoke else 3)]
        probe = subprocess.run([sys.executable, "-c", PROBE], env=warm_env, capture_output=True, text=True, check=True)

    def median(name: str) -> float:
        return statistics.median(s.ready for s in times[name]) * 1000

    bare_ms, first_ms, warm_ms = median("bare"), median("first"), median("warm")
    slow_ms = statistics.median(s.ready for s in slow) * 1000
    print_table(times, slow, runs, cases)
    said = dict(line.split(": ", 1) for line in probe.stderr.splitlines() if line.startswith("loaded"))
    loaded = ",".join(sorted({*said["loaded"].split(","), *said["loaded by its end"].split(",")} - {"-"})) or "-"
    verdicts = Verdicts(smoke=args.smoke)
    judge_keys(times, verdicts)
    judge_f5(times, verdicts)
    # the whole start, to the end of its warm-up (--exit-when-ready): the processor time, which the machine's other
    # work moves least, beside the bare window's
    bare_cpu = statistics.median(s.cpu_end for s in times["bare"]) * 1000
    for name, label in (("first", "first start"), ("warm", "warm start"), ("grown", f"warm start, {cases:,} cases")):
        if name not in times:
            continue
        whole = statistics.median(s.cpu_end for s in times[name]) * 1000
        verdicts.record(f"the whole {label} to its warm-up's end, processor time", whole, unit="ms cpu",
                        floor=bare_cpu)  # fmt: skip
    # the ratios of the moment each was ready, for information: a clerk feels the keys and F5, not a ratio
    verdicts.record("first start (empty home) ready, against a bare window", first_ms, floor=bare_ms)
    verdicts.record("warm start ready, against a bare window", warm_ms, floor=bare_ms)
    if "grown" in times:
        verdicts.record(f"warm start on a hall's file of {cases:,} cases ready, against a bare window",
                        median("grown"), floor=bare_ms)  # fmt: skip
    print(f"first start without prepared data (the fallback): {slow_ms / bare_ms:.1f}x a bare window, no goal")
    count = 0 if loaded == "-" else len(loaded.split(","))
    verdicts.at_most(f"modules a warm start loads but does not need ({loaded})", count, 0, unit="modules")
    raise SystemExit(verdicts.finish())


if __name__ == "__main__":
    main()
