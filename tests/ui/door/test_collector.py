"""The garbage collector frees cycles on the window's thread only, never on a worker's (where Qt objects crash)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter.actions.site.store import Store
from counter.service.local import InProcess
from counter.ui.door.collector import MainThreadCollector
from counter.ui.mainwindow.main_window import MainWindow


class Cycle:
    """An object in a reference cycle, which only the cyclic collector frees; it notes the thread that freed it."""

    freed_on: list[int]

    def __init__(self, freed_on: list[int]) -> None:
        self.freed_on = freed_on
        self.me = self

    def __del__(self) -> None:
        self.freed_on.append(threading.get_ident())


def churn() -> None:
    """Allocate enough cycles to cross generation 0's threshold many times, as a busy worker does."""
    for _ in range(20 * gc.get_threshold()[0]):
        box: list[object] = []
        box.append(box)


def assert_freed_on_this_thread(qtbot: QtBot) -> None:
    """A cycle left while a worker crosses the collector's thresholds is freed later, on this (the window's) thread."""
    assert not gc.isenabled()
    freed_on: list[int] = []
    Cycle(freed_on)
    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert freed_on == []  # the worker crossed the thresholds and collected nothing
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5_000)
    assert freed_on == [threading.get_ident()]


@pytest.fixture
def automatic_gc() -> Iterator[None]:
    """The suite's own collector (tests/ui/conftest.py) off for this test: it measures the collector itself."""
    enabled = gc.isenabled()
    gc.enable()
    yield
    if not enabled:
        gc.disable()


def test_without_it_a_worker_thread_frees_the_cycle(automatic_gc: None) -> None:
    """The failure this guards against, shown: the automatic collector runs on the worker."""
    freed_on: list[int] = []
    Cycle(freed_on)
    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert freed_on == [worker.ident]


def test_with_it_the_cycle_is_freed_on_the_windows_thread(qtbot: QtBot, automatic_gc: None) -> None:
    collector = MainThreadCollector(interval_ms=10)
    try:
        assert_freed_on_this_thread(qtbot)
    finally:
        collector.stop()
    assert gc.isenabled()


@pytest.mark.slow
def test_a_window_opened_where_none_runs_starts_it(qapp: QApplication, qtbot: QtBot, db: Store) -> None:
    """A process that opens the desk window without the desk's ``main`` (the screenshot tool) is kept safe too.

    The screenshot tool had no collector: the catalog-sync thread collected a closed window's cycle and the process
    aborted with ``free(): invalid pointer``."""
    running = qapp.findChildren(MainThreadCollector)
    assert running
    for collector in running:  # the suite's, and any a window of an earlier test started: as in a process with none
        collector.stop()
    assert gc.isenabled()
    window = MainWindow(InProcess(db), None)
    qtbot.addWidget(window)
    started = qapp.findChild(MainThreadCollector)
    assert started is not None
    try:
        assert_freed_on_this_thread(qtbot)
    finally:
        started.stop()


def test_a_second_window_keeps_the_running_one(qapp: QApplication, qtbot: QtBot, db: Store) -> None:
    running = qapp.findChildren(MainThreadCollector)
    for _ in range(2):
        qtbot.addWidget(MainWindow(InProcess(db), None))
    assert qapp.findChildren(MainThreadCollector) == running
