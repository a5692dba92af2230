"""F5 while the warm-up still opens the database: the intake's window at once, and what is typed into it kept."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from counter.service.local import Service
from counter.ui import words
from counter.ui.intake import IntakePanel
from counter.ui.mainwindow.main_window import MainWindow
from counter.ui.warmup.chosen_bundle import ChosenBundle
from tests.ui.intake.helpers import PERSON_ID
from tests.ui.mainwindow.test_desk_actions import open_bundle, shown_messages

#: how long the database may take to "open" before the test gives up on it
OPENS_WITHIN_S = 10


class Opening:
    """The window's service whose operations wait, as they do while the warm-up thread opens the database, until the
    test says it is open."""

    def __init__(self, service: Service) -> None:
        self._service = service
        self.asked = threading.Event()  # an operation waits for the database
        self.opened = threading.Event()

    def call(self, op: Any, request: Any, desk: Any = None, **kw: Any) -> Any:
        self.asked.set()
        self.opened.wait(OPENS_WITHIN_S)
        return self._service.call(op, request, desk, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._service, name)


def in_the_event_loop(steps: Callable[[QEventLoop], None]) -> None:
    """``steps`` run in an event loop of the application's, as ``app.exec`` runs the window: an operation's wait is a
    turn of the loop of its own under it (:mod:`counter.ui.door.runner`), as at a desk."""
    application = QEventLoop()
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(application.quit)  # steps that never end end the test, failing it on what they saw
    QTimer.singleShot(0, lambda: steps(application))
    guard.start(OPENS_WITHIN_S * 2 * 1000)
    application.exec()


def when(ready: Callable[[], bool], then: Callable[[], None]) -> None:
    """``then`` once ``ready`` holds, looked at every few milliseconds from the event loop."""
    if ready():
        then()
    else:
        QTimer.singleShot(5, lambda: when(ready, then))


def test_f5_while_the_database_opens_shows_the_intake_at_once_and_keeps_the_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_bundle(window, "xcg")
    bundle = window.current_bundle
    assert bundle is not None
    actions = window.desk_actions
    opening_db = Opening(actions.runner.service)
    actions.runner.service = opening_db  # the same calls, held
    actions.database_opening = True  # a quick start: the warm-up thread opens the database behind the window
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        QTest.keyClick(window, Qt.Key.Key_F5)  # returns at once: nothing waits on the database yet
        seen["opening"], seen["intake at F5"] = actions.opening, actions.intake
        if actions.opening is None:
            application.quit()
            return
        opening = actions.opening
        when(  # the window shown takes the keyboard, where the clerk types first, while the database opens
            lambda: opening_db.asked.is_set() and QApplication.focusWidget() is opening.id_edit,
            lambda: typed(application),
        )

    def typed(application: QEventLoop) -> None:
        # the clerk types the applicant's number while the panel waits for the database: into the intake's window
        opening = actions.opening
        assert opening is not None
        seen["focus"], seen["state"] = QApplication.focusWidget(), opening.state_label.text()
        seen["title"] = opening.windowTitle()  # read while it is shown: once the panel takes its place it is freed
        QTest.keyClicks(opening.id_edit, PERSON_ID)
        opening_db.opened.set()
        when(lambda: actions.intake is not None, application.quit)

    in_the_event_loop(steps)
    opening = seen["opening"]
    assert opening is not None, "F5 waited for the database before it showed anything"
    assert seen["intake at F5"] is None
    assert bundle.name in seen["title"]
    assert seen["focus"] is opening.id_edit  # where the clerk types first
    assert seen["state"] == "正在打开……"
    panel = actions.intake
    assert isinstance(panel, IntakePanel), "the intake never opened once the database did"
    qtbot.addWidget(panel)
    assert panel.bundle.code == bundle.code
    assert panel.applicant_form.id_field.edit.text() == PERSON_ID  # the keys typed meanwhile, not lost
    assert actions.opening is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.applicant_form.id_field.edit)


def test_an_intake_given_up_while_the_database_opens_does_not_open(qtbot: QtBot, window: MainWindow) -> None:
    open_bundle(window, "xcg")
    actions = window.desk_actions
    opening_db = Opening(actions.runner.service)
    actions.runner.service = opening_db  # the same calls, held
    actions.database_opening = True

    def steps(application: QEventLoop) -> None:
        QTest.keyClick(window, Qt.Key.Key_F5)
        opening = actions.opening
        if opening is None:
            application.quit()
            return

        def given_up() -> None:
            QTest.keyClick(opening.id_edit, Qt.Key.Key_Escape)
            opening_db.opened.set()
            when(lambda: actions.opening is None, application.quit)

        when(opening_db.asked.is_set, given_up)

    in_the_event_loop(steps)
    assert actions.opening is None
    assert actions.intake is None


def test_enter_and_f5_while_the_database_opens_show_the_name_and_the_intake_at_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    actions = window.desk_actions
    opening_db = Opening(actions.runner.service)
    actions.runner.service = opening_db  # the same calls, held
    actions.database_opening = True  # a quick start: the warm-up thread opens the database behind the window
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        open_bundle(window, "xcg")  # Enter: the guide's read waits for the database, the window does not
        seen["guide place"], seen["chosen"] = window.guide_placeholder.text(), window.guide_opening
        QTest.keyClick(window, Qt.Key.Key_F5)  # at once behind it, the guide not read yet
        opening = actions.opening
        seen["opening"], seen["intake at F5"] = opening is not None, actions.intake
        seen["title"] = opening.windowTitle() if opening is not None else ""
        opening_db.opened.set()
        when(lambda: actions.intake is not None and window.current_bundle is not None, application.quit)

    in_the_event_loop(steps)
    chosen = seen["chosen"]
    assert chosen is not None, "Enter waited for the database before it showed anything"
    assert chosen.name in seen["guide place"]
    assert seen["guide place"].endswith("正在打开……")
    assert seen["opening"], "F5 behind Enter waited for the guide before it showed anything"
    assert seen["intake at F5"] is None
    assert chosen.name in seen["title"]
    guide = window.current_bundle
    assert guide is not None
    assert guide.code == chosen.code  # the guide shown once the database answered
    assert window.guide_opening is None
    panel = actions.intake
    assert isinstance(panel, IntakePanel), "the intake never opened once the database did"
    qtbot.addWidget(panel)
    assert panel.bundle.code == chosen.code


def test_f5_behind_enter_on_a_bundle_without_a_guide_is_refused_at_once(qtbot: QtBot, window: MainWindow) -> None:
    actions = window.desk_actions
    opening_db = Opening(actions.runner.service)
    actions.runner.service = opening_db
    actions.database_opening = True
    entry = next(e for e in window._entries if not ChosenBundle.of(e).has_guide)
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        window.on_bundle_chosen(entry.bundle_code)
        QTest.keyClick(window, Qt.Key.Key_F5)
        seen["said"], seen["opening"], seen["guide"] = shown_messages(window), actions.opening, window.current_bundle
        opening_db.opened.set()
        when(lambda: window.guide_opening is None, application.quit)

    in_the_event_loop(steps)
    assert seen["guide"] is None, "F5 waited for the guide to be read"
    assert seen["opening"] is None
    assert seen["said"] == [f"“{entry.name}”指南未发布，暂不能受理。"]  # said at once, from the search's index


def test_f5_again_while_the_database_opens_brings_the_same_window_forward(qtbot: QtBot, window: MainWindow) -> None:
    """F5 pressed again (the clerk thought the first was lost) while the intake's window waits for the database: that
    window comes forward, no second one opens, and one intake follows."""
    open_bundle(window, "xcg")
    actions = window.desk_actions
    opening_db = Opening(actions.runner.service)
    actions.runner.service = opening_db
    actions.database_opening = True
    seen: dict[str, Any] = {}

    def steps(application: QEventLoop) -> None:
        QTest.keyClick(window, Qt.Key.Key_F5)
        seen["first"] = actions.opening
        if actions.opening is None:
            application.quit()
            return
        when(opening_db.asked.is_set, lambda: again(application))

    def again(application: QEventLoop) -> None:
        window.activateWindow()
        QTest.keyClick(window, Qt.Key.Key_F5)
        seen["second"] = actions.opening
        seen["active"] = QApplication.activeWindow()
        opening_db.opened.set()
        when(lambda: actions.intake is not None, application.quit)

    in_the_event_loop(steps)
    first = seen["first"]
    assert first is not None
    assert seen["second"] is first
    assert seen["active"] is first
    panel = actions.intake
    assert isinstance(panel, IntakePanel)
    qtbot.addWidget(panel)
    assert [one for one in QApplication.topLevelWidgets() if isinstance(one, IntakePanel) and one.isVisible()] == [
        panel
    ]
    assert shown_messages(window) == []


def test_f5_while_the_database_opens_on_a_guide_it_no_longer_holds_says_so(qtbot: QtBot, window: MainWindow) -> None:
    """The search's index is the last run's: the database that opens may no longer hold the guide chosen (a
    database swapped under the desk).  The opening window closes and the clerk is told, rather than an intake of
    nothing."""
    open_bundle(window, "xcg")
    qtbot.waitUntil(lambda: window.guide_view.bundle is not None)
    shown = window.guide_view.bundle
    assert shown is not None
    actions = window.desk_actions
    opening_db = Opening(actions.runner.service)
    actions.runner.service = opening_db
    actions.database_opening = True
    actions.start_intake(dataclasses.replace(shown, code="T-GONE-999"))  # F5 on the hit of the old index
    opening = actions.opening
    assert opening is not None
    assert opening.isVisible()
    opening_db.opened.set()
    qtbot.waitUntil(lambda: actions.opening is None, timeout=10_000)
    assert not isValid(opening) or not opening.isVisible()  # closed, and freed once the loop turned again
    assert actions.intake is None
    assert words.DESK_GUIDE_NOT_FOUND in shown_messages(window)


def test_the_first_guide_the_opening_database_cannot_read_leaves_the_hint_and_says_why(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Enter on the first guide of a quick start shows its name 正在打开; the database then cannot answer: the page
    goes back to its hint rather than say 正在打开 for ever, the status bar says why, and Enter again shows it."""
    from counter.service.catalog import READ_GUIDE
    from counter.words.database import fault_text
    from tests.ui.failing import LOCKED, failing

    actions = window.desk_actions
    actions.database_opening = True
    away = failing(actions.runner, LOCKED, READ_GUIDE)
    open_bundle(window, "xcg")
    chosen = window.guide_opening
    assert chosen is not None
    assert window.guide_placeholder.text().endswith("正在打开……")
    qtbot.waitUntil(lambda: window.guide_opening is None)
    assert away.asked == [READ_GUIDE.name]
    assert window.guide_placeholder.text() == words.DESK_GUIDE_EMPTY
    assert fault_text("locked") in window.statusBar().currentMessage()
    assert window.current_bundle is None
    away.mend()
    QTest.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_bundle is not None)
    shown = window.current_bundle
    assert shown is not None
    assert shown.code == chosen.code
