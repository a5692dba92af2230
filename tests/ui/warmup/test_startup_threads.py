"""What holds the window's thread while the desk starts: which thread imports what, when the collector walks the
start's objects, and where the start's last work runs beside the clerk's first steps."""

from __future__ import annotations

import gc
import importlib
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from counter.actions.site.store import Store
from counter.service.local import InProcess
from counter.ui.door import collector as collector_module
from counter.ui.door.collector import MainThreadCollector
from counter.ui.door.runner import Runner
from counter.ui.start.app import StartWork
from counter.ui.start.startup_sources import uses_qt
from counter.ui.warmup import warm_pace
from counter.ui.warmup.warm_pace import WarmPace
from tests.ui.start.test_startup import RUN, warm_run

# a warm start to its end (--exit-when-ready), noting from the moment it is ready: each module imported and the
# thread that imported it, each collection that walked the start's objects (nothing kept out of collections yet) and
# the thread it ran on, and whether they were kept when the start's work was over (StartWork.done, on the window's
# thread).  Not at start_settled: the warm-up's thread says it and posts each slot's call in turn, and the window's
# thread could run the first ones (the freeze, the start's work, the end of the loop) before the probe's, the last,
# was posted; never called, it left the collector's last collection at the program's end counted as one before
WATCHED = (
    "import gc, linecache, sys, threading\n"
    "from counter.ui.start import ready\n"
    "answer = ready.answer_first_search\n"
    "imported, collected, settled = [], [], []\n"
    "class Noted:\n"
    "    def find_spec(self, name, path, target=None):\n"
    "        if name not in sys.modules:\n"
    "            imported.append((threading.current_thread().name, name))\n"
    "        return None\n"
    "def on_gc(phase, info):\n"
    "    if phase == 'stop' and not gc.get_freeze_count():\n"
    "        collected.append(threading.current_thread().name)\n"
    "def answered(window):\n"
    "    answer(window)\n"
    "    sys.meta_path.insert(0, Noted())\n"
    "    gc.callbacks.append(on_gc)\n"
    "    last_work = window.findChild(StartWork)\n"
    "    if last_work.finished:\n"  # settled before the first search answered (a first start)
    "        settled.append(gc.get_freeze_count())\n"
    "    last_work.done.connect(lambda: settled.append(gc.get_freeze_count()))\n"
    "ready.answer_first_search = answered\n"
    "from counter.ui.start.app import StartWork, run\n"
    "code = run(None, True, [])\n"
    "window_thread = sorted({n for t, n in imported if t == threading.main_thread().name})\n"
    "print('window thread imported:', window_thread)\n"
    "print('warm-up imported:', sorted({n for t, n in imported if t == 'db-warm-up'}))\n"
    "print('collections before settled:', collected)\n"
    "print('frozen at settled:', bool(settled) and settled[0] > 0)\n"  # (a first start settles before ready)
    "read = [f for f in linecache.cache if f.endswith('.py') and ('/sqlalchemy/' in f or '/counter/db/' in f)]\n"
    "print('sources read:', len(read))\n"
    "raise SystemExit(code)\n"
)
assert RUN  # the same start as the other start-up tests, run here with its probes


@pytest.mark.program  # starts the desk in processes of its own
def test_the_window_thread_imports_nothing_of_the_intake_or_the_pad_once_ready(resources: Path) -> None:
    """The draft's offer, the pad's start and the first F5 found their packages loaded by the warm-up thread: on the
    window's thread they held it for half a second and more (159 modules, Pillow among them) while keys waited."""
    again = warm_run(WATCHED)
    lines = dict(line.split(": ", 1) for line in again.stdout.splitlines() if ": " in line)
    window_thread = eval(lines["window thread imported"])
    warm_up = eval(lines["warm-up imported"])
    heavy = (
        "counter.ui.intake",
        "counter.ui.pad",
        "counter.ui.sync",
        "counter.ui.guide.guide_view",
        "PIL",
        "sqlalchemy",
    )
    assert [name for name in window_thread if name.startswith(heavy)] == []
    for package in ("counter.ui.intake.panel", "counter.ui.pad.controller", "counter.ui.sync.pending_label", "PIL"):
        assert package in warm_up


