"""A real database and catalog for the window tests: the same path the desk takes.

The catalog in ``tests/ui/catalog`` is small on purpose (one full guide, three
unpublished bundles) so a failure points at the window, not at the content.
"""

from __future__ import annotations

import functools
import shutil
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.site.store import Store
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.service.local import InProcess
from counter.ui.door.collector import MainThreadCollector
from counter.ui.door.runner import Runner
from counter.ui.look.fonts import install_fonts
from counter.ui.mainwindow.main_window import MainWindow
from tests.catalog_db import made_once
from tests.conftest import copy_database
from tests.ui.cases.casebook import Casebook, build
from tests.ui.runners import runner_on

HERE = Path(__file__).resolve().parent
FIXTURE_CATALOG = HERE / "catalog"
REAL_FONTS = HERE.parent.parent / "counter" / "resources" / "fonts"
REAL_PLATFORM = REAL_FONTS.parent / "platform"
SYNC_TIMEOUT_MS = 30_000
#: the main windows :func:`start_window` opened in a test's body, held until the test's fixtures end (``collector``)
_opened: list[MainWindow] = []


@pytest.fixture(scope="session", autouse=True)
def desk_font(qapp: QApplication) -> None:
    """The shipped font, as the desk's start installs it: windows under test lay out as at the desk, whatever fonts
    the test machine has (the rare characters' fonts are left to the tests that need them)."""
    assert install_fonts(qapp, REAL_FONTS, rare_now=False) is not None


@pytest.fixture(scope="session", autouse=True)
def pinyin_kept() -> None:
    """pypinyin loaded for the whole run: every window's catalog sync would otherwise import it again, and let it go
    as a desk does (counter.catalog.search.pinyin_while), a third of a second each.
    tests/ui/mainwindow/test_pinyin_let_go.py takes it away to see the desk's way."""
    import pypinyin  # noqa: F401


@pytest.fixture(autouse=True)
def collector(qapp: QApplication, engines_disposed: weakref.WeakSet[Engine]) -> Iterator[None]:
    """As the desk runs (counter.ui.door.collector): cycles freed on the window's thread, never on a worker thread.

    Without it, a window left in a cycle by one test could be freed on the next test's catalog-sync thread.  The
    engines the test used are disposed first, so that the collection frees closed pools, not open connections.

    The collector's stop collects every generation, here on the window's thread, as before; what survives it is then
    frozen by the suite's ``garbage_of_the_test`` (tests/conftest.py), set up before this and ended after it.  What
    is frozen was still reachable when its test ended: never collected afterwards, it is never freed on a worker
    thread either.
    """
    running = MainThreadCollector(qapp)
    yield
    _opened.clear()  # closed by pytest-qt by now: the collection below may free them
    for engine in list(engines_disposed):
        engine.dispose()
    running.stop()


@pytest.fixture(autouse=True)
def no_modal_left(qapp: QApplication) -> Iterator[None]:
    """A dialog a test left open and modal is hidden when it ends: shown, it keeps every later test's window from
    becoming active (the keyboard never reaches it, and a wait for the focus runs out), whichever test comes next on
    the worker."""
    yield
    for _ in range(10):  # a modal shown over another
        modal = qapp.activeModalWidget()
        if modal is None:
            break
        modal.hide()


@pytest.fixture
def catalog_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "resources" / "catalog"
    shutil.copytree(FIXTURE_CATALOG, folder)
    return folder


@pytest.fixture
def resources(catalog_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A resources folder with the test catalog, the real fonts and the platform's code lists, as the app finds it."""
    root = catalog_dir.parent
    (root / "fonts").symlink_to(REAL_FONTS, target_is_directory=True)
    (root / "platform").symlink_to(REAL_PLATFORM, target_is_directory=True)
    monkeypatch.setenv("COUNTER_RESOURCES", str(root))
    return root


@pytest.fixture(scope="session")
def casebook_template(tmp_path_factory: pytest.TempPathFactory, shipped_catalog_db: Path) -> tuple[Path, Casebook]:
    """A desk holding real cases (:mod:`tests.ui.cases.casebook`), made once for the run from the run's catalog file:
    the case windows' tests and the fit tests copy it."""
    return made_once(tmp_path_factory, "casebook", functools.partial(build, catalog=shipped_catalog_db))


@pytest.fixture
def db(tmp_path: Path, migrated_db: Path) -> Iterator[Store]:
    """The desk's database, as a first start that migrated an empty file leaves it (a copy of the run's
    ``migrated_db``)."""
    path = tmp_path / "desk.sqlite3"
    copy_database(migrated_db, path)
    database = Store(f"sqlite:///{path}", create=True)
    yield database
    database.dispose()


@pytest.fixture
def sessions(db: Store) -> sessionmaker[Session]:
    return db.sessions()


@pytest.fixture
def runner(sessions: sessionmaker[Session]) -> Runner:
    """The widgets' runner on the test's database (whichever ``sessions`` the test's folder provides)."""
    return runner_on(sessions)


def start_window(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """Show the window and wait until the bundled catalog is in.

    The window is held until the test's fixtures end: pytest-qt keeps only a weak reference to close it by, and a
    window made in the test's body, in a cycle with its desk's actions, was otherwise freed by the collector's turn
    in pytest-qt's last events, its intake with it, before pytest-qt came to close them (a "C++ object already
    deleted" at teardown, depending on how much the test had allocated)."""
    _opened.append(window)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignal(window.catalog_ready, timeout=SYNC_TIMEOUT_MS) as ready:
        window.start_sync()
    assert ready.args == [True]
    return window


@pytest.fixture
def window(qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None) -> MainWindow:
    return start_window(qtbot, MainWindow(InProcess(db), catalog_dir))


@pytest.fixture
def named_desk() -> None:
    """This desk's clerk named, as on a desk in use: a desk whose clerk nobody named takes no intake."""
    save_desk_config(DeskConfig(clerk="乌兰"))
