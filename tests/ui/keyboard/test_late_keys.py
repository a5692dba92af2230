"""The keys typed straight after the first-start set-up page closes reach the desk's search, not the page closed.

The window system addresses each key to the window that had the keyboard when it was pressed: typed on at once
after Esc, the first keys still arrive at the closed page (under Xvfb they went into its hidden form and the search
stayed empty).  They are delivered here as the window system delivers them, to the closed page's own window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from counter.ui.mainwindow.main_window import MainWindow


def typed_to(window: QWindow, text: str) -> None:
    for char in text:
        key = Qt.Key(ord(char.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(window, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def test_the_first_keys_after_the_set_up_page_closes_reach_the_search(qtbot: QtBot, window: MainWindow) -> None:
    window.desk_actions.offer_site_set_up()  # a site nobody has set up: the form comes by itself
    page = window.desk_actions.sync_page
    assert page is not None
    assert page.site_form.isVisible()
    qtbot.waitUntil(page.isActiveWindow)
    handle = page.windowHandle()
    assert handle is not None
    kind = page.site_form.kind.currentIndex()
    QTest.keyClick(page.focusWidget(), Qt.Key.Key_Escape)
    assert not page.isVisible()
    typed_to(handle, "xcg")  # pressed before the window system saw the page go
    assert window.search_panel.box.text() == "xcg"
    assert page.site_form.kind.currentIndex() == kind  # nothing went into the hidden form
    qtbot.waitUntil(window.search_panel.box.hasFocus)


def test_a_page_shown_again_takes_its_own_keys(qtbot: QtBot, window: MainWindow) -> None:
    window.desk_actions.offer_site_set_up()
    page = window.desk_actions.sync_page
    assert page is not None
    qtbot.waitUntil(page.isActiveWindow)
    QTest.keyClick(page.focusWidget(), Qt.Key.Key_Escape)
    window.desk_actions.open_sync()  # F10 again
    qtbot.waitUntil(page.isActiveWindow)
    field = page.site_form.code
    field.setFocus()
    handle = page.windowHandle()
    assert handle is not None
    typed_to(handle, "1")
    assert window.search_panel.box.text() == ""
    assert field.text().endswith("1")
