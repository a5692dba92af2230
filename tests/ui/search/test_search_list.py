"""The window's search list on the shipped catalog: what people type, the "您要找的是不是" line, 5,000 bundles."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListView, QSplitter, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from counter.actions.catalog.guides import search_entries
from counter.actions.site.store import Store
from counter.catalog.search import SEGMENT, SearchEntry, SearchIndex
from counter.service.local import InProcess
from counter.ui import words
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.search.hit_delegate import HIT_ROLE, NAME_ROLE, NUMBER_ROLE, STATUS_ROLE, HitDelegate
from counter.ui.search.hit_model import CODE_ROLE, PAGE, HitModel
from counter.ui.search.search_panel import SearchPanel
from tests.ui.conftest import start_window

SMALL_RESTAURANT = "XAM-YJS-008"
SMALL_RESTAURANT_NAME = "我要开小餐馆（50平方米以下）"


@pytest.fixture(scope="module")
def shipped_db(tmp_path_factory: pytest.TempPathFactory, shipped_catalog_db: Path) -> Path:
    """The module's own copy of the run's catalog file: a test that only reads it opens it as it is."""
    path = tmp_path_factory.mktemp("shipped") / "catalog.sqlite3"
    shutil.copyfile(shipped_catalog_db, path)
    return path


@pytest.fixture
def window(qtbot: QtBot, shipped_db: Path, tmp_path: Path) -> Iterator[MainWindow]:
    """The desk window on a database holding the shipped catalog, its index read from the database."""
    path = tmp_path / "desk.sqlite3"
    shutil.copy(shipped_db, path)
    store = Store(f"sqlite:///{path}", create=True)
    yield start_window(qtbot, MainWindow(InProcess(store), None))
    store.dispose()


def type_into_the_box(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Letters as key presses, hanzi as an input method commits them; returns once the list has the answer."""
    box = window.search_panel.box
    for char in text:
        with qtbot.waitSignal(window.search_panel.model.modelReset):
            if char.isascii():
                QTest.keyClicks(box, char)
            else:
                event = QInputMethodEvent()
                event.setCommitString(char)
                QApplication.sendEvent(box, event)
    assert box.text() == text


def first_row_text(window: MainWindow) -> str:
    return str(window.search_panel.model.index(0, 0).data())


@pytest.mark.parametrize(("query", "typo"), [("开饭店", False), ("小参馆", True), ("xcgg", True)])
def test_what_people_type_lists_the_small_restaurant_first_and_enter_opens_it(
    qtbot: QtBot, window: MainWindow, query: str, typo: bool
) -> None:
    panel = window.search_panel
    type_into_the_box(qtbot, window, query)
    assert panel.hits()[0] == SMALL_RESTAURANT
    assert first_row_text(window) == f"8 {SMALL_RESTAURANT_NAME}"
    assert isinstance(panel.results, QListView)
    assert panel.suggestion.isVisible() is typo
    if typo:
        assert panel.suggestion.text() == f"您要找的是不是：{SMALL_RESTAURANT_NAME}"
        assert panel.count.text() == words.DESK_SEARCH_NEAR.format(count=len(panel.hits()))
    else:
        assert panel.count.text() == words.DESK_SEARCH_HITS.format(count=len(panel.hits()))
    QTest.keyClick(panel.box, Qt.Key.Key_Return)
    assert window.guide_view.bundle is not None
    assert window.guide_view.bundle.code == SMALL_RESTAURANT


