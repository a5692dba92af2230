"""Setting a site up in the window (F10), its card, and the other side's card registered from a file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor, Permission, Role
from counter.actions.admin.site import peers, register_peer
from counter.actions.cases.documents import office_settings
from counter.actions.site.demo import run_demo
from counter.actions.site.site_setup import site_state
from counter.cli.main import main
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.host.database.database_faults import DbFault, StoreFault
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import DeskConfig, config_path, load_desk_config, save_desk_config
from counter.service.site import CARD, REGISTER_CARD
from counter.sync.keys import new_private_key, public_key_text
from counter.sync.sites import SiteKind, write_card_file
from counter.ui.look.geometry import screen_of
from counter.ui.mainwindow.desk_actions import DeskActions
from counter.ui.sync.site_form import SiteForm
from counter.ui.sync.sync_page import SyncPage
from counter.ui.sync.words import CARD_DB_FAILED, CARD_FILE_FAILED, SETUP_FILE_FAILED, SYNC_FAILED
from counter.words.access import refused_for
from counter.words.database import fault_text
from counter.words.files import file_fault
from tests.sync.sync_world import NOW, TODAY, Site, make_site, sqlite_copy
from tests.ui.failing import failing
from tests.ui.runners import runner_on

TOWNSHIP_NAME = "阿尔山市明水河镇便民服务中心"
#: the township's office as its administrator types it into the form
OFFICE = {
    "seal_caption": "阿尔山市明水河镇人民政府便民服务专用章",
    "address": "阿尔山市明水河镇政府院内一楼便民服务大厅",
    "hours": "星期一至星期五 08:00-12:00 14:00-17:00",
    "consult_phone": "0482-7123456",
    "complaint_phone": "12345",
    "review_body": "阿尔山市人民政府",
}


@pytest.fixture
def fresh(tmp_path: Path, migrated_db: Path) -> Iterator[sessionmaker[Session]]:
    """A database as the first start leaves it before the catalog: migrated, nothing else."""
    path = tmp_path / "counter.sqlite3"
    shutil.copyfile(migrated_db, path)
    engine = make_engine(f"sqlite:///{path}")
    yield make_sessions(engine)
    engine.dispose()


@pytest.fixture
def hall(tmp_path: Path, shipped_catalog_db: Path) -> Site:
    folder = tmp_path / "hall"
    folder.mkdir()
    return make_site(sqlite_copy(shipped_catalog_db, folder / "hall.sqlite3"), "XAM01", "兴安盟政务服务中心",
                     SiteKind.HALL, folder)  # fmt: skip


def guide_versions(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(models.GuideVersion)) or 0)


def open_f10(qtbot: QtBot, sessions: sessionmaker[Session]) -> tuple[DeskActions, SyncPage]:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = DeskActions(window, runner_on(sessions), lambda: TODAY)
    actions.open_sync()
    page = actions.sync_page
    assert page is not None
    return actions, page


def set_up(qtbot: QtBot, page: SyncPage, code: str, name: str, kind: SiteKind) -> None:
    """Fill the form at the keyboard and press Enter; wait until the page shows the site."""
    form = page.site_form
    QTest.keyClick(form.kind, Qt.Key.Key_Down)  # the list starts unchosen: Down picks the first kind
    if kind is SiteKind.TOWNSHIP:
        QTest.keyClick(form.kind, Qt.Key.Key_Down)
    form.code.clear()
    QTest.keyClicks(form.code, code)
    form.name.setText(name)  # hanzi come from the input method, not key by key
    fill_office_and_desk(form)
    QTest.keyClick(form.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.progress.isHidden() and not page.working, timeout=60_000)
    qtbot.waitUntil(lambda: not page.card_box.isHidden())


def fill_office_and_desk(form: SiteForm, clerk: str = "其其格") -> None:
    """The office's fields and, where the form left them empty, this desk's number and clerk."""
    for name, value in OFFICE.items():
        form.office[name].setText(value)
    if not form.desk_no.text():
        QTest.keyClicks(form.desk_no, "1")
    if form.clerk is not None and not form.clerk.text():
        form.clerk.setText(clerk)


def test_a_fresh_database_asks_to_be_set_up_instead_of_being_a_hall(qtbot: QtBot, fresh: sessionmaker[Session]) -> None:
    _, page = open_f10(qtbot, fresh)
    assert page.site_form.isVisible()
    assert not page.card_box.isVisible()
    assert not page.export_button.isVisible()
    assert not page.import_button.isVisible()
    assert "政务服务中心（XAM01" not in page.site.text()
    assert page.focusWidget() is page.site_form.kind  # the keyboard starts in the first field
    assert page.site_form.kind.currentIndex() == -1

    with qtbot.assertNotEmitted(page.site_form.submitted):  # nothing asked of the service
        QTest.keyClick(page.site_form.kind, Qt.Key.Key_Return)  # Enter on the untouched form
    shown = page.site_form.problems.text()
    assert "请选择站点类型" in shown
    assert "站点编码应为 2-12 位大写字母或数字" in shown
    assert "请填写站点名称" in shown
    assert "请填写单位的印章名称、地址、办理时间、咨询电话、投诉电话和行政复议机关" in shown
    assert "请填写本窗口工作人员的姓名" in shown
    assert load_desk_config().site_code == DeskConfig().site_code


@pytest.mark.slow
def test_setting_up_a_township_numbers_its_cases_as_the_townships_and_loads_the_catalog(
    qtbot: QtBot, fresh: sessionmaker[Session]
) -> None:
    save_desk_config(DeskConfig(desk_no="2", clerk="其其格"))
    actions, page = open_f10(qtbot, fresh)
    assert guide_versions(fresh) == 0
    set_up(qtbot, page, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    assert page.site.text() == f"本站点：{TOWNSHIP_NAME}（ARX01，苏木乡镇便民服务中心）"
    assert page.result.text().startswith(f"已设定本站点：{TOWNSHIP_NAME}（ARX01，苏木乡镇便民服务中心）")
    assert "已载入随程序提供的目录" in page.result.text()
    assert not page.site_form.isVisible()
    assert page.card_box.fingerprint.text().startswith("本站点公钥指纹：")
    assert (load_desk_config().site_code, load_desk_config().site_name) == ("ARX01", TOWNSHIP_NAME)
    with fresh() as session:
        office = office_settings(session, "ARX01")
    assert (office.office_name, office.address, office.hours) == (TOWNSHIP_NAME, OFFICE["address"], OFFICE["hours"])
    assert office.review_body == OFFICE["review_body"]  # asked by the form: the township prints from its first case
    assert guide_versions(fresh) > 100
    desk = actions.desk()
    assert (desk.identity.site_code, desk.identity.desk_no) == ("ARX01", "2")
    made = run_demo(fresh, desk, TODAY)  # takes intakes: needs the catalog
    assert made
    assert all(case.case_no.startswith("ARX01") for case in made)
    actions.open_sync()  # opened again: the sync page, no form
    assert not page.site_form.isVisible()
    assert page.pending.text().startswith(f"尚未送达大厅：{len({case.case_no for case in made})} 件")


@pytest.mark.slow
def test_the_card_exported_in_the_window_is_the_command_lines(
    qtbot: QtBot, fresh: sessionmaker[Session], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, page = open_f10(qtbot, fresh)
    set_up(qtbot, page, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    window_card = tmp_path / "window.json"
    page.card_box.export_to(window_card)
    assert page.card_box.message.text().startswith(f"已导出本站点名片：{window_card}")
    cli_card = tmp_path / "cli.json"
    url = fresh.kw["bind"].url.render_as_string(hide_password=False)
    assert main(["site", "card", "--out", str(cli_card), "--db", url]) == 0
    capsys.readouterr()
    assert window_card.read_bytes() == cli_card.read_bytes()
    card = json.loads(window_card.read_text(encoding="utf-8"))
    assert (card["code"], card["kind"]) == ("ARX01", "township")
    assert card["fingerprint"] in page.card_box.fingerprint.text()


NOT_PERMITTED = NotPermitted(Permission.CHANGE_SETTINGS, signed_in=True)


@pytest.mark.parametrize(
    ("raised", "said"),
    [
        (StoreFault(DbFault.LOCKED, "lock timeout"), CARD_DB_FAILED.format(fault=fault_text("locked"))),
        (NOT_PERMITTED, refused_for(NOT_PERMITTED)),
    ],
    ids=["database", "role"],
)
@pytest.mark.slow
def test_a_card_the_database_or_the_role_refused_is_said_and_nothing_registered(
    qtbot: QtBot,
    fresh: sessionmaker[Session],
    hall: Site,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    raised: Exception,
    said: str,
) -> None:
    _, page = open_f10(qtbot, fresh)
    set_up(qtbot, page, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    box = page.card_box
    hall_card = tmp_path / "hall.json"
    write_card_file(hall_card, hall.identity)
    box.read_card(hall_card)
    service = box._runner.service
    call = service.call

    def refusing(operation: object, *args: object, **kwargs: object) -> object:
        if operation is REGISTER_CARD:
            raise raised
        return call(operation, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "call", refusing)
    QTest.keyClicks(box.given, hall.identity.fingerprint.upper().replace(" ", ""))
    QTest.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)
    assert box.message.text() == said
    with fresh() as session:
        assert peers(session) == []


@pytest.mark.slow
def test_a_hall_card_is_registered_after_the_check_and_a_tampered_one_refused(
    qtbot: QtBot, fresh: sessionmaker[Session], hall: Site, tmp_path: Path
) -> None:
    _, page = open_f10(qtbot, fresh)
    set_up(qtbot, page, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    box = page.card_box
    assert box.register_button.isVisible()
    hall_card = tmp_path / "hall.json"
    write_card_file(hall_card, hall.identity)

    tampered = tmp_path / "tampered.json"
    changed = json.loads(hall_card.read_text(encoding="utf-8"))
    changed["public_key"] = public_key_text(new_private_key())  # the key swapped on the way, the fingerprint kept
    tampered.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    box.read_card(tampered)
    assert box.check.isHidden()
    assert box.message.text().startswith(f"未登记：站点名片 {tampered} 有以下问题：")
    assert "名片上的指纹与其中的公钥不符" in box.message.text()

    box.read_card(hall_card)
    assert box.check.isVisible()
    assert hall.identity.fingerprint in box.check_text.text()
    assert "兴安盟政务服务中心（XAM01，政务服务中心）" in box.check_text.text()
    assert page.focusWidget() is box.confirm_button
    QTest.keyClicks(box.given, "0000 0000 0000 0000")  # a fingerprint read out that is not the card's
    QTest.keyClick(box.given, Qt.Key.Key_Return)
    assert "不符" in box.message.text()
    with fresh() as session:
        assert peers(session) == []  # neither the tampered card nor the one read out wrongly
    box.given.clear()
    QTest.keyClicks(box.given, hall.identity.fingerprint.upper().replace(" ", ""))
    QTest.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)
    assert box.message.text() == "已登记站点 XAM01，今后接受其签名的数据包。"
    with fresh() as session:
        registered = {p.code: p.public_key for p in peers(session)}
    assert registered["XAM01"] == hall.identity.public_key
    assert "兴安盟政务服务中心（XAM01" in box.peers.text()
    assert page.export_button.isEnabled()  # a township with its hall registered can send


def test_the_form_names_each_empty_part_of_the_office_and_goes_to_the_first(
    qtbot: QtBot, fresh: sessionmaker[Session]
) -> None:
    _, page = open_f10(qtbot, fresh)
    form = page.site_form
    QTest.keyClick(form.kind, Qt.Key.Key_Down)
    QTest.keyClicks(form.code, "ARX01")
    form.name.setText(TOWNSHIP_NAME)
    fill_office_and_desk(form)
    form.office["hours"].clear()
    form.desk_no.setText("12a")
    with qtbot.assertNotEmitted(page.site_form.submitted):
        QTest.keyClick(form.name, Qt.Key.Key_Return)
    assert "请填写单位的印章名称、地址、办理时间" in form.problems.text()
    assert "窗口号应为1至9999的整数，不以0开头" in form.problems.text()
    assert page.focusWidget() is form.office["hours"]


@pytest.mark.parametrize(("typed", "kept"), [("0", ""), ("08", "8"), ("12a", "12"), ("10000", "1000"), ("907", "907")])
def test_the_desk_number_takes_at_the_keyboard_only_what_the_set_up_takes(qtbot: QtBot, typed: str, kept: str) -> None:
    """A leading zero or a letter is not taken as it is typed, rather than refused at the submit."""
    form = SiteForm()
    qtbot.addWidget(form)
    QTest.keyClicks(form.desk_no, typed)
    assert form.desk_no.text() == kept


def test_where_accounts_exist_the_form_asks_no_clerk(qtbot: QtBot, fresh: sessionmaker[Session]) -> None:
    """The account signed in is the clerk on every paper: the desk's own name would never be printed."""
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = DeskActions(window, runner_on(fresh), lambda: TODAY)
    actions.sign_in_as(Actor("admin", "王芳", frozenset({Role.ADMIN})), "")
    actions.open_sync()
    page = actions.sync_page
    assert page is not None
    assert page.site_form.isVisible()
    assert page.site_form.clerk is None
    assert page.site_form.desk_no.isVisible()


