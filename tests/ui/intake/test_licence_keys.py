"""Key 7 on a material row asks the 证照库 off the window's thread; the clerk takes a licence by the keyboard, an
expired one is refused in words, and with the library down or none set the clerk goes on by paper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.intake.licences import save_library
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.intake.checklist import Receipt, ReceivedMedium
from counter.intake.licences import LibrarySettings, lookup_failed_of_record
from counter.intake.parties import ApplicantKind
from counter.ui.door.runner import Runner
from counter.ui.intake import IntakePanel
from counter.ui.intake.licence_desk import NOT_SET
from counter.ui.intake.licence_lookup import LicenceChooser
from counter.ui.intake.words import (
    INTAKE_LICENCE_FAILED,
    INTAKE_LICENCE_NO_ID,
    INTAKE_LICENCE_NONE,
    INTAKE_LICENCE_NOT_SET,
    INTAKE_LICENCE_NOT_TAKEN,
    INTAKE_LICENCE_PROBLEM,
)
from counter.words.intake import LICENCE_LOOKUP_FAILED
from tests.licence_library import ACCOUNT, BUSINESS_LICENCE, CREDIT_CODE, SECRET, Library, running_library
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import answer, commit
from tests.ui.keyboard_wait import wait_for_keyboard
from tests.ui.runners import runner_on

POWER = "XAM-YJS-033"  # 我要办理企业用电报装: the company's 营业执照 (M02) is 共享获取
LICENCE = "M02"


@pytest.fixture
def library(sessions: sessionmaker[Session]) -> Iterator[Library]:
    with running_library() as running:
        with sessions.begin() as s:
            save_library(s, LibrarySettings(running.url, ACCOUNT, SECRET, timeout=1), desk=DESK)
        yield running


@pytest.fixture
def power(qtbot: QtBot, sessions: sessionmaker[Session]) -> IntakePanel:
    return power_panel(qtbot, sessions, lambda: TODAY)


def power_panel(
    qtbot: QtBot, sessions: sessionmaker[Session], today: Callable[[], dt.date], runner: Runner | None = None
) -> IntakePanel:
    """The company's 用电报装 intake on the desk's day ``today``, every material received, the licence to ask;
    ``runner``: the window's runner, where the test holds an operation on it."""
    with sessions() as s:
        guide = current_guide(s, POWER)
    assert guide is not None
    panel = IntakePanel(runner or runner_on(sessions), DESK, guide, today)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    form = panel.applicant_form
    form.kind_buttons[ApplicantKind.COMPANY.value].setChecked(True)
    form.id_field.edit.setText(CREDIT_CODE)
    form.name.setText("乌兰浩特市草原味道餐馆")
    form.legal_rep.setText("巴特尔")
    form.phone.setText("13904821111")
    form.address.setText("乌兰浩特市五一街")
    answer(panel, {"voltage": "low", "road": "no", "agent": "self"})
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    return panel


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _ask(qtbot: QtBot, panel: IntakePanel) -> None:
    row = panel.checklist_view.row(LICENCE)
    row.setFocus()
    with qtbot.waitSignal(panel.licences.asker.answered, timeout=5_000):
        QTest.keyClick(row, Qt.Key.Key_7)


@pytest.mark.slow
def test_key_7_takes_the_licence_by_the_keyboard_and_the_case_keeps_it(
    qtbot: QtBot, power: IntakePanel, library: Library, sessions: sessionmaker[Session]
) -> None:
    _ask(qtbot, power)
    chooser = power.licences.chooser
    assert chooser is not None
    assert chooser.isVisible()
    assert [one.number for one in chooser.licences] == ["152201600012345", "152201600009876"]
    QTest.keyClick(chooser.list, Qt.Key.Key_Down)  # the expired one: listed, refused in words, the chooser stays
    QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    assert chooser.isVisible()
    assert INTAKE_LICENCE_PROBLEM["expired"] in chooser.problem.text()
    QTest.keyClick(chooser.list, Qt.Key.Key_Up)
    QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    assert not chooser.isVisible()
    wait_for_keyboard(qtbot, power.checklist_view.row(LICENCE))  # back on the row, for the next key
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert entry.licence is not None
    assert (entry.receipt, entry.medium, entry.licence.number) == (
        Receipt.RECEIVED, ReceivedMedium.ELECTRONIC, "152201600012345",
    )  # fmt: skip
    assert "152201600012345" in power.checklist_view.row(LICENCE).licence_label.text()
    number = commit(qtbot, power)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert "152201600012345" in next(m.licence for m in view.materials if m.code == LICENCE)


