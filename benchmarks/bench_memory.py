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

The floor beside the peak is the same process before the day starts: Python, Qt, the window shown, SQLAlchemy and the
catalog read, the migrations run, no intake taken.

``--smoke`` takes 30 intakes (warm-up after 10).

    .venv/bin/python benchmarks/bench_memory.py [--smoke]
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from counter.service.local import InProcess

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from benchmarks.bench_keystrokes import one_screen
from benchmarks.bench_print_memory import wait_until
from benchmarks.goals import Verdicts, arguments
from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document, record_print
from counter.actions.catalog.guides import current_guide
from counter.actions.intake.take import take_intake
from counter.actions.ratings.record import rating_settings, record_rating, send_to_pad
from counter.actions.site.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
from counter.actions.site.store import Store, Unit
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.catalog.model import Necessity
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import Receipt, record
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.ratings.pad_reasons import offered_reasons
from counter.resources import bundled_catalog_dir
from counter.ui.geometry import fit_to_screen
from counter.ui.main_window import MainWindow
from counter.ui.ready import answer_first_search

PEAK_GOAL_MIB = 200.0
GROWTH_GOAL_MIB = 8.0
TODAY = dt.date(2026, 11, 20)
SURNAMES = "张王李赵刘陈杨黄吴周"


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
        return day(folder, intakes, warm, verdicts)


def open_window(store: Store) -> MainWindow:
    """The desk's main window as it starts: shown, the shipped catalog synced, the first search answered, the pad
    started."""
    window = MainWindow(InProcess(store), bundled_catalog_dir())
    fit_to_screen(window, (1366, 768))
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
    url = f"sqlite:///{folder / 'desk.sqlite3'}"
    store = Store(url, create=True)
    app = QApplication([])
    window = open_window(store)
    desk = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    papers = folder / "papers"
    papers.mkdir()
    before_day = status_mib("VmRSS")
    reasons = store.read(lambda unit: offered_reasons(rating_settings(unit)[0]))
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
    print(f"{intakes} intakes with papers and ratings; before the day VmRSS {before_day:.1f} MiB")
    verdicts.at_most("peak resident memory over the day (VmHWM)", peak, PEAK_GOAL_MIB, unit="MiB", floor=before_day)
    growth = rss[intakes] - rss[warm]
    verdicts.at_most(f"growth of VmRSS from intake {warm} to {intakes}", growth, GROWTH_GOAL_MIB, unit="MiB")
    return verdicts.finish()


def serve(store: Store, desk: Desk, n: int, reasons: tuple[str, ...], papers: Path) -> None:
    """The n-th applicant of the day, each step in its own unit of work as the window's runner opens them."""
    stored = store.read(partial(current_guide, bundle_code=DEMO_BUNDLE))
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    correction = n % 10 == 0
    if correction:
        listed = stored.bundle.materials_for(checklist.answers_dict())
        required = [m.code for m in listed if m.necessity is Necessity.REQUIRED]
        checklist = record(checklist, required[-1], Receipt.MISSING)
    born = dt.date(1960 + n % 40, 1 + n % 12, 1 + n % 28)
    person = Applicant(
        ApplicantKind.PERSON,
        SURNAMES[n % 10] + "海军",
        make_id_number("152201", born, n % 1000),
        f"139048{n:05d}",
        f"乌兰浩特市和平街道民主路{n}号",
    )
    request = IntakeRequest(checklist, Parties(person))

    def take(unit: Unit) -> str:
        return take_intake(unit, desk, request, TODAY, office_calendar(unit)).case_no

    case_no = store.write(take)
    kind = DocumentKind.CORRECTION if correction else DocumentKind.RECEIPT
    made = store.write(partial(make_document, desk=desk, case_no=case_no, kind=kind, today=TODAY))
    path = papers / f"{made.doc_no}.pdf"
    path.write_bytes(made.pdf)
    store.write(partial(record_print, desk=desk, made=made, target=f"file:{path}", ok=True))
    now = dt.datetime.combine(TODAY, dt.time(9)) + dt.timedelta(seconds=25 * n)
    pad = store.write(partial(send_to_pad, case_no=case_no, desk=desk, now=now))
    bad = n % 20 == 0
    choice = RatingChoice(Level.DISSATISFIED, (reasons[0],)) if bad else RatingChoice(Level.VERY_SATISFIED)

    def rate(unit: Unit) -> None:
        record_rating(unit, pad.request_id, choice, desk, now, office_calendar(unit))

    store.write(rate)


if __name__ == "__main__":
    raise SystemExit(main())