@pytest.mark.slow
def test_a_clerk_is_told_to_fetch_an_administrator(qtbot: QtBot, fresh: sessionmaker[Session]) -> None:
    with fresh.begin() as session:
        session.add(models.Account(login="wulan", name="乌兰", roles="clerk", password_hash="x"))
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = DeskActions(window, runner_on(fresh), lambda: TODAY)
    actions.sign_in_as(Actor("wulan", "乌兰", frozenset({Role.CLERK})), "")
    actions.open_sync()
    page = actions.sync_page
    assert page is not None
    assert page.setup_needed.isVisible()
    assert "请系统管理员登录后按 F10 设定" in page.setup_needed.text()
    assert not page.site_form.isVisible()
    assert not page.import_button.isVisible()


def test_the_page_fits_a_1024_by_768_screen(qtbot: QtBot, fresh: sessionmaker[Session], hall: Site) -> None:
    """Nothing is cut off at the right: what does not fit scrolls down, never sideways."""
    _, page = open_f10(qtbot, fresh)
    assert screen_of(page).availableGeometry().contains(page.frameGeometry())
    page.resize(1000, 680)  # a window on a 1024×768 screen, its frame and the panel left over
    qtbot.waitUntil(lambda: page.scroll_area.viewport().width() > 900)
    assert page.scroll_area.horizontalScrollBar().maximum() == 0
    long_name = "科尔沁右翼前旗额尔格图镇便民服务中心与乌兰浩特市和平街道便民服务中心联合窗口" * 2
    hall_page = SyncPage(runner_on(hall.sessions), hall.desk, clock=lambda: NOW)
    qtbot.addWidget(hall_page)
    with hall.sessions.begin() as session:
        register_peer(session, "ARX01", long_name, SiteKind.TOWNSHIP, public_key_text(new_private_key()),
                      desk=hall.desk)  # fmt: skip
    hall_page.refresh()
    hall_page.resize(1000, 680)
    hall_page.show()
    qtbot.waitUntil(lambda: hall_page.scroll_area.viewport().width() > 900)
    assert hall_page.card_box.isVisible()
    assert hall_page.scroll_area.horizontalScrollBar().maximum() == 0
    assert hall_page.minimumSizeHint().width() <= 1000


