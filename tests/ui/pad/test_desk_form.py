"""本窗口 (F8): the clerk's name, the desk's number and the clerk's photo, saved through the trail into desk.json."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.host.machine.desk_config import DeskConfig, config_path, load_desk_config, save_desk_config
from counter.host.machine.paths import data_dir
from counter.ui.door.runner import Runner
from counter.ui.pad.desk_form import DeskForm
from counter.ui.pad.supervisor_window import SupervisorWindow
from counter.ui.pad.words import DESK_PHOTO_BAD, DESK_PHOTO_NONE, DESK_SAVE_FAILED, DESK_SAVED
from counter.words.files import file_fault


def desk_form(qtbot: QtBot, runner: Runner) -> DeskForm:
    save_desk_config(DeskConfig(clerk="其木格", desk_no="3"))
    supervisor = SupervisorWindow(runner, "其木格")
    qtbot.addWidget(supervisor)
    supervisor.refresh()
    return supervisor.desk_form


def picture(path: Path, colour: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


def save(form: DeskForm) -> None:
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)


def test_a_name_the_desk_refuses_is_said_beside_the_form_and_nothing_is_saved(qtbot: QtBot, runner: Runner) -> None:
    form = desk_form(qtbot, runner)
    form.clerk.setText("管理员")
    form.desk_no.setText("12a")
    save(form)
    said = form.message.text()
    assert "工作人员姓名不能是职务或角色的名称" in said
    assert "窗口号应为1至9999的整数，不以0开头" in said
    assert (load_desk_config().clerk, load_desk_config().desk_no) == ("其木格", "3")


def test_saving_what_is_already_saved_says_saved_and_writes_nothing(qtbot: QtBot, runner: Runner) -> None:
    form = desk_form(qtbot, runner)
    written = config_path().stat().st_mtime_ns
    saved: list[object] = []
    form.saved.connect(saved.append)
    form.clerk.setText(" 其木格 ")  # the spaces a paste brings are not a change
    save(form)
    assert form.message.text() == DESK_SAVED
    assert saved == []
    assert config_path().stat().st_mtime_ns == written


def test_a_photo_taken_off_is_saved_as_none(qtbot: QtBot, runner: Runner, tmp_path: Path) -> None:
    form = desk_form(qtbot, runner)
    form.choose_photo(picture(tmp_path / "stick" / "qimuge.png", "#3366aa"))
    save(form)
    assert load_desk_config().photo
    QTest.mouseClick(form.clear_button, Qt.MouseButton.LeftButton)
    assert form.photo.text() == DESK_PHOTO_NONE
    assert not form.clear_button.isEnabled()
    save(form)
    assert load_desk_config().photo == ""
    assert form.message.text() == DESK_SAVED


@pytest.mark.parametrize("kind", ["no picture", "unreadable"])
def test_a_photo_refused_is_named_by_its_file_name_and_its_path_goes_to_the_log(
    qtbot: QtBot, runner: Runner, tmp_path: Path, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    """The clerk reads the file's name; the folders it sits in, which say nothing they can act on, are the log's."""
    photo = tmp_path / "U盘" / "其木格" / "qimuge.png"
    photo.parent.mkdir(parents=True)
    if kind == "no picture":
        photo.write_text("not a picture", encoding="utf-8")
    form = desk_form(qtbot, runner)
    with caplog.at_level("WARNING", logger="counter.ui.pad.desk_form"):
        form.choose_photo(photo)
    said = form.message.text()
    assert DESK_PHOTO_BAD.format(name="qimuge.png") in said
    assert str(photo.parent) not in said
    assert "/" not in said
    assert str(photo) in caplog.text
    assert form.photo_path == ""


def test_a_photo_beyond_the_limit_is_refused_as_no_picture(
    qtbot: QtBot, runner: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counter.util import bounded_read

    photo = picture(tmp_path / "huge.png", "#3366aa")
    monkeypatch.setattr(bounded_read, "PHOTO_FILE_LIMIT", photo.stat().st_size - 1)
    form = desk_form(qtbot, runner)
    form.choose_photo(photo)
    assert form.message.text() == DESK_PHOTO_BAD.format(name=photo.name)
    assert form.photo_path == ""


def test_a_photo_the_data_folder_cannot_take_is_said_and_nothing_is_saved(
    qtbot: QtBot, runner: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    form = desk_form(qtbot, runner)
    form.choose_photo(picture(tmp_path / "stick" / "qimuge.png", "#3366aa"))
    form.clerk.setText("乌兰")

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(shutil, "copyfile", full)
    save(form)
    assert form.message.text() == DESK_SAVE_FAILED.format(fault=file_fault(OSError(errno.ENOSPC, "")))
    assert (load_desk_config().clerk, load_desk_config().photo) == ("其木格", "")
    assert form.clerk.text() == "乌兰"  # to save again


def test_a_new_photo_with_a_name_refused_keeps_the_photo_the_pad_shows(
    qtbot: QtBot, runner: Runner, tmp_path: Path
) -> None:
    """Nothing of a refused change is kept: the clerk's photo on the pad is still the one saved before."""
    form = desk_form(qtbot, runner)
    form.choose_photo(picture(tmp_path / "stick" / "old.png", "#3366aa"))
    save(form)
    kept = Path(load_desk_config().photo)
    before = kept.read_bytes()

    form.choose_photo(picture(tmp_path / "stick" / "new.png", "#aa3333"))
    form.clerk.setText("管理员")
    save(form)
    assert "不能是职务或角色的名称" in form.message.text()
    assert Path(load_desk_config().photo).read_bytes() == before
    assert sorted(p.name for p in kept.parent.glob("clerk-photo*")) == [kept.name]  # no copy left behind

    form.clerk.setText("乌兰")
    save(form)
    assert form.message.text() == DESK_SAVED
    now = Path(load_desk_config().photo)
    assert now.read_bytes() == (tmp_path / "stick" / "new.png").read_bytes()
    assert sorted(p.name for p in kept.parent.glob("clerk-photo*")) == [now.name]  # the old copy is not kept on


