"""The material rows: answered situations give the list, keys settle a row, nothing is left pending."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.db.case_store import case_view
from counter.intake.checklist import MaterialEntry, Receipt, ReceivedMedium
from counter.intake.outcome import Outcome
from counter.ui.intake import IntakePanel
from counter.ui.intake.text_field import CheckedLine
from tests.ui.intake.conftest import MakePanel
from tests.ui.intake.helpers import answer, commit, press, ready, receipts


def test_answers_give_the_material_list(panel: IntakePanel) -> None:
    every = list(panel.checklist_view.rows)
    assert every[:3] == ["M01", "M02", "M03"]  # nothing dropped before the clerk asks
    answer(panel)
    assert list(panel.checklist_view.rows) == ["M01", "M04", "M05", "M06", "M07", "M08", "M09", "M12"]
    answer(panel, {"operator": "company", "agent": "agent"})
    assert list(panel.checklist_view.rows) == [
        "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M12", "M13", "M14",
    ]  # fmt: skip
    button = panel.situations.option_button("operator", "company")
    assert button.isChecked()
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_keys_settle_a_focused_row(qtbot: QtBot, panel: IntakePanel) -> None:
    answer(panel)
    press(qtbot, panel, "M04", Qt.Key.Key_1)
    assert panel.form().checklist.entry("M04") == MaterialEntry(
        "M04", Receipt.RECEIVED, originals=1, copies=1, medium=ReceivedMedium.PAPER
    )  # the guide's counts and medium, no typing
    row = panel.checklist_view.row("M04")
    assert row.details.isVisible()
    assert row.note_line.isHidden()

    press(qtbot, panel, "M05", Qt.Key.Key_2)
    row = panel.checklist_view.row("M05")
    assert row.note_line.isVisible()
    assert QApplication.focusWidget() is row.note  # the clerk types the defect at once
    row.note.insert("租赁合同已过期")  # typed through the input method: one commit of Chinese text
    entry = panel.form().checklist.entry("M05")
    assert entry is not None
    assert (entry.receipt, entry.defect_note) == (Receipt.DEFECTIVE, "租赁合同已过期")

    press(qtbot, panel, "M06", Qt.Key.Key_3)
    press(qtbot, panel, "M07", Qt.Key.Key_Space)
    press(qtbot, panel, "M08", Qt.Key.Key_4)  # not a shared material: no 共享已确认
    assert {k: receipts(panel)[k] for k in ("M06", "M07", "M08")} == {
        "M06": Receipt.MISSING,
        "M07": Receipt.RECEIVED,
        "M08": Receipt.PENDING,
    }
    press(qtbot, panel, "M07", Qt.Key.Key_Space)
    assert receipts(panel)["M07"] is Receipt.PENDING  # Space toggles

    press(qtbot, panel, "M12", Qt.Key.Key_4)  # the 营业执照 the case's own 设立登记 issues: in no licence library yet
    assert panel.form().checklist.entry("M12") == MaterialEntry("M12", Receipt.MISSING)


def test_a_settled_row_hands_the_keyboard_to_the_next(qtbot: QtBot, panel: IntakePanel) -> None:
    """1 1 1 1 1 settles five materials in turn, as the clerk takes five papers; 3 and 4 go on likewise."""
    answer(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)  # the keys go where the clerk works
    panel.checklist_view.row("M04").setFocus()
    for key in (Qt.Key.Key_1,) * 5 + (Qt.Key.Key_3,):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, key)
    assert [receipts(panel)[code] for code in ("M04", "M05", "M06", "M07", "M08", "M09")] == [
        *[Receipt.RECEIVED] * 5,
        Receipt.MISSING,
    ]
    assert QApplication.focusWidget() is panel.checklist_view.row("M12")
    QTest.keyClick(panel.checklist_view.row("M12"), Qt.Key.Key_1)  # the last row: the keyboard stays on it
    assert QApplication.focusWidget() is panel.checklist_view.row("M12")


def test_the_field_a_key_opens_is_scrolled_into_view(qtbot: QtBot, make_panel: MakePanel) -> None:
    panel = make_panel()
    panel.resize(1024, 560)  # a short screen: the last material is below the edge
    answer(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)  # the keys go where the clerk works
    last = panel.checklist_view.row("M12")
    press(qtbot, panel, "M12", Qt.Key.Key_2)
    assert QApplication.focusWidget() is last.note
    qtbot.waitUntil(lambda: not last.note.visibleRegion().isEmpty())
    assert last.note.visibleRegion().boundingRect().height() == last.note.height()  # whole, not a sliver


def test_arrows_move_between_rows(qtbot: QtBot, panel: IntakePanel) -> None:
    answer(panel)
    press(qtbot, panel, "M04", Qt.Key.Key_Down)
    assert QApplication.focusWidget() is panel.checklist_view.row("M05")
    QTest.keyClick(panel.checklist_view.row("M05"), Qt.Key.Key_Up)
    assert QApplication.focusWidget() is panel.checklist_view.row("M04")


def test_a_received_electronic_copy_needs_no_paper_counts(qtbot: QtBot, panel: IntakePanel) -> None:
    answer(panel)
    row = panel.checklist_view.row("M01")  # paper or electronic
    press(qtbot, panel, "M01", Qt.Key.Key_1)
    QTest.mouseClick(row.details.medium_buttons[ReceivedMedium.ELECTRONIC], Qt.MouseButton.LeftButton)
    entry = panel.form().checklist.entry("M01")
    assert entry is not None
    assert entry.medium is ReceivedMedium.ELECTRONIC
    assert not row.details.originals.isEnabled()
    paper_only = panel.checklist_view.row("M04")
    assert not paper_only.details.medium_buttons[ReceivedMedium.ELECTRONIC].isEnabled()


def test_a_pending_row_holds_no_counts_and_no_note_until_its_line_needs_them(qtbot: QtBot, panel: IntakePanel) -> None:
    """A new list is all pending: the medium, the counts and the note of every row, made with it, were a third of
    the panel's widgets when the intake opened (829 objects, 102 ms to make, show and paint; now 493 and 74 ms)."""
    answer(panel)
    view = panel.checklist_view
    assert view.findChildren(QSpinBox) == []
    assert view.findChildren(CheckedLine) == []
    press(qtbot, panel, "M04", Qt.Key.Key_1)
    received = view.row("M04")
    assert [s.value() for s in view.findChildren(QSpinBox)] == [1, 1]  # the guide's counts, in that row alone
    assert all(received.isAncestorOf(s) for s in view.findChildren(QSpinBox))
    press(qtbot, panel, "M05", Qt.Key.Key_2)
    assert view.findChildren(CheckedLine) == [view.row("M05").note_line]
    press(qtbot, panel, "M04", Qt.Key.Key_3)  # not handed in after all: the counts it had are hidden, not shown
    assert not received.details.isVisible()
    assert panel.form().checklist.entry("M04") == MaterialEntry("M04", Receipt.MISSING)