@pytest.mark.slow
def test_the_desk_acts_under_the_new_code_after_set_up(qtbot: QtBot, fresh: sessionmaker[Session]) -> None:
    actions, page = open_f10(qtbot, fresh)
    before = desk_at(load_desk_config())
    assert before.identity.site_code == "XAM01"
    set_up(qtbot, page, "XAM02", "兴安盟政务服务中心二部", SiteKind.HALL)
    assert actions.desk().identity.site_code == "XAM02"
    assert page.to_site.isVisible()  # a hall chooses the township it writes for
    assert page._default_name().startswith("XAM02-")


@pytest.mark.slow
def test_a_set_up_with_the_pad_and_supervision_open_shows_the_new_site_on_the_pad(
    qtbot: QtBot, fresh: sessionmaker[Session]
) -> None:
    """The pad the applicant looks at names the township at once; the supervision window, whose office settings were
    the old site's, is closed rather than left saving them under the old code."""
    actions, page = open_f10(qtbot, fresh)
    pad = actions.start_pad()
    qtbot.addWidget(pad.pad)
    actions.open_supervision()
    old_supervision = actions.supervisor
    assert old_supervision is not None
    qtbot.addWidget(old_supervision)
    assert old_supervision.isVisible()
    assert TOWNSHIP_NAME not in pad.pad.welcome.text()
    page.site_form.desk_no.clear()
    QTest.keyClicks(page.site_form.desk_no, "7")
    set_up(qtbot, page, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    assert TOWNSHIP_NAME in pad.pad.welcome.text()  # the idle page's greeting names the office, its line the desk
    assert "7号窗口" in pad.pad.idle_desk.text()
    assert actions.supervisor is None
    assert not old_supervision.isVisible()
    actions.open_supervision()  # F8 again: under the township's code
    assert actions.supervisor is not None
    qtbot.addWidget(actions.supervisor)
    assert actions.supervisor is not old_supervision


def test_a_set_up_that_cannot_write_the_desk_says_so_and_keeps_the_form(
    qtbot: QtBot, fresh: sessionmaker[Session], caplog: pytest.LogCaptureFixture
) -> None:
    """The clerk reads what went wrong, in words; the log, which file (a clerk's message never shows a path)."""
    import errno

    config_path().mkdir(parents=True)  # a folder where the desk's settings file belongs
    _, page = open_f10(qtbot, fresh)
    form = page.site_form
    QTest.keyClick(form.kind, Qt.Key.Key_Down)
    QTest.keyClicks(form.code, "ARX01")
    form.name.setText(TOWNSHIP_NAME)
    fill_office_and_desk(form)
    QTest.keyClick(form.code, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: page.progress.isHidden() and not page.working, timeout=60_000)
    assert str(config_path()) not in page.result.text()
    fault = file_fault(OSError(errno.EISDIR, "Is a directory"))
    assert page.result.text() == SYNC_FAILED.format(reason=SETUP_FILE_FAILED.format(fault=fault))
    assert page.result.text().endswith("本站点的设定没有任何改动")
    assert str(config_path()) in caplog.text
    assert form.isVisible()
    assert (form.code.text(), form.name.text(), form.chosen_kind()) == ("ARX01", TOWNSHIP_NAME, SiteKind.HALL)
    assert form.submit_button.isEnabled()
    with fresh() as session:
        assert peers(session) == []
        assert site_state(session).identity is None


def test_at_the_start_a_site_nobody_set_up_shows_its_set_up_form(qtbot: QtBot, fresh: sessionmaker[Session]) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = DeskActions(window, runner_on(fresh), lambda: TODAY)
    actions.offer_site_set_up()
    page = actions.sync_page
    assert page is not None
    assert page.isVisible()
    assert page.site_form.isVisible()
    assert page.focusWidget() is page.site_form.kind


@pytest.mark.slow
def test_at_the_start_a_site_already_set_up_opens_nothing(qtbot: QtBot, fresh: sessionmaker[Session]) -> None:
    main(["site", "init", "--code", "ARX01", "--name", TOWNSHIP_NAME, "--kind", "township",
          "--db", str(fresh.kw["bind"].url)])  # fmt: skip
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = DeskActions(window, runner_on(fresh), lambda: TODAY)
    actions.offer_site_set_up()
    assert actions.sync_page is None


FIRST_START = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["counter"])
from counter.ui.start.app import run
from counter.ui.sync.site_form import SiteForm
from counter.ui.sync.sync_page import SyncPage

