"""The sync page and the pending line, on a township and a hall with their own keys and databases."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.site import init_site
from counter.actions.site.demo import run_demo
from counter.db import models
from counter.host.machine import paths
from counter.service.local import InProcess
from counter.service.sync import EXPORT_PACKAGE, READ_PENDING
from counter.sync import package as package_limits
from counter.sync.sites import SiteKind
from counter.ui.door.runner import Runner
from counter.ui.look.text_size import px
from counter.ui.sync.pending_label import PendingLabel
from counter.ui.sync.sync_page import COLUMN_MOST, SyncPage
from counter.ui.sync.words import SYNC_FAILED, SYNC_FILE_FAILED, SYNC_UNEXPECTED
from counter.words.files import file_fault
from counter.words.sync import package_rejected
from tests.sync.sync_world import NOW, TODAY, Site, introduce, make_site, sqlite_copy
from tests.ui.called_back import Holding, in_the_event_loop, when
from tests.ui.failing import LOCKED, failing
from tests.ui.runners import OpenedStore, runner_on


@pytest.fixture
def township(tmp_path: Path, shipped_catalog_db: Path) -> Site:
    """A township whose key is where the desk keeps it: the page signs with no path given."""
    from counter.access.desk import Desk
    from counter.case.numbers import DeskIdentity

    sessions = sqlite_copy(shipped_catalog_db, tmp_path / "township.sqlite3")
    desk = Desk(DeskIdentity("XAMT01", "1"), "其其格")
    with sessions.begin() as session:
        identity = init_site(session, "XAMT01", "和平街道便民服务中心", SiteKind.TOWNSHIP, desk=desk)
    return Site(identity, sessions, desk, paths.site_key_path())


@pytest.fixture
def hall(tmp_path: Path, shipped_catalog_db: Path, township: Site) -> Site:
    folder = tmp_path / "hall"
    folder.mkdir()
    sessions = sqlite_copy(shipped_catalog_db, folder / "hall.sqlite3")
    site = make_site(sessions, "XAM01", "兴安盟政务服务中心", SiteKind.HALL, folder)
    introduce(township, site)
    return site


def carry_keys_to_this_machine(site: Site) -> None:
    """The site's key files where the desk keeps them: the page signs and opens packages with no path given."""
    from counter.sync.keys import encryption_key_path

    for made, kept in (
        (site.key_path, paths.site_key_path()),
        (encryption_key_path(site.key_path), encryption_key_path(paths.site_key_path())),
    ):
        kept.unlink()
        shutil.copy2(made, kept)


def cases(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(models.Case)) or 0)


