"""Start the desk app: the shortest way to a window the clerk can type into.

Start-up is measured against a bare Qt window, so it does only what the first
keystroke needs.  On the usual start — an SQLite desk whose schema is current
and whose bundled catalog has not changed — the search index is read with the
standard sqlite3 module (:meth:`counter.service.local.InProcess.quick_start`) and
SQLAlchemy is imported on a warm-up thread after the window shows.  A first start copies the
prepared database when the installation has one that fits, and is then a quick
start too.  Any other start (a first start without it, a changed catalog,
PostgreSQL, an old schema) opens the database
through SQLAlchemy before the window and brings the catalog up to date after
it, on a worker thread; the catalog reader, the validator and pypinyin are
imported only there, and reportlab not at all.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter import resources
from counter.host.database.database_choice import (
    NotAnAddress,
    database_url,
    is_live_database,
    is_training_database,
    may_create,
)
from counter.host.database.database_faults import (
    DatabaseDamaged,
    DatabaseMissing,
    DatabaseReadOnly,
    DbFault,
    SchemaPreRelease,
    SchemaTooNew,
    StoreFault,
)
from counter.host.machine.logs import setup_logging
from counter.host.machine.private_files import keep_files_private
from counter.service.local import InProcess, serve
from counter.ui import words
from counter.ui.look.text_size import percent_of, set_text_percent
from counter.ui.start import ready
from counter.ui.start.daily_backup import start_daily_backup

# isort: split
# Qt after the start's own modules that need none of it: once imported, PySide6 reads the source of each module named
# in an import statement after it, to see whether it asks for one of its __feature__ switches (shibokensupport.feature);
# the modules above, and those only they import, are loaded before and never read.
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from counter.ui.door.collector import MainThreadCollector
from counter.ui.keyboard.input_method import choose_input_method
from counter.ui.look.fonts import install_fonts, install_rare_fonts
from counter.ui.look.geometry import fit_to_screen
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.start.app_icon import DESKTOP_FILE, app_icon
from counter.ui.start.qt_language import install_qt_language
from counter.ui.start.single_desk import SingleDesk
from counter.ui.start.start_window import WINDOW_SIZE, claim_desk, front_window, start_sign_in, startup_failure
from counter.ui.start.startup_sources import answer_by_name
from counter.ui.start.unexpected import install as install_unexpected_hook
from counter.ui.warmup.first_paint import after_first_paint, watch_only
from counter.ui.warmup.warm_imports import FOR_THE_FIRST_INTAKE, FOR_THE_SETTLED_START, import_ahead
from counter.ui.warmup.warm_pace import WarmPace

if TYPE_CHECKING:
    from counter.host.database.quick_start import QuickStart
    from counter.service.local import Service
    from counter.ui.door.runner import Runner

log = logging.getLogger(__name__)

#: how often the interpreter's lock changes hands while the warm-up runs beside the window (Python's own: 5 ms)
WARM_UP_SWITCH_S = 0.001


def prepare_app(app: QApplication) -> str | None:
    """Qt's language, the error hook, the desk's text size and the shipped font.

    The Chinese reason when the installation is incomplete.  The rare characters' fonts are left to
    :func:`counter.ui.look.fonts.install_rare_fonts`, once the window has painted.
    """
    install_qt_language(app)  # Qt's own buttons (确定, 取消) in the desk's language
    install_unexpected_hook()
    apply_text_size()
    incomplete = installation_failure()
    if incomplete is None:
        install_fonts(app, resources.fonts_dir(), rare_now=False)
    return incomplete


def apply_text_size() -> None:
    """The text size kept in the desk's settings, for every font and window made from now on."""
    from counter.host.machine.desk_config import load_desk_config

    set_text_percent(percent_of(load_desk_config().text_scale))


def installation_failure() -> str | None:
    """The Chinese reason when shipped files are missing: the desk must not start to print boxes or show no bundles."""
    missing = resources.missing_resources()
    if not missing:
        return None
    from counter.words.host import missing_resources_text

    log.error("installation incomplete, not starting: %s", resources.missing_summary(missing))
    return missing_resources_text(missing)


def served(service: InProcess | Any) -> InProcess:
    """``service``; a store (a test's own) served in process."""
    return service if isinstance(service, InProcess) else InProcess(service)


