"""A guide the search still lists but the database no longer holds (the database swapped under the desk, a catalog
replaced): the clerk is told it was not found, and nothing is shown or taken on a guide she did not choose.  A guide
on screen that the catalog brings a new version of is shown again as it now is; no guide, or one not published, prints
no paper and says why."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from counter.ui import words
from counter.ui.mainwindow.main_window import MainWindow
from tests.ui.conftest import SYNC_TIMEOUT_MS
from tests.ui.mainwindow.test_desk_actions import open_bundle, shown_messages

#: a bundle's code no database of the tests holds
GONE = "T-GONE-999"
#: the small restaurant's summary in a later release of the catalog
NEW_SUMMARY = "开办经营面积50平方米以下的小餐馆，一次提交一套材料，同步办理设立登记、食品经营许可和招牌备案。"


def test_a_hit_whose_guide_is_gone_says_so_and_takes_the_last_guide_off(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xcg")
    qtbot.waitUntil(lambda: window.guide_view.bundle is not None)
    assert window.version_label.text()
    window.on_bundle_chosen(GONE)  # the search's index, made from the database before it was swapped
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == words.DESK_GUIDE_NOT_FOUND)
    assert window.guide_view.bundle is None  # F5 now takes no intake on the guide shown before
    assert window.version_label.text() == ""


def test_f5_on_a_guide_gone_since_it_was_shown_says_so_and_f5_works_again(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xcg")
    qtbot.waitUntil(lambda: window.guide_view.bundle is not None)
    shown = window.current_bundle
    assert shown is not None
    window.desk_actions.start_intake(dataclasses.replace(shown, code=GONE))
    qtbot.waitUntil(lambda: words.DESK_GUIDE_NOT_FOUND in shown_messages(window))
    assert window.desk_actions.intake is None
    window.desk_actions.start_intake(shown)  # the next F5 is not taken for one still being read
    qtbot.waitUntil(lambda: window.desk_actions.intake is not None, timeout=10_000)
    intake = window.desk_actions.intake
    assert intake is not None
    qtbot.addWidget(intake)
    assert intake.bundle.code == shown.code


def test_a_new_version_of_the_guide_on_screen_is_shown_once_the_catalog_brings_it(
    qtbot: QtBot, window: MainWindow, catalog_dir: Path
) -> None:
    """The bundled catalog brought in again (a release's new files) while the clerk reads a guide it changes: the
    guide on screen is the new version, never the one the intake would no longer take."""
    open_bundle(window, "xcg")
    qtbot.waitUntil(lambda: window.guide_view.bundle is not None)
    shown = window.guide_view.bundle
    assert shown is not None
    version = window.guide_view.version
    source = catalog_dir / "008.toml"
    source.write_text(source.read_text(encoding="utf-8").replace(shown.summary, NEW_SUMMARY), encoding="utf-8")
    with qtbot.waitSignal(window.catalog_ready, timeout=SYNC_TIMEOUT_MS):
        window.start_sync()
    qtbot.waitUntil(lambda: window.guide_view.version != version)
    renewed = window.guide_view.bundle
    assert renewed is not None
    assert renewed.code == shown.code
    assert renewed.summary == NEW_SUMMARY
    assert NEW_SUMMARY in window.guide_view.body.toPlainText()


def test_the_catalog_is_said_ready_only_once_the_guide_on_screen_is_the_new_version(
    qtbot: QtBot, window: MainWindow, catalog_dir: Path
) -> None:
    """catalog_ready comes after the guide on screen is read again, not before: whoever acts on the signal (the
    start's window, an F5 behind it) acts on the version the catalog now holds, never on the one it replaced."""
    open_bundle(window, "xcg")
    qtbot.waitUntil(lambda: window.guide_view.bundle is not None)
    shown = window.guide_view.bundle
    assert shown is not None
    version = window.guide_view.version
    source = catalog_dir / "008.toml"
    source.write_text(source.read_text(encoding="utf-8").replace(shown.summary, NEW_SUMMARY), encoding="utf-8")
    at_ready: list[tuple[object, str]] = []
    window.catalog_ready.connect(
        lambda _ok: at_ready.append((window.guide_view.version, window.guide_view.body.toPlainText()))
    )
    with qtbot.waitSignal(window.catalog_ready, timeout=SYNC_TIMEOUT_MS) as ready:
        window.start_sync()
    assert ready.args == [True]
    assert len(at_ready) == 1
    seen_version, seen_text = at_ready[0]
    assert seen_version != version
    assert NEW_SUMMARY in seen_text
    assert window.guide_view.version == seen_version


def test_the_papers_of_no_guide_or_an_unpublished_one_are_refused_in_words(qtbot: QtBot, window: MainWindow) -> None:
    """打印表格 before any guide is open, and 一次性告知单 of a guide not published: the clerk reads why nothing
    prints."""
    QTest.mouseClick(window.forms_button, Qt.MouseButton.LeftButton)
    assert words.DESK_FORMS_NO_GUIDE in shown_messages(window)
    open_bundle(window, "xse")  # 新生儿: unpublished in the test catalog
    qtbot.waitUntil(lambda: window.guide_view.bundle is not None)
    bundle = window.guide_view.bundle
    assert bundle is not None
    assert not bundle.published
    QTest.mouseClick(window.guide_notice_button, Qt.MouseButton.LeftButton)
    assert words.DESK_GUIDE_NOTICE_UNPUBLISHED.format(name=bundle.name) in shown_messages(window)
    assert window.desk_actions.papers.preview is None
