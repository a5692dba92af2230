"""From the main window to the rest of the desk: F5 intake, a kept draft, a scanned case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from counter.access.desk import Desk
from counter.actions.catalog.imports import import_source
from counter.actions.site.demo import run_demo
from counter.actions.site.store import Store
from counter.case.demo_cases import DemoCase
from counter.case.numbers import DeskIdentity
from counter.service.call import Clock
from counter.service.local import InProcess
from counter.ui.cases.scanner import ScannerFilter
from counter.ui.cases.tables import numbers
from counter.ui.intake import IntakePanel
from counter.ui.mainwindow.main_window import MainWindow
from tests.conftest import SHIPPED_CATALOG
from tests.ui.conftest import start_window
from tests.ui.intake.helpers import commit, fill_person, refuse

TODAY = dt.date(2026, 11, 20)


def demo_desk(qtbot: QtBot, db: Store, desk_no: str = "1", clerk: str = "乌兰") -> tuple[list[DemoCase], MainWindow]:
    """The shipped catalog and the training demo's cases taken at desk ``desk_no`` on TODAY, and the desk's window
    on that day."""
    import_source(db.sessions(), SHIPPED_CATALOG)
    made = run_demo(db.sessions(), Desk(DeskIdentity("XAM01", desk_no), clerk), TODAY)
    return made, start_window(qtbot, MainWindow(InProcess(db, clock=Clock(TODAY)), None))


def open_bundle(window: MainWindow, query: str) -> None:
    QTest.keyClicks(window.search_panel.box, query)
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)


def shown_messages(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_f5_opens_the_intake_for_the_guide_on_screen(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert isinstance(panel, IntakePanel)
    assert panel.isVisible()
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.applicant_form.id_field.edit)
    assert panel.isActiveWindow()  # the ID number typed next goes to the intake, not the search box
    # a second F5 does not open a second panel over the desk's one draft
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert window.desk_actions.intake is panel
    assert any("已经打开" in text for text in shown_messages(window))


@pytest.mark.slow
def test_f5_after_a_commit_starts_the_next_intake_with_the_keyboard_in_it(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    first = window.desk_actions.intake
    assert first is not None
    fill_person(first)
    refuse(first)
    commit(qtbot, first)
    assert first.isVisible()  # the case number stays in view for the applicant
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    freed: list[bool] = []
    first.destroyed.connect(lambda: freed.append(True))
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: freed == [True])  # done with: closed and freed, not piled up
    second = window.desk_actions.intake
    assert second is not None
    qtbot.addWidget(second)
    assert second.isVisible()
    assert not second.committed
    assert not any("已经打开" in text for text in shown_messages(window))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is second.applicant_form.id_field.edit)
    assert second.isActiveWindow()


@pytest.mark.slow
def test_the_next_applicants_initials_replace_the_last_search(qtbot: QtBot, window: MainWindow) -> None:
    """After an intake the search that found its bundle is selected: 'lfd' typed next searches for 'lfd', not
    'xcglfd'; the same once its window is closed."""
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    first = window.desk_actions.intake
    assert first is not None
    fill_person(first)
    refuse(first)
    commit(qtbot, first)
    window.activateWindow()  # the clerk turns to the desk, the case number still on the intake's window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_panel.box)
    QTest.keyClicks(window.search_panel.box, "lfd")
    assert window.search_panel.box.text() == "lfd"
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    QTest.keyClick(window, Qt.Key.Key_F5)
    second = window.desk_actions.intake
    assert second is not None
    assert second is not first
    qtbot.addWidget(second)
    qtbot.waitUntil(second.isActiveWindow)
    second.close()  # nothing filled: closed without a question
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_panel.box)
    QTest.keyClicks(window.search_panel.box, "xcg")
    assert window.search_panel.box.text() == "xcg"


def test_an_unpublished_guide_cannot_be_taken(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xse")  # 新生儿: unpublished in the test catalog
    assert window.guide_view.bundle is not None
    assert not window.guide_view.bundle.published
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert window.desk_actions.intake is None
    assert any("指南未发布" in text for text in shown_messages(window))


def typing_goes_past_the_bar(qtbot: QtBot, window: MainWindow) -> None:
    """With the draft bar shown, what the clerk types lands in the search (the bar's 恢复 never takes it) and Enter
    opens the guide searched for, never the draft (another applicant's)."""
    assert window.draft_offer.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_panel.box)
    QTest.keyClicks(window.search_panel.box, "xcg")
    assert window.search_panel.box.text() == "xcg"
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_bundle is not None)
    assert window.desk_actions.intake is None or not window.desk_actions.intake.isVisible()
    assert window.draft_offer.isVisible()  # still offered: the clerk takes it back when she chooses


