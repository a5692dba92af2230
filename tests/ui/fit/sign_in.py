"""The sign-in window and the screen lock, on a desk whose database has accounts (a hall)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from counter.access.roles import Role
from counter.actions.site.store import Store
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.start.start_window import start_sign_in
from tests.ui.fit.desk import settle

PASSWORD = "chuangkou2026"


def _hall(store: Store) -> None:
    """An administrator, then 乌兰 added by them: through the program, so the trail records both as a sign-in asks."""
    from counter.access.account_views import NewAccount
    from counter.access.desk import Desk
    from counter.access.roles import SINGLE_DESK, Actor
    from counter.actions.admin.accounts import add_account
    from counter.case.numbers import DeskIdentity

    admin = Actor("admin01", "王敏", frozenset({Role.ADMIN}))
    at = DeskIdentity("XAM01", "8")
    with store.sessions().begin() as session:
        first = NewAccount(admin.login, admin.name, admin.roles, PASSWORD)
        assert add_account(session, Desk(at, admin.name, SINGLE_DESK), first) == ()
        wulan = NewAccount("wulan", "乌兰", frozenset({Role.CLERK, Role.SUPERVISOR}), PASSWORD, staff_no="1508")
        assert add_account(session, Desk(at, admin.name, admin), wulan) == ()


def sign_in(window: MainWindow, store: Store) -> QWidget:
    """The window a hall's desk opens on, after a wrong password (its longest state)."""
    _hall(store)
    window.hide()
    controller = start_sign_in(window, window.runner.service, begin_work=False)
    form = controller.window
    form.login.setText("wulan")
    form.password.setText("wrong-password-1")
    form.on_submit()
    settle()
    return form


def screen_lock(window: MainWindow, store: Store) -> QWidget:
    _hall(store)
    window.hide()
    controller = start_sign_in(window, window.runner.service, begin_work=False)
    form = controller.window
    form.login.setText("wulan")
    form.password.setText(PASSWORD)
    form.on_submit()
    settle()
    assert controller.actor is not None
    controller.lock(idle=True)
    settle()
    return form


SIGN_IN_WINDOWS: dict[str, Callable[[MainWindow, Store], QWidget]] = {"sign-in": sign_in, "screen-lock": screen_lock}