@pytest.mark.parametrize(("typed", "kept"), [("0", ""), ("08", "8"), ("12a", "12"), ("10000", "1000"), ("907", "907")])
def test_the_desk_number_takes_at_the_keyboard_only_what_the_save_takes(
    qtbot: QtBot, runner: Runner, typed: str, kept: str
) -> None:
    """A leading zero or a letter is not taken as it is typed, rather than refused at the save."""
    form = desk_form(qtbot, runner)
    form.desk_no.clear()
    QTest.keyClicks(form.desk_no, typed)
    assert form.desk_no.text() == kept


def test_a_change_the_database_cannot_record_is_said_and_the_desk_keeps_its_settings(
    qtbot: QtBot, runner: Runner, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    """The change goes into the trail before the settings are kept: a trail that cannot be written leaves the desk's
    name and photo as they were, no copy of the new photo behind, and what was typed in the form to save again."""
    form = desk_form(qtbot, runner)
    form.choose_photo(picture(tmp_path / "stick" / "qimuge.png", "#3366aa"))
    form.clerk.setText("乌兰")
    with sessions.begin() as session:
        session.execute(
            text("CREATE TRIGGER refuse_trail BEFORE INSERT ON audit_entry BEGIN SELECT RAISE(ABORT, 'disk'); END")
        )
    save(form)
    assert form.message.text().startswith("没有保存：数据库")
    assert (load_desk_config().clerk, load_desk_config().photo) == ("其木格", "")
    assert list(data_dir().glob("clerk-photo*")) == []  # the new photo's copy dropped
    assert form.clerk.text() == "乌兰"

    with sessions.begin() as session:
        session.execute(text("DROP TRIGGER refuse_trail"))
    save(form)
    assert form.message.text() == DESK_SAVED
    assert load_desk_config().clerk == "乌兰"
    assert Path(load_desk_config().photo).read_bytes() == (tmp_path / "stick" / "qimuge.png").read_bytes()
    assert list(data_dir().glob("clerk-photo*")) == [Path(load_desk_config().photo)]


def test_a_photo_gone_from_its_stick_before_it_is_read_is_said_and_the_photo_stays(
    qtbot: QtBot, runner: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """选择照片 names a file the stick no longer holds: the form says it could not be read and why, and keeps the
    photo it showed."""
    from PySide6.QtWidgets import QFileDialog

    from counter.ui.pad.words import DESK_PHOTO_UNREAD

    form = desk_form(qtbot, runner)
    gone = tmp_path / "stick" / "qimuge.png"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(gone), ""))
    QTest.mouseClick(form.choose_button, Qt.MouseButton.LeftButton)
    cause = file_fault(FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT)))
    assert form.message.text() == DESK_PHOTO_UNREAD.format(problem=DESK_PHOTO_BAD.format(name=gone.name), cause=cause)
    assert form.photo.text() == DESK_PHOTO_NONE
    assert not form.clear_button.isEnabled()
    save(form)
    assert load_desk_config().photo == ""


def test_save_pressed_again_while_saving_saves_once_and_leaves_no_photo_copy(
    qtbot: QtBot, runner: Runner, tmp_path: Path
) -> None:
    """The second press is refused in words while the first is stored; the first is kept, its photo with it, and
    the copy the second press made of the same photo is the first's, not one more."""
    from typing import Any

    from PySide6.QtCore import QEventLoop

    from tests.ui.called_back import Holding, in_the_event_loop, when

    form = desk_form(qtbot, runner)
    form.choose_photo(picture(tmp_path / "stick" / "qimuge.png", "#3366aa"))
    form.clerk.setText("乌兰")
    held = Holding(runner, "admin.change_desk")
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        save(form)  # on the worker, held there
        save(form)  # pressed again
        seen["again"] = form.message.text()
        held.release()
        when(lambda: form.message.text() == DESK_SAVED, application.quit)

    in_the_event_loop(steps)
    assert seen["again"].endswith("上一步操作还在进行，请稍候再试")
    assert held.answered == 1
    assert load_desk_config().clerk == "乌兰"
    kept = Path(load_desk_config().photo)
    assert kept.read_bytes() == (tmp_path / "stick" / "qimuge.png").read_bytes()
    assert list(data_dir().glob("clerk-photo*")) == [kept]