def look():
    pages = [w for w in app.topLevelWidgets() if isinstance(w, SyncPage) and w.isVisible()]
    if pages:
        print("form" if pages[0].site_form.isVisible() else "page", flush=True)
        app.exit(0)

watch = QTimer()
watch.timeout.connect(look)
watch.start(50)
give_up = QTimer()
give_up.setSingleShot(True)
give_up.timeout.connect(lambda: app.exit(1))
give_up.start(30_000)
code = run(None, False, [])
sys.stdout.flush()
os._exit(code)  # as the desk's own entry ends after its window: no teardown of every Qt wrapper
"""


@pytest.mark.slow
def test_the_desks_first_start_brings_up_the_set_up_form(counter_home: Path) -> None:
    """The real start, on a fresh data folder: the form comes once the database is open, without F10.

    The run watches, on its event loop, for the sync page, and ends the moment it shows (or after 30 s, failing).
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_START], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["form"]


@pytest.mark.slow
def test_the_window_refuses_a_card_from_changed_stored_keys_and_says_so(
    qtbot: QtBot, fresh: sessionmaker[Session], tmp_path: Path
) -> None:
    """A desk user replaced the stored public key: the page shows the key files' fingerprint with the warning, and
    the card is refused with a message (the window does not fail); on a desk without the key files, refused too."""
    from counter.host.machine import paths
    from counter.sync.keys import encryption_key_path

    _, page = open_f10(qtbot, fresh)
    set_up(qtbot, page, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    real = page.card_box.fingerprint.text()
    with fresh.begin() as session:
        row = session.get(models.Setting, "site.public_key")
        assert row is not None
        row.value = public_key_text(new_private_key())
    page.refresh()
    assert page.card_box.fingerprint.text().startswith(real + "\n")
    assert "数据库中保存的本站点公钥与本机的密钥文件" in page.card_box.fingerprint.text()
    card = tmp_path / "card.json"
    page.card_box.export_to(card)
    assert page.card_box.message.text().startswith("名片未导出：数据库中保存的本站点公钥与本机的密钥文件")
    assert not card.exists()

    key = paths.site_key_path()
    for path in (key, encryption_key_path(key)):  # another desk: no key files
        path.unlink()
    page.refresh()
    assert "数据库中保存的本站点公钥" not in page.card_box.fingerprint.text()
    page.card_box.export_to(card)
    assert page.card_box.message.text().startswith("本机没有本站点的签名密钥文件")
    assert not card.exists()


@pytest.mark.slow
def test_a_card_that_cannot_be_made_written_or_read_is_said(
    qtbot: QtBot, fresh: sessionmaker[Session], tmp_path: Path
) -> None:
    """The site's card with the database away, to a folder taken for a file, from a file that is not there: each
    said on the card's line, in the clerk's words, and the next try goes on."""
    _, page = open_f10(qtbot, fresh)
    set_up(qtbot, page, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    box = page.card_box
    away = failing(box._runner, StoreFault(DbFault.LOCKED, "lock timeout"), CARD)
    box.export_to(tmp_path / "card.json")
    assert away.asked == [CARD.name]
    assert box.message.text() == fault_text("locked")
    assert not (tmp_path / "card.json").exists()
    away.mend()
    box.export_to(tmp_path)  # a folder, not a file
    assert box.message.text() == CARD_FILE_FAILED.format(fault=file_fault(IsADirectoryError(21, "")))
    box.read_card(tmp_path / "nobody.json")
    assert box.message.text() == CARD_FILE_FAILED.format(fault=file_fault(FileNotFoundError(2, "")))
    assert box.card is None
    assert not box.check.isVisible()
    box.export_to(tmp_path / "card.json")
    assert box.message.text().startswith(f"已导出本站点名片：{tmp_path / 'card.json'}")


def test_a_card_of_a_site_a_township_cannot_take_is_refused_with_its_reason(
    qtbot: QtBot, fresh: sessionmaker[Session], tmp_path: Path
) -> None:
    """A township's own card brought back to it (the stick mixed up): refused after the check, nothing registered."""
    _, page = open_f10(qtbot, fresh)
    set_up(qtbot, page, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    box = page.card_box
    own = tmp_path / "own.json"
    box.export_to(own)
    box.read_card(own)
    assert box.check.isVisible()
    QTest.mouseClick(box.confirm_button, Qt.MouseButton.LeftButton)
    assert box.message.text() == "ARX01 是本站点自己的编码，不能登记为对方站点"
    with fresh() as session:
        assert peers(session) == []


def test_a_card_the_administrator_cancels_is_not_registered(
    qtbot: QtBot, fresh: sessionmaker[Session], hall: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from counter.ui.sync.words import CARD_CANCELLED

    _, page = open_f10(qtbot, fresh)
    set_up(qtbot, page, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    box = page.card_box
    hall_card = tmp_path / "hall.json"
    write_card_file(hall_card, hall.identity)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(hall_card), ""))
    QTest.mouseClick(box.register_button, Qt.MouseButton.LeftButton)
    assert box.check.isVisible()
    QTest.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)
    assert box.check.isHidden()
    assert box.message.text() == CARD_CANCELLED
    assert box.card is None
    with fresh() as session:
        assert peers(session) == []


def test_the_cards_button_writes_the_card_where_the_administrator_picks(
    qtbot: QtBot, fresh: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from counter.sync.sites import read_card_file

    _, page = open_f10(qtbot, fresh)
    set_up(qtbot, page, "ARX01", TOWNSHIP_NAME, SiteKind.TOWNSHIP)
    box = page.card_box
    offered: list[str] = []
    picked = tmp_path / "stick" / "card.json"
    picked.parent.mkdir()

    def choose(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        offered.append(name)
        return str(picked), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    QTest.mouseClick(box.export_button, Qt.MouseButton.LeftButton)
    assert offered == ["ARX01-站点名片.json"]
    card, problems = read_card_file(picked)
    assert card is not None, problems
    assert card.code == "ARX01"
    assert box.message.text().startswith(f"已导出本站点名片：{picked}")
