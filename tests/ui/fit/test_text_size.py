"""The clerk's text size: kept with the desk's settings, applied at start-up to the font and every style sheet."""

from __future__ import annotations

import errno
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from counter.actions.site.store import Store
from counter.host.machine.desk_config import config_path, load_desk_config
from counter.service.local import InProcess
from counter.ui.look.fonts import UI_PIXEL_SIZE, install_fonts
from counter.ui.look.text_size import factor, percent_of, scaled, set_text_percent
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.mainwindow.text_size_dialog import TextSizeDialog
from counter.ui.pad.pad_window import PadWindow
from counter.ui.signin.sign_in_window import SignInWindow
from counter.ui.start.app import prepare_app
from counter.ui.words import TEXT_SIZE_SAVE_FAILED
from counter.words.files import file_fault
from tests.conftest import REPO
from tests.ui.conftest import start_window

FONTS = REPO / "counter" / "resources" / "fonts"


@pytest.fixture
def text_at(qapp: QApplication) -> Iterator[None]:
    """Whatever size a test sets, the next test starts at 100 % with the app's font as it was."""
    yield
    set_text_percent(100)
    install_fonts(qapp, FONTS)


def test_a_stored_size_the_desk_does_not_offer_is_100() -> None:
    assert [percent_of(v) for v in ("100", "125", "150%", " 150 ")] == [100, 125, 150, 150]
    assert [percent_of(v) for v in ("", "200", "1.5", "large")] == [100, 100, 100, 100]


def test_style_sheet_lengths_grow_with_the_text_but_hairlines_stay(text_at: None) -> None:
    sheet = "QLabel#a { font-size: 16px; padding: 0px 12px; border: 1px solid #d9e2ec; border-radius: 4px; }"
    assert scaled(sheet) == sheet
    set_text_percent(150)
    assert scaled(sheet) == (
        "QLabel#a { font-size: 24px; padding: 0px 18px; border: 1px solid #d9e2ec; border-radius: 6px; }"
    )
    assert scaled('QPushButton[option="true"]:focus { border: 2px solid #f0a020; }').endswith("2px solid #f0a020; }")


def test_the_size_in_the_desks_settings_is_applied_at_start_up(
    qapp: QApplication, text_at: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start-up installs the desk's own; the run keeps pytest's
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(json.dumps({"text_scale": "125"}), encoding="utf-8")
    assert prepare_app(qapp) is None
    assert factor() == 1.25
    assert qapp.font().pixelSize() == round(UI_PIXEL_SIZE * 1.25)


def _text_widgets(window: QWidget) -> list[QWidget]:
    """What shows text, but the pad's avatar: its initial is as large as its disc, whatever the text size."""
    shown = (w for w in window.findChildren(QWidget) if w.isVisible() and w.property("role") != "avatar")
    return [w for w in shown if isinstance(w, QLabel | QAbstractButton | QLineEdit) and w.window() is window]


def _font_sizes(make: Callable[[], QWidget], qtbot: QtBot) -> list[tuple[str, int]]:
    window = make()
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    sizes = [(type(w).__name__ + ":" + w.objectName(), w.font().pixelSize()) for w in _text_widgets(window)]
    window.close()
    return sizes


def _main_window(db: Store, catalog_dir: Path, qtbot: QtBot) -> QWidget:
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    QTest.keyClicks(window.search_panel.box, "xcg")
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    return window


@pytest.mark.parametrize("which", ["main", "sign-in", "pad"])
def test_every_text_of_a_window_grows_with_the_size(
    which: str, qapp: QApplication, qtbot: QtBot, db: Store, catalog_dir: Path, text_at: None
) -> None:
    makers = {
        "main": lambda: _main_window(db, catalog_dir, qtbot),
        "sign-in": lambda: SignInWindow("兴安盟政务服务中心　1号窗口"),
        "pad": PadWindow,
    }
    sizes = {}
    for percent in (100, 150):
        set_text_percent(percent)
        install_fonts(qapp, FONTS)
        sizes[percent] = _font_sizes(makers[which], qtbot)
    assert [name for name, _ in sizes[100]] == [name for name, _ in sizes[150]]
    assert len(sizes[100]) > 3
    unscaled = [
        (name, small, large)
        for (name, small), (_, large) in zip(sizes[100], sizes[150], strict=True)
        if not 1.4 <= large / small <= 1.6
    ]
    assert unscaled == []


def test_the_clerk_sets_the_size_by_keyboard_and_it_applies_at_once(
    qtbot: QtBot, db: Store, catalog_dir: Path, text_at: None
) -> None:
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F12)
    dialog = window.desk_actions.text_size
    assert isinstance(dialog, TextSizeDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.chosen() == 100
    assert dialog.choices[100].hasFocus()  # the keyboard starts on the size in use
    QTest.keyClick(dialog.choices[100], Qt.Key.Key_Down)
    assert dialog.chosen() == 125
    with qtbot.waitSignal(dialog.saved) as saved:
        QTest.keyClick(dialog.choices[125], Qt.Key.Key_Return)
    assert saved.args == [125]
    assert load_desk_config().text_scale == "125"
    assert "125%" in dialog.message.text()
    assert "重新启动" in dialog.message.text()  # what waits for the next start is named
    assert factor() == 1.25  # the windows opened from now on are built at it
    assert QApplication.font().pixelSize() == round(UI_PIXEL_SIZE * 1.25)
    plain = QLabel("办件", window)  # an open window's text without a size of its own grows at once
    qtbot.waitUntil(lambda: plain.font().pixelSize() == round(UI_PIXEL_SIZE * 1.25))


def test_a_size_the_desk_cannot_keep_is_said_and_nothing_changes(
    qtbot: QtBot, db: Store, catalog_dir: Path, text_at: None, caplog: pytest.LogCaptureFixture
) -> None:
    """The desk's settings file cannot be written (its place taken by a folder, a disk full): the dialog says the
    size is unchanged, why in plain words, and stays open; the text is not resized for this session only."""
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    before = config_path().read_text(encoding="utf-8") if config_path().exists() else None
    config_path().with_suffix(".tmp").mkdir(parents=True)  # what the settings are written through
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F12)
    dialog = window.desk_actions.text_size
    assert isinstance(dialog, TextSizeDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(dialog.choices[100], Qt.Key.Key_Down)
    with qtbot.assertNotEmitted(dialog.saved):
        QTest.keyClick(dialog.choices[125], Qt.Key.Key_Return)
    fault = file_fault(IsADirectoryError(errno.EISDIR, "Is a directory"))
    assert dialog.message.text() == TEXT_SIZE_SAVE_FAILED.format(fault=fault)
    assert str(config_path().parent) not in dialog.message.text()
    assert dialog.isVisible()
    assert factor() == 1.0
    assert QApplication.font().pixelSize() == UI_PIXEL_SIZE
    assert (config_path().read_text(encoding="utf-8") if config_path().exists() else None) == before
    assert "text size not saved" in caplog.text