def page_of(qtbot: QtBot, site: Site) -> SyncPage:
    page = SyncPage(runner_on(site.sessions), site.desk, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    return page


def finish(qtbot: QtBot, page: SyncPage) -> None:
    """Wait until the page has taken in its operation's answer: its last step hides the progress bar."""
    qtbot.waitUntil(lambda: not page.working and page.progress.isHidden(), timeout=60_000)


@pytest.mark.slow
def test_a_township_sends_its_cases_and_the_hall_takes_them_once(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path
) -> None:
    run_demo(township.sessions, township.desk, TODAY)
    sent = page_of(qtbot, township)
    assert sent.site.text() == "本站点：和平街道便民服务中心（XAMT01，苏木乡镇便民服务中心）"
    assert sent.pending.text().startswith("尚未送达大厅：6 件")
    assert not sent.to_site.isVisible()  # a township sends to its one hall
    package = tmp_path / "stick" / "XAMT01.sync"
    package.parent.mkdir()
    sent.export_to(package)
    finish(qtbot, sent)
    assert sent.result.text().startswith("已导出第 1 号数据包")
    assert package.is_file()
    assert not package.with_name("XAMT01.sync.part").exists()

    carry_keys_to_this_machine(hall)  # the stick goes to the hall's machine, where the hall's keys are
    taken = page_of(qtbot, hall)
    assert taken.to_site.isVisible()
    assert taken.to_site.currentData() == "XAMT01"
    assert taken.import_from(package)
    finish(qtbot, taken)
    assert taken.result.text().startswith("已导入 XAMT01 的第 1 号数据包：新增或更新 6 条")
    assert taken.review_empty.isVisible()
    assert cases(hall.sessions) == cases(township.sessions) == 6
    assert taken.review_empty.isVisible()
    assert taken.import_from(package)
    finish(qtbot, taken)
    assert taken.result.text() == "XAMT01 的第 1 号数据包此前已导入，本次没有任何改动。"
    assert cases(hall.sessions) == 6

    tampered = tmp_path / "tampered.sync"
    data = bytearray(package.read_bytes())
    data[-20] ^= 0xFF
    tampered.write_bytes(bytes(data))
    assert taken.import_from(tampered)
    finish(qtbot, taken)
    assert taken.result.text().startswith("没有完成：")
    assert taken.result.text().endswith("整个数据包未导入，本站点数据没有任何改动。")
    assert cases(hall.sessions) == 6


@pytest.mark.slow
def test_a_package_that_cannot_be_written_is_named_and_takes_no_number(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path
) -> None:
    """The export's files are written in its transaction: the file's fault crosses the service as data, is worded
    by the page as the system's error, and the next export still is the first."""
    import errno

    from counter.ui.sync import words
    from counter.words.files import file_fault

    run_demo(township.sessions, township.desk, TODAY)
    sent = page_of(qtbot, township)
    sent.export_to(tmp_path / "no-stick" / "XAMT01.sync")
    finish(qtbot, sent)
    fault = file_fault(OSError(errno.ENOENT, "No such file or directory"))
    assert sent.result.text() == words.SYNC_FAILED.format(reason=words.SYNC_FILE_FAILED.format(fault=fault))
    stick = tmp_path / "stick"
    stick.mkdir()
    sent.export_to(stick / "XAMT01.sync")
    finish(qtbot, sent)
    assert sent.result.text().startswith("已导出第 1 号数据包")


@pytest.mark.slow
def test_a_township_whose_work_needs_several_packages_writes_them_all_and_says_so(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_demo(township.sessions, township.desk, TODAY)
    monkeypatch.setattr(package_limits, "MAX_RECORDS", 4)  # the hall takes four records a package
    sent = page_of(qtbot, township)
    stick = tmp_path / "stick"
    stick.mkdir()
    sent.export_to(stick / "XAMT01.sync")
    finish(qtbot, sent)
    assert sent.result.text().startswith("待上报的办件超出一个数据包的容量，已分为 2 个数据包导出（第 1 至 2 号")
    written = sorted(stick.iterdir())
    assert [p.name for p in written] == ["XAMT01-1of2.sync", "XAMT01-2of2.sync"]

    carry_keys_to_this_machine(hall)
    taken = page_of(qtbot, hall)
    for path in written:
        assert taken.import_from(path)
        finish(qtbot, taken)
    assert taken.result.text().startswith("已导入 XAMT01 的第 2 号数据包")
    assert cases(hall.sessions) == 6


def test_a_package_that_cannot_be_written_takes_no_number_and_leaves_no_part(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stick full (or pulled out) while the package is written: no export is recorded, nothing is left on the
    stick, and the next export is written under the number the failed one would have had."""
    import errno
    import os
    from types import SimpleNamespace

    run_demo(township.sessions, township.desk, TODAY)
    sent = page_of(qtbot, township)
    stick = tmp_path / "stick"
    stick.mkdir()

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as m:
        m.setattr("counter.sync.package_files.os", SimpleNamespace(fsync=full))  # its file's sync only
        sent.export_to(stick / "XAMT01-0900.sync")
        finish(qtbot, sent)
    assert sent.result.text().startswith("没有完成：磁盘空间已满，没有任何改动")
    assert list(stick.iterdir()) == []
    with township.sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.SyncExport)) == 0

    sent.export_to(stick / "XAMT01-0905.sync")
    finish(qtbot, sent)
    assert sent.result.text().startswith("已导出第 1 号数据包")
    assert [p.name for p in stick.iterdir()] == ["XAMT01-0905.sync"]


def test_the_pending_line_turns_red_when_cases_wait_too_long(qtbot: QtBot, township: Site) -> None:
    # taken today: every step is written on the day it is taken (a training day's steps on that day)
    run_demo(township.sessions, township.desk, dt.date.today())
    label = PendingLabel()
    qtbot.addWidget(label)
    label.refresh(runner_on(township.sessions))  # the cases were stored a moment ago
    assert label.text().startswith("未送达大厅 6 件（最早 ")
    assert label.property("stale") is False
    label.refresh(runner_on(township.sessions), dt.datetime.now(dt.UTC) + dt.timedelta(days=5))
    assert label.text().startswith("未送达大厅 6 件，已超过 3 天")
    assert label.property("stale") is True


@pytest.mark.slow
def test_a_missing_file_is_named_and_nothing_changes(qtbot: QtBot, hall: Site, tmp_path: Path) -> None:
    page = page_of(qtbot, hall)
    assert page.import_from(tmp_path / "nowhere.sync") is False
    assert page.result.text().startswith("找不到这个文件或文件夹，没有任何改动")
    assert cases(hall.sessions) == 0


@pytest.mark.slow
def test_a_township_sees_which_of_its_records_the_hall_did_not_take_in_and_why(
    qtbot: QtBot, township: Site, hall: Site
) -> None:
    from counter.sync.keys import load_private_key
    from counter.sync.package import Header, PackageKind
    from counter.words.sync import hold_reason
    from tests.sync.packages import write_package
    from tests.sync.test_refusals_told import accepted_record, with_denial

    run_demo(township.sessions, township.desk, TODAY)
    assert hall.take(township.export().data).held == 0
    page = page_of(qtbot, township)
    assert page.held_box.isHidden()  # nothing held: no such box

    record = accepted_record(township)
    header = Header(township.code, "township", hall.code, PackageKind.CASES, 2, NOW, None, 1)
    forged = write_package(
        header, [with_denial(record)], load_private_key(township.key_path), hall.identity.encryption_key
    )
    assert hall.take(forged).held == 1
    told = "第2条办理记录：对事项 152201-YJS008-02 的“事项不予批准”，该事项由其实施部门决定，不由乡镇（苏木）作出"
    at_hall = page_of(qtbot, hall)  # the hall's review list: the case by its number, the detail in words
    assert at_hall.review.rowCount() == 1
    shown = [item.text() for column in range(6) if (item := at_hall.review.item(0, column)) is not None]
    assert shown[3:] == [record["case_no"], hold_reason("not_township_item"), told]
    key = at_hall.review.item(0, 3)
    assert key is not None
    assert record["uid"] in key.toolTip()  # the whole key, for support
    assert township.take(hall.export(township.code).data).held == 0
    page.refresh()
    assert page.held_box.isVisible()
    assert page.held.rowCount() == 1
    cells = [item.text() for column in range(3) if (item := page.held.item(0, column)) is not None]
    assert cells == [record["case_no"], hold_reason("not_township_item"), told]
    # a long reason wraps in a column no wider than COLUMN_MOST, whole in its tip: 说明 stays in sight after it
    columns = page.held.horizontalHeader()
    most = px(COLUMN_MOST)
    assert all(columns.sectionSize(column) <= most for column in range(page.held.columnCount() - 1))
    reason = page.held.item(0, 1)
    assert reason is not None
    assert hold_reason("not_township_item") in reason.toolTip()


class OnTheServer:
    """The service as a hall desk on the server holds it (:class:`counter.ui.door.hall_desk.HallService`, with its
    ``remote``), run here in process; a request naming a desk's file is refused, as the server refuses it."""

    remote = "the hall server"

    def __init__(self, service: InProcess) -> None:
        self.service = service
        self.clock = service.clock
        self.asked: list[str] = []

    def call(self, op: Any, request: Any, desk: Any = None, *, key: str = "") -> Any:
        from counter.service.sync import EXPORT_PACKAGE

        self.asked.append(op.name)
        assert op is not EXPORT_PACKAGE, "a desk's own path was sent to the server"
        return self.service.call(op, request, desk, key=key)


@pytest.mark.slow
def test_a_desk_on_the_server_writes_the_packages_the_server_signed(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path
) -> None:
    run_demo(township.sessions, township.desk, TODAY)
    served = OnTheServer(InProcess(OpenedStore(township.sessions)))
    page = SyncPage(Runner(served), township.desk, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    package = tmp_path / "XAMT01.sync"
    page.export_to(package)
    finish(qtbot, page)
    assert "sync.export_data" in served.asked
    assert page.result.text().startswith("已导出第 1 号数据包")
    carry_keys_to_this_machine(hall)
    taken = page_of(qtbot, hall)
    assert taken.import_from(package)
    finish(qtbot, taken)
    assert cases(hall.sessions) == cases(township.sessions) == 6


def test_every_kind_of_held_record_shows_in_chinese_by_its_number(qtbot: QtBot, township: Site) -> None:
    """Each detail the import writes (and an older row's), on both lists: the clerk's words, the case's number or a
    short key, never a field's path, an English code or a whole hex key (kept in the tooltip for support)."""
    from counter.sync.status import HeldAtHall, ReviewItem
    from counter.ui.sync.held_lists import show_held, show_review
    from tests.sync.test_held_details import STORED, UID, assert_clerks_words, sender_details

    details = [*sender_details(), *STORED, ("not_own_part", "a form no program wrote")]
    page = page_of(qtbot, township)
    reviews = tuple(
        ReviewItem(n, "XAMT01", 2, kind, UID, reason, detail, NOW, number)
        for n, (reason, detail) in enumerate(details)
        for kind, number in (("case", "XAMT01-20261127-01-0001"), ("page", ""))
    )
    show_review(page.review, page.review_empty, reviews)
    held = tuple(HeldAtHall("XAM01", "case", "XAMT01-20261127-01-0001", r, d, NOW) for r, d in details)
    show_held(page.held, page.held_box, held)
    for table, columns in ((page.review, range(2, 6)), (page.held, range(1, 3))):
        assert table.rowCount() in (len(details), 2 * len(details))
        for row in range(table.rowCount()):
            for column in columns:
                item = table.item(row, column)
                assert item is not None
                if table is page.review and column == 3:  # the record: its number, or its key's first characters
                    assert item.text() in ("XAMT01-20261127-01-0001", f"{UID[:8]}…")
                    assert UID in item.toolTip()
                    continue
                assert_clerks_words(item.text())
    assert {page.held.item(row, 0).text() for row in range(len(details))} == {"XAMT01-20261127-01-0001"}  # type: ignore[union-attr]
    unread = page.review.item(page.review.rowCount() - 1, 5)
    assert unread is not None
    assert "a form no program wrote" in unread.toolTip()  # a form not known here: its text kept for support


def test_the_page_is_read_off_the_slot_and_drawn_when_the_read_answers(qtbot: QtBot, township: Site) -> None:
    runner = runner_on(township.sessions)
    page = SyncPage(runner, township.desk, clock=lambda: NOW)
    qtbot.addWidget(page)
    held = Holding(runner, "sync.read_page")
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        page.refresh(lambda: seen.setdefault("then", page.site.text()))
        seen["running"], seen["site"] = runner.running, page.site.text()
        held.release()
        when(lambda: "then" in seen, application.quit)

    in_the_event_loop(steps)
    assert seen["running"] == "sync.read_page", "the slot waited for the page's read"
    assert seen["site"] == ""
    assert "XAMT01" in seen["then"]  # drawn before the step that follows it


def test_an_export_runs_with_the_page_busy_and_is_said_when_it_answers(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path
) -> None:
    run_demo(township.sessions, township.desk, TODAY)
    sent = page_of(qtbot, township)
    held = Holding(sent._runner, "sync.export_package")
    package = tmp_path / "XAMT01.sync"
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        sent.export_to(package)  # returns while the export is held on the worker
        seen["busy"] = sent.working, sent.progress.isVisible(), sent.export_button.isEnabled(), sent.result.text()
        sent.export_to(package)  # asked again all the same: said, not taken
        seen["again"] = sent.result.text()
        held.release()
        when(lambda: not sent.working, application.quit)

    in_the_event_loop(steps)
    assert seen["busy"] == (True, True, False, "正在处理…")
    assert seen["again"].endswith("上一步操作还在进行，请稍候再试")
    assert held.answered == 1
    assert sent.result.text().startswith("已导出第 1 号数据包")
    assert sent.progress.isHidden()
    assert package.is_file()


def test_the_keyboard_put_on_the_page_while_it_is_read_goes_to_what_the_read_shows(
    qtbot: QtBot, township: Site
) -> None:
    from counter.ui.keyboard.focus import first_control

    runner = runner_on(township.sessions)
    page = SyncPage(runner, township.desk, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.isActiveWindow)
    held = Holding(runner, "sync.read_page")
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        page.refresh()
        page.focus_first()  # as the desk does when it opens the page: before the read has answered
        seen["form"] = page.site_form.isVisibleTo(page)
        held.release()
        when(lambda: not page.site_form.isVisibleTo(page), application.quit)

    in_the_event_loop(steps)
    assert seen["form"]  # nothing read yet: the page's first field is the form's
    control = first_control(page)
    assert control is not None
    qtbot.waitUntil(lambda: page.focusWidget() is control)  # the site's first action, once the site is shown


@pytest.mark.slow
def test_a_file_that_is_no_package_is_refused_in_the_clerks_words(qtbot: QtBot, hall: Site, tmp_path: Path) -> None:
    page = page_of(qtbot, hall)
    stray = tmp_path / "photo.sync"
    stray.write_bytes(b"\x89PNG\r\n\x1a\n not a package")
    page.import_from(stray)
    finish(qtbot, page)
    assert page.result.text() == SYNC_FAILED.format(reason=package_rejected("not_a_package"))
    assert cases(hall.sessions) == 0


@pytest.mark.slow
def test_a_desk_on_the_server_that_cannot_write_the_packages_says_so(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path
) -> None:
    run_demo(township.sessions, township.desk, TODAY)
    served = OnTheServer(InProcess(OpenedStore(township.sessions)))
    page = SyncPage(Runner(served), township.desk, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    page.export_to(tmp_path)  # a folder, not a file
    finish(qtbot, page)
    assert "sync.export_data" in served.asked
    reason = SYNC_FILE_FAILED.format(fault=file_fault(IsADirectoryError(21, "")))
    assert page.result.text() == SYNC_FAILED.format(reason=reason)
    assert list(tmp_path.glob("*.sync")) == []


def test_the_pending_line_keeps_its_count_while_the_database_cannot_be_read(qtbot: QtBot, township: Site) -> None:
    """The count is a help read every minute: a read that fails leaves the last one said, and the next tick reads."""
    run_demo(township.sessions, township.desk, dt.date.today())
    label = PendingLabel()
    qtbot.addWidget(label)
    runner = runner_on(township.sessions)
    label.refresh(runner)
    said = label.text()
    assert said.startswith("未送达大厅 6 件")
    away = failing(runner, LOCKED, READ_PENDING)
    label.refresh(runner)
    assert away.asked == [READ_PENDING.name]
    assert label.text() == said
    assert label.isVisible()


class ExportJammed(Exception):
    """A failure the page has no words for."""


def test_a_failure_the_page_has_no_words_for_is_a_sentence_and_its_name_goes_to_the_log(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    page = page_of(qtbot, township)
    away = failing(page._runner, ExportJammed("the writer stuck"), EXPORT_PACKAGE)
    page.export_to(tmp_path / "XAMT01.sync")
    finish(qtbot, page)
    assert away.asked == [EXPORT_PACKAGE.name]
    assert page.result.text() == SYNC_FAILED.format(reason=SYNC_UNEXPECTED)
    assert "ExportJammed" not in page.result.text()
    assert "ExportJammed" in caplog.text
    assert "the writer stuck" in caplog.text
    assert page.export_button.isEnabled()


@pytest.mark.usefixtures("in_ulanhot")
def test_the_package_is_named_for_the_desks_day_and_time(
    qtbot: QtBot, township: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Half past seven in the morning in 乌兰浩特 is 23:30 the day before in UTC: the clerk's file says the 20th."""
    page = SyncPage(
        runner_on(township.sessions), township.desk, clock=lambda: dt.datetime(2026, 11, 19, 23, 30, tzinfo=dt.UTC)
    )
    qtbot.addWidget(page)
    offered: list[str] = []

    def choose(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        offered.append(name)
        return "", ""  # the clerk cancels

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    page.on_export_clicked()
    assert offered == ["XAMT01-20261120-0730.sync"]


def test_a_damaged_signing_key_is_named_without_its_path_and_writes_nothing(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path
) -> None:
    run_demo(township.sessions, township.desk, TODAY)
    paths.site_key_path().write_text("not a key", encoding="utf-8")
    page = page_of(qtbot, township)
    page.export_to(tmp_path / "XAMT01.sync")
    finish(qtbot, page)
    assert page.result.text() == SYNC_FAILED.format(
        reason="本站点的签名密钥文件不可用（已损坏或被替换）。请勿删除，先联系系统管理员。"
    )
    assert str(paths.site_key_path()) not in page.result.text()
    assert list(tmp_path.glob("*.sync")) == []


def test_a_file_beyond_a_packages_size_is_refused_before_it_is_read(
    qtbot: QtBot, hall: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.sync"
    big.write_bytes(b"COUNTER-SYNC/" + b"x" * 100)
    monkeypatch.setattr(package_limits, "MAX_FILE", 64)
    page = page_of(qtbot, hall)
    assert page.import_from(big) is False
    assert not page.working
    assert page.result.text() == SYNC_FAILED.format(reason=package_rejected("too_large"))
    assert cases(hall.sessions) == 0


@pytest.mark.slow
def test_the_buttons_export_and_import_the_files_the_clerk_picks(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_demo(township.sessions, township.desk, TODAY)
    stick = tmp_path / "stick"
    stick.mkdir()
    picked = stick / "XAMT01.sync"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(picked), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(picked), ""))
    sent = page_of(qtbot, township)
    sent.export_button.click()
    finish(qtbot, sent)
    assert sent.result.text().startswith("已导出第 1 号数据包")
    assert picked.is_file()

    carry_keys_to_this_machine(hall)
    taken = page_of(qtbot, hall)
    taken.import_button.click()
    finish(qtbot, taken)
    assert taken.result.text().startswith("已导入 XAMT01 的第 1 号数据包")
    assert cases(hall.sessions) == 6


def test_an_import_the_clerk_cancels_changes_nothing(qtbot: QtBot, hall: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: ("", ""))
    page = page_of(qtbot, hall)
    said = page.result.text()
    page.import_button.click()
    assert not page.working
    assert page.result.text() == said


def test_an_export_the_database_cannot_take_says_so_and_the_next_is_still_the_first(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path
) -> None:
    from counter.ui.sync.words import SYNC_DB_FAILED
    from counter.words.database import fault_text

    run_demo(township.sessions, township.desk, TODAY)
    page = page_of(qtbot, township)
    away = failing(page._runner, LOCKED, EXPORT_PACKAGE)
    page.export_to(tmp_path / "XAMT01.sync")
    finish(qtbot, page)
    assert away.asked == [EXPORT_PACKAGE.name]
    assert page.result.text() == SYNC_FAILED.format(reason=SYNC_DB_FAILED.format(fault=fault_text("locked")))
    assert list(tmp_path.glob("*.sync")) == []
    away.mend()
    page.export_to(tmp_path / "XAMT01.sync")
    finish(qtbot, page)
    assert page.result.text().startswith("已导出第 1 号数据包")


def test_a_training_database_exports_nothing_and_says_why(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path
) -> None:
    """Practice cases signed with the site's real key would be taken in as real: the page refuses in words."""
    from counter.db.settings_store import mark_training
    from counter.words.sync import sync_not_possible

    run_demo(township.sessions, township.desk, TODAY)
    with township.sessions.begin() as session:
        mark_training(session)
    page = page_of(qtbot, township)
    page.export_to(tmp_path / "XAMT01.sync")
    finish(qtbot, page)
    assert page.result.text() == SYNC_FAILED.format(reason=sync_not_possible("training"))
    assert "培训数据库" in page.result.text()
    assert list(tmp_path.glob("*.sync")) == []
    assert page.export_button.isEnabled()  # the page is free again


def test_a_hall_registered_from_an_old_card_is_named_and_nothing_is_written(
    qtbot: QtBot, township: Site, tmp_path: Path, shipped_catalog_db: Path
) -> None:
    """A card without an encryption key: no package can be sealed to that hall, and the page says which and why."""
    from counter.actions.admin.site import register_peer
    from counter.words.sync import sync_not_possible

    hall_folder = tmp_path / "old-hall"
    hall_folder.mkdir()
    old = make_site(sqlite_copy(shipped_catalog_db, hall_folder / "hall.sqlite3"), "XAM01", "兴安盟政务服务中心",
                    SiteKind.HALL, hall_folder)  # fmt: skip
    with township.sessions.begin() as session:
        # its card of the first format: a signing key, no key to seal packages to
        register_peer(session, "XAM01", old.identity.name, SiteKind.HALL, old.identity.public_key, desk=township.desk)
    run_demo(township.sessions, township.desk, TODAY)
    page = page_of(qtbot, township)
    page.export_to(tmp_path / "XAMT01.sync")
    finish(qtbot, page)
    assert page.result.text() == SYNC_FAILED.format(reason=sync_not_possible("old_card", "XAM01"))
    assert "XAM01" in page.result.text()
    assert list(tmp_path.glob("*.sync")) == []


def test_an_export_after_a_sealed_record_sent_to_the_hall_was_changed_goes_and_warns(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path
) -> None:
    """The hall holds seal 1 of this township's, and the seal here is no longer that one: the package still goes (the
    hall must see the rest), and the page says the export and, in red under it, that the sealed trail was rewritten."""
    from counter.audit.peer_seals import SEALS_AT_HALL, seals_at_hall_text
    from counter.db.settings_store import put_setting
    from counter.words.sync import SENT_SEAL_CHANGED

    run_demo(township.sessions, township.desk, TODAY)
    with township.sessions.begin() as session:  # as the hall's last updates told it: it keeps seal 1, of this digest
        put_setting(session, SEALS_AT_HALL, seals_at_hall_text(1, "0" * 64))
    page = page_of(qtbot, township)
    page.export_to(tmp_path / "XAMT01.sync")
    finish(qtbot, page)
    said, warned = page.result.text().split("\n", 1)
    assert said.startswith("已导出第 1 号数据包")
    assert warned == SENT_SEAL_CHANGED.format(no=1)
    assert "#b42318" in page.result.styleSheet()
    assert (tmp_path / "XAMT01.sync").is_file()


def test_the_pending_line_gives_way_to_an_export_and_reads_again_at_the_next_tick(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path
) -> None:
    """The status-bar line is read by a timer in the background: a tick while the clerk's export runs reads nothing
    and says nothing (the line keeps what it showed), and a tick once the export and the page's read after it
    are answered reads again; the page's own read asked meanwhile waits its turn, and is no fault."""
    run_demo(township.sessions, township.desk, TODAY)
    page = page_of(qtbot, township)
    label = PendingLabel()
    qtbot.addWidget(label)
    label.refresh(page._runner, NOW + dt.timedelta(days=1))
    before = label.text()
    assert before.startswith("未送达大厅 6 件（最早 ")
    later = NOW + dt.timedelta(days=5)  # the oldest case waited past its days by then
    held = Holding(page._runner, "sync.export_package")
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        page.export_to(tmp_path / "XAMT01.sync")  # on the worker, held there
        label.refresh(page._runner, later)  # a tick meanwhile
        page.refresh()  # and a read of the page
        seen["tick"] = label.text(), label.property("stale"), page.result.text()
        held.release()
        when(lambda: not page.working, application.quit)

    in_the_event_loop(steps)
    assert seen["tick"] == (before, False, "正在处理…")
    finish(qtbot, page)
    assert page.result.text().startswith("已导出第 1 号数据包")

    def tick() -> bool:  # the timer's: refused while the page's read after the export runs, read once it is not
        label.refresh(page._runner, later)
        return label.property("stale") is True

    qtbot.waitUntil(tick)
    assert label.text().startswith("未送达大厅 6 件，已超过 3 天")


def test_a_page_read_the_database_refused_is_said_and_taken_back_once_a_read_answers(
    qtbot: QtBot, township: Site, hall: Site, tmp_path: Path
) -> None:
    """The page read while the database is locked says so in its result line; the next read that answers takes
    that back, while a sync's own result, said after the failed read, stays."""
    from counter.service.sync import READ_PAGE
    from counter.ui.sync.words import SYNC_DB_FAILED
    from counter.words.database import fault_text

    page = page_of(qtbot, township)
    away = failing(page._runner, LOCKED, READ_PAGE)
    page.refresh()
    unread = SYNC_DB_FAILED.format(fault=fault_text("locked"))
    assert page.result.text() == unread
    away.mend()
    page.refresh()
    assert page.result.text() == ""
    assert "XAMT01" in page.site.text()

    away = failing(page._runner, LOCKED, READ_PAGE)
    page.refresh()
    assert page.result.text() == unread
    away.mend()
    run_demo(township.sessions, township.desk, TODAY)
    page.export_to(tmp_path / "XAMT01.sync")  # its result said, then the page read again
    finish(qtbot, page)
    assert page.result.text().startswith("已导出第 1 号数据包")
