"""Start-up the way the desk starts: real paths, real database, the bundled catalog folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from counter.actions.site.store import Store
from counter.db.catalog_store import search_entries
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.host.machine import paths
from counter.service.local import InProcess
from counter.ui import words
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.start.app import open_window
from counter.ui.start.damaged_db_words import DB_DAMAGED
from tests.conftest import SHIPPED_CATALOG
from tests.ui.conftest import start_window
from tests.ui.shown_text import guide_text

RUN = "from counter.ui.start.app import run; raise SystemExit(run(None, True, []))"
# the start of a desk's program that notes every paint from the moment the window is placed (``painted``)
PAINTS = (
    "import sys\n"
    "from PySide6.QtCore import QEvent, QObject\n"
    "from PySide6.QtGui import QFontDatabase\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from counter.ui.start import app\n"
    "painted = []\n"
    "class Paints(QObject):\n"
    "    def eventFilter(self, watched, event):\n"
    "        if event.type() == QEvent.Type.Paint:\n"
    "            painted.append(watched)\n"
    "        return False\n"
    "paints = Paints()\n"
    "fit = app.fit_to_screen\n"
    "def fitted(*args):\n"
    "    QApplication.instance().installEventFilter(paints)\n"
    "    fit(*args)\n"
    "app.fit_to_screen = fitted\n"
)
BROKEN = 'format = 1\ncode = "T-YJS-099"\nnumber = 99\nname = "我要开书店"\nstatus = "publish\n'


def run_app(code: str = RUN, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def run_app_with(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``code`` run as :func:`run_app` runs it, with more in its environment."""
    return subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def warm_run(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run twice: the first start makes the home, the second is the warm start it answers for."""
    assert run_app(code).returncode == 0  # the first start
    again = run_app(code)
    assert again.returncode == 0, again.stderr
    return again


def test_a_broken_file_shows_the_banner_and_the_good_bundles_stay(
    qtbot: QtBot, resources: Path, catalog_dir: Path
) -> None:
    (catalog_dir / "099.toml").write_text(BROKEN, encoding="utf-8")
    window, db = open_window(None)
    try:
        start_window(qtbot, window)
        assert window.banner.isVisible()
        assert "099.toml" in window.banner.text()
        assert "不是有效的 TOML 格式" in window.banner.text()
        assert window.search_panel.hits() == ["T-YJS-006", "T-YJS-008", "T-YJS-009", "T-YJS-052"]
        QTest.mouseClick(window.banner.close_button, Qt.MouseButton.LeftButton)
        assert not window.banner.isVisible()
    finally:
        window.close()
        db.close()


def test_a_file_broken_later_keeps_its_last_good_guide(qtbot: QtBot, resources: Path, catalog_dir: Path) -> None:
    first, db = open_window(None)
    start_window(qtbot, first)
    assert not first.banner.isVisible()
    first.close()
    db.close()

    guide = catalog_dir / "008.toml"
    guide.write_text(guide.read_text(encoding="utf-8").replace('desk_no = "8号窗口"', "desk_no = "), encoding="utf-8")
    second, db = open_window(None)
    try:
        start_window(qtbot, second)
        assert "008.toml" in second.banner.text()
        assert "T-YJS-008" in second.search_panel.hits()
        second.on_bundle_chosen("T-YJS-008")
        assert "8号窗口" in guide_text(second.guide_view)
        assert second.version_label.text() == words.DESK_STATUS_VERSION.format(version=1)
    finally:
        second.close()
        db.close()


def test_the_shipped_catalog_loads_clean_and_finds_the_small_restaurant(qtbot: QtBot, db: Store) -> None:
    window = start_window(qtbot, MainWindow(InProcess(db), SHIPPED_CATALOG))
    assert not window.banner.isVisible(), window.banner.text()
    assert window.catalog_label.text() == words.DESK_STATUS_CATALOG.format(count=103)
    QTest.keyClicks(window.search_panel.box, "xcg")
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    bundle = window.guide_view.bundle
    assert bundle is not None
    assert bundle.number == 8
    assert bundle.address is not None
    text = guide_text(window.guide_view)
    assert bundle.address.desk_no in text
    assert all(m.name in text for m in bundle.materials)


def test_exit_when_ready_loads_the_catalog_and_exits_0(resources: Path, counter_home: Path) -> None:
    done = run_app()
    assert done.returncode == 0, done.stderr
    engine = make_engine(paths.default_db_url())
    with make_sessions(engine)() as session:
        assert [e.bundle_code for e in search_entries(session)] == [
            "T-YJS-006",
            "T-YJS-008",
            "T-YJS-009",
            "T-YJS-052",
        ]
    engine.dispose()
    log = (counter_home / "logs" / "counter.log").read_text(encoding="utf-8")
    assert "desk app started" in log


def test_a_database_from_a_newer_program_is_refused_untouched(resources: Path) -> None:
    engine = make_engine(paths.default_db_url())
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    done = run_app()
    assert done.returncode == 1
    assert words.DESK_SCHEMA_TOO_NEW.format(revision="9999_future") in done.stderr
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"
    engine.dispose()


def test_nothing_heavy_is_loaded_before_the_window_shows(resources: Path) -> None:
    probe = (
        "import sys\n"
        "from counter.ui.mainwindow import main_window\n"
        "show = main_window.MainWindow.show\n"
        "def spy(self):\n"
        "    show(self)\n"
        "    heavy = {'pypinyin', 'reportlab', 'counter.catalog.validate', 'alembic', 'sqlalchemy', 'tomllib', "
        "'PySide6.QtNetwork', 'counter.catalog.model', 'counter.audit.masking', 'counter.ui.start.number_check', "
        "'counter.words.database', 'importlib.resources', 'html', 'counter.ui.cases.scanner'}\n"
        "    print('loaded when shown:', sorted(heavy & set(sys.modules)))\n"
        "main_window.MainWindow.show = spy\n"
        f"{RUN}\n"
    )
    first = run_app(probe)  # creates and migrates the database, imports the catalog: SQLAlchemy is needed
    assert first.returncode == 0, first.stderr
    assert "'sqlalchemy'" in first.stdout
    again = run_app(probe)
    assert again.returncode == 0, again.stderr
    assert "loaded when shown: []" in again.stdout


def test_the_scanner_s_filter_comes_after_the_first_search_is_answered(resources: Path) -> None:
    """A Python filter on the whole application is handed every object that gets an event, Qt's own among them, each
    wrapped for Python as it passes: the waits for the first paint watch the desk's windows only, and the scanner's
    filter comes after the paint.  (PySide6's classes themselves are all made as it loads: :mod:`counter.ui`.)"""
    probe = (
        "from PySide6.QtWidgets import QApplication\n"
        "from counter.ui.start import app, ready\n"
        "from counter.ui.cases.scanner import ScannerFilter\n"
        "answer = ready.answer_first_search\n"
        "def answered(window):\n"
        "    answer(window)\n"
        "    print('scanner at ready:', QApplication.instance().findChild(ScannerFilter) is not None)\n"
        "ready.answer_first_search = answered\n"
        "code = app.run(None, True, [])\n"
        "print('scanner by the end:', QApplication.instance().findChild(ScannerFilter) is not None)\n"
        "raise SystemExit(code)\n"
    )
    again = warm_run(probe)
    assert "scanner at ready: False" in again.stdout
    assert "scanner by the end: True" in again.stdout


def test_ready_comes_without_the_roles_the_problems_reader_or_the_error_report(resources: Path) -> None:
    """The first search needs none of them: the roles are asked at the first action, the catalog's problems are read
    only when the last read found some, the error report's code is loaded by an error, and the catalog's import
    thread is made only by a start that brings the catalog in."""
    probe = (
        "import sys\n"
        "from counter.ui.start import ready\n"
        "answer = ready.answer_first_search\n"
        "def answered(window):\n"
        "    answer(window)\n"
        "    names = ('counter.access', 'counter.catalog.problems', 'counter.host.machine.errors', "
        "'counter.ui.mainwindow.catalog_sync')\n"
        "    print('loaded at ready:', sorted(m for m in sys.modules if m.startswith(names)), flush=True)\n"
        "ready.answer_first_search = answered\n"
        f"{RUN}\n"
    )
    again = warm_run(probe)
    assert "loaded at ready: []" in again.stdout


def test_the_program_leaves_collection_to_the_window_before_its_modules_load(resources: Path) -> None:
    """``counter`` starting a window switches automatic collection off before it imports the window: no collection
    walks the classes and enums its modules make before the first search is answered (the window's collector
    collects on the window's thread from then on)."""
    probe = (
        "import gc, sys\n"
        "collected = []\n"
        "gc.callbacks.append(lambda phase, info: collected.append(info['generation']) if phase == 'stop' else None)\n"
        "from counter.ui.start import ready\n"
        "answer = ready.answer_first_search\n"
        "def answered(window):\n"
        "    answer(window)\n"
        "    print('collections from the start to ready:', len(collected) - before, 'window loaded:',\n"
        "          'counter.ui.mainwindow.main_window' in sys.modules)\n"
        "    sys.stdout.flush()\n"
        "ready.answer_first_search = answered\n"
        "from counter.__main__ import entry\n"
        "sys.argv = ['counter', '--exit-when-ready']\n"
        "before = len(collected)\n"
        "entry()\n"
    )
    again = warm_run(probe)
    assert "collections from the start to ready: 0 window loaded: True" in again.stdout


def test_a_warm_start_never_loads_the_catalog_files_readers(resources: Path) -> None:
    """Not even by its end: the draft offered back reads a stored guide (``DocumentReader``), never a TOML file."""
    probe = (
        "import sys\n"
        "from counter.ui.start.app import run\n"
        "code = run(None, True, [])\n"
        "print('loaded by the end:', sorted({'tomllib', 'pypinyin', 'openpyxl', 'reportlab'} & set(sys.modules)))\n"
        "raise SystemExit(code)\n"
    )
    again = warm_run(probe)
    assert "loaded by the end: []" in again.stdout


def test_rare_fonts_and_the_desk_socket_wait_for_the_first_paint(resources: Path, counter_home: Path) -> None:
    """Ready (the first search painted) comes without reading the shipped Hanazono files; the desk registers them
    once a window has painted (the machine's own fonts may have Hanazono too: only the desk's own are counted)."""
    ready = (
        "import sys\n"
        "from PySide6.QtGui import QFontDatabase\n"
        "from counter.ui.start import ready\n"
        "answer = ready.answer_first_search\n"
        "def answered(window):\n"
        "    answer(window)\n"
        "    shipped = [f for i in range(8) for f in QFontDatabase.applicationFontFamilies(i)]\n"
        "    print('rare fonts at ready:', sorted({'HanaMinA', 'HanaMinB'} & set(shipped)))\n"
        "    print('network at ready:', 'PySide6.QtNetwork' in sys.modules)\n"
        "ready.answer_first_search = answered\n"
        f"{RUN}\n"
    )
    assert run_app(ready).returncode == 0  # the first start: the catalog is brought in after the window paints
    done = run_app(ready)  # the warm start: ready is the first paint
    assert done.returncode == 0, done.stderr
    assert "rare fonts at ready: []" in done.stdout
    assert "network at ready: False" in done.stdout  # the socket answering later starts comes after the paint too
    desk = (
        f"{PAINTS}"
        "register = app.install_rare_fonts\n"
        "def registered(folder):\n"
        "    print('painted before:', bool(painted))\n"
        "    register(folder)\n"
        "    shipped = [f for i in range(8) for f in QFontDatabase.applicationFontFamilies(i)]\n"
        "    print('rare fonts:', sorted({'HanaMinA', 'HanaMinB'} & set(shipped)))\n"
        "    QApplication.instance().quit()\n"
        "app.install_rare_fonts = registered\n"
        "raise SystemExit(app.run(None, False, []))\n"
    )
    done = run_app(desk)
    assert done.returncode == 0, done.stderr
    assert "painted before: True" in done.stdout
    assert "rare fonts: ['HanaMinA', 'HanaMinB']" in done.stdout


def test_the_warm_up_thread_starts_after_the_first_paint(resources: Path, counter_home: Path) -> None:
    """Importing SQLAlchemy on the warm-up thread holds the interpreter's lock: the window paints before it starts.

    Qt runs the zero timers queued before ``exec`` ahead of its first paint, so a timer was not enough.
    """
    desk = (
        f"{PAINTS}"
        "warm_up = app._warm_up\n"
        "def warming(*args):\n"
        "    print('painted before the warm-up:', bool(painted), flush=True)\n"
        "    warm_up(*args)\n"
        "app._warm_up = warming\n"
        "raise SystemExit(app.run(None, True, []))\n"  # ready, and ended once the warm-up is over
    )
    assert run_app(RUN).returncode == 0  # the first start; the next is a quick one, with its warm-up thread
    done = run_app(desk)
    assert done.returncode == 0, done.stderr
    assert "painted before the warm-up: True" in done.stdout


# the whole-file check of the desk's database, noted where it is made (and, with DAMAGED set, failed there)
CHECKED = (
    "import os, threading\n"
    "from counter.actions.admin import database_file\n"
    "check = database_file.quick_check\n"
    "def checking(path):\n"
    "    print('checked on', threading.current_thread().name, 'painted before:', bool(painted), flush=True)\n"
    "    return check(path) and not os.environ.get('DAMAGED')\n"
    "database_file.quick_check = checking\n"
)


def test_the_whole_file_is_checked_after_the_first_paint_on_the_warm_up_thread(
    resources: Path, counter_home: Path
) -> None:
    """SQLite's quick check reads every page: before the window it made the start longer with every case the file
    held (a fifth of a second at a hall's 60,000 cases), while nothing could be typed."""
    desk = f"{PAINTS}{CHECKED}raise SystemExit(app.run(None, True, []))\n"
    assert run_app(RUN).returncode == 0  # the first start; the next is a quick one, with its warm-up thread
    done = run_app(desk)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("checked on") == 1, done.stdout
    assert "checked on db-warm-up painted before: True" in done.stdout


def test_a_file_the_warm_up_finds_damaged_is_named_and_the_desk_ends_with_1(
    resources: Path, counter_home: Path
) -> None:
    """The window has painted, the clerk is told (here, as ``--exit-when-ready`` tells it, on stderr), the start never
    settles into work: no pad, no draft offered."""
    desk = (
        f"{PAINTS}{CHECKED}"
        "from counter.ui.mainwindow.main_window import MainWindow\n"
        "MainWindow.start_pad = lambda self: print('pad started', flush=True)\n"
        "raise SystemExit(app.run(None, True, []))\n"
    )
    assert run_app(RUN).returncode == 0
    done = run_app_with(desk, DAMAGED="1")
    assert done.returncode == 1, done.stderr
    assert "checked on db-warm-up painted before: True" in done.stdout
    assert DB_DAMAGED.split("{path}")[0] in done.stderr, done.stderr
    assert "pad started" not in done.stdout


def test_the_pad_starts_once_the_window_has_painted_and_the_database_is_warm(
    resources: Path, counter_home: Path
) -> None:
    """The pad's start reads the database: on the window's thread before its first paint (a zero timer), it made the
    clerk wait for SQLAlchemy's import, and ``--exit-when-ready`` never ran it, so a timed start left it out."""
    desk = (
        f"{PAINTS}"
        "from counter.ui.mainwindow.main_window import MainWindow\n"
        "start = MainWindow.start_pad\n"
        "def starting(self):\n"
        "    print('pad started; painted before:', bool(painted), flush=True)\n"
        "    start(self)\n"
        "MainWindow.start_pad = starting\n"
        "raise SystemExit(app.run(None, True, []))\n"
    )
    assert run_app(RUN).returncode == 0  # the first start; the next is a quick one, with its warm-up thread
    done = run_app(desk)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("pad started") == 1, done.stdout
    assert "pad started; painted before: True" in done.stdout