@pytest.mark.program  # starts the desk in processes of its own
def test_no_collection_walks_the_start_and_what_it_loaded_is_kept(resources: Path) -> None:
    """Between ready and the start's end nothing is collected on any thread (each turn walked everything loaded since
    the last: a tenth of a second on the window's thread); by its end what it made is frozen out of later ones."""
    again = warm_run(WATCHED)
    assert "collections before settled: []" in again.stdout
    assert "frozen at settled: True" in again.stdout


@pytest.mark.program  # starts the desk in processes of its own
def test_pyside_reads_no_source_of_the_modules_the_warm_up_loads(resources: Path) -> None:
    """PySide6's import hook read every module's file to look for its own name: some 450 after the window shows."""
    again = warm_run(WATCHED)
    assert "sources read: 0" in again.stdout


def test_the_window_and_pyside_modules_use_qt_and_no_other() -> None:
    assert uses_qt(ModuleType("counter.ui.intake.panel"))
    assert uses_qt(ModuleType("PySide6.QtCore"))
    assert not uses_qt(ModuleType("sqlalchemy.orm"))
    assert not uses_qt(ModuleType("counter.uikit"))  # a name that only starts alike


@pytest.mark.slow
def test_a_held_collector_collects_nothing_and_then_keeps_what_was_made(qtbot: QtBot) -> None:
    collections: list[int] = []

    def noted(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            collections.append(info["generation"])

    others = [running for running in collector_module._running if running.timer.isActive()]
    for running in others:  # the suite's own (tests/ui/conftest.py): its turn would be counted too
        running.timer.stop()
    collector = MainThreadCollector(interval_ms=1)
    turns: list[int] = []
    collector.timer.timeout.connect(lambda: turns.append(1))
    gc.callbacks.append(noted)
    try:
        collector.hold()
        made = [[object()] for _ in range(10 * gc.get_threshold()[0])]  # well past generation 0's threshold
        qtbot.waitUntil(lambda: len(turns) >= 20, timeout=5_000)  # twenty of the collector's turns
        assert collections == []
        frozen = gc.get_freeze_count()
        collector.keep_the_start()
        assert gc.get_freeze_count() >= frozen + len(made)
        after = [[object()] for _ in range(2 * gc.get_threshold()[0])]  # what the desk makes from then on
        qtbot.waitUntil(lambda: bool(collections), timeout=5_000)  # collected again
        assert after
    finally:
        gc.callbacks.remove(noted)
        collector.stop()
        for running in others:
            running.timer.start()


def test_the_start_work_runs_at_once_when_no_step_waits(qtbot: QtBot, db: Store) -> None:
    ran: list[str] = []
    work = StartWork(Runner(InProcess(db)))
    work.add(lambda: ran.append("offered"))
    work.add(lambda: ran.append("pad started"))
    with qtbot.waitSignal(work.done, timeout=1_000):
        QTimer.singleShot(0, work.start)
    assert ran == ["offered", "pad started"]
    work.start()  # settled said again (a damaged file restored): the work is done once
    assert ran == ["offered", "pad started"]
    assert threading.current_thread() is threading.main_thread()


def test_the_start_work_is_over_once_every_read_it_submitted_is_answered(qtbot: QtBot, db: Store) -> None:
    """The draft's offer and the pad's start only submit their reads: the start is over once they are answered, and
    what their answers asked in turn, not once they are asked.  Said as the steps returned, ``--exit-when-ready``
    ended the loop with the reads still owed, answered only once the loop was over."""
    runner = Runner(InProcess(db))
    owner = QObject()
    go = threading.Event()
    seen: list[str] = []

    def read(name: str, then: Callable[[str], None]) -> None:
        def work() -> str:  # on the worker, until the test lets the reads answer
            assert go.wait(10)
            return name

        runner.submit_work(name, work, owner=owner, answered=then)

    def pad_started(name: str) -> None:
        seen.append(name)
        read("pad's status", seen.append)  # an answer that asks a read of its own

    work = StartWork(runner)
    work.add(lambda: read("draft", seen.append))
    work.add(lambda: read("pad", pad_started))
    work.done.connect(lambda: seen.append("done"))
    QTimer.singleShot(0, work.start)  # as start_settled calls it, from the window's loop
    try:
        qtbot.waitUntil(lambda: work.started, timeout=1_000)
        assert seen == []  # both reads asked, none answered: not over
        assert not work.finished
    finally:
        go.set()  # the program's workers are not left waiting on it
    qtbot.waitUntil(lambda: work.finished, timeout=10_000)
    assert seen == ["draft", "pad", "pad's status", "done"]


def test_the_warm_up_waits_for_a_window_that_has_not_beaten(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before each import the warm-up looks at the window's last beat: late, it sleeps until the next, the lock
    released, so the window's key is handled at full speed."""
    pace = WarmPace()
    naps: list[float] = []

    def nap(seconds: float) -> None:  # the window's thread beats during the warm-up's third nap
        naps.append(seconds)
        if len(naps) == 3:
            pace.on_beat()

    monkeypatch.setattr(warm_pace, "_nap", nap)
    pace.beating = True
    pace.install()
    try:
        pace.beat = time.monotonic() - 1.0  # the window busy with a key since a second
        pace.give_way()
        assert len(naps) == 3
        assert pace.gave_way == 1
        pace.beat = time.monotonic() + 60  # a beat that cannot be late, whatever the machine's load
        pace.give_way()  # on at once
        assert len(naps) == 3
    finally:
        pace.remove()
    assert not any(type(finder).__name__ == "_GiveWay" for finder in sys.meta_path)


def test_a_window_that_never_beats_holds_the_warm_up_once_and_no_more() -> None:
    """Its loop has ended (the program closing) or a long call of Qt's holds it: one wait to the bound, then none
    until it beats again, so the warm-up still ends."""
    pace = WarmPace()
    pace.beating = True
    pace.install()
    try:
        pace.beat = time.monotonic() - 1.0
        pace.give_way()
        assert pace.waited >= warm_pace.LONGEST_WAIT_S
        waited = pace.waited
        for _ in range(5):
            pace.give_way()
        assert pace.waited == waited
    finally:
        pace.remove()


def test_only_the_warm_up_thread_gives_way() -> None:
    pace = WarmPace()
    pace.beating = True
    pace.beat = time.monotonic() - 1.0
    other = threading.Thread(target=pace.install)
    other.start()
    other.join()
    try:
        pace.give_way()  # this thread is not the warm-up's
        assert pace.gave_way == 0
    finally:
        pace.remove()


def test_the_window_imports_while_the_warm_up_gives_way(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Python asks each finder under its global import lock: the warm-up giving way in its finder lets go of it, so
    the window's own import goes on meanwhile rather than wait for the warm-up's nap to end."""
    for name in ("warmed_module", "windows_module"):
        (tmp_path / f"{name}.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    pace = WarmPace()
    pace.beating = True
    napping, imported = threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def nap(seconds: float) -> None:  # the warm-up's first nap lasts until the window has imported, or 5 s
        if "window imported meanwhile" not in seen:
            napping.set()
            seen["window imported meanwhile"] = imported.wait(5)
            pace.on_beat()  # the window beats again: the warm-up goes on

    monkeypatch.setattr(warm_pace, "_nap", nap)

    def warm_up() -> None:
        pace.install()
        try:
            pace.beat = time.monotonic() - 1.0  # the window busy
            importlib.import_module("warmed_module")
        finally:
            pace.remove()

    thread = threading.Thread(target=warm_up)
    thread.start()
    try:
        assert napping.wait(5)
        importlib.import_module("windows_module")  # the window's thread, while the warm-up naps in its finder
        imported.set()
    finally:
        thread.join()
        for name in ("warmed_module", "windows_module"):
            sys.modules.pop(name, None)
    assert seen["window imported meanwhile"]