def test_with_the_library_down_the_clerk_takes_the_paper_and_the_case_says_so(
    qtbot: QtBot, power: IntakePanel, library: Library, sessions: sessionmaker[Session]
) -> None:
    library.script.append(503)
    _ask(qtbot, power)
    assert power.licences.chooser is None
    assert power.status.text() == INTAKE_LICENCE_FAILED.format(name="营业执照")
    row = power.checklist_view.row(LICENCE)
    assert row.licence_label.text() == LICENCE_LOOKUP_FAILED
    QTest.keyClick(row, Qt.Key.Key_1)  # the paper, as before
    number = commit(qtbot, power)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    line = next(m for m in view.materials if m.code == LICENCE)
    assert line.receipt == Receipt.RECEIVED.value
    assert lookup_failed_of_record(line.licence) == "HTTP 503"


def test_with_no_library_set_the_clerk_is_told_to_take_the_paper(qtbot: QtBot, power: IntakePanel) -> None:
    _ask(qtbot, power)
    assert power.status.text() == INTAKE_LICENCE_NOT_SET
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert entry.lookup_failed == NOT_SET


@pytest.mark.slow
def test_a_library_holding_none_of_the_applicants_says_so_and_the_paper_is_taken(
    qtbot: QtBot, power: IntakePanel, library: Library
) -> None:
    library.held = []  # the shop's 营业执照 not (yet) in the region's library
    _ask(qtbot, power)
    assert power.licences.chooser is None
    assert power.status.text() == INTAKE_LICENCE_NONE.format(name="营业执照")
    row = power.checklist_view.row(LICENCE)
    QTest.keyClick(row, Qt.Key.Key_1)  # the paper
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert (entry.receipt, entry.licence, entry.lookup_failed) == (Receipt.RECEIVED, None, "")


@pytest.mark.slow
def test_a_licence_chosen_after_the_day_turned_past_its_validity_is_refused_in_words(
    qtbot: QtBot, sessions: sessionmaker[Session], library: Library
) -> None:
    """The chooser judged the licence on the day it opened; the panel judges it again on the day it is taken."""
    day = [TODAY]
    power = power_panel(qtbot, sessions, lambda: day[0])
    last_day = dict(BUSINESS_LICENCE, valid_until=TODAY.isoformat())
    library.held = [last_day]
    _ask(qtbot, power)
    chooser = power.licences.chooser
    assert chooser is not None
    day[0] = TODAY + dt.timedelta(days=1)  # the desk left open past midnight
    QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    said = INTAKE_LICENCE_NOT_TAKEN.format(reasons=INTAKE_LICENCE_PROBLEM["expired"])
    assert power.status.text() == said
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert entry.licence is None


@pytest.mark.slow
def test_esc_in_the_chooser_takes_no_licence_and_the_paper_is_taken_by_its_key(
    qtbot: QtBot, power: IntakePanel, library: Library
) -> None:
    """The applicant has the paper in hand after all: Esc gives the list up, nothing is taken from the library,
    no 正在查询 is left under the form, and the row takes the paper by its key as before."""
    _ask(qtbot, power)
    chooser = power.licences.chooser
    assert chooser is not None
    QTest.keyClick(chooser.list, Qt.Key.Key_Escape)
    assert not chooser.isVisible()
    assert power.status.text() == ""  # answered: the library is no longer said to be asked
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert entry.licence is None
    row = power.checklist_view.row(LICENCE)
    QTest.keyClick(row, Qt.Key.Key_1)
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert (entry.receipt, entry.licence, entry.lookup_failed) == (Receipt.RECEIVED, None, "")


