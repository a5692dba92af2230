"""The start of a hall's desk on its server: the window opened on the server's operations, signed in at its door.

Apart from a desk on its own database (:func:`counter.ui.start.app.run`): nothing here opens a file or a database, and
nothing is asked of the server before the sign-in (:mod:`counter.ui.door.hall_desk`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from counter import resources
from counter.ui.door.collector import MainThreadCollector
from counter.ui.look.fonts import install_rare_fonts
from counter.ui.look.geometry import fit_to_screen
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.start.single_desk import SingleDesk
from counter.ui.start.start_window import WINDOW_SIZE, claim_desk, front_window, start_sign_in, startup_failure
from counter.ui.warmup.first_paint import after_first_paint, watch_only

if TYPE_CHECKING:
    from counter.service.remote import Remote
    from counter.ui.door.hall_desk import HallService, HallSettings

log = logging.getLogger(__name__)


def run_hall_desk(app: QApplication, hall: HallSettings, exit_when_ready: bool) -> int:
    """A hall's desk: the window on its server, once this machine's other start is not already it."""
    from counter.ui.door.hall_desk import open_remote

    remote = open_remote(hall)
    if isinstance(remote, str):
        return startup_failure(app, remote, exit_when_ready)
    desk = claim_desk(app, hall.server, exit_when_ready)
    if isinstance(desk, int):
        return desk
    collector = MainThreadCollector(app)
    try:
        return run_on_server(app, desk, remote, exit_when_ready)
    finally:
        collector.stop()
        desk.release()


def open_hall_window(remote: Remote, begin_work: bool = True) -> tuple[MainWindow, HallService]:
    """The main window of a hall's desk on ``remote``, its sign-in window shown; the main window not shown yet.

    The machine's desk key and number sign in at the server's door (:class:`counter.ui.signin.door.ServerDoor`); a
    session the server ends brings the sign-in window back.
    """
    from counter.host.keys.desk_key import read_desk_key
    from counter.host.machine.desk_config import load_desk_config
    from counter.host.machine.paths import data_dir
    from counter.service.outage_desk import STORE_FILE, OutageDesk
    from counter.ui.door.hall_desk import HallService
    from counter.ui.door.outage_mode import OutageMode
    from counter.ui.signin.door import ServerDoor

    service = HallService(remote, outage=OutageDesk(data_dir() / STORE_FILE, remote))
    desk_no, key = load_desk_config().desk_no, read_desk_key()
    window = MainWindow(service, None, [])
    service.setParent(window)
    outage = OutageMode(service, window, window.desk_actions.desk)  # the window's child: it lives as long
    window.statusBar().insertPermanentWidget(0, outage.line)
    window.sign_in = start_sign_in(
        window, service, begin_work, door=lambda runner: ServerDoor(runner, remote, desk_no, key)
    )
    service.session_ended.connect(window.sign_in.on_session_ended)
    window.sign_in.signed_in.connect(outage.on_signed_in)
    window.sign_in.unlocked.connect(outage.on_unlocked)
    return window, service


def run_on_server(app: QApplication, desk: SingleDesk, remote: Remote, exit_when_ready: bool) -> int:
    watch_only(app)
    window, service = open_hall_window(remote, begin_work=not exit_when_ready)
    log.info("desk app started (hall server)")
    fit_to_screen(window, WINDOW_SIZE)
    desk.front = lambda: front_window(window)
    assert window.sign_in is not None
    watch_only(app, window, window.sign_in.window)

    def watch_for_scans() -> None:
        from counter.ui.cases.scanner import install_scanner  # as on a desk of its own

        install_scanner(app).case_scanned.connect(window.desk_actions.on_case_scanned)

    after_first_paint(app, watch_for_scans)
    after_first_paint(app, lambda: install_rare_fonts(resources.fonts_dir()))
    if exit_when_ready:  # nothing is served before a sign-in: the start is ready once the sign-in window shows
        after_first_paint(app, lambda: app.exit(0))
    code = app.exec()
    try:
        remote.sign_out()
    except Exception:  # the server away at the end: the session ends there by itself, idle
        log.exception("the session not ended at the server")
    service.close()
    return code