def database_file_failure(service: InProcess) -> str | None:
    """The Chinese reason when the database file is missing or read-only: said before anything reads it."""
    try:
        service.check_file()
    except DatabaseMissing as err:
        from counter.words.database import database_missing_text  # only a start that fails needs these words

        return database_missing_text(str(err.path), err.folder_missing, err.made_at)
    except DatabaseReadOnly as err:
        from counter.words.database import database_read_only_text  # as above

        return database_read_only_text(str(err.path))
    return None


def open_database(service: InProcess | Any) -> str | None:
    """Open the database now; the Chinese reason when it cannot be used.

    The file itself was looked at first (:func:`database_file_failure`); a desk's SQLite file is checked whole as it
    is opened, and one that fails raises :class:`DatabaseDamaged` (:func:`open_or_restore`).
    """
    try:
        served(service).open()
    except SchemaPreRelease:  # the upgrade logged its revision
        from counter.words.database import SCHEMA_PRE_RELEASE

        return SCHEMA_PRE_RELEASE
    except SchemaTooNew as err:
        log.error("database schema %s is newer than this program", err.revision)
        return words.DESK_SCHEMA_TOO_NEW.format(revision=err.revision)
    except StoreFault as err:
        log.exception("database unavailable")
        from counter.words.database import fault_text

        if err.fault in _NAMED_FAULTS:  # a cause the clerk can act on: say which and what to do
            return fault_text(err.fault.value, err.server)
        return words.DESK_DB_UNAVAILABLE.format(fault=fault_text(err.fault.value, err.server))
    return None


def open_or_restore(service: InProcess, exit_when_ready: bool) -> str | None:
    """:func:`open_database`, the file checked whole first; a damaged one is offered its latest good backup.

    The Chinese reason when the database cannot be used, ``""`` when the clerk chose to quit over a damaged file
    (said already), None once open.
    """
    try:
        return open_database(service)
    except DatabaseDamaged as err:
        from counter.ui.start.damaged_db import offer_restore  # only a damaged file needs its dialog

        if not offer_restore(service.url, err.path, exit_when_ready):
            return ""
        return open_database(service)  # the backup restored passed the same check when it was taken


def _ask_when_damaged(app: QApplication, window: MainWindow, url: str, exit_when_ready: bool) -> None:
    """The warm-up found the file damaged (it is checked whole there, after the first paint, as the check takes
    longer the more the file holds): nothing has been written to it, and the clerk is asked as at any start."""

    def on_damaged(path: str) -> None:
        from counter.ui.start.damaged_db import offer_restore  # as above

        if offer_restore(url, Path(path), exit_when_ready):
            window.desk_actions.start_settled.emit()  # the restored file is opened, and checked, at its first use
        else:
            app.exit(1)

    window.desk_actions.database_damaged.connect(on_damaged)


#: faults of a start worded by their cause, as the command line words them: the desk's database setting is wrong,
#: the server is up but takes no connection yet (starting, recovering): a wait, not a setting to look at, the
#: server's schema is older than the desk (updated first) and the owner's upgrade is owed, the upgrade this start
#: began found its tables held by the other desks still running, or the server is not PostgreSQL of ours, or not
#: PostgreSQL at all, or the sealing the upgrade went on with met a damaged data key (no database setting is wrong)
_NAMED_FAULTS = frozenset(
    {
        DbFault.DATA_KEY,
        DbFault.PLAIN_CONNECTION,
        DbFault.CERTIFICATE,
        DbFault.NOT_READY,
        DbFault.SCHEMA_BEHIND,
        DbFault.UPGRADE_BLOCKED,
        DbFault.UNSUPPORTED_SERVER,
        DbFault.NOT_POSTGRESQL,
    }
)


def open_window(db_url: str | None) -> tuple[MainWindow, InProcess]:
    """The main window on an opened, migrated database; not shown yet (tests, screenshots).

    Raises :class:`SchemaTooNew` and :class:`StoreFault`.
    """
    service = serve(database_url(db_url), create=may_create(db_url, False))
    service.open()
    return MainWindow(service, resources.bundled_catalog_dir()), service


