"""What the intake shows stays readable where its columns are narrow (1024-wide screens, 150 % text): a date, a
word or a key is never cut in two by the line's end, a long value still wraps instead of running past the edge,
and a line filled in by the desk shows its start."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from counter.parties.id_card import IdCard
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_KEYS_HINT
from counter.ui.widgets.unbroken import unbroken
from tests.ui.intake.helpers import PERSON_ID, ready
from tests.ui.shown_text import as_read

ADDRESS = "内蒙古自治区兴安盟乌兰浩特市和平街道民主路18号院3号楼2单元501室"


def lines_at(text: str, font: QFont, width: float) -> list[str]:
    """The lines ``text`` takes in a label ``width`` pixels wide: a label wraps by words (QTextOption.WordWrap),
    Chinese breaking between any two characters."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append((line.textStart(), line.textLength(), line.naturalTextWidth()))
    layout.endLayout()
    assert all(natural <= width + 1 for *_, natural in lines), "a line ran past the label's edge"
    return [as_read(text[start : start + length]) for start, length, _ in lines]


def width_of(label: QLabel, text: str) -> int:
    return QFontMetrics(label.font()).horizontalAdvance(text)


def test_a_date_the_notice_carries_moves_to_the_next_line_whole(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    dates = panel.outcome_box.dates
    line = "承诺办结日期：2025年3月13日"
    assert as_read(dates.text()) == line
    # room for the words and half the date: the date goes down whole, not 2025年3 / 月13日
    shown = lines_at(dates.text(), dates.font(), width_of(dates, "承诺办结日期：2025年3"))
    assert shown == ["承诺办结日期：", "2025年3月13日"]


def test_the_card_facts_break_between_facts_and_a_long_authority_still_wraps(qtbot: QtBot, panel: IntakePanel) -> None:
    line = panel.applicant_form.card_line
    born = dt.date(1985, 5, 5)
    authority = "呼伦贝尔市公安局莫力达瓦达斡尔族自治旗分局"  # twenty characters: wider than a narrow column
    card = IdCard("王奕", "2", "蒙古", born, "兴安盟乌兰浩特市和平街道民主路18号", PERSON_ID, authority,
                  dt.date(2016, 8, 1), dt.date(2036, 8, 1), bytes(1024))  # fmt: skip
    line.on_done(card)
    text = line.message.text()
    # a column with room for 出生 and its date but not for 有效期's whole range: never 有效 / 期 nor 2036年8 / 月1日
    shown = lines_at(text, line.message.font(), width_of(line.message, "有效期 2016年8月1日至"))
    for fact in ("出生 1985年5月5日", "有效期 2016年8月1日", "至2036年8月1日"):
        assert any(fact in shown_line for shown_line in shown), (fact, shown)
    assert "".join(shown).replace("　", "") == as_read(text).replace("　", "")  # every character shown, none cut


def test_each_key_stays_beside_what_it_does(qtbot: QtBot, panel: IntakePanel) -> None:
    (keys,) = [w for w in panel.checklist_view.findChildren(QLabel) if as_read(w.text()) == INTAKE_KEYS_HINT]
    for width in range(width_of(keys, "9 拍照并注明已核对原件"), width_of(keys, INTAKE_KEYS_HINT), 23):
        for shown in lines_at(keys.text(), keys.font(), width):
            parts = shown.strip("　").split("　")
            assert all(part[:1].isdigit() or part.startswith(("选中一行", "空格")) for part in parts), shown


def test_the_guide_version_in_the_title_is_never_split(qtbot: QtBot, panel: IntakePanel) -> None:
    title = panel.title
    name = panel.bundle.name
    shown = lines_at(title.text(), title.font(), width_of(title, f"{name}　指南"))
    assert shown[-1].startswith("指南第")


def test_a_long_address_read_from_the_card_shows_its_start(qtbot: QtBot, panel: IntakePanel) -> None:
    address = panel.applicant_form.address
    address.setFixedWidth(width_of_line(address.font(), ADDRESS) // 2)
    panel.applicant_form.id_field.edit.setFocus()
    address.setText(ADDRESS)
    assert address.cursorPosition() == 0  # 内蒙古自治区… in sight, not …2单元501室


@pytest.mark.slow
def test_a_line_left_by_tab_shows_its_start_and_one_left_for_another_window_keeps_its_place(
    qtbot: QtBot, panel: IntakePanel
) -> None:
    panel.agent_form.setChecked(True)
    authorisation = panel.agent_form.authorisation
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    authorisation.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(authorisation.hasFocus)
    QTest.keyClicks(authorisation, "2025-03-06 letter of authority, signed and sealed")  # keyClicks types ASCII
    typed = len(authorisation.text())
    assert authorisation.cursorPosition() == typed
    other = QWidget()  # the pad, a message: the clerk comes back to type on where they were
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    assert authorisation.cursorPosition() == typed
    panel.activateWindow()
    qtbot.waitUntil(authorisation.hasFocus)
    QTest.keyClick(authorisation, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not authorisation.hasFocus())
    assert authorisation.cursorPosition() == 0  # the note read from its start, as the notice prints it


def width_of_line(font: QFont, text: str) -> int:
    return QFontMetrics(font).horizontalAdvance(text)


def test_unbroken_leaves_a_long_run_breakable() -> None:
    assert as_read(unbroken("2025年3月13日")) == "2025年3月13日"
    assert unbroken("2025年3月13日") != "2025年3月13日"
    long = "呼伦贝尔市公安局莫力达瓦达斡尔族自治旗分局"
    assert unbroken(long) == long