def test_a_click_on_the_suggestion_opens_it_and_the_keys_stay_in_the_box(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.search_panel
    type_into_the_box(qtbot, window, "xiaocangaun")
    with qtbot.waitSignal(panel.bundle_chosen) as chosen:
        QTest.mouseClick(panel.suggestion, Qt.MouseButton.LeftButton)
    assert chosen.args == [SMALL_RESTAURANT]
    assert window.guide_view.bundle is not None
    assert window.guide_view.bundle.code == SMALL_RESTAURANT
    assert QApplication.focusWidget() is panel.box
    assert panel.current_row() == 0  # the suggested bundle heads the list, and is highlighted


def test_with_no_hit_at_all_the_nearest_bundle_is_offered(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.search_panel
    type_into_the_box(qtbot, window, "我想开个饭店")
    assert panel.hits() == []
    assert panel.count.text() == words.DESK_SEARCH_NO_HIT
    assert panel.suggestion.text() == f"您要找的是不是：{SMALL_RESTAURANT_NAME}"
    with qtbot.waitSignal(panel.bundle_chosen):
        QTest.keyClick(panel.box, Qt.Key.Key_Enter)
    assert window.guide_view.bundle is not None
    assert window.guide_view.bundle.code == SMALL_RESTAURANT
    panel.box.setFocus()
    with qtbot.waitSignal(panel.model.modelReset):
        QTest.keyClick(panel.box, Qt.Key.Key_Escape)  # nothing typed: every bundle, no suggestion
    assert not panel.suggestion.isVisible()
    assert len(panel.hits()) == 103


def test_with_nothing_found_and_nothing_near_the_arrows_and_enter_open_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Letters that name no bundle and none near: ↓ and Enter leave the guide page as it was, the keys in the box
    to type again, rather than open some other bundle's guide."""
    panel = window.search_panel
    type_into_the_box(qtbot, window, "qqqqqq")
    assert panel.hits() == []
    assert not panel.suggestion.isVisible()
    assert panel.count.text() == words.DESK_SEARCH_NO_HIT
    with qtbot.assertNotEmitted(panel.bundle_chosen):
        QTest.keyClick(panel.box, Qt.Key.Key_Down)
        QTest.keyClick(panel.box, Qt.Key.Key_Return)
    assert panel.current_row() == -1
    assert window.guide_view.bundle is None
    assert QApplication.focusWidget() is panel.box


def test_a_draft_guide_is_marked_daihe_not_weifabu(qtbot: QtBot, window: MainWindow) -> None:
    """A 待核 guide is taken in training or where the site allows it: the list must not call it 指南未发布."""
    panel = window.search_panel
    type_into_the_box(qtbot, window, "木材加工")
    assert panel.hits()[0] == "XAM-YJS-101"
    row = panel.model.index(0, 0)
    assert first_row_text(window) == f"101 我要开木材加工厂 {words.DESK_DRAFT_TAG}"
    assert row.data(STATUS_ROLE) == "draft"
    assert words.DESK_UNPUBLISHED_TAG not in first_row_text(window)
    panel.box.clear()
    qtbot.waitUntil(lambda: len(panel.hits()) == 103)
    shown = [str(panel.model.index(n, 0).data()) for n in range(panel.model.rowCount())]
    assert not [text for text in shown if text.endswith(words.DESK_UNPUBLISHED_TAG)]


class CountingDelegate(HitDelegate):
    """The window's delegate, counting the rows the view lays out."""

    sized = 0

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        self.sized += 1
        return super().sizeHint(option, index)


class CountingModel(HitModel):
    """The window's model, noting each role the view asks of it."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[int] = []

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        self.asked.append(role)
        return super().data(index, role)


def test_a_row_is_measured_and_drawn_from_one_question_to_the_model(qtbot: QtBot) -> None:
    """The delegate takes the hit whole: no role apiece for its number, name and status, each a trip through Qt."""
    entries = [SearchEntry(f"G-{n}", n, f"我要开第{n}号小店", n % 2 == 0, f"{SEGMENT}\x01xd{n}") for n in range(1, 20)]
    model = CountingModel()
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(HitDelegate(view))
    view.resize(400, 600)
    view.show()
    qtbot.waitExposed(view)
    model.show_hits(SearchIndex(entries).find("x").hits)
    qtbot.waitUntil(lambda: HIT_ROLE in model.asked)
    view.viewport().repaint()
    assert not {NUMBER_ROLE, NAME_ROLE, STATUS_ROLE, CODE_ROLE} & set(model.asked)


def test_five_thousand_bundles_lay_out_a_page_and_the_rest_as_the_clerk_goes_down(qtbot: QtBot, tmp_path: Path) -> None:
    entries = [
        SearchEntry(f"G-{n:05}", n, f"我要开第{n}号小店", True, f"{SEGMENT}\x01第{n}号小店{SEGMENT}\x01xd{n}")
        for n in range(1, 5001)
    ]
    store = Store(f"sqlite:///{tmp_path / 'never-opened.sqlite3'}", create=True)
    window = start_window(qtbot, MainWindow(InProcess(store), None, entries))
    panel = window.search_panel
    delegate = CountingDelegate(panel.results)
    panel.results.setItemDelegate(delegate)
    type_into_the_box(qtbot, window, "xd")
    assert len(panel.hits()) == 5000
    assert panel.count.text() == words.DESK_SEARCH_HITS.format(count=5000)
    assert panel.model.rowCount() <= 2 * PAGE
    assert delegate.sized <= 2 * PAGE
    for _ in range(3 * PAGE):
        QTest.keyClick(panel.box, Qt.Key.Key_Down)
    assert panel.current_row() == 3 * PAGE - 1
    assert panel.model.rowCount() <= 5 * PAGE
    assert panel.model.index(3 * PAGE - 1, 0).data() == f"{3 * PAGE} 我要开第{3 * PAGE}号小店"
    store.dispose()


def test_the_list_holds_every_hit_in_order_and_the_keys_reach_the_last(qtbot: QtBot, tmp_path: Path) -> None:
    """Rows are handed over a page at a time, yet what the clerk can reach is the whole answer, in its order."""
    entries = [
        SearchEntry(f"G-{n:05}", n, f"我要开第{n}号小店" + "兼营批发零售" * (n % 3), True, f"{SEGMENT}\x01xd{n}")
        for n in range(1, 301)
    ]
    expected = [hit.bundle_code for hit in SearchIndex(entries).find("x").hits]
    store = Store(f"sqlite:///{tmp_path / 'never-opened.sqlite3'}", create=True)
    window = start_window(qtbot, MainWindow(InProcess(store), None, entries))
    panel = window.search_panel
    type_into_the_box(qtbot, window, "x")
    assert panel.hits() == expected
    assert panel.model.rowCount() < len(expected)
    for _ in range(len(expected) // 10 + 1):
        QTest.keyClick(panel.box, Qt.Key.Key_PageDown)
    assert panel.current_row() == len(expected) - 1
    assert panel.model.rowCount() == len(expected)
    shown = [panel.model.index(row, 0).data(CODE_ROLE) for row in range(panel.model.rowCount())]
    assert shown == expected
    with qtbot.waitSignal(window.search_panel.bundle_chosen) as chosen:
        QTest.keyClick(panel.box, Qt.Key.Key_Return)
    assert chosen.args == [expected[-1]]
    store.dispose()


def test_a_row_is_as_tall_as_its_name_wraps_at_the_width_the_list_has(qtbot: QtBot, tmp_path: Path) -> None:
    """Row heights are kept per name and width: a narrower list wraps a long name onto more lines, and rows grow."""
    long_name = "我要开办食品生产企业兼营批发零售及餐饮服务" * 2
    entries = [SearchEntry("G-1", 1, long_name, True, f"{SEGMENT}\x01xd"), SearchEntry("G-2", 2, "短", True, "")]
    store = Store(f"sqlite:///{tmp_path / 'never-opened.sqlite3'}", create=True)
    window = start_window(qtbot, MainWindow(InProcess(store), None, entries))
    results = window.search_panel.results
    wide = results.visualRect(window.search_panel.model.index(0, 0)).height()
    short = results.visualRect(window.search_panel.model.index(1, 0)).height()
    [splitter] = window.findChildren(QSplitter)
    splitter.setSizes([results.width() // 2 + 60, 2000])
    qtbot.waitUntil(lambda: results.visualRect(window.search_panel.model.index(0, 0)).height() > wide)
    assert results.visualRect(window.search_panel.model.index(1, 0)).height() == short
    store.dispose()


def test_rows_are_measured_again_when_only_the_width_of_the_list_changes(qtbot: QtBot, shipped_db: Path) -> None:
    """The scroll bar appearing after the rows were measured narrows the list by its width alone: rows measured at
    the wider width kept their height until something else laid them out again, so a name that then wrapped onto a
    second line was drawn over the next row (我要开医疗器械店（第三类医疗器械） over 我要开农药店, at 1366×768), and
    another was cut at the right."""
    store = Store(f"sqlite:///{shipped_db}")
    entries = store.read(search_entries)
    store.dispose()
    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    panel.set_index(SearchIndex(entries))
    results, model = panel.results, panel.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and results.verticalScrollBar().isVisible())

    def measured_at_the_width_drawn() -> bool:
        """Every row as wide as the list is now, and as tall as its name needs at that width."""
        width = results.viewport().width()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            drawn = results.visualRect(index)
            if drawn.width() != width or drawn.height() != results.sizeHintForIndex(index).height():
                return False
        return True

    qtbot.waitUntil(measured_at_the_width_drawn)
    for width in (330, 300, 270):  # narrower by the width alone, as the scroll bar makes it
        panel.resize(width, 600)
        qtbot.waitUntil(measured_at_the_width_drawn, timeout=2000)
