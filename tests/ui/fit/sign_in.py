"""The sign-in window and the screen lock, on a desk whose database has accounts (a hall)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from counter.access.passwords import hash_password
from counter.access.roles import Role
from counter.actions.store import Store
from counter.ui.app import start_sign_in
from counter.ui.main_window import MainWindow
from tests.ui.fit.desk import settle

PASSWORD = "chuangkou2026"


def _hall(store: Store) -> None:
    from counter.db import models

    with store.sessions().begin() as session:
        roles = ",".join(r.value for r in (Role.CLERK, Role.SUPERVISOR))
        session.add(models.Account(login="wulan", name="乌兰", staff_no="1508", roles=roles,
                                   password_hash=hash_password(PASSWORD)))  # fmt: skip


def sign_in(window: MainWindow, store: Store) -> QWidget:
    """The window a hall's desk opens on, after a wrong password (its longest state)."""
    _hall(store)
    window.hide()
    controller = start_sign_in(window, store, begin_work=False)
    form = controller.window
    form.login.setText("wulan")
    form.password.setText("wrong-password-1")
    form.on_submit()
    settle()
    return form


def screen_lock(window: MainWindow, store: Store) -> QWidget:
    _hall(store)
    window.hide()
    controller = start_sign_in(window, store, begin_work=False)
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