@pytest.mark.slow
def test_an_unfinished_intake_is_offered_back_after_a_crash(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    first = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    open_bundle(first, "xcg")
    QTest.keyClick(first, Qt.Key.Key_F5)
    panel = first.desk_actions.intake
    assert panel is not None
    qtbot.addWidget(panel)
    panel.applicant_form.name.setText("乌云其木格")
    assert panel.drafts.save_now()
    # the power goes: no close, no commit; the next start finds the draft
    second = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    second.offer_draft()
    assert second.draft_offer.isVisible()
    assert "上次未完成的受理" in second.draft_offer.label.text()
    second.activateWindow()
    qtbot.waitUntil(second.isActiveWindow)
    typing_goes_past_the_bar(qtbot, second)
    QTest.keyClick(second.search_panel.box, Qt.Key.Key_Tab)  # the clerk goes to the bar
    assert QApplication.focusWidget() is second.draft_offer.restore_button
    QTest.keyClick(second.draft_offer.restore_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is second.search_panel.box  # back to typing, never to 放弃 first
    QTest.keyClick(second.search_panel.box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second.draft_offer.restore_button
    QTest.mouseClick(second.draft_offer.restore_button, Qt.MouseButton.LeftButton)
    restored = second.desk_actions.intake
    assert restored is not None
    qtbot.addWidget(restored)
    assert restored.applicant_form.name.text() == "乌云其木格"
    assert not second.draft_offer.isVisible()


@pytest.mark.slow
def test_an_intake_closed_unfinished_is_offered_back_at_once_and_enter_on_the_bar_restores_it(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert panel is not None
    panel.applicant_form.name.setText("乌云其木格")
    panel.close()  # as its window's close button or Alt+F4 closes it: a filled intake asks first
    question = panel.close_question
    assert question is not None
    qtbot.waitUntil(question.isVisible)
    assert panel.isVisible()
    QTest.keyClick(question, Qt.Key.Key_Escape)  # 继续受理
    qtbot.waitUntil(lambda: not question.isVisible())
    assert panel.isVisible()
    assert not window.draft_offer.isVisible()
    panel.close()
    qtbot.waitUntil(question.isVisible)
    QTest.keyClick(question, Qt.Key.Key_Return)  # 关闭，保留草稿
    qtbot.waitUntil(window.draft_offer.isVisible)  # offered at once, not at the next start
    assert not panel.isVisible()
    assert "未完成的受理" in window.draft_offer.label.text()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    typing_goes_past_the_bar(qtbot, window)
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Tab)  # the clerk goes to the bar
    assert QApplication.focusWidget() is window.draft_offer.restore_button
    QTest.keyClick(window.draft_offer.restore_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.search_panel.box  # back to typing, never to 放弃 or the guide first
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Tab)
    QTest.keyClick(window.draft_offer.restore_button, Qt.Key.Key_Return)
    restored = window.desk_actions.intake
    assert restored is not None
    assert restored is not panel
    qtbot.addWidget(restored)
    assert restored.applicant_form.name.text() == "乌云其木格"
    assert not window.draft_offer.isVisible()


@pytest.mark.slow
def test_a_scanned_case_number_opens_its_page(qtbot: QtBot, db: Store) -> None:
    made, window = demo_desk(qtbot, db)
    clock = iter(range(0, 10_000, 5))
    scanner = ScannerFilter(clock=lambda: next(clock))
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(scanner)
    scanner.case_scanned.connect(window.desk_actions.on_case_scanned)
    try:
        with qtbot.waitSignal(scanner.case_scanned):
            QTest.keyClicks(window.search_panel.box, made[0].case_no)
            QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    finally:
        app.removeEventFilter(scanner)
    pages = [w for w in QApplication.topLevelWidgets() if w.isVisible() and made[0].case_no in w.windowTitle()]
    assert pages, [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert window.search_panel.box.text() == ""  # the scan did not stay in the search box


def ask_f7(qtbot: QtBot, window: MainWindow, typed: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F7)
    dialog = window.desk_actions.case_no_dialog
    assert dialog is not None
    dialog.setTextValue(typed)
    dialog.accept()


@pytest.mark.slow
def test_f7_finds_a_case_by_what_the_applicant_has_at_hand(qtbot: QtBot, db: Store) -> None:
    _, window = demo_desk(qtbot, db)

    def titled() -> list[str]:
        return [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]

    ask_f7(qtbot, window, "0006")  # the number's last digits, off the paper: one case, opened
    qtbot.waitUntil(lambda: any("XAM01-20261120-01-0006" in title for title in titled()))
    ask_f7(qtbot, window, "15148201234")  # the phone: 刘志强's one case
    qtbot.waitUntil(lambda: any("XAM01-20261120-01-0004" in title for title in titled()))
    ask_f7(qtbot, window, "152201199512090357")  # 赵雪梅 came twice: both listed, the newest first
    finder = window.desk_actions.cases().finder
    assert finder is not None
    assert numbers(finder.table) == ["XAM01-20261120-01-0005", "XAM01-20261120-01-0003"]
    assert all(finder.table.item(row, 2).text() == "赵雪梅" for row in range(2))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is finder.table)
    QTest.keyClick(finder.table, Qt.Key.Key_Down)
    QTest.keyClick(finder.table, Qt.Key.Key_Return)  # the older of the two
    qtbot.waitUntil(lambda: any("XAM01-20261120-01-0003" in title for title in titled()))
    ask_f7(qtbot, window, "孟根")  # the beginning of a name
    qtbot.waitUntil(lambda: any("XAM01-20261120-01-0006" in title for title in titled()))
    ask_f7(qtbot, window, "巴特尔")  # nobody of that name: said in the finder, the keyboard back in its field
    qtbot.waitUntil(lambda: finder.summary.text().startswith("近90天内没有与“巴特尔”相符的办件"))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is finder.field)
    assert numbers(finder.table) == []


@pytest.mark.slow
def test_f9_sends_the_last_service_to_the_pad_and_f8_opens_supervision(qtbot: QtBot, db: Store) -> None:
    made, window = demo_desk(qtbot, db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    window.start_pad()
    pad = window.desk_actions.pad
    assert pad is not None
    qtbot.addWidget(pad.pad)
    window.desk_actions.on_case_taken(made[0].case_no)
    QTest.keyClick(window, Qt.Key.Key_F9)
    case = pad.pad.case
    assert case is not None
    assert case.case_no == made[0].case_no
    assert "评价中" in pad.status_label.text()
    QTest.keyClick(window, Qt.Key.Key_F8)
    supervision = window.desk_actions.supervisor
    assert supervision is not None
    qtbot.addWidget(supervision)
    assert supervision.isVisible()
    window.close()
    assert not pad.pad.isVisible()


@pytest.mark.slow
def test_a_bad_rating_at_another_desk_alerts_the_supervisor(qtbot: QtBot, db: Store) -> None:
    from counter.actions.admin.calendar import office_calendar
    from counter.actions.ratings.record import record_rating, send_to_pad
    from counter.host.machine.desk_at import desk_at
    from counter.host.machine.desk_config import DeskConfig
    from counter.ratings.choice import RatingChoice
    from counter.ratings.levels import Level

    made, window = demo_desk(qtbot, db, "2", "包金花")
    window.start_pad()
    pad = window.desk_actions.pad
    assert pad is not None
    qtbot.addWidget(pad.pad)
    assert window.alert_timer.isActive()
    other = desk_at(DeskConfig(desk_no="2", clerk="包金花"))
    now = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.UTC)
    sessions = db.sessions()
    with sessions.begin() as s:
        request = send_to_pad(s, made[0].case_no, other, now)
    with sessions.begin() as s:
        choice = RatingChoice(Level.VERY_DISSATISFIED, ("服务态度差",))
        record_rating(s, request.request_id, choice, other, now, office_calendar(s))
    window.desk_actions.check_alerts()
    assert "新差评 1 条" in window.supervise_button.text()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    QTest.keyClick(window, Qt.Key.Key_F8)
    supervision = window.desk_actions.supervisor
    assert supervision is not None
    qtbot.addWidget(supervision)
    qtbot.waitUntil(lambda: "新差评" not in window.supervise_button.text())


def test_signing_out_closes_a_filled_intake_without_a_question(
    qtbot: QtBot, db: Store, catalog_dir: Path, named_desk: None
) -> None:
    """Nobody is at the desk to answer: the intake closes, kept as the desk's draft."""
    window = start_window(qtbot, MainWindow(InProcess(db), catalog_dir))
    open_bundle(window, "xcg")
    QTest.keyClick(window, Qt.Key.Key_F5)
    panel = window.desk_actions.intake
    assert panel is not None
    panel.applicant_form.name.setText("乌云其木格")
    window.desk_actions.close_work()
    assert not panel.isVisible()
    assert panel.close_question is None