def has_accounts(service: Service) -> bool:
    """Whether nobody may work here before signing in (an opened database)."""
    from counter.service.admin import ACCOUNTS_EXIST
    from counter.service.requests import Nothing

    found: bool = service.call(ACCOUNTS_EXIST, Nothing())
    return found


def _warm_up(
    service: InProcess,
    opened: Callable[[], None],
    check: Callable[[], None],
    settled: Callable[[], None],
    damaged: Callable[[str], None],
    pace: WarmPace | None = None,
) -> None:
    """Import SQLAlchemy, check the file and open the database while the clerk reads the screen; then say so
    (``opened``), and import what the window's thread needs next (:mod:`counter.ui.warmup.warm_imports`).

    ``check``: what is looked at in the opened database before the first intake (the numbers already issued).
    ``settled`` is said last, whatever happened before it (the pad's start then names a problem); but a file that
    fails its check is said instead (``damaged``, with its path), and the clerk's answer on the window's thread
    settles the start.

    Meanwhile the interpreter's lock changes hands every millisecond rather than every five (:data:`WARM_UP_SWITCH_S`):
    the window's thread, handed a key, waits for the lock at most that long each time it asks for it; and with
    ``pace`` the warm-up gives way to the window's thread between the modules it imports
    (:mod:`counter.ui.warmup.warm_pace`).
    """
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, WARM_UP_SWITCH_S))
    if pace is not None:
        pace.install()
    try:
        _warm(service, opened, check, settled, damaged)
    finally:
        if pace is not None:
            pace.remove()
            log.info("the warm-up gave way to the window %d times, %.0f ms", pace.gave_way, pace.waited * 1000)
        sys.setswitchinterval(previous)


def _warm(
    service: InProcess,
    opened: Callable[[], None],
    check: Callable[[], None],
    settled: Callable[[], None],
    damaged: Callable[[str], None],
) -> None:
    try:
        service.open()
    except DatabaseDamaged as err:
        damaged(str(err.path))
        return
    except Exception:  # the first user event opens it again and names the problem
        log.exception("database warm-up failed")
        settled()
        return
    try:
        opened()
        # what the window's thread would otherwise import itself at the first F5 and once the start settles
        import_ahead(FOR_THE_FIRST_INTAKE)
        check()
        import_ahead(FOR_THE_SETTLED_START)
    finally:
        settled()


def _bring_catalog_up(
    app: QApplication, window: MainWindow, db: InProcess, quick: QuickStart | None, today: dt.date | None = None
) -> threading.Thread | None:
    """After a full start, sync the bundled catalog; after a quick one, warm the database up; the warm-up thread."""
    opened = window.desk_actions.database_open.emit
    settled = window.desk_actions.start_settled.emit
    damaged = window.desk_actions.database_damaged.emit

    def check() -> None:
        # imported here, on the warm-up thread after a quick start: the numbers' check and its words are not needed
        # before the first search
        from counter.ui.start.number_check import check_numbers_at_start

        check_numbers_at_start(window.banner, db, today)

    if quick is None:
        check()  # the database is open already: a few indexed queries
        QTimer.singleShot(0, window.start_sync)
        QTimer.singleShot(0, opened)  # opened before the window
        QTimer.singleShot(0, settled)
        return None
    window.show_catalog_problems(quick.catalog_problems)
    QTimer.singleShot(0, lambda: window.catalog_ready.emit(True))
    pace = WarmPace(window)
    window.desk_actions.start_settled.connect(pace.stop_beating)
    window.desk_actions.database_opening = True  # F5 meanwhile shows the intake at once, filled once it is open
    warm_up = threading.Thread(
        target=_warm_up, args=(db, opened, check, settled, damaged, pace), name="db-warm-up", daemon=True
    )

    def start() -> None:
        pace.start_beating()
        warm_up.start()

    # after the first paint (a zero timer would run before it): importing SQLAlchemy holds the interpreter's lock
    # for long stretches, and started earlier it would hold the window back while the clerk can only wait for it
    after_first_paint(app, start)
    return warm_up


