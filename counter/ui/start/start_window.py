"""What every start of the desk's window shares, on its own database or on a hall's server: the window's size, the
reason it cannot start shown, the sign-in before the window, and the window the clerk should see.

Apart from :mod:`counter.ui.start.app` (a desk's own start) so that a hall desk's start
(:mod:`counter.ui.start.hall_start`) uses them without going through it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from counter.host.machine.paths import data_dir
from counter.ui import words
from counter.ui.door.runner import Runner
from counter.ui.look.geometry import fit_to_screen
from counter.ui.look.text_size import scaled
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.start.single_desk import Claim, SingleDesk
from counter.ui.warmup.first_paint import after_first_paint
from counter.ui.widgets.plain_text import plain_label

if TYPE_CHECKING:
    from counter.service.local import Service
    from counter.ui.signin.controller import SignInController
    from counter.ui.signin.door import Door

WINDOW_SIZE = (1280, 800)  # preferred; a smaller screen shows the window maximised (counter.ui.look.geometry)


def claim_desk(app: QApplication, where: str, exit_when_ready: bool) -> SingleDesk | int:
    """This machine's one desk on ``where`` (its database's URL, or its hall server's) claimed, listening for a second
    start once a window has painted (Qt's network module loads after the first paint); else the start's exit code:
    0 where the desk already running was raised, 1 where it did not answer (said as :func:`startup_failure` says)."""
    desk = SingleDesk(data_dir(), where)
    claim = desk.claim()
    if claim is Claim.RAISED:
        print(words.DESK_ALREADY_RUNNING)
        return 0
    if claim is Claim.UNANSWERED:
        return startup_failure(app, words.DESK_ALREADY_RUNNING_NO_ANSWER.format(lock=desk.lock_path), exit_when_ready)
    after_first_paint(app, desk.listen)
    return desk


def startup_failure(app: QApplication, message: str, exit_when_ready: bool) -> int:
    """Say why the desk cannot start, on stderr and, when someone is looking, in a window."""
    print(message, file=sys.stderr)
    if exit_when_ready:
        return 1
    window = QWidget()
    window.setWindowTitle(words.DESK_STARTUP_ERROR_TITLE)
    label = plain_label(message, wrap=True)
    label.setStyleSheet(scaled("font-size: 16px; padding: 24px; color: #8a1c1c;"))
    QVBoxLayout(window).addWidget(label)
    fit_to_screen(window, (560, 200), maximise=False)
    window.show()
    app.exec()
    return 1


def start_sign_in(
    window: MainWindow,
    service: Service,
    begin_work: bool = True,
    door: Callable[[Runner], Door] | None = None,
) -> SignInController:
    """Hall mode: the sign-in window first; the main window once someone has signed in.

    The first sign-in starts the desk's work (the draft offer, the review pad);
    a later one, after 换人登录, shows the main window again for the new clerk.
    ``door``: where the sign-in is checked, made with the controller's runner; None for the desk's own database.
    A desk on a hall server reads its search index at the first sign-in (nothing is served before one), and leaves
    the site's set-up to the server's administrator.  There 换人登录 comes after the session has ended (the lock
    ended it, or the server did): what the one before left open cannot be kept at the server until someone is signed
    in again, so it stays, hidden, until the next sign-in, which keeps the open intake as the desk's draft first and
    then offers it back.
    """
    from counter.host.machine.desk_at import desk_at
    from counter.host.machine.desk_config import load_desk_config
    from counter.ui.signin.controller import SignInController
    from counter.ui.signin.words import SIGNIN_PLACE

    config = load_desk_config()
    place = SIGNIN_PLACE.format(site=config.site_name, desk=config.desk_no)
    runner = Runner(service)
    on_server = door is not None
    controller = SignInController(
        runner, desk_at(config), place, parent=window, door=door(runner) if door is not None else None
    )
    controller.home_focus = window.search_panel.box
    started = False
    work_left = False  # a hall server's desk: the windows of the one before, hidden until the next sign-in

    def on_signed_out() -> None:
        nonlocal work_left
        if not on_server:
            window.on_signed_out()
            return
        work_left = True
        window.desk_actions.sign_in_as(None, "")
        window.hide()

    def on_signed_in() -> None:
        nonlocal started, work_left
        if work_left:
            work_left = False
            intake = window.desk_actions.intake
            if intake is not None:
                intake.drafts.save_now()  # under the new session: nothing (a committed intake) or the form whole
            window.desk_actions.close_work()
        window.on_signed_in(controller)
        window.show()
        window.activateWindow()
        if on_server and not started:
            window.load_index(then=partial(window.catalog_ready.emit, True))
        if not begin_work:
            started = True
            return
        window.offer_draft()
        if not started:
            started = True
            window.start_pad()
            if window.training_strip is None and not on_server:  # the sign-in has opened the database
                window.desk_actions.offer_site_set_up()

    controller.signed_in.connect(on_signed_in)
    controller.signed_out.connect(on_signed_out)
    controller.start()
    return controller


def front_window(window: MainWindow) -> QWidget:
    """The window the clerk should see: an open dialog, else the sign-in or lock window, else the desk itself."""
    modal = QApplication.activeModalWidget()
    if modal is not None:
        return modal
    sign_in = window.sign_in
    if sign_in is not None and sign_in.window.isVisible():
        return sign_in.window
    return window
