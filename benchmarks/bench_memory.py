"""A desk's day in one process: 1,000 intakes with their papers and ratings, and the memory it takes.

A desk runs from the morning to the evening without a restart; memory that grows with every applicant ends the day
in swap on a township's 4 GB laptop. One process takes the day through the actions the window calls, each in a
unit of work of its own as the window's runner opens them: the guide read, the intake taken
(``take_intake``), its papers made (``make_document``: the number issued, the document record, the audit entry, the
PDF drawn) and stored as a file with the print recorded (``record_print``), the service sent to the pad
(``send_to_pad``) and rated (``record_rating``). Every tenth applicant gets a correction notice instead of a
receipt, every twentieth rates the service badly with a reason, which opens a rectification.

Goals, read from ``/proc/self/status``:

- peak resident memory (``VmHWM``) at most 200 MiB over the day;
- no growth after warm-up: the resident memory (``VmRSS``) after intake 1,000 at most 8 MiB above that after
  intake 200. By intake 200 every cache the day fills is full (the fonts, SQLAlchemy's statement cache, the
  guide's parsed version); what the allocators keep of freed blocks is noise of a few MiB. A leak of one receipt's
  bytes per intake (some 40 KB) would add 31 MiB over those 800 intakes, one of its case views a few MiB more: the
  margin tells a leak of a quarter of the smallest of them from the allocators' noise.

The process is the desk's: it holds the real main window (offscreen, one 1366×768 screen), shown with the shipped
catalog synced into it, its first search answered and its review pad started, and it runs the window's event loop
between two applicants.  The budget is on what a desk's process takes, so the window's own memory (Qt and its
widgets, the fonts, the search index, the pad) counts: a process of the actions alone, without a window, left all of
it out and met the budget a desk cannot be held to.  The intake panel's own memory is measured by
``bench_print_memory.py``, whose 60 applicants go through the window key by key.

It starts as the desk's own start does (:mod:`counter.ui.start.app`): PySide6's import hook told which modules use Qt
before SQLAlchemy and the actions are imported (they are, from :mod:`benchmarks.desk_day`), then the application
prepared (Qt's language, the text size, the shipped font).  The database is new, so the start migrates it and syncs
the whole bundled catalog, pinyin and all, as a desk's first start without the prepared database does, or its first
start after an update that changed the catalog: the peak counts that sync too.  Nothing of the tests is imported
(pytest alone was 7 MiB of an earlier run's figure), nor Qt's test module.

The floor beside the peak is the same process before the day starts: Python, Qt, the window shown, SQLAlchemy and the
catalog read, the migrations run, no intake taken; the figure itself may have been reached during the catalog's
sync, before the day (printed beside it).

``--smoke`` takes 30 intakes (warm-up after 10).

    .venv/bin/python benchmarks/bench_memory.py [--smoke]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop
from PySide6.QtWidgets import QApplication

from benchmarks.goals import Verdicts, arguments
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.resources import bundled_catalog_dir
from counter.service.local import InProcess
from counter.ui.look.geometry import fit_to_screen
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.start.app import prepare_app
from counter.ui.start.ready import answer_first_search
from counter.ui.start.startup_sources import answer_by_name

if TYPE_CHECKING:
    from counter.actions.site.store import Store

PEAK_GOAL_MIB = 200.0
GROWTH_GOAL_MIB = 8.0


SCREEN = (1366, 768)


def one_screen(folder: Path) -> None:
    """Before the QApplication: one 1366×768 screen, and a data folder of the run's own with the desk's clerk."""
    screen = {"name": "Desk", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1], "logicalDpi": 96}
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["COUNTER_HOME"] = str(folder / "home")
    save_desk_config(DeskConfig(clerk="乌兰"))  # a desk takes intakes once its clerk is named


def wait_until(done: Callable[[], bool], what: str, timeout_ms: int = 30_000) -> None:
    """The event loop runs until ``done``: no sleeping, and a clear stop when it never comes."""
    deadline = QDeadlineTimer(timeout_ms)
    while not done():
        if deadline.hasExpired():
            raise SystemExit(f"waited in vain for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def status_mib(field: str) -> float:
    """A ``Vm…`` line of this process's status, in MiB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def main() -> int:
    args = arguments(__doc__).parse_args()
    verdicts = Verdicts(smoke=args.smoke)
    intakes, warm = (30, 10) if args.smoke else (1000, 200)
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as scratch:
        folder = Path(scratch)
        one_screen(folder)  # before the QApplication; the number notes and logs stay in the run's folder
        os.environ["COUNTER_STATE"] = str(folder / "state")
        answer_by_name()  # as the desk's start does, before SQLAlchemy and the actions are imported
        return day(folder, intakes, warm, verdicts)


def open_window(store: Store) -> MainWindow:
    """The desk's main window as it starts: shown, the shipped catalog synced, the first search answered, the pad
    started."""
    window = MainWindow(InProcess(store), bundled_catalog_dir())
    fit_to_screen(window, SCREEN)
    window.show()
    ready: list[bool] = []
    window.catalog_ready.connect(ready.append)
    window.start_sync()
    wait_until(lambda: bool(ready), "the catalog")
    if ready != [True]:
        raise SystemExit("the shipped catalog was not synced into the window")
    answer_first_search(window)
    window.start_pad()
    return window


def day(folder: Path, intakes: int, warm: int, verdicts: Verdicts) -> int:
    from benchmarks.desk_day import DESK, rating_reasons, serve
    from counter.actions.site.store import Store

    url = f"sqlite:///{folder / 'desk.sqlite3'}"
    store = Store(url, create=True)
    app = QApplication([])
    incomplete = prepare_app(app)  # Qt's language, the error hook, the text size and the shipped font, as at a desk
    if incomplete is not None:
        raise SystemExit(incomplete)
    window = open_window(store)
    desk = DESK
    papers = folder / "papers"
    papers.mkdir()
    before_day, start_peak = status_mib("VmRSS"), status_mib("VmHWM")
    reasons = rating_reasons(store)
    rss: dict[int, float] = {}
    start = time.perf_counter()
    for n in range(1, intakes + 1):
        serve(store, desk, n, reasons, papers)
        app.processEvents()  # the window's loop between two applicants, as at a desk
        if n in (warm, intakes) or n % 100 == 0:
            rss[n] = status_mib("VmRSS")
            print(f"  after intake {n:>5}: VmRSS {rss[n]:6.1f} MiB  ({time.perf_counter() - start:.0f} s)", flush=True)
    peak = status_mib("VmHWM")
    window.close()
    store.dispose()
    print(f"{intakes} intakes with papers and ratings; before the day VmRSS {before_day:.1f} MiB", end="")
    print(f", and the peak of the start (the catalog's sync among it) VmHWM {start_peak:.1f} MiB")
    verdicts.at_most("peak resident memory over the day (VmHWM)", peak, PEAK_GOAL_MIB, unit="MiB", floor=before_day)
    growth = rss[intakes] - rss[warm]
    verdicts.at_most(f"growth of VmRSS from intake {warm} to {intakes}", growth, GROWTH_GOAL_MIB, unit="MiB")
    return verdicts.finish()


if __name__ == "__main__":
    raise SystemExit(main())