def test_pending_rows_are_marked_and_counted(qtbot: QtBot, panel: IntakePanel) -> None:
    answer(panel)
    view = panel.checklist_view
    pending = [code for code, row in view.rows.items() if row.property("state") == "pending"]
    assert pending == ["M01", "M04", "M05", "M06", "M07", "M08", "M09"]  # M12 is optional: not pending
    assert view.pending_label.text() == "还有 7 项未核对"
    press(qtbot, panel, "M01", Qt.Key.Key_1)
    assert view.row("M01").property("state") == "received"
    assert view.pending_label.text() == "还有 6 项未核对"


def test_all_received_settles_every_pending_row_and_keeps_what_was_recorded(qtbot: QtBot, panel: IntakePanel) -> None:
    answer(panel)
    press(qtbot, panel, "M05", Qt.Key.Key_3)
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    got = receipts(panel)
    assert got["M05"] is Receipt.MISSING
    assert got["M12"] is Receipt.MISSING
    assert [c for c, r in got.items() if r is Receipt.RECEIVED] == ["M01", "M04", "M06", "M07", "M08", "M09"]
    assert panel.checklist_view.pending_label.text() == "材料已全部核对"
    assert not panel.checklist_view.all_received_button.isEnabled()


def test_changing_an_answer_keeps_what_was_recorded_for_materials_that_remain(qtbot: QtBot, panel: IntakePanel) -> None:
    answer(panel)
    press(qtbot, panel, "M04", Qt.Key.Key_1)
    answer(panel, {"operator": "company"})
    assert receipts(panel)["M04"] is Receipt.RECEIVED
    assert panel.checklist_view.row("M04").property("state") == "received"
    assert receipts(panel)["M02"] is Receipt.PENDING