def run(
    db_url: str | None,
    exit_when_ready: bool,
    argv: list[str],
    today: dt.date | None = None,
    *,
    server: str | None = None,
    ca: str | None = None,
) -> int:
    """Run the desk app until its window closes; the process's exit status.

    ``argv`` holds Qt's own options (``-platform``, ``-style`` …), without the
    program name.  0 on a normal end, and when another start already is this
    desk (its window is brought to the front instead); 1 when the database
    cannot be used, when the desk's other start does not answer, or when
    ``exit_when_ready`` is set and the bundled catalog could not be synced
    (a skipped broken file still counts as ready: the desk works on without it).
    ``server`` and ``ca``: a hall's server and its CA, over the desk's settings (:mod:`counter.ui.door.hall_desk`); a
    desk with a server works on it unless ``db_url`` or ``today`` names a database of its own.
    """
    keep_files_private()  # as counter/__main__ does: also when the window is started on its own (tests, tools)
    answer_by_name()  # the warm-up's modules are not read by PySide6's import hook (counter.ui.start.startup_sources)
    setup_logging()
    existing = QApplication.instance()
    if existing is None:
        choose_input_method()  # read by Qt when the application is made: fcitx5 reached through its IBus face
    app = existing if isinstance(existing, QApplication) else QApplication(["counter", *argv])
    app.setApplicationName("counter")
    app.setWindowIcon(app_icon(resources.icons_dir()))
    app.setDesktopFileName(DESKTOP_FILE)
    incomplete = prepare_app(app)
    if incomplete is not None:
        return startup_failure(app, incomplete, exit_when_ready)
    from counter.ui.door.hall_desk import hall_settings

    hall = hall_settings(server, ca)
    if hall.on_server and db_url is None and today is None:
        from counter.ui.start.hall_start import run_hall_desk

        return run_hall_desk(app, hall, exit_when_ready)
    training = today is not None  # counter --today: the training database unless --db names another
    try:
        url = database_url(db_url, training)
        on_live = bool(training and db_url and is_live_database(url))
    except NotAnAddress as err:  # a file's path where the address is asked: the desk names no database
        log.error("%s holds a file's path, not a database address (sqlite:///%s)", err.variable or "--db", err.given)
        return startup_failure(app, words.DESK_DATABASE_NOT_AN_ADDRESS, exit_when_ready)
    if on_live:
        training_url = database_url(None, training)
        return startup_failure(app, words.DESK_TRAINING_ON_LIVE.format(training=training_url), exit_when_ready)
    desk = claim_desk(app, url, exit_when_ready)
    if isinstance(desk, int):
        return desk
    collector = MainThreadCollector(app)  # no Qt object freed by the garbage collector on a worker thread
    collector.hold()  # nor any collection over the start's modules as they load: kept once the start settles
    try:
        training_file = training and is_training_database(url)  # --today with --db: that file is not thrown away
        # a desk's own file is checked whole before its first unit of work (training's is thrown away at will)
        service = serve(
            url, training=training_file, create=may_create(db_url, training_file), check_whole=not training, today=today
        )
        return _run_desk(app, desk, service, exit_when_ready, today, collector)
    finally:
        collector.stop()
        desk.release()  # tests and tools start the window again in the same process


class StartWork(QObject):
    """The start's last work on the window's thread (the draft's offer, the review pad), once the database is warm
    (``start_settled``): each in the order added, and once, though a restored file says settled again.  No step of
    the clerk's waits under it: each submits its reads to the window's ``runner`` (:mod:`counter.ui.door.runner`) and
    returns, so it runs as the signal comes.  :attr:`done` says it is over once every read it submitted, and any
    their answers submitted in turn, has been answered (``--exit-when-ready`` ends then).  Said as the steps
    returned, the program ended with the pad's start still unanswered, carried out after the loop by
    :meth:`Runner.finish <counter.ui.door.runner.Runner.finish>` and left out of a timed start."""

    done = Signal()

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._work: list[Callable[[], None]] = []
        self.started = False
        self.finished = False

    def add(self, work: Callable[[], None]) -> None:
        self._work.append(work)

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        try:
            for work in self._work:
                work()
        finally:  # a step that failed (said by the error hook) leaves the others' reads to be answered
            self._runner.after_answers(self._over)

    def _over(self) -> None:
        self.finished = True
        self.done.emit()


