"""Every window the desk opens takes the keyboard: what the clerk types next lands where it belongs.

The offscreen platform activates a shown window by itself, so the checks are on the focus widget and on
where typed keys end up, not on the window manager.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.catalog.imports import import_source
from counter.actions.site.demo import run_demo
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.ui.keyboard.focus import first_control
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.start.start_window import start_sign_in
from tests.conftest import SHIPPED_CATALOG
from tests.ui.conftest import start_window
from tests.ui.intake.helpers import commit, fill_person, leave_unprinted, refuse
from tests.ui.signin.test_sign_in import PASSWORD, add, type_in

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def hall(db: Store) -> Store:
    add(db.sessions(), "clerk01", "乌兰", Role.CLERK)
    return db


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, window: QWidget, key: Qt.Key) -> None:
    """A key to the desk's main window, as the clerk gives it: the window active first."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, key)


def focus_is(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    assert widget.window().isActiveWindow()


@pytest.mark.slow
def test_f6_puts_the_keyboard_in_the_case_list_and_titles_its_window(qtbot: QtBot, db: Store) -> None:
    import_source(db.sessions(), SHIPPED_CATALOG)
    run_demo(db.sessions(), Desk(DeskIdentity("XAM01", "1"), "乌兰"), TODAY)
    window = start_window(qtbot, MainWindow(InProcess(db, clock=Clock(TODAY)), None))
    press(qtbot, window, Qt.Key.Key_F6)
    lists = window.desk_actions.cases().lists
    assert lists is not None
    assert lists.windowTitle() == "【培训】办件清单：今日本窗口与容缺到期"  # a training desk (--today) says so
    focus_is(qtbot, lists.today_table)
    QTest.keyClick(lists.today_table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # the second list
    focus_is(qtbot, lists.due_table)
    press(qtbot, window, Qt.Key.Key_F6)  # again: the open window comes back with the keyboard in it
    focus_is(qtbot, lists.due_table)


def test_f7_puts_the_keyboard_in_the_case_number_field(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_F7)
    dialog = window.desk_actions.case_no_dialog
    assert isinstance(dialog, QInputDialog)
    field = dialog.findChild(QLineEdit)
    assert field is not None
    focus_is(qtbot, field)
    QTest.keyClicks(focused(), "XAM01")
    assert dialog.textValue() == "XAM01"
    assert window.search_panel.box.text() == ""


def test_f8_puts_the_keyboard_in_the_first_control_of_each_page(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_F8)
    supervision = window.desk_actions.supervisor
    assert supervision is not None
    qtbot.addWidget(supervision)
    for index in range(supervision.count()):
        page = supervision.widget(index)
        assert page is not None
        control = first_control(page)
        assert control is not None, supervision.tabText(index)
        focus_is(qtbot, control)
        QTest.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Tab: the next page


def test_f10_puts_the_keyboard_in_the_first_field_of_the_set_up_form(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_F10)
    page = window.desk_actions.sync_page
    assert page is not None
    focus_is(qtbot, page.site_form.kind)
    press(qtbot, window, Qt.Key.Key_F10)  # again, from the desk: the page comes back with the keyboard in it
    focus_is(qtbot, page.site_form.kind)


def test_f12_puts_the_keyboard_on_the_chosen_text_size(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_F12)
    dialog = window.desk_actions.text_size
    assert dialog is not None
    chosen = dialog.chosen()
    focus_is(qtbot, dialog.choices[chosen])
    QTest.keyClick(focused(), Qt.Key.Key_Down)
    assert dialog.chosen() != chosen  # the arrow reached the dialog, not the search box


def test_the_lock_asks_for_the_password_and_unlocking_gives_the_keyboard_back(
    qtbot: QtBot, hall: Store, resources: Path
) -> None:
    window = start_window(qtbot, MainWindow(InProcess(hall), resources / "catalog"))
    window.hide()
    sign_in = start_sign_in(window, window.runner.service, begin_work=False)
    qtbot.addWidget(sign_in.window)
    with qtbot.waitSignal(sign_in.signed_in):
        type_in(qtbot, sign_in, "clerk01", PASSWORD)
    press(qtbot, window, Qt.Key.Key_F7)
    dialog = window.desk_actions.case_no_dialog
    assert dialog is not None
    field = dialog.findChild(QLineEdit)
    assert field is not None
    focus_is(qtbot, field)
    QTest.keyClicks(field, "XAM")
    QTest.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: sign_in.is_locked)
    focus_is(qtbot, sign_in.window.password)
    with qtbot.waitSignal(sign_in.unlocked):
        QTest.keyClicks(focused(), PASSWORD)
        QTest.keyClick(focused(), Qt.Key.Key_Return)
    focus_is(qtbot, field)  # where the clerk was typing
    QTest.keyClicks(focused(), "01")
    assert dialog.textValue() == "XAM01"

    dialog.reject()  # the dialog gone, unlocking puts the keyboard in the search box
    sign_in.lock()
    focus_is(qtbot, sign_in.window.password)
    with qtbot.waitSignal(sign_in.unlocked):
        QTest.keyClicks(focused(), PASSWORD)
        QTest.keyClick(focused(), Qt.Key.Key_Return)
    focus_is(qtbot, window.search_panel.box)


@pytest.mark.slow
def test_esc_after_a_commit_gives_the_keyboard_back_to_the_desk_for_the_next_f5(
    qtbot: QtBot, window: MainWindow
) -> None:
    QTest.keyClicks(window.search_panel.box, "xcg")
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert panel is not None  # the desk's child: freed by the desk at the next F5, not by the test
    fill_person(panel)
    refuse(panel)
    commit(qtbot, panel)
    focus_is(qtbot, panel.print_button)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    leave_unprinted(qtbot, panel)  # nothing printed: closed with a reason
    focus_is(qtbot, window.search_panel.box)
    QTest.keyClick(focused(), Qt.Key.Key_F5)  # the next applicant, one key away
    assert window.desk_actions.intake is not panel


@pytest.mark.parametrize("key", [Qt.Key.Key_F6, Qt.Key.Key_F8, Qt.Key.Key_F10], ids=["F6", "F8", "F10"])
def test_esc_closes_the_window_an_f_key_opened(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    press(qtbot, window, key)
    actions = window.desk_actions
    opened: QWidget | None = {
        Qt.Key.Key_F6: actions.cases().lists,
        Qt.Key.Key_F8: actions.supervisor,
        Qt.Key.Key_F10: actions.sync_page,
    }[key]
    assert opened is not None
    qtbot.waitUntil(opened.isActiveWindow)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not opened.isVisible())
    if opened.parentWidget() is window:  # the desk's own (F8's window stands alone, for a screen of its own)
        focus_is(qtbot, window.search_panel.box)  # back at the desk for the next F5, with or without a window manager


@pytest.mark.slow
def test_the_f_keys_answer_from_the_intake_as_from_the_desk(qtbot: QtBot, window: MainWindow) -> None:
    QTest.keyClicks(window.search_panel.box, "xcg")
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert panel is not None
    qtbot.waitUntil(panel.isActiveWindow)
    QTest.keyClick(focused(), Qt.Key.Key_F6)  # the applicant asks after an earlier case, mid-intake
    lists = window.desk_actions.cases().lists
    assert lists is not None
    focus_is(qtbot, lists.today_table)
    assert panel.isVisible()  # the intake waits, as it was


def test_no_f_key_opens_anything_while_the_screen_is_locked(qtbot: QtBot, hall: Store, resources: Path) -> None:
    window = start_window(qtbot, MainWindow(InProcess(hall), resources / "catalog"))
    window.hide()
    sign_in = start_sign_in(window, window.runner.service, begin_work=False)
    qtbot.addWidget(sign_in.window)
    with qtbot.waitSignal(sign_in.signed_in):
        type_in(qtbot, sign_in, "clerk01", PASSWORD)
    sign_in.lock()
    focus_is(qtbot, sign_in.window.password)
    for key in (Qt.Key.Key_F6, Qt.Key.Key_F7, Qt.Key.Key_F8, Qt.Key.Key_F10):
        QTest.keyClick(focused(), key)
    actions = window.desk_actions
    assert actions.cases().lists is None
    assert (actions.case_no_dialog, actions.supervisor, actions.sync_page) == (None, None, None)
    assert QApplication.activeWindow() is sign_in.window
