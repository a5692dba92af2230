"""The clerk's way through the window, by keyboard, on a real database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter.ui import words
from counter.ui.mainwindow.main_window import MainWindow
from counter.words.catalog import UNPUBLISHED
from tests.ui.conftest import SYNC_TIMEOUT_MS
from tests.ui.shown_text import guide_text

XCG_CODE = "T-YJS-008"


def darkest_text(window: MainWindow, row: int) -> int:
    """The darkest grey level drawn in a result row: black text near 0, greyed text well above."""
    results = window.search_panel.results
    results.setCurrentIndex(QModelIndex())
    image = results.viewport().grab(results.visualRect(window.search_panel.model.index(row, 0))).toImage()
    return min(QColor(image.pixel(x, y)).lightness() for x in range(image.width()) for y in range(image.height()))


def type_query(qtbot: QtBot, window: MainWindow, text: str) -> None:
    QTest.keyClicks(window.search_panel.box, text)


def open_xcg(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "xcg")
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Down)
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)


def test_window_title_and_focus(window: MainWindow) -> None:
    assert window.windowTitle() == "一件事一次办 · 综合受理窗口"
    assert window.search_panel.box.placeholderText() == "输入事项名称或拼音首字母，如 xcg"
    assert QApplication.focusWidget() is window.search_panel.box


def test_empty_search_lists_every_bundle_by_number(window: MainWindow) -> None:
    assert window.search_panel.hits() == ["T-YJS-006", "T-YJS-008", "T-YJS-009", "T-YJS-052"]
    assert window.catalog_label.text() == words.DESK_STATUS_CATALOG.format(count=4)


def test_initials_find_the_small_restaurant_first(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "xcg")
    hits = window.search_panel.hits()
    # 药店 matches through its keyword 乡村柜台 and has the lower number, yet ranks below
    assert hits == [XCG_CODE, "T-YJS-006"]
    assert str(window.search_panel.model.index(0, 0).data()).endswith("我要开小餐馆（50平方米以下）")
    assert window.search_panel.current_row() == -1


def test_down_and_enter_open_the_guide(qtbot: QtBot, window: MainWindow) -> None:
    open_xcg(qtbot, window)
    view = window.guide_view
    assert view.bundle is not None
    assert view.bundle.code == XCG_CODE
    text = guide_text(view)
    assert "我要开小餐馆（50平方米以下）" in text
    assert "8号窗口" in text
    assert "星期一至星期五 08:30-11:30 14:30-17:30（法定节假日除外）" in text
    for material in ("经营者居民身份证", "从业人员健康证明", "公司章程", "授权委托书"):
        assert material in text
    assert "承诺 3个工作日" in text
    assert "法定 10个工作日" in text
    assert "容缺后补" in text
    assert "3个工作日内补齐" in text
    assert words.DESK_SHARED in text
    assert words.DESK_ALL_SITUATIONS in text
    assert view.sample_notice.isVisible()
    assert window.version_label.text() == words.DESK_STATUS_VERSION.format(version=1)
    # the keyboard is still in the search box
    assert QApplication.focusWidget() is window.search_panel.box


def test_hanzi_from_an_input_method(qtbot: QtBot, window: MainWindow) -> None:
    event = QInputMethodEvent()
    event.setCommitString("小餐馆")
    QApplication.sendEvent(window.search_panel.box, event)
    assert window.search_panel.box.text() == "小餐馆"
    assert window.search_panel.hits() == [XCG_CODE]


def test_enter_without_highlight_opens_the_first_hit(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "xcg")
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Enter)
    assert window.guide_view.bundle is not None
    assert window.guide_view.bundle.code == XCG_CODE


def test_up_and_down_stay_in_the_list(qtbot: QtBot, window: MainWindow) -> None:
    box, panel = window.search_panel.box, window.search_panel
    for _ in range(10):
        QTest.keyClick(box, Qt.Key.Key_Down)
    assert panel.current_row() == panel.model.rowCount() - 1
    QTest.keyClick(box, Qt.Key.Key_Up)
    assert panel.current_row() == panel.model.rowCount() - 2
    assert QApplication.focusWidget() is box


def test_answering_a_situation_narrows_the_materials(qtbot: QtBot, window: MainWindow) -> None:
    open_xcg(qtbot, window)
    view = window.guide_view
    panel = view.situations
    assert panel.isVisible()
    QTest.mouseClick(panel.option_button("operator", "individual"), Qt.MouseButton.LeftButton)
    materials = view.materials.toPlainText()
    assert "公司章程" not in materials
    assert "经营者居民身份证" in materials
    assert "授权委托书" in materials  # the agent question is still open
    assert words.DESK_MATERIAL_COUNT_FILTERED.format(count=4, total=5) in materials

    QTest.mouseClick(panel.option_button("agent", "self"), Qt.MouseButton.LeftButton)
    assert "授权委托书" not in view.materials.toPlainText()

    # the other option of the same question replaces the first
    QTest.mouseClick(panel.option_button("operator", "company"), Qt.MouseButton.LeftButton)
    assert not panel.option_button("operator", "individual").isChecked()
    assert "公司章程" in view.materials.toPlainText()
    assert panel.answers() == {"operator": "company", "agent": "self"}

    # pressing a chosen option again opens the question again
    QTest.mouseClick(panel.option_button("agent", "self"), Qt.MouseButton.LeftButton)
    assert "授权委托书" in view.materials.toPlainText()

    QTest.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert panel.answers() == {}
    assert words.DESK_MATERIAL_COUNT.format(count=5) in view.materials.toPlainText()


def test_situation_buttons_work_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    open_xcg(qtbot, window)
    button = window.guide_view.situations.option_button("operator", "company")
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert window.guide_view.situations.answers() == {"operator": "company"}


def test_an_unpublished_bundle_says_so(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "chaoshi")
    assert UNPUBLISHED in str(window.search_panel.model.index(0, 0).data())
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    view = window.guide_view
    assert view.bundle is not None
    assert view.bundle.code == "T-YJS-009"
    assert "指南未发布：该事项办事指南尚未发布，暂不能受理" in guide_text(view)
    assert not view.materials.isVisible()
    assert not view.situations.isVisible()
    assert not view.sample_notice.isVisible()


def test_unpublished_rows_are_greyed(window: MainWindow) -> None:
    assert window.search_panel.hits()[:2] == ["T-YJS-006", XCG_CODE]
    assert darkest_text(window, 0) > darkest_text(window, 1) + 60


def test_clicking_a_hit_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    results = window.search_panel.results
    rect = results.visualRect(window.search_panel.model.index(1, 0))
    QTest.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert window.guide_view.bundle is not None
    assert window.guide_view.bundle.code == XCG_CODE
    assert QApplication.focusWidget() is window.search_panel.box


def test_escape_clears_the_search_and_returns_to_it(qtbot: QtBot, window: MainWindow) -> None:
    open_xcg(qtbot, window)
    button = window.guide_view.situations.option_button("operator", "company")
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Escape)
    assert window.search_panel.box.text() == ""
    assert len(window.search_panel.hits()) == 4
    assert QApplication.focusWidget() is window.search_panel.box


def test_ctrl_f_and_f3_focus_the_search(qtbot: QtBot, window: MainWindow) -> None:
    open_xcg(qtbot, window)
    shortcuts = ((Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier))
    for key, modifier in shortcuts:
        button = window.guide_view.situations.reset_button
        button.setFocus()
        assert QApplication.focusWidget() is button
        QTest.keyClick(button, key, modifier)
        assert QApplication.focusWidget() is window.search_panel.box
        assert window.search_panel.box.selectedText() == "xcg"


def test_a_search_without_hits_says_so(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "qqqq")
    assert window.search_panel.hits() == []
    assert window.search_panel.count.text() == words.DESK_SEARCH_NO_HIT
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    assert window.guide_view.bundle is None


def test_a_new_version_of_the_guide_on_screen_brought_by_the_sync_is_shown_at_once(
    qtbot: QtBot, window: MainWindow, catalog_dir: Path
) -> None:
    """The bundled catalog brings a new version of the guide the clerk has open (the sync runs while the clerk
    searches): the page shows the new version, so nothing is read to an applicant from the old one."""
    open_xcg(qtbot, window)
    before = window.version_label.text()
    assert "0482-8261008" in guide_text(window.guide_view)
    guide = catalog_dir / "008.toml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("0482-8261008", "0482-8261099"), encoding="utf-8")
    with qtbot.waitSignal(window.catalog_ready, timeout=SYNC_TIMEOUT_MS) as ready:
        window.start_sync()
    assert ready.args == [True]
    assert window.version_label.text() != before  # read again before the catalog is said ready
    assert "0482-8261099" in guide_text(window.guide_view)
    assert "0482-8261008" not in guide_text(window.guide_view)
