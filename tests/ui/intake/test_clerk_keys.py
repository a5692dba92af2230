"""Keys that must never lose the clerk's text: a note opened low on the list, Enter in it, focus coming back to it,
key 6 with a 容缺 row still open, an autofilled phone typed over, and Tab out of the situations."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.db.catalog_store import current_guide
from counter.intake.checklist import Receipt
from counter.intake.parties import Applicant, ApplicantKind
from counter.ui.intake import IntakePanel
from tests.id_card_player import good_read, playing, sample_card
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import answer, fill_person, receipts
from tests.ui.intake.test_card_reader import press_f2, use_reader
from tests.ui.intake.test_parties import earlier_case
from tests.ui.runners import runner_on


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_chinese(widget: QWidget, text: str) -> None:
    """Text as an input method commits it (QTest types ASCII keys only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def active(qtbot: QtBot, panel: IntakePanel) -> None:
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)


def on_row(qtbot: QtBot, panel: IntakePanel, code: str) -> QWidget:
    row = panel.checklist_view.row(code)
    row.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(row.hasFocus)
    return row


def column_of(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert parent is not None
    return parent


def laid_out(widget: QWidget) -> bool:
    """The column that scrolls ``widget`` has laid its content out anew: as tall as the content now asks (a note just
    shown makes its row taller; until the layout runs, every position below it is the old one)."""
    content = column_of(widget).widget()
    return content is not None and content.height() >= content.sizeHint().height()


def in_view(widget: QWidget) -> bool:
    """The widget lies wholly inside the viewport of the column that scrolls it."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert parent is not None
    viewport = parent.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(top_left) and viewport.rect().contains(
        top_left + QPoint(widget.width() - 1, widget.height() - 1)
    )


def test_key_2_on_a_low_row_scrolls_its_note_into_view_and_enter_goes_on(qtbot: QtBot, panel: IntakePanel) -> None:
    panel.resize(1024, 520)  # a short screen: the last rows lie below the column's edge
    fill_person(panel)
    answer(panel)
    active(qtbot, panel)
    codes = list(panel.checklist_view.rows)
    low = codes[-2]
    QTest.keyClick(on_row(qtbot, panel, low), Qt.Key.Key_2)
    note = panel.checklist_view.row(low).note
    assert focused() is note
    qtbot.waitUntil(lambda: in_view(note))  # the clerk sees what is typed
    type_chinese(note, "缺负责人签字")
    QTest.keyClick(note, Qt.Key.Key_Return)
    assert focused() is panel.checklist_view.row(codes[-1])  # Enter: the note is done, on to the next material
    entry = panel.form().checklist.entry(low)
    assert entry is not None
    assert entry.defect_note == "缺负责人签字"


def test_a_middle_rows_note_is_scrolled_into_view_once_its_row_is_laid_out(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    """我要开理发店 at 1366×768: 1 six times, then 2 on 公共场所卫生管理制度, a row in the middle of the list.  The
    note is focused as it shows; scrolled to then, it would be scrolled to where the row had no note yet and stay
    below the column's edge."""
    with sessions() as session:
        stored = current_guide(session, "XAM-YJS-011")  # 我要开理发店
    assert stored is not None
    panel = IntakePanel(runner_on(sessions), DESK, stored, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(1366, 768 - 60)  # the screen less the panel bar and the title bar
    panel.show()
    fill_person(panel)
    answer(panel, {"operator": "individual", "agent": "self", "signboard": "no"})
    active(qtbot, panel)
    codes = list(panel.checklist_view.rows)
    on_row(qtbot, panel, codes[0])
    for _ in range(6):
        QTest.keyClick(focused(), Qt.Key.Key_1)
    row = panel.checklist_view.row("M09")
    assert focused() is row
    assert codes.index("M09") < len(codes) - 1  # not the last row
    QTest.keyClick(row, Qt.Key.Key_2)
    assert focused() is row.note
    qtbot.waitUntil(lambda: laid_out(row.note) and in_view(row.note))


def test_focus_coming_back_into_a_note_selects_nothing(qtbot: QtBot, panel: IntakePanel) -> None:
    fill_person(panel)
    answer(panel)
    active(qtbot, panel)
    QTest.keyClick(on_row(qtbot, panel, "M05"), Qt.Key.Key_2)
    note = panel.checklist_view.row("M05").note
    type_chinese(note, "缺负责人签字")
    QTest.keyClick(note, Qt.Key.Key_Tab)
    assert focused() is not note
    QTest.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is note
    assert not note.hasSelectedText()  # keys meant for a row do not wipe the note
    QTest.keyClicks(note, "31")
    assert note.text().startswith("缺负责人签字")


def test_shift_tab_from_the_outcome_column_returns_to_the_row_left(qtbot: QtBot, panel: IntakePanel) -> None:
    """Tab from a row leaves the list for the outcome column; Shift+Tab there comes back to that row, not to the
    list's first, where the next digit settled a material the clerk was not on."""
    fill_person(panel)
    answer(panel)
    active(qtbot, panel)
    codes = list(panel.checklist_view.rows)
    row = on_row(qtbot, panel, codes[3])
    assert row is not panel.checklist_view.row(codes[0])
    QTest.keyClick(row, Qt.Key.Key_Tab)
    assert focused() is panel.deferral.asked  # the outcome column's first stop
    QTest.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is row
    QTest.keyClick(row, Qt.Key.Key_1)  # the row's key settles the row the clerk was on
    assert panel.checklist_view.row(codes[0]).receipt is Receipt.PENDING


def test_tab_and_shift_tab_from_a_note_stay_with_the_list(qtbot: QtBot, panel: IntakePanel) -> None:
    """A note is a Tab stop after its row: Tab goes on to the decision, Shift+Tab back into the list.  Made when 2
    first opened it, it came last in the window's order: Shift+Tab put the keyboard on 放弃本次受理 (Space there gives
    the intake up) and Tab on the form's first field."""
    fill_person(panel)
    answer(panel)
    active(qtbot, panel)
    row = panel.checklist_view.row("M06")
    QTest.keyClick(on_row(qtbot, panel, "M06"), Qt.Key.Key_2)
    note = row.note
    assert focused() is note
    QTest.keyClick(note, Qt.Key.Key_Tab)
    assert focused() is panel.deferral.asked  # the next stop after the list, as Tab from a row
    QTest.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is note
    QTest.keyClick(note, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is next(iter(panel.checklist_view.rows.values()))  # the list's stop, where the row keys work
    codes = list(panel.checklist_view.rows)
    answer(panel, {"signboard": "yes"})  # the list made again: the note goes with its row
    assert list(panel.checklist_view.rows) != codes
    assert panel.checklist_view.row("M06") is row
    note.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(note.hasFocus)
    QTest.keyClick(note, Qt.Key.Key_Tab)
    assert focused() is panel.deferral.asked


def test_key_6_goes_to_a_deferrable_row_still_open_before_the_conditions(qtbot: QtBot, panel: IntakePanel) -> None:
    """008: 食品安全管理制度文本 and 从业人员健康证明 both 容缺后补; 6 on the first must not leave the second behind."""
    fill_person(panel)
    answer(panel)
    for code, row in panel.checklist_view.rows.items():
        if code not in ("M08", "M09"):
            row.set_receipt(Receipt.RECEIVED)
    active(qtbot, panel)
    QTest.keyClick(on_row(qtbot, panel, "M08"), Qt.Key.Key_6)
    assert receipts(panel)["M08"] is Receipt.MISSING
    assert focused() is panel.checklist_view.row("M09")  # the other 容缺 row, still open
    QTest.keyClick(focused(), Qt.Key.Key_6)  # not lost
    assert receipts(panel)["M09"] is Receipt.MISSING
    assert focused() is panel.deferral.no_bad_credit  # none left open: now the conditions


def test_tab_from_the_last_situation_goes_to_the_first_material(qtbot: QtBot, panel: IntakePanel) -> None:
    active(qtbot, panel)
    last = panel.situations.option_button("signboard", "yes")
    last.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(last.hasFocus)
    QTest.keyClick(last, Qt.Key.Key_Tab)
    first = next(iter(panel.checklist_view.rows.values()))
    assert focused() is first  # where the row keys work, not 全部已收取
    QTest.keyClick(first, Qt.Key.Key_1)
    assert receipts(panel)[first.material.code] is Receipt.RECEIVED
    QTest.keyClick(first, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # 全部已收取, from the list
    assert not panel.checklist_view.pending_rows()
    assert focused() is panel.checklist_view.row(list(panel.checklist_view.rows)[1])  # 1 moved on; Alt+A left it


def test_a_phone_filled_from_an_earlier_case_is_replaced_by_what_the_clerk_types(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    card = sample_card()
    earlier_case(sessions, Applicant(ApplicantKind.PERSON, card.name, card.id_no, "13904820000", card.address))
    form = panel.applicant_form
    with playing(good_read(card)) as player:
        use_reader(player.port)
        # the card read, and 一证办理 answered for its number (called back, the window's keys going on meanwhile)
        with qtbot.waitSignals([form.card_line.card_read, panel.looked_up], timeout=5000):
            press_f2(qtbot, panel)
    assert form.phone.text() == "13904820000"
    assert focused() is form.phone
    QTest.keyClicks(form.phone, "13600000000")  # the new number, typed by habit
    assert form.phone.text() == "13600000000"
