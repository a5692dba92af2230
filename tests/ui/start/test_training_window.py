"""The training window (``counter --today``): the training database, and a strip no clerk can miss."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from counter.actions.site.store import Store
from counter.host.machine.paths import data_dir, default_db_url, training_db_url
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.ui import words
from counter.ui.mainwindow.main_window import MainWindow
from tests.ui.conftest import start_window
from tests.ui.mainwindow.test_desk_actions import open_bundle

DAY = dt.date(2026, 12, 30)

# The window as `counter --today 2026-12-30` starts it, for real (not only until ready: the desk's daily work, the
# backup among it, is started too); what it shows is printed once the event loop runs, then it closes.
PROBE = """
import datetime as dt, json
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from counter.ui.start.app import run
from counter.ui.mainwindow.main_window import MainWindow

app = QApplication(["counter"])
def look():
    [window] = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
    strip = window.training_strip
    print(json.dumps({"title": window.windowTitle(), "strip": strip.text(), "shown": strip.isVisible()}))
    QTimer.singleShot(0, app.quit)  # after the start's own first events: the daily backup's among them
QTimer.singleShot(0, look)
raise SystemExit(run(None, False, [], dt.date(2026, 12, 30)))
"""


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=120, check=False)


def sqlite_file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def test_the_strip_and_the_title_say_training_whatever_the_window_shows(
    qtbot: QtBot, db: Store, catalog_dir: Path
) -> None:
    window = start_window(qtbot, MainWindow(InProcess(db, clock=Clock(DAY)), catalog_dir))
    strip = window.training_strip
    assert strip is not None
    assert window.windowTitle() == words.DESK_WINDOW_TITLE_TRAINING
    assert strip.text() == words.DESK_TRAINING.format(today="2026-12-30")
    assert strip.isVisible()
    open_bundle(window, "xcg")  # the guide takes the search hint's place
    window.banner.show_message("随附事项目录中有 1 处问题")
    window.banner.on_close_clicked()
    window.desk_actions.open_lists()
    assert strip.isVisible()
    assert strip.geometry().top() == 0  # above the banner, the buttons and the panes


def test_the_live_window_has_no_strip(qtbot: QtBot, window: MainWindow) -> None:
    assert window.training_strip is None
    assert window.windowTitle() == words.DESK_WINDOW_TITLE


def test_a_training_start_works_in_the_training_database_only(resources: Path) -> None:
    done = run_python("-c", PROBE)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.splitlines()[-1])
    assert shown == {
        "title": words.DESK_WINDOW_TITLE_TRAINING,
        "strip": words.DESK_TRAINING.format(today="2026-12-30"),
        "shown": True,
    }
    assert not sqlite_file(default_db_url()).exists()
    assert not (data_dir() / "backups").exists()  # nor a backup that would count as the live desk's of the day
    connection = sqlite3.connect(sqlite_file(training_db_url()))
    try:
        assert connection.execute("SELECT count(*) FROM bundle").fetchone() == (4,)  # the bundled catalog
        assert connection.execute("SELECT value FROM setting WHERE key = 'training'").fetchone() == ("1",)
    finally:
        connection.close()


def test_a_training_start_on_the_live_database_is_refused(resources: Path) -> None:
    """The clock fixed on a day that is not today, on real cases: a case number and deadlines of the wrong day."""
    done = run_python("-m", "counter", "--today", "2026-12-30", "--db", default_db_url(), "--exit-when-ready")
    assert done.returncode == 1
    assert words.DESK_TRAINING_ON_LIVE.format(training=training_db_url()) in done.stderr
    assert not sqlite_file(default_db_url()).exists()
    assert not sqlite_file(training_db_url()).exists()
