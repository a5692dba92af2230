"""Signing in, the lockout seen at the window, the idle screen lock and 换人登录, on a real database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import SINGLE_DESK, Actor, Permission, Role
from counter.actions.admin.accounts import add_account
from counter.actions.admin.guard import accounts_exist
from counter.actions.site.store import Store
from counter.audit.actions import AuditAction
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.service.admin import SIGN_IN
from counter.service.local import InProcess
from counter.ui.door.runner import Runner
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.signin.controller import SignInController
from counter.ui.signin.stay import STAYS_WHEN_LOCKED
from counter.ui.signin.words import SIGNIN_DB_ERROR
from counter.ui.start.start_window import start_sign_in
from counter.words.database import fault_text
from tests.ui.conftest import start_window
from tests.ui.door.test_runner_thread import in_the_loop
from tests.ui.failing import LOCKED, failing
from tests.ui.held_service import held
from tests.ui.runners import runner_for

PASSWORD = "chuangkou2026"
NOW = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


def add(sessions: sessionmaker[Session], login: str, name: str, *roles: Role) -> None:
    """Added as an administrator adds one, its entry recorded; the first account is the administrator admin01."""
    admin = Actor("admin01", "王敏", frozenset({Role.ADMIN}))
    with sessions.begin() as session:
        if not accounts_exist(session):
            first = NewAccount(admin.login, admin.name, admin.roles, PASSWORD, staff_no="1501")
            assert add_account(session, Desk(DeskIdentity("XAM01", "8"), "王敏", SINGLE_DESK), first) == ()
        if login != admin.login:
            new = NewAccount(login, name, frozenset(roles), PASSWORD, staff_no="15" + login[-2:])
            assert add_account(session, Desk(DeskIdentity("XAM01", "8"), "王敏", admin), new) == ()


@pytest.fixture
def hall(db: Store) -> Store:
    sessions = db.sessions()
    add(sessions, "admin01", "王敏", Role.ADMIN)
    add(sessions, "clerk01", "乌兰", Role.CLERK)
    add(sessions, "chief01", "宝音", Role.CLERK, Role.SUPERVISOR)
    return db


@pytest.fixture
def controller(qtbot: QtBot, hall: Store) -> SignInController:
    sign_in = SignInController(
        runner_for(hall), Desk(DeskIdentity("XAM01", "8"), "乌兰"), "乌兰浩特市政务服务中心　8号窗口"
    )
    qtbot.addWidget(sign_in.window)
    sign_in.start()
    return sign_in


def type_in(qtbot: QtBot, controller: SignInController, login: str, password: str) -> None:
    window = controller.window
    if not window.login.isReadOnly():
        window.login.setText(login)
    window.password.setText(password)
    QTest.keyClick(window.password, Qt.Key.Key_Return)


def audit_actions(db: Store) -> list[str]:
    with db.sessions()() as session:
        return list(session.scalars(select(models.AuditEntry.action).order_by(models.AuditEntry.id)))


def test_a_wrong_password_says_how_many_tries_are_left_then_locks(
    qtbot: QtBot, controller: SignInController, hall: Store
) -> None:
    window = controller.window
    assert window.isVisible()
    type_in(qtbot, controller, "clerk01", "wrong-password-1")
    assert window.problem.text() == "登录名或密码不正确。再输错 4 次，账号将锁定 15 分钟。"
    assert window.password.text() == ""  # cleared for the next try
    for _ in range(4):
        type_in(qtbot, controller, "clerk01", "wrong-password-1")
    assert window.problem.text().startswith("密码连续输错次数过多，账号已锁定至 ")
    with qtbot.assertNotEmitted(controller.signed_in):
        type_in(qtbot, controller, "clerk01", PASSWORD)  # even the right one, while locked
    assert "已锁定" in window.problem.text()
    assert controller.actor is None
    actions = audit_actions(hall)
    assert actions.count(AuditAction.SIGN_IN_FAILED.value) >= 5
    assert AuditAction.ACCOUNT_LOCKED.value in actions


def test_empty_fields_are_named_before_anything_is_tried(qtbot: QtBot, controller: SignInController) -> None:
    type_in(qtbot, controller, "", "")
    assert controller.window.problem.text() == "请输入登录名和密码"


def test_signing_in_sets_the_actor_and_the_idle_lock_hides_work_but_not_the_pad(
    qtbot: QtBot, controller: SignInController, hall: Store
) -> None:
    with qtbot.waitSignal(controller.signed_in):
        type_in(qtbot, controller, "clerk01", PASSWORD)
    assert controller.actor is not None
    assert controller.actor.may(Permission.TAKE_INTAKE)
    assert not controller.actor.may(Permission.VOID_CASE)
    assert controller.staff_no == "1501"
    assert not controller.window.isVisible()
    work, pad = QWidget(), QWidget()
    pad.setProperty(STAYS_WHEN_LOCKED, True)
    for widget in (work, pad):
        qtbot.addWidget(widget)
        widget.show()

    controller.idle_timer.setInterval(30)
    with qtbot.waitSignal(controller.locked, timeout=5_000):
        QTest.keyClick(work, Qt.Key.Key_A)  # activity restarts the timer; then nothing more happens
    assert not work.isVisible()
    assert pad.isVisible()
    window = controller.window
    assert window.isVisible()
    assert window.login.text() == "clerk01"
    assert window.login.isReadOnly()
    assert "乌兰（clerk01）离开窗口超过" in window.hint.text()

    type_in(qtbot, controller, "clerk01", "not-it-at-all-1")
    assert window.isVisible()
    assert not work.isVisible()
    controller.idle_timer.setInterval(60_000)
    with qtbot.waitSignal(controller.unlocked):
        type_in(qtbot, controller, "clerk01", PASSWORD)
    assert work.isVisible()
    assert not window.isVisible()
    assert controller.actor is not None
    assert controller.actor.login == "clerk01"


def test_switching_clerks_at_the_lock_signs_the_first_out(
    qtbot: QtBot, controller: SignInController, hall: Store
) -> None:
    with qtbot.waitSignal(controller.signed_in):
        type_in(qtbot, controller, "clerk01", PASSWORD)
    controller.lock()
    with qtbot.waitSignal(controller.signed_out):
        controller.window.switch_button.click()
    assert controller.actor is None
    assert not controller.window.login.isReadOnly()
    with qtbot.waitSignal(controller.signed_in):
        type_in(qtbot, controller, "chief01", PASSWORD)
    assert controller.actor is not None
    assert controller.actor.may(Permission.VOID_CASE)
    actions = audit_actions(hall)
    assert actions.count(AuditAction.SIGNED_IN.value) == 2
    assert AuditAction.SIGNED_OUT.value in actions


def test_the_main_window_waits_for_a_sign_in_and_shows_what_the_roles_allow(
    qtbot: QtBot, hall: Store, resources: Path
) -> None:
    window = MainWindow(InProcess(hall), resources / "catalog")
    start_window(qtbot, window)
    window.hide()
    sign_in = start_sign_in(window, window.runner.service, begin_work=False)
    qtbot.addWidget(sign_in.window)
    assert not window.isVisible()
    with qtbot.waitSignal(sign_in.signed_in):
        type_in(qtbot, sign_in, "clerk01", PASSWORD)
    assert window.isVisible()
    assert window.account_label.text() == "当前登录：乌兰（窗口工作人员）"
    assert window.intake_button.isVisibleTo(window)
    assert not window.supervise_button.isVisibleTo(window)
    window.desk_actions.open_supervision()  # F8 still reaches the slot: refused there, with the reason
    assert window.desk_actions.supervisor is None
    desk = window.desk_actions.desk()
    assert desk.actor.login == "clerk01"
    assert desk.clerk == "乌兰"

    sign_in.lock()
    assert not window.isVisible()
    with qtbot.waitSignal(sign_in.signed_out):
        sign_in.window.switch_button.click()
    with qtbot.waitSignal(sign_in.signed_in):
        type_in(qtbot, sign_in, "admin01", PASSWORD)
    assert window.isVisible()
    assert not window.intake_button.isVisibleTo(window)  # an administrator does not take intakes
    assert window.desk_actions.desk().actor.login == "admin01"


def test_the_clerk_signs_in_by_the_keyboard_alone(qtbot: QtBot, controller: SignInController) -> None:
    """The login typed and Enter: the cursor goes on to the password (nothing is tried with it empty); the password
    and Enter sign in."""
    window = controller.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.login.setFocus()
    qtbot.waitUntil(window.login.hasFocus)
    QTest.keyClicks(window.login, "clerk01")
    QTest.keyClick(window.login, Qt.Key.Key_Return)
    assert window.password.hasFocus()
    assert window.problem.isHidden()
    with qtbot.waitSignal(controller.signed_in):
        QTest.keyClicks(window.password, PASSWORD)
        QTest.keyClick(window.password, Qt.Key.Key_Return)
    assert controller.actor is not None
    assert controller.actor.login == "clerk01"


def controller_on(qtbot: QtBot, runner: Runner) -> SignInController:
    sign_in = SignInController(runner, Desk(DeskIdentity("XAM01", "8"), "乌兰"), "乌兰浩特市政务服务中心　8号窗口")
    qtbot.addWidget(sign_in.window)
    sign_in.start()
    return sign_in


def test_a_database_that_does_not_answer_at_the_sign_in_is_said_and_the_next_try_signs_in(
    qtbot: QtBot, hall: Store
) -> None:
    runner = runner_for(hall)
    controller = controller_on(qtbot, runner)
    away = failing(runner, LOCKED, SIGN_IN)
    with qtbot.assertNotEmitted(controller.signed_in):
        type_in(qtbot, controller, "clerk01", PASSWORD)
    assert controller.window.problem.text() == SIGNIN_DB_ERROR.format(fault=fault_text("locked"))
    assert controller.actor is None
    away.mend()
    with qtbot.waitSignal(controller.signed_in):
        type_in(qtbot, controller, "clerk01", PASSWORD)  # not held back by the try that failed
    assert controller.actor is not None
    assert controller.actor.login == "clerk01"


def test_enter_again_while_the_password_is_checked_asks_once(qtbot: QtBot, hall: Store) -> None:
    runner = runner_for(hall)
    controller = controller_on(qtbot, runner)
    service = held(runner, SIGN_IN)
    before = audit_actions(hall)

    def enter_twice() -> None:
        type_in(qtbot, controller, "clerk01", PASSWORD)
        type_in(qtbot, controller, "clerk01", PASSWORD)  # the first still being checked

    in_the_loop(qtbot, enter_twice)
    with qtbot.waitSignal(controller.signed_in, timeout=10_000):
        service.go.set()
    assert service.asked == [SIGN_IN.name]
    assert audit_actions(hall)[len(before) :] == [AuditAction.SIGNED_IN.value]
