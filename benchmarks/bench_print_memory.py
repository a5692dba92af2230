"""Printed intakes leave nothing behind: 60 applicants served at the real desk, each one's paper printed.

A desk prints at almost every intake, from the morning to the evening without a restart; a preview window that
stayed open (or only hidden) after its print kept its pages' images, an A4 page drawn at screen resolution for each,
and a day of them ends in swap on a township's 4 GB laptop. Here the real main window on a real SQLite database with
the shipped catalog (offscreen platform, one 1366×768 screen) takes each applicant through F5, the form, the commit,
the intake's 打印 and the preview's 打印, which sends the PDFs to a real CUPS queue of the run's own (``lp``, as at a
desk with a printer); the outcomes turn 受理, 容缺受理 (three papers), 补正 and 不予受理.

Goals, read from ``/proc/self/status`` once the window's work is done (posted deletions run, cycles collected):

- the resident memory (``VmRSS``) after intake 60 at most 8 MiB above that after intake 10. By intake 10 the caches
  the window fills have their working set (fonts and glyphs, the guide's parsed version, the statement cache, the
  PDF font subsets, which are bounded); what the allocators keep of freed blocks moves the figure by a few MiB
  either way, which the margin allows. A preview kept per intake, even hidden, adds its pages' images at every
  intake and is over the margin within a few intakes;
- no preview window still held by the process after the last intake.

The floor printed beside the figure is the same process before the first applicant: the desk open, the catalog in,
the guide on screen. ``--smoke`` takes 8 intakes (the first measure after 3).

    .venv/bin/python benchmarks/bench_print_memory.py [--smoke]
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from counter.service.local import InProcess
from tests.entrusted import restaurant_held
from tests.ui.runners import store_of

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QEventLoop, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from benchmarks.goals import Verdicts, arguments
from counter.actions.site.store import Store
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.intake.outcome import RefusalGround
from counter.parties.identifiers import make_id_number
from counter.resources import bundled_catalog_dir
from counter.ui.intake import IntakePanel
from counter.ui.look.geometry import fit_to_screen
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.printing.preview_window import PreviewWindow
from tests.cups_server import running_cups
from tests.ui.shown_text import outcome_text

TODAY = dt.date(2026, 11, 20)
SCREEN = (1366, 768)
GROWTH_GOAL_MIB = 8.0
QUEUE = "desk-printer"
OUTCOMES = ("accept", "defer", "correct", "refuse")
SITUATIONS = {"operator": "individual", "agent": "self", "signboard": "no"}
SURNAMES = "张王李赵刘陈杨黄吴周"


def status_mib(field: str) -> float:
    """A ``Vm…`` line of this process's status, in MiB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def wait_until(done: Callable[[], bool], what: str, timeout_ms: int = 30_000) -> None:
    """The event loop runs until ``done``: no sleeping, and a clear stop when it never comes."""
    deadline = QDeadlineTimer(timeout_ms)
    while not done():
        if deadline.hasExpired():
            raise SystemExit(f"waited in vain for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def settled_rss() -> float:
    """VmRSS once what the window let go of is gone: deletions posted, cycles collected (as its collector does)."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        gc.collect()
    return status_mib("VmRSS")


def previews() -> list[PreviewWindow]:
    return [widget for widget in QApplication.allWidgets() if isinstance(widget, PreviewWindow)]


def one_screen(folder: Path) -> None:
    """Before the QApplication: one 1366×768 screen, a data folder of the run's own, its printer."""
    screen = {"name": "Desk", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1], "logicalDpi": 96}
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["COUNTER_HOME"] = str(folder / "home")
    os.environ["COUNTER_STATE"] = str(folder / "state")
    os.environ["COUNTER_PRINT"] = "cups"  # through lp to the run's CUPS, whatever this machine's default route


def open_desk(folder: Path) -> MainWindow:
    """The desk as it starts, the catalog in, and 我要开小餐馆 on screen."""
    store = Store(f"sqlite:///{folder / 'desk.sqlite3'}", create=True)
    window = MainWindow(InProcess(store), bundled_catalog_dir())
    fit_to_screen(window, (1280, 800))
    window.show()
    ready: list[bool] = []
    window.catalog_ready.connect(ready.append)
    window.start_sync()
    wait_until(lambda: bool(ready), "the catalog")
    restaurant_held(store.sessions(), window.desk_actions.desk())  # the 不予受理 is the window's to give
    QTest.keyClicks(window.search_panel.box, "xcg")
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    wait_until(lambda: window.current_bundle is not None, "the guide")
    return window


