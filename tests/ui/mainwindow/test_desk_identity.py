"""A desk named in the window, and a township that is itself: the red status line, F5 refused, F8's 本窗口.

A new desk has no clerk: F5 says so instead of opening an intake, and the status bar says so in red until F8's
本窗口 names one.  A township whose 单位信息 is still the league hall's is told so in red until the township's own
is saved.  A training desk works out of the box, with a trainee.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from counter.access.roles import Actor, Role
from counter.actions.admin.site import init_site
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import TRAINING_CLERK, DeskConfig, config_path, load_desk_config, save_desk_config
from counter.service.admin import CHANGE_DESK
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.sync.sites import SiteKind
from counter.ui.door.runner import Runner
from counter.ui.intake import IntakePanel
from counter.ui.mainwindow.desk_identity import IdentityLabel
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.pad.supervisor_window import SupervisorWindow
from counter.ui.pad.words import DESK_DB_FAILED
from counter.words.database import fault_text
from tests.ui.conftest import start_window
from tests.ui.failing import LOCKED, failing
from tests.ui.shown_text import as_read

TODAY = dt.date(2026, 11, 20)


def open_bundle(window: MainWindow, query: str) -> None:
    QTest.keyClicks(window.search_panel.box, query)
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)


def shown_messages(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


@pytest.mark.slow
def test_f5_at_a_desk_without_a_clerk_says_so_and_f8_names_one(qtbot: QtBot, db: Store, catalog_dir: Path) -> None:
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    window.start_pad()
    assert window.desk_actions.pad is not None
    qtbot.addWidget(window.desk_actions.pad.pad)
    line = window.desk_actions.identity_label()
    assert line.isVisible()
    assert line.text() == "未设工作人员姓名，不能受理：按 F8 在“本窗口”中设置"
    assert "设置之前不能受理" in line.toolTip()
    assert "#b42318" in line.styleSheet()  # red
    open_bundle(window, "xcg")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert window.desk_actions.intake is None
    assert any("本窗口还没有设置工作人员姓名，不能受理" in text for text in shown_messages(window))

    QTest.keyClick(window, Qt.Key.Key_F8)
    supervisor = window.desk_actions.supervisor
    assert isinstance(supervisor, SupervisorWindow)
    qtbot.addWidget(supervisor)
    form = supervisor.desk_form
    supervisor.setCurrentWidget(form)
    form.clerk.setText("其木格")  # hanzi come from the input method
    form.desk_no.selectAll()
    QTest.keyClicks(form.desk_no, "3")
    QTest.keyClick(form.desk_no, Qt.Key.Key_Return)
    assert form.message.text().startswith("本窗口设置已保存")
    assert (load_desk_config().clerk, load_desk_config().desk_no) == ("其木格", "3")
    assert line.isHidden()
    assert as_read(window.desk_actions.pad.pad.idle_card.clerk.text()) == "工作人员：其木格"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert isinstance(panel, IntakePanel)
    qtbot.addWidget(panel)
    assert window.desk_actions.desk().identity == DeskIdentity("XAM01", "3")


def test_a_training_desk_takes_intakes_out_of_the_box(qtbot: QtBot, db: Store, catalog_dir: Path) -> None:
    window = start_window(qtbot, MainWindow(InProcess(db, clock=Clock(TODAY)), catalog_dir))
    assert window.desk_actions.desk().clerk == TRAINING_CLERK
    open_bundle(window, "xcg")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert isinstance(panel, IntakePanel)
    qtbot.addWidget(panel)
    assert not config_path().exists()  # nothing written into the live desk's settings


def test_the_desk_page_keeps_a_copy_of_the_photo_and_refuses_what_is_no_picture(
    qtbot: QtBot, runner: Runner, tmp_path: Path
) -> None:
    save_desk_config(DeskConfig(clerk="其木格"))
    supervisor = SupervisorWindow(runner, "其木格")
    qtbot.addWidget(supervisor)
    supervisor.refresh()
    form = supervisor.desk_form
    not_a_picture = tmp_path / "photo.png"
    not_a_picture.write_text("not a picture", encoding="utf-8")
    form.choose_photo(not_a_picture)
    assert "不是能显示的图片" in form.message.text()
    assert form.photo_path == ""
    picture = tmp_path / "stick" / "qimuge.png"
    picture.parent.mkdir()
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    assert image.save(str(picture))
    form.choose_photo(picture)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    kept = Path(load_desk_config().photo)
    assert kept.parent == config_path().parent  # in the data folder, not on the stick
    picture.unlink()
    assert kept.is_file()


def test_where_accounts_exist_a_clerk_has_no_desk_page(qtbot: QtBot, runner: Runner) -> None:
    clerk = desk_at(load_desk_config(), Actor("wulan", "乌兰", frozenset({Role.CLERK, Role.SUPERVISOR})))
    supervisor = SupervisorWindow(runner, "乌兰", desk=clerk)
    qtbot.addWidget(supervisor)
    titles = [supervisor.tabText(i) for i in range(supervisor.count())]
    assert "本窗口" not in titles
    admin = desk_at(load_desk_config(), Actor("batu", "巴图", frozenset({Role.ADMIN})))
    supervisor = SupervisorWindow(runner, "巴图", desk=admin)
    qtbot.addWidget(supervisor)
    assert "本窗口" in [supervisor.tabText(i) for i in range(supervisor.count())]


def test_a_township_is_told_in_red_until_its_office_is_its_own(qtbot: QtBot, db: Store, catalog_dir: Path) -> None:
    save_desk_config(DeskConfig(site_code="ARS01", site_name="明水河镇便民服务中心", clerk="其木格"))
    with db.sessions().begin() as session:
        init_site(session, "ARS01", "明水河镇便民服务中心", SiteKind.TOWNSHIP, desk=desk_at(load_desk_config()),
                  key_path=config_path().parent / "k.pem")  # fmt: skip
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    window.start_pad()
    assert window.desk_actions.pad is not None
    qtbot.addWidget(window.desk_actions.pad.pad)
    line = window.desk_actions.identity_label()
    assert line.isVisible()
    # the office is named by its site unless named otherwise: its seal, address, phone and 复议 body are the hall's
    assert line.text() == "单位信息的印章、地址、电话、复议机关仍是大厅的：按 F8 改"
    assert "申请人会被指到大厅" in line.toolTip()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F8)
    supervisor = window.desk_actions.supervisor
    assert isinstance(supervisor, SupervisorWindow)
    qtbot.addWidget(supervisor)
    office = supervisor.office
    assert office.fields["office_name"].text() == "明水河镇便民服务中心"  # the site's, as the line said
    office.fields["seal_caption"].setText("明水河镇人民政府便民服务专用章")
    office.fields["address"].setText("明水河镇政府院内一楼")
    QTest.mouseClick(office.save_button, Qt.MouseButton.LeftButton)
    assert line.text() == "单位信息的电话、复议机关仍是大厅的：按 F8 改"  # the phone and 复议 body still the hall's
    office.fields["consult_phone"].setText("0482-5123456")
    office.fields["review_body"].setText("科尔沁右翼前旗人民政府")
    QTest.mouseClick(office.save_button, Qt.MouseButton.LeftButton)
    assert line.isHidden()


def test_a_hall_is_never_told_its_office_is_the_halls(qtbot: QtBot, runner: Runner) -> None:
    line = IdentityLabel()
    qtbot.addWidget(line)
    line.refresh(runner, desk_at(DeskConfig(clerk="乌兰")))  # no site stored yet: the stand-in is a hall
    assert line.isHidden()


def test_a_desk_page_the_database_cannot_save_says_so_and_keeps_what_was_typed(qtbot: QtBot, runner: Runner) -> None:
    save_desk_config(DeskConfig(clerk="其木格"))
    supervisor = SupervisorWindow(runner, "其木格")
    qtbot.addWidget(supervisor)
    supervisor.refresh()
    form = supervisor.desk_form
    form.clerk.setText("乌兰")
    away = failing(runner, LOCKED, CHANGE_DESK)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert away.asked == [CHANGE_DESK.name]
    assert form.message.text() == DESK_DB_FAILED.format(fault=fault_text("locked"))
    assert load_desk_config().clerk == "其木格"  # the desk still agrees with the trail
    assert form.clerk.text() == "乌兰"  # to save again
    away.mend()
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert load_desk_config().clerk == "乌兰"


def test_the_pad_names_the_clerk_who_signs_in_and_nobody_once_she_signs_out(
    qtbot: QtBot, db: Store, catalog_dir: Path
) -> None:
    """换人登录 with the pad on its screen: the applicant reads who serves now, never the clerk who left."""
    save_desk_config(DeskConfig(clerk="乌兰"))
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    window.start_pad()
    pad = window.desk_actions.pad
    assert pad is not None
    qtbot.addWidget(pad.pad)
    assert as_read(pad.pad.idle_card.clerk.text()) == "工作人员：乌兰"
    window.desk_actions.sign_in_as(Actor("chief01", "宝音", frozenset({Role.CLERK})), "1502")
    assert as_read(pad.pad.idle_card.clerk.text()) == "工作人员：宝音"
    window.desk_actions.sign_in_as(None, "")  # signed out: the desk's own name again
    assert as_read(pad.pad.idle_card.clerk.text()) == "工作人员：乌兰"
