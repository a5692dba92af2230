"""The desk's reminders arrive: the start's reads and the minute tick's three (the unprinted flag, the new bad
ratings, a township's cases not yet at the hall) all run, one after another, and none is refused for another in
flight — refused, a township's 未送达大厅 count never showed and a hall's 新差评 alert came at one tick in five.

Each is asked from the event loop, as the start and the timer ask them: a test's own call is carried out before it
returns (:meth:`counter.ui.door.runner.Runner.submit`), and would never meet another in flight."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.site import init_site
from counter.actions.ratings.record import record_rating, send_to_pad
from counter.actions.site.demo import run_demo
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.sync.sites import SiteKind
from counter.ui.mainwindow.main_window import MainWindow
from tests.conftest import SHIPPED_CATALOG
from tests.sync.sync_world import sqlite_copy
from tests.ui.conftest import start_window
from tests.ui.runners import OpenedStore

TODAY = dt.date(2026, 11, 20)
OTHER_DESK = Desk(DeskIdentity("XAM01", "2"), "其其格")
BAD = RatingChoice(Level.DISSATISFIED, ("服务态度差",), "")


def refusals(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]


@pytest.mark.slow
def test_a_township_s_unsent_cases_are_counted_after_the_start_and_no_reminder_is_refused(
    qtbot: QtBot, tmp_path: Path, shipped_catalog_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sessions = sqlite_copy(shipped_catalog_db, tmp_path / "township.sqlite3")
    desk = Desk(DeskIdentity("XAMT01", "1"), "其其格")
    with sessions.begin() as session:
        init_site(session, "XAMT01", "和平街道便民服务中心", SiteKind.TOWNSHIP, desk=desk)
    run_demo(sessions, desk, TODAY)  # taken, not yet sent to the hall
    window = start_window(qtbot, MainWindow(InProcess(OpenedStore(sessions), clock=Clock(TODAY)), None))
    caplog.set_level(logging.INFO, logger="counter.ui.door.runner")
    QTimer.singleShot(0, window.start_pad)  # from the loop, as the start does: the pad's, the flag's, the count's
    label = window.desk_actions.pending_label()
    qtbot.waitUntil(lambda: label.text().startswith("未送达大厅 6 件"), timeout=60_000)
    QTimer.singleShot(0, window.alert_timer.timeout.emit)  # a minute's tick: its three reads at once
    qtbot.waitUntil(lambda: not window.runner.in_flight, timeout=30_000)
    assert refusals(caplog) == []
    assert label.isVisible()


@pytest.mark.slow
def test_a_hall_s_new_bad_rating_alert_comes_at_every_tick(
    qtbot: QtBot, db: Store, caplog: pytest.LogCaptureFixture
) -> None:
    from counter.actions.catalog.imports import import_source

    import_source(db.sessions(), SHIPPED_CATALOG)
    made = run_demo(db.sessions(), OTHER_DESK, TODAY)
    window = start_window(qtbot, MainWindow(InProcess(db, clock=Clock(TODAY)), None))
    caplog.set_level(logging.INFO, logger="counter.ui.door.runner")
    QTimer.singleShot(0, window.start_pad)
    qtbot.waitUntil(lambda: window.desk_actions.pad is not None)
    pad = window.desk_actions.pad
    assert pad is not None
    qtbot.addWidget(pad.pad)
    qtbot.waitUntil(lambda: not window.runner.in_flight, timeout=30_000)
    for count, case in enumerate(made[:3], start=1):
        rated_bad_at_the_other_desk(db, case.case_no)
        with qtbot.waitSignal(pad.alerts.count_changed, timeout=30_000) as counted:
            # from the loop, as the timer ticks: the unprinted flag's read goes first, the alerts' waits its turn
            QTimer.singleShot(0, window.alert_timer.timeout.emit)
        assert counted.args == [count]
    assert refusals(caplog) == []


def rated_bad_at_the_other_desk(db: Store, case_no: str) -> None:
    """A 不满意 given at desk 2: the supervisor at desk 1 is to be told at the next look."""
    now = dt.datetime.combine(TODAY, dt.time(10)).astimezone()
    with db.sessions().begin() as session:
        asked = send_to_pad(session, case_no, OTHER_DESK, now)
        recorded = record_rating(session, asked.request_id, BAD, OTHER_DESK, now, office_calendar(session))
    assert recorded.alert is not None