def test_an_answer_keeps_the_rows_of_materials_that_remain_and_the_focus_in_them(
    qtbot: QtBot, panel: IntakePanel
) -> None:
    """An answer makes only the rows it brings: the row the clerk is in stays, focused, and nothing she typed is
    redrawn; the first row of the new list is the list's one Tab stop."""
    answer(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    press(qtbot, panel, "M05", Qt.Key.Key_2)
    kept = panel.checklist_view.row("M05")
    kept.note.insert("租赁合同已过期")
    gone = panel.checklist_view.row("M01")
    answer(panel, {"operator": "company"})
    assert panel.checklist_view.row("M05") is kept
    assert QApplication.focusWidget() is kept.note
    assert kept.note.text() == "租赁合同已过期"
    assert "M01" not in panel.checklist_view.rows
    assert gone.isHidden()  # and deleted once the window's thread is free
    first, *rest = panel.checklist_view.rows.values()
    assert first.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert {row.focusPolicy() for row in rest} == {Qt.FocusPolicy.ClickFocus}


def test_the_cases_own_licence_is_not_offered_as_fetched(panel: IntakePanel) -> None:
    answer(panel)
    produced = panel.checklist_view.row("M12")  # 营业执照: the case's 市场主体设立登记 issues it
    assert produced.receipt is Receipt.MISSING  # optional: it holds nothing up
    assert Receipt.SHARED_CONFIRMED not in produced.receipt_buttons
    assert produced.receipt_buttons[Receipt.MISSING].text() == "未提交"


def test_key_5_records_a_correction_made_on_the_spot_with_its_note(
    qtbot: QtBot, panel: IntakePanel, sessions: sessionmaker[Session]
) -> None:
    ready(qtbot, panel)
    press(qtbot, panel, "M04", Qt.Key.Key_5)
    row = panel.checklist_view.row("M04")
    assert row.receipt_buttons[Receipt.CORRECTED_ON_SPOT].isChecked()
    assert row.note_line.isVisible()
    assert row.details.isVisible()  # handed in: counts and medium as for 已收取
    assert QApplication.focusWidget() is row.note
    assert outcome_of(panel) is Outcome.INCOMPLETE  # what was corrected is not said yet
    row.note.insert("申请表经营面积笔误，申请人当场更正并签名")
    entry = panel.form().checklist.entry("M04")
    assert entry is not None
    assert (entry.receipt, entry.defect_note) == (Receipt.CORRECTED_ON_SPOT, "申请表经营面积笔误，申请人当场更正并签名")
    assert outcome_of(panel) is Outcome.ACCEPT  # corrected on the spot counts as received
    number = commit(qtbot, panel)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.received_on == view.accepted_on  # the window's materials arrive the day it decides
    line = next(m for m in view.materials if m.code == "M04")
    assert (line.receipt, line.defect_note) == ("corrected_on_spot", "申请表经营面积笔误，申请人当场更正并签名")


def outcome_of(panel: IntakePanel) -> Outcome | None:
    return panel.decision.outcome if panel.decision is not None else None


def test_a_narrow_panel_wraps_the_state_buttons_not_the_material_names(make_panel: MakePanel, qtbot: QtBot) -> None:
    """At 1024×768 the checklist column is narrow: the four state buttons go to a second line, and a name keeps
    at least six characters a line instead of standing three characters wide in a tall column."""
    panel = make_panel()
    panel.resize(1000, 720)
    rows = list(panel.checklist_view.rows.values())
    six = 6 * QFontInfo(rows[0].name_label.font()).pixelSize()
    qtbot.waitUntil(lambda: all(row.name_label.width() >= six for row in rows))
    longest = max(rows, key=lambda row: len(row.material.name))
    assert longest.name_label.height() < 5 * longest.name_label.fontMetrics().height()


def test_each_rows_controls_are_named_with_its_material(qtbot: QtBot, panel: IntakePanel) -> None:
    """A screen reader says 已收取：<the material>, not 已收取 on every row; two notes open are two materials' notes."""
    answer(panel)
    for code in ("M04", "M05"):
        press(qtbot, panel, code, Qt.Key.Key_2)
    press(qtbot, panel, "M06", Qt.Key.Key_1)
    rows = {code: panel.checklist_view.row(code) for code in ("M04", "M05", "M06")}
    for row in rows.values():
        name = row.material.name
        assert row.receipt_buttons[Receipt.RECEIVED].accessibleName() == f"已收取：{name}"
        assert row.receipt_buttons[Receipt.DEFECTIVE].accessibleName() == f"有缺陷：{name}"
    assert rows["M04"].note.accessibleName() == f"问题说明：{rows['M04'].material.name}"
    assert rows["M04"].note.accessibleName() != rows["M05"].note.accessibleName()
    details = rows["M06"].details
    assert details.originals.accessibleName() == f"原件：{rows['M06'].material.name}"
    assert details.medium_buttons[ReceivedMedium.PAPER].accessibleName() == f"纸质：{rows['M06'].material.name}"