@pytest.mark.slow
def test_after_esc_in_the_chooser_the_next_key_settles_the_row_it_was_asked_from(
    qtbot: QtBot, power: IntakePanel, library: Library
) -> None:
    """Keys go where the keyboard is, as a clerk's do: Esc gives the list up and the keyboard is back on the row
    that asked, so 1 there records what 1 records without the list ever opened (the 营业执照 handed in, electronic),
    and the keyboard goes on to the next material.  With no window manager to hand the keyboard back it was
    nowhere, and the 1 typed after Esc was lost."""
    power.activateWindow()
    qtbot.waitUntil(power.isActiveWindow)
    row = power.checklist_view.row(LICENCE)
    row.setFocus(Qt.FocusReason.OtherFocusReason)
    wait_for_keyboard(qtbot, row)
    with qtbot.waitSignal(power.licences.asker.answered, timeout=5_000):
        QTest.keyClick(focused(), Qt.Key.Key_7)
    chooser = power.licences.chooser
    assert chooser is not None
    wait_for_keyboard(qtbot, chooser.list)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    wait_for_keyboard(qtbot, row)
    QTest.keyClick(focused(), Qt.Key.Key_1)
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert (entry.receipt, entry.medium, entry.licence) == (Receipt.RECEIVED, ReceivedMedium.ELECTRONIC, None)
    assert focused() is power.checklist_view.row("M03")


@pytest.mark.parametrize("key", [Qt.Key.Key_1, Qt.Key.Key_3], ids=["received", "missing"])
def test_the_paper_taken_after_the_library_failed_ends_its_message(
    qtbot: QtBot, power: IntakePanel, library: Library, key: Qt.Key
) -> None:
    """请收取纸质材料 is said in red until it is answered: once the clerk records the line by its key (the paper taken,
    or none handed in), it is no longer left under the form, where the red was kept above the draft's notes."""
    library.script.append(503)
    _ask(qtbot, power)
    assert power.status.text() == INTAKE_LICENCE_FAILED.format(name="营业执照")
    QTest.keyClick(power.checklist_view.row(LICENCE), key)
    assert power.status.text() == ""
    entry = power.checklist.entry(LICENCE)
    assert entry is not None
    assert entry.lookup_failed == "HTTP 503"  # the case still records the look-up that failed


@pytest.mark.slow
def test_the_paper_taken_when_the_library_holds_none_ends_its_message(
    qtbot: QtBot, power: IntakePanel, library: Library
) -> None:
    library.held = []
    _ask(qtbot, power)
    assert power.status.text() == INTAKE_LICENCE_NONE.format(name="营业执照")
    QTest.keyClick(power.checklist_view.row("M01"), Qt.Key.Key_3)  # another material: the message still stands
    assert power.status.text() == INTAKE_LICENCE_NONE.format(name="营业执照")
    QTest.keyClick(power.checklist_view.row(LICENCE), Qt.Key.Key_1)
    assert power.status.text() == ""


@pytest.mark.slow
def test_an_answer_after_the_intake_closed_opens_no_list(qtbot: QtBot, power: IntakePanel, library: Library) -> None:
    """7, then Alt+F4 and Enter (关闭，保留草稿) before the library answers: the intake is gone, and its answer
    opens nothing.  The list came up over the desk after the intake had closed, taking the keyboard from it, and a
    licence taken there went into a panel nobody could see."""
    power.activateWindow()
    qtbot.waitUntil(power.isActiveWindow)
    row = power.checklist_view.row(LICENCE)
    row.setFocus(Qt.FocusReason.OtherFocusReason)
    wait_for_keyboard(qtbot, row)
    QTest.keyClick(row, Qt.Key.Key_7)  # asked: the answer comes through the window's events, none run yet
    power.close()  # as Alt+F4 closes it
    question = power.close_question
    assert question is not None
    with qtbot.waitSignal(power.closed):
        QTest.keyClick(question, Qt.Key.Key_Return)
    QApplication.sendPostedEvents()  # the answer, which the closing waited for, is handed over now
    assert power.licences.chooser is None


