"""A hall desk's window on a real ``counter serve`` process: signed in at the server's door, an intake taken through
it, the session ended by the lock and by the administrator, the server stopped and started again under an intake, and
a server whose certificate the hall's CA did not sign; and outage mode offered when the server stays away, chosen,
shown in the status bar, and ended by the hand-over once the server answers again.

The server runs on a hall's SQLite file, in a process of its own, with the hall's CA and the desk registered by
``counter serve add-desk``; the desk is set up as a technician sets one up (``counter desk --server --ca
--desk-key-file``), and the window holds nothing but the transport.  Every wait is on a signal or on the server's port.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.cli.main import main as command
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.host.keys.desk_key import desk_key_path, keep_desk_key, read_desk_key
from counter.host.machine.desk_config import load_desk_config
from counter.service.admin import ADD_ACCOUNT, DISABLE_ACCOUNT, SET_PASSWORD, AccountLogin, NewPassword
from counter.service.intake import CHECK_DRAFT
from counter.service.local import serve
from counter.service.outage import PENDING
from counter.service.outage_desk import on_store
from counter.service.remote import Remote, SessionEnded
from counter.service.requests import Nothing
from counter.sync.outage import PendingCases
from counter.ui.door.hall_desk import HallService
from counter.ui.door.outage_mode import OutageMode
from counter.ui.door.server_words import OUTAGE_ENTER, OUTAGE_LINE, SIGNIN_DESK_UNKNOWN
from counter.ui.intake import IntakePanel
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.signin.controller import SignInController
from counter.ui.start.hall_start import open_hall_window
from tests.conftest import made_database
from tests.db.tls_server import SERVER_CERT, SERVER_KEY, make_authority, write_server_certificate
from tests.pg_server import free_port
from tests.server.hall_server import _wait_listening, add_desk
from tests.ui.intake.helpers import ready
from tests.ui.runners import answer_of

pytestmark = pytest.mark.program

PASSWORD = "Xam01desk2026"
RESET = "Xam01desk2027"  # wulan's password as the administrator resets it
BUNDLE = "XAM-YJS-008"  # 我要开小餐馆（50平方米以下）
#: the desk's retries of a request whose answer did not come: short, so that a stopped server is said at once
QUICK_RETRIES = (0.1, 0.2)


@dataclass
class Hall:
    """The server's process, stopped and started again on the same port, and what a desk's set-up is given."""

    url: str
    folder: Path
    port: int
    ca_file: Path
    desk_key: str
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    made: list[Remote] = field(default_factory=list)

    @property
    def root(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> None:
        tls = self.folder / "tls"
        args = ["serve", "--db", self.url, "--cert", str(tls / SERVER_CERT), "--key", str(tls / SERVER_KEY)]
        log = self.folder / "server.log"
        with log.open("a") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "counter", *args, "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=self.env,
            )
        _wait_listening(self.process, self.port, log)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None

    def remote(self, ca_file: Path | None = None) -> Remote:
        remote = Remote(self.root, ca_file or self.ca_file, retry_waits_s=QUICK_RETRIES)
        self.made.append(remote)
        return remote

    def cases(self) -> int:
        engine = make_engine(self.url)
        try:
            with make_sessions(engine)() as session:
                return int(session.scalar(select(func.count()).select_from(models.Case)) or 0)
        finally:
            engine.dispose()


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[Hall]:
    """A hall with an administrator and the clerk wulan, its server answering, desk 8 set up to reach it."""
    folder = tmp_path / "hall"
    (folder / "tls").mkdir(parents=True)
    url = made_database(folder / "hall.sqlite3")
    service = serve(url)
    admin = Actor("admin", "管理员", frozenset({Role.ADMIN}))
    first = NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)
    assert service.call(ADD_ACCOUNT, first, Desk(DeskIdentity("XAM01", "1"), "管理员")) == ()
    for login, name in (("wulan", "乌兰"), ("sarula", "萨如拉")):
        clerk = NewAccount(login, name, frozenset({Role.CLERK}), PASSWORD)
        assert service.call(ADD_ACCOUNT, clerk, Desk(DeskIdentity("XAM01", "1"), "管理员", admin)) == ()
    service.close()
    env = dict(os.environ)  # the server's own home: nothing of the desk's
    env.update(COUNTER_HOME=str(folder / "server-home"), COUNTER_STATE=str(folder / "server-state"))
    authority = make_authority("兴安盟政务服务中心 CA")
    write_server_certificate(authority, folder / "tls", "localhost")
    ca_file = authority.write(folder / "hall-ca.crt")
    key = add_desk(url, "8", env)
    found = Hall(url, folder, free_port(), ca_file, key, env)
    found.start()
    # the desk's set-up, as the technician types it: the key from add-desk's output, never on the command line
    (folder / "desk-8.key").write_text(f"desk 8 registered; its key:\n{key}\n")
    assert command(["desk", "--desk", "8", "--clerk", "乌兰"]) == 0
    key_file = str(folder / "desk-8.key")
    assert command(["desk", "--server", found.root, "--ca", str(ca_file), "--desk-key-file", key_file]) == 0
    try:
        yield found
    finally:
        for remote in found.made:
            remote.close()
        found.stop()


def _window(qtbot: QtBot, hall: Hall, ca_file: Path | None = None) -> tuple[MainWindow, SignInController]:
    window, _ = open_hall_window(hall.remote(ca_file), begin_work=False)
    qtbot.addWidget(window)
    controller = window.sign_in
    assert controller is not None
    qtbot.addWidget(controller.window)
    return window, controller


def _type_in(controller: SignInController, login: str, password: str) -> None:
    window = controller.window
    if not window.login.isReadOnly():
        window.login.setText(login)
    window.password.setText(password)
    QTest.keyClick(window.password, Qt.Key.Key_Return)


def _signed_in(qtbot: QtBot, controller: SignInController, login: str = "wulan") -> None:
    with qtbot.waitSignal(controller.signed_in, timeout=30_000):  # the server hashes at the program's cost
        _type_in(controller, login, PASSWORD)


def _intake(qtbot: QtBot, window: MainWindow) -> IntakePanel:
    window.on_bundle_chosen(BUNDLE)
    window.desk_actions.start_intake(window.current_bundle)
    panel = window.desk_actions.intake
    assert panel is not None
    panel.reconnector.timer.setInterval(200)
    ready(qtbot, panel)
    return panel


def test_the_desk_is_set_up_with_its_key_in_a_file_of_its_own(hall: Hall) -> None:
    config = load_desk_config()
    assert (config.server, config.server_ca, config.desk_no) == (hall.root, str(hall.ca_file), "8")
    assert read_desk_key() == hall.desk_key
    assert desk_key_path().stat().st_mode & 0o777 == 0o600
    assert hall.desk_key not in (desk_key_path().parent / "desk.json").read_text()


def test_a_window_on_the_server_signs_in_takes_an_intake_and_is_refused_after_the_lock(
    qtbot: QtBot, hall: Hall
) -> None:
    window, controller = _window(qtbot, hall)
    assert controller.window.isVisible()
    _type_in(controller, "wulan", "wrong-password-1")  # counted at the server, answered as an unknown login
    assert controller.window.problem.text() == "登录名或密码不正确。"
    _signed_in(qtbot, controller)
    assert window.isVisible()
    assert window.catalog_label.text() != "事项目录：0 项一件事"  # the index read from the server at sign-in
    window.search_panel.box.setText("xcg")
    assert "XAM-YJS-008" in window.search_panel.hits()

    panel = _intake(qtbot, window)
    with qtbot.waitSignal(panel.case_taken, timeout=30_000):
        QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    assert hall.cases() == 1

    remote = window.runner.service.remote  # type: ignore[attr-defined]
    token, key = remote._token, remote._desk_key
    controller.lock()  # Ctrl+L: the session ends at the server
    assert controller.window.isVisible()
    assert not window.isVisible()
    stolen = hall.remote()  # the token kept after the lock, shown by anyone with the desk's key
    stolen._token, stolen._desk_key = token, key
    with pytest.raises(SessionEnded) as ended:
        stolen.call(ADD_ACCOUNT, NewAccount("x1", "某某", frozenset({Role.CLERK}), PASSWORD))
    assert ended.value.reason == "signed_out"

    with qtbot.waitSignal(controller.unlocked, timeout=30_000):  # unlocking signs the same account in again
        _type_in(controller, "wulan", PASSWORD)
    assert window.isVisible()


def test_an_account_disabled_meanwhile_brings_the_sign_in_back_with_the_work_kept(qtbot: QtBot, hall: Hall) -> None:
    window, controller = _window(qtbot, hall)
    _signed_in(qtbot, controller)
    panel = _intake(qtbot, window)
    request = panel.request()
    admin = hall.remote()
    assert admin.sign_in("admin", PASSWORD, "8", hall.desk_key).result.signed_in
    assert admin.call(DISABLE_ACCOUNT, AccountLogin("wulan")) == ()

    with qtbot.waitSignal(controller.locked, timeout=30_000):
        QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    assert controller.window.isVisible()
    assert not panel.isVisible()
    assert not window.isVisible()
    assert "账号已被管理员停用" in controller.window.hint.text()
    assert panel.request() == request
    assert hall.cases() == 0

    QTest.mouseClick(controller.window.switch_button, Qt.MouseButton.LeftButton)  # 换人登录
    assert not controller.window.login.isReadOnly()
    _signed_in(qtbot, controller, "sarula")  # her session keeps the intake left open as the desk's draft
    assert window.desk_actions.intake is None
    (kept,) = answer_of(window.runner, CHECK_DRAFT, Nothing()).drafts
    assert kept.draft is not None
    assert kept.draft.applicant.name == "张海军"


def test_the_server_away_mid_intake_keeps_it_and_it_commits_once_when_back(qtbot: QtBot, hall: Hall) -> None:
    window, controller = _window(qtbot, hall)
    _signed_in(qtbot, controller)
    panel = _intake(qtbot, window)
    request = panel.request()

    hall.stop()
    with qtbot.waitSignal(panel.reconnector.attempted, timeout=30_000):
        QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    shown = panel.message.text()
    assert "与大厅服务器的连接中断，本次受理尚未保存" in shown
    assert "正在重试" in shown
    assert "127.0.0.1" not in shown
    assert str(hall.port) not in shown
    assert not panel.finished
    assert not panel.commit_button.isEnabled()
    assert panel.request() == request  # the same intake, its identity kept for the retry

    with qtbot.waitSignal(panel.case_taken, timeout=60_000):
        hall.start()
    assert panel.finished
    assert hall.cases() == 1


def test_a_server_whose_certificate_another_ca_signed_is_refused_before_anything_is_sent(
    qtbot: QtBot, hall: Hall
) -> None:
    other = make_authority("某公共 CA").write(hall.folder / "other-ca.crt")
    window, controller = _window(qtbot, hall, other)
    _type_in(controller, "wulan", "wrong-password-1")
    assert "证书不是本中心签发" in controller.window.problem.text()
    assert controller.actor is None
    assert not window.isVisible()
    # nothing reached the server: the wrong password was not counted there
    _, trusted = _window(qtbot, hall)
    _type_in(trusted, "wulan", "wrong-password-1")
    assert trusted.window.problem.text() == "登录名或密码不正确。"


def test_a_desk_whose_key_the_server_does_not_know_is_told_so(qtbot: QtBot, hall: Hall) -> None:
    """Desk 8 set up with another key (a key typed from an older add-desk, the hall's database restored): the clerk
    reads that the desk is unknown to the server, not that the password is wrong, and the desk stays closed."""
    keep_desk_key("Zk3q8V1rX0bP2mW5nT7yH4cJ6dL9sA1eF3gQ5uR7tY0")
    window, controller = _window(qtbot, hall)
    _type_in(controller, "wulan", PASSWORD)
    assert controller.window.problem.text() == SIGNIN_DESK_UNKNOWN
    assert controller.actor is None
    assert not window.isVisible()
    assert controller.window.password.text() == ""


def test_the_server_away_offers_outage_mode_and_the_intake_goes_to_the_hall_once_back(qtbot: QtBot, hall: Hall) -> None:
    window, controller = _window(qtbot, hall)
    mode = window.findChild(OutageMode)
    assert mode is not None
    with qtbot.waitSignal(mode.prepared, timeout=60_000):  # the store made from the hall's copy at the sign-in
        _signed_in(qtbot, controller)
    assert not mode.line.isVisible()
    panel = _intake(qtbot, window)

    hall.stop()
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mode.offer_box is not None and mode.offer_box.isVisible(), timeout=30_000)
    assert not mode.active  # offered, never imposed
    box = mode.offer_box
    assert box is not None
    assert "断网应急" in box.text()
    (enter,) = [b for b in box.buttons() if b.text() == OUTAGE_ENTER]
    with qtbot.waitSignal(panel.case_taken, timeout=30_000):  # the intake that waited commits to the store
        QTest.mouseClick(enter, Qt.MouseButton.LeftButton)
    assert mode.active
    assert mode.line.isVisible()
    assert mode.line.text() == OUTAGE_LINE
    service = window.runner.service
    assert isinstance(service, HallService)
    assert service.outage is not None
    kept = service.outage.store.call(PENDING, PendingCases(), on_store(window.desk_actions.desk()))
    assert kept.last.endswith("-08-8001")
    assert hall.cases() == 0

    mode.probe.setInterval(200)
    hall.start()
    qtbot.waitUntil(lambda: not mode.active, timeout=60_000)
    assert not mode.line.isVisible()
    assert "已录入大厅系统" in window.statusBar().currentMessage()
    assert hall.cases() == 1


def test_a_session_that_ended_during_the_outage_hands_over_once_the_clerk_is_back(qtbot: QtBot, hall: Hall) -> None:
    """Back after its session lapsed (30 minutes without a request, or its password reset meanwhile): the sign-in
    comes back, outage mode ends, and the store's case goes to the hall once the clerk typed the password."""
    window, controller = _window(qtbot, hall)
    mode = window.findChild(OutageMode)
    assert mode is not None
    with qtbot.waitSignal(mode.prepared, timeout=60_000):
        _signed_in(qtbot, controller)
    panel = _intake(qtbot, window)
    hall.stop()
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mode.offer_box is not None and mode.offer_box.isVisible(), timeout=30_000)
    assert mode.offer_box is not None
    (enter,) = [b for b in mode.offer_box.buttons() if b.text() == OUTAGE_ENTER]
    with qtbot.waitSignal(panel.case_taken, timeout=30_000):
        QTest.mouseClick(enter, Qt.MouseButton.LeftButton)

    hall.start()
    admin = hall.remote()
    assert admin.sign_in("admin", PASSWORD, "8", hall.desk_key).result.signed_in
    assert admin.call(SET_PASSWORD, NewPassword("wulan", RESET)) == ()  # every session of wulan's ends
    mode.probe.setInterval(200)
    with qtbot.waitSignal(controller.locked, timeout=60_000):
        pass
    assert not mode.active
    assert not mode.line.isVisible()
    assert hall.cases() == 0
    with qtbot.waitSignal(mode.handed, timeout=60_000):
        _type_in(controller, "wulan", RESET)
    assert hall.cases() == 1
