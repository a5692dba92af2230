"""A read that fails is logged once, by the runner, its operation named: the widget says it, or goes on, and logs
nothing more of it.  Support reads one line per fault, not one per layer it went through."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counter.access.desk import Desk
from counter.host.database.database_faults import DatabaseDamaged, DbFault, StoreFault
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import load_desk_config
from counter.ui.cases.item_queue_page import ItemQueuePage
from counter.ui.door.runner import Runner
from counter.ui.mainwindow.desk_identity import IdentityLabel
from counter.ui.pad.alerts import SupervisorAlerts
from counter.ui.projects.day_page import DayPage
from counter.ui.projects.report_page import ProjectsReportPage
from counter.ui.sync.pending_label import PendingLabel
from counter.ui.widgets.unprinted_flag import UnprintedFlag

LOCKED = StoreFault(DbFault.LOCKED, "lock timeout", "OperationalError")
DAMAGED = DatabaseDamaged(Path("desk.sqlite3"))


def day_page(runner: Runner, desk: Desk) -> QObject:
    page = DayPage(runner, dt.date.today)
    page.refresh()
    return page


def report_page(runner: Runner, desk: Desk) -> QObject:
    page = ProjectsReportPage(runner, dt.datetime.now)
    page.on_show()
    return page


def item_queue(runner: Runner, desk: Desk) -> QObject:
    page = ItemQueuePage(runner, desk, dt.date.today, "{fault}")
    page.refresh()
    return page


def identity_line(runner: Runner, desk: Desk) -> QObject:
    line = IdentityLabel()
    line.refresh(runner, desk)
    return line


def pending_count(runner: Runner, desk: Desk) -> QObject:
    line = PendingLabel()
    line.refresh(runner)
    return line


def unprinted_flag(runner: Runner, desk: Desk) -> QObject:
    flag = UnprintedFlag(runner, lambda: desk)
    flag.refresh()
    return flag


def alerts_look(runner: Runner, desk: Desk) -> QObject:
    alerts = SupervisorAlerts()
    alerts.check(runner, desk)
    return alerts


#: a read of each kind the window makes (a page said, a line left as it was, a timer's look), with its operation
READS: dict[str, tuple[str, Callable[[Runner, Desk], QObject]]] = {
    "day page": ("projects.read_day", day_page),
    "report page": ("projects.read_report", report_page),
    "item queue": ("cases.read_queue", item_queue),
    "identity line": ("site.office_still_halls", identity_line),
    "pending count": ("sync.read_pending", pending_count),
    "unprinted flag": ("documents.unprinted_cases", unprinted_flag),
    "alerts look": ("ratings.new_alerts", alerts_look),
}


@pytest.mark.parametrize("read", READS)
@pytest.mark.parametrize(
    ("fault", "logged"),
    [
        (LOCKED, "database fault (locked) in {op}: lock timeout"),
        (DAMAGED, "database damaged in {op}: desk.sqlite3 fails its quick check"),
    ],
    ids=["locked", "damaged"],
)
def test_a_failed_read_leaves_one_log_record_of_its_fault(
    qtbot: QtBot,
    runner: Runner,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    read: str,
    fault: Exception,
    logged: str,
) -> None:
    op, widget = READS[read]
    asked: list[str] = []

    def failing(operation: object, *_asked: object) -> object:
        asked.append(getattr(operation, "name", ""))
        raise fault

    monkeypatch.setattr(runner.service, "call", failing)
    desk = desk_at(load_desk_config())
    with caplog.at_level(logging.INFO, logger="counter"):
        made = widget(runner, desk)
    if isinstance(made, QWidget):
        qtbot.addWidget(made)
    assert asked == [op]
    faults = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert faults == [logged.format(op=op)]