@pytest.mark.slow
def test_why_a_licence_is_not_taken_goes_when_another_is_chosen(
    qtbot: QtBot, power: IntakePanel, library: Library
) -> None:
    """The chooser says why the expired licence is not taken while it is the one chosen; ↑ to the good one, and the
    reason, which no longer speaks of the licence chosen, is gone (it stayed, above the one Enter would take)."""
    _ask(qtbot, power)
    chooser = power.licences.chooser
    assert chooser is not None
    QTest.keyClick(chooser.list, Qt.Key.Key_Down)
    QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    assert chooser.problem.isVisible()
    QTest.keyClick(chooser.list, Qt.Key.Key_Up)
    assert not chooser.problem.isVisible()
    QTest.keyClick(chooser.list, Qt.Key.Key_Down)  # back on the expired one: said again only when Enter tries it
    assert not chooser.problem.isVisible()
    QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    assert chooser.problem.isVisible()


@pytest.mark.slow
def test_enter_in_the_chooser_takes_the_licence_once(qtbot: QtBot, power: IntakePanel, library: Library) -> None:
    """The list activates its licence on Enter and passes the key on: the chooser took it a second time, from the key
    it was passed, after it had closed."""
    _ask(qtbot, power)
    chooser = power.licences.chooser
    assert chooser is not None
    taken: list[str] = []
    chooser.chosen.connect(lambda _code, licence: taken.append(licence.number))
    QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    assert taken == ["152201600012345"]
    assert not chooser.isVisible()


@pytest.mark.slow
def test_1_after_a_licence_taken_records_the_paper_as_1_alone_does(
    qtbot: QtBot, power: IntakePanel, library: Library
) -> None:
    """用电地址物业权属证明 is asked 纸质或电子: taken from the library it is received electronically; 1 then
    replaces the licence with the paper in hand, its medium and counts as 1 records them on a line never looked up.
    The line stayed electronic, with no licence and no count: a paper received that the receipt listed as electronic."""
    deed = dict(BUSINESS_LICENCE, type="用电地址物业权属证明", number="蒙(2021)乌兰浩特市不动产权第0001234号")
    library.held = [deed]
    by_paper = power.checklist.entry("M04")  # 全部已收取 records each line as 1 does
    assert by_paper is not None
    assert by_paper.medium is ReceivedMedium.PAPER
    row = power.checklist_view.row("M04")
    row.setFocus()
    with qtbot.waitSignal(power.licences.asker.answered, timeout=5_000):
        QTest.keyClick(row, Qt.Key.Key_7)
    chooser = power.licences.chooser
    assert chooser is not None
    QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    taken = power.checklist.entry("M04")
    assert taken is not None
    assert (taken.medium, taken.licence is not None) == (ReceivedMedium.ELECTRONIC, True)
    QTest.keyClick(row, Qt.Key.Key_1)
    assert power.checklist.entry("M04") == by_paper


def test_the_number_typed_ends_the_word_that_it_is_missing(qtbot: QtBot, power: IntakePanel) -> None:
    """7 before the applicant's number is typed says in red to type it first; typed, that is no longer so, and the
    red line goes (a draft's note never covers an error, so it stood to the end of the intake)."""
    number = power.applicant_form.id_field.edit
    number.clear()
    QTest.keyClick(power.checklist_view.row(LICENCE), Qt.Key.Key_7)
    assert power.status.text() == INTAKE_LICENCE_NO_ID
    QTest.keyClicks(number, CREDIT_CODE[:-1])
    assert power.status.text() == INTAKE_LICENCE_NO_ID  # not yet a number
    QTest.keyClicks(number, CREDIT_CODE[-1])
    assert power.status.text() == ""


@pytest.mark.slow
def test_one_list_serves_every_look_up_of_the_intake(qtbot: QtBot, power: IntakePanel, library: Library) -> None:
    """Each answer made a new list and the one given up stayed behind, hidden, until the intake closed."""
    row = power.checklist_view.row(LICENCE)
    for _ in range(3):
        row.setFocus()
        with qtbot.waitSignal(power.licences.asker.answered, timeout=5_000):
            QTest.keyClick(row, Qt.Key.Key_7)
        chooser = power.licences.chooser
        assert chooser is not None
        assert chooser.isVisible()
        QTest.keyClick(chooser.list, Qt.Key.Key_Escape)
    assert len(power.findChildren(LicenceChooser)) == 1