def fill(panel: IntakePanel, n: int, outcome: str) -> None:
    """The applicant, the situations, the materials and what the outcome needs beyond them."""
    form = panel.applicant_form
    born = dt.date(1960 + n % 40, 1 + n % 12, 1 + n % 28)
    form.id_field.edit.setText(make_id_number("152201", born, 10 + n % 900))
    form.name.setText(SURNAMES[n % 10] + "海军")
    form.phone.setText(f"139048{n:05d}")
    form.address.setText(f"乌兰浩特市和平街道民主路{n}号")
    if outcome == "refuse":
        panel.refusal.setChecked(True)
        panel.refusal.grounds[RefusalGround.NO_LICENCE_NEEDED].click()
        for box in panel.refusal.no_licence_boxes.values():  # 第一项 is found of each licence applied for
            box.setChecked(box.isVisibleTo(panel.refusal))
        return
    for situation, option in SITUATIONS.items():
        panel.situations.option_button(situation, option).click()
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    if outcome == "defer":
        press(panel, "M08", Qt.Key.Key_3)
        panel.deferral.asked.setChecked(True)
        panel.deferral.no_bad_credit.setChecked(True)
        panel.deferral.pledge_signed.setChecked(True)
    elif outcome == "correct":
        press(panel, "M05", Qt.Key.Key_3)


def press(panel: IntakePanel, code: str, key: Qt.Key) -> None:
    row = panel.checklist_view.row(code)
    row.setFocus()
    QTest.keyClick(row, key)


def serve(window: MainWindow, n: int) -> None:
    """The n-th applicant: F5, the form, Ctrl+Enter (a refusal confirmed), 打印 on the intake and on the preview."""
    window.activateWindow()
    wait_until(window.isActiveWindow, "the desk window in front")
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    if panel is None or panel.committed:
        raise SystemExit(f"F5 opened no intake for applicant {n}")
    outcome = OUTCOMES[n % len(OUTCOMES)]
    fill(panel, n, outcome)
    taken: list[str] = []
    panel.case_taken.connect(taken.append)
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    if panel.confirmation is not None and panel.confirmation.isVisible():
        QTest.mouseClick(panel.confirmation.confirm_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: bool(taken), f"applicant {n}'s commit ({outcome_text(panel.outcome_box)[:120]})")
    QTest.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    [preview] = [p for p in previews() if p.isVisible()]
    done: list[bool] = []
    preview.print_finished.connect(done.append)
    QTest.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: bool(done), f"applicant {n}'s print")
    if done != [True]:
        raise SystemExit(f"applicant {n}'s paper did not print: {preview.problem.text()}")
    wait_until(lambda: not panel.isVisible(), f"applicant {n}'s intake to close")


def gone(widget: QWidget) -> bool:
    return widget not in QApplication.allWidgets()


def main() -> int:
    args = arguments(__doc__).parse_args()
    verdicts = Verdicts(smoke=args.smoke)
    intakes, warm = (8, 3) if args.smoke else (60, 10)
    with tempfile.TemporaryDirectory(prefix="bench-previews-") as scratch:
        folder = Path(scratch)
        one_screen(folder)
        with running_cups(folder / "cups") as cups:
            os.environ["CUPS_SERVER"] = cups.env["CUPS_SERVER"]
            jobs = cups.add_queue(QUEUE)
            save_desk_config(DeskConfig(clerk="乌兰", printer=QUEUE))  # a named clerk: a desk with none takes no intake
            return day(intakes, warm, jobs, verdicts)


def day(intakes: int, warm: int, jobs: Path, verdicts: Verdicts) -> int:
    app = QApplication([])
    window = open_desk(Path(os.environ["COUNTER_HOME"]))
    before = settled_rss()
    rss: dict[int, float] = {}
    start = time.perf_counter()
    for n in range(1, intakes + 1):
        serve(window, n)
        if n in (warm, intakes) or n % 10 == 0:
            rss[n] = settled_rss()
            print(f"  after intake {n:>3}: VmRSS {rss[n]:6.1f} MiB  ({time.perf_counter() - start:.0f} s)", flush=True)
    held = len(previews())
    printed = len(list(jobs.glob("job-*.pdf")))
    print(f"{intakes} intakes printed ({printed} jobs reached the queue); before the first VmRSS {before:.1f} MiB")
    verdicts.at_most(f"VmRSS after intake {intakes}", rss[intakes], rss[warm] + GROWTH_GOAL_MIB, "MiB", floor=before)
    verdicts.at_most(f"preview windows held after intake {intakes}", held, 0, unit="windows")
    window.close()
    store_of(window.runner).dispose()
    app.shutdown()
    return verdicts.finish()


if __name__ == "__main__":
    raise SystemExit(main())