class _ExitWhenReady(QObject):
    """Ends the run once the first search is answered (ready) and the start's own work is over (settled: the
    warm-up, then the draft's offer and the pad's start, their reads answered, :class:`StartWork`)."""

    def __init__(self, app: QApplication, window: MainWindow, last_work: StartWork) -> None:
        super().__init__(window)
        self._app, self._window = app, window
        self._answered: bool | None = None
        self._settled = False
        window.catalog_ready.connect(self.on_ready)
        last_work.done.connect(self.on_settled)

    def on_ready(self, ok: bool) -> None:
        if ok:
            ready.answer_first_search(self._window)  # looked up here: a probe may have hooked it
        self._answered = ok
        self._end_when_both()

    def on_settled(self) -> None:
        self._settled = True
        self._end_when_both()

    def _end_when_both(self) -> None:
        if self._answered is False or (self._answered and self._settled):
            self._app.exit(0 if self._answered else 1)


def _run_desk(
    app: QApplication,
    desk: SingleDesk,
    db: InProcess,
    exit_when_ready: bool,
    today: dt.date | None,
    collector: MainThreadCollector,
) -> int:
    failure = database_file_failure(db)  # missing or read-only: named as such, never offered a restore
    if failure is not None:
        return startup_failure(app, failure, exit_when_ready)
    folder = resources.bundled_catalog_dir()
    # a first start copies the prepared database first, when the installation has one that fits
    quick = db.quick_start(folder)
    if quick is None:
        failure = open_or_restore(db, exit_when_ready)
        if failure is not None:
            return startup_failure(app, failure, exit_when_ready) if failure else 1
    accounts = quick.accounts if quick else has_accounts(db)
    # the waits for the first paint watch the desk's own windows, not every object of the application, while the
    # window is built and until it has painted (counter.ui.warmup.first_paint)
    watch_only(app)
    window = MainWindow(db, folder, quick.entries if quick else None)
    log.info("desk app started (%s, %s start)", db.backend, "quick" if quick else "full")
    fit_to_screen(window, WINDOW_SIZE)
    desk.front = lambda: front_window(window)
    if accounts:
        window.sign_in = start_sign_in(window, db, begin_work=not exit_when_ready)
        watch_only(app, window, window.sign_in.window)
    else:
        watch_only(app, window)
        window.show()
    settled = window.desk_actions.start_settled
    settled.connect(collector.keep_the_start)  # first: what the start loaded is kept before anything else runs
    # the start's last work, once the database is warm
    last_work = StartWork(window.runner, window)
    settled.connect(last_work.start)
    if not accounts:
        # once the window has painted and the database is warm: the pad's start reads the database, and on the
        # window's thread before its first paint it kept the clerk waiting for SQLAlchemy's import (--exit-when-ready
        # too: it ends only once the pad has started, so a timed start leaves none of a desk's work out)
        last_work.add(window.offer_draft)
        last_work.add(window.start_pad)
        if today is None and not exit_when_ready:  # a site nobody has set up gets its set-up form (training works
            # in its own database); --exit-when-ready is ready before any form would be filled in
            window.desk_actions.database_open.connect(window.desk_actions.offer_site_set_up)
    if exit_when_ready:
        _ExitWhenReady(app, window, last_work)
    _ask_when_damaged(app, window, db.url, exit_when_ready)

    # the scanner's filter sees every event of the application: installed once the window has painted, as the keys
    # it watches for can only come then, it leaves the window's first turn of the event loop alone
    def watch_for_scans() -> None:
        from counter.ui.cases.scanner import install_scanner  # imported here too: not needed before the first paint

        install_scanner(app).case_scanned.connect(window.desk_actions.on_case_scanned)

    after_first_paint(app, watch_for_scans)
    warm_up = _bring_catalog_up(app, window, db, quick, today)
    # the first screen draws no rare name character (the search box, the catalog's names, the sign-in)
    after_first_paint(app, lambda: install_rare_fonts(resources.fonts_dir()))
    if not exit_when_ready and today is None:
        QTimer.singleShot(0, lambda: start_daily_backup(db.url))
    code = app.exec()
    window.runner.finish()  # what was asked and not yet answered (a draft kept at the close) before the file closes
    window.wait_for_sync()
    if warm_up is not None:
        if warm_up.ident is None:  # the loop ended before its timer came (--exit-when-ready): its work is still owed
            warm_up.start()
        warm_up.join()
    db.close()
    return code
