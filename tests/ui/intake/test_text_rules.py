"""A name the desk will not take is named beside its field, at once, and the intake waits: never a 12-page receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.db.case_store import case_view
from counter.ui.intake import IntakePanel
from tests.ui.intake.helpers import commit, fill_person, ready
from tests.ui.shown_text import outcome_text

MONGOLIAN = "ᠪᠠᠲᠤ"  # Batu


def paste(panel: IntakePanel, text: str) -> None:
    """Paste ``text`` into the applicant's name, as a clerk would with Ctrl+V."""
    panel.applicant_form.name.clear()
    QApplication.clipboard().setText(text)
    panel.applicant_form.name.setFocus()
    panel.applicant_form.name.paste()


def test_a_pasted_page_is_named_beside_the_name_and_not_taken(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    assert panel.commit_button.isEnabled()
    paste(panel, "王" * 5_000)
    message = panel.applicant_form.name_line.message
    assert not message.isHidden()
    assert message.text() == "最多50个字，现有5000个字"
    assert message.textFormat() is Qt.TextFormat.PlainText
    assert panel.applicant_form.name.text() == "王" * 5_000  # kept as pasted: the clerk sees what went wrong
    assert not panel.commit_button.isEnabled()
    assert "申请人姓名或名称：最多50个字" in outcome_text(panel.outcome_box)


def test_a_nul_or_a_hidden_character_in_a_name_is_named_where_it_stands(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    for typed, said in (
        ("张\x00海军", "第2个字符是控制字符（U+0000），不能录入，请删去"),
        ("其\u200b其格", "第2个字符是看不见的字符（U+200B），请删去后重新输入"),
        ("张\u202e海军", "第2个字符是改变文字方向的控制符（U+202E），请删去"),
    ):
        panel.applicant_form.name.setText(typed)
        assert panel.applicant_form.name_line.message.text() == said
        assert not panel.commit_button.isEnabled()
    panel.applicant_form.name.setText("张海军")
    assert panel.applicant_form.name_line.message.isHidden()
    assert panel.commit_button.isEnabled()


def test_every_free_text_of_the_form_says_its_own(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    panel.applicant_form.address.setText("路" * 121)
    assert panel.applicant_form.address_line.message.text() == "最多120个字，现有121个字"
    panel.applicant_form.address.setText("兴安盟乌兰浩特市和平街道民主路18号")
    panel.agent_form.setChecked(True)
    panel.agent_form.name.setText("李\ufe0f四")
    assert not panel.agent_form.name_line.message.isHidden()
    panel.delivery_form.buttons["post"].click()
    panel.delivery_form.address.setText("\u2066兴安北大路1号")
    assert not panel.delivery_form.address_line.message.isHidden()


def test_a_company_name_may_be_longer_than_a_persons(qtbot: QtBot, panel: IntakePanel) -> None:
    panel.applicant_form.name.setText("兴" * 60)
    assert not panel.applicant_form.name_line.message.isHidden()
    panel.applicant_form.kind_buttons["company"].click()
    assert panel.applicant_form.name_line.message.isHidden()


def test_a_mongolian_script_name_is_taken(qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel) -> None:
    ready(qtbot, panel)
    fill_person(panel, name=MONGOLIAN)
    assert panel.applicant_form.name_line.message.isHidden()
    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert view.applicant_name == MONGOLIAN


def test_a_mongolian_name_keeps_its_variation_selectors_and_vowel_separator(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    ready(qtbot, panel)
    name = "ᠪᠠ\u180bᠲᠤ\u202fᠶᠢᠨ ᠭᠠ\u180eᠠ"  # FVS1 after a letter, NNBSP before a suffix, MVS before a final a
    fill_person(panel, name=name)
    assert panel.applicant_form.name_line.message.isHidden()
    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert view.applicant_name == name


def test_a_name_with_a_private_use_character_is_refused_with_its_code(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    private = (
        "是某种输入法或字体自定义的编码（私用区），不是标准汉字或蒙古文，无法识别也无法打印；"
        "请用标准编码的输入法重新输入"
    )
    panel.applicant_form.name.setText("王\ue000")
    assert panel.applicant_form.name_line.message.text() == f"第2个字符（U+E000）{private}"
    assert panel.applicant_form.name.text() == "王\ue000"  # kept as typed: the clerk corrects it
    assert not panel.commit_button.isEnabled()
    panel.applicant_form.name.setText(MONGOLIAN)
    assert panel.applicant_form.name_line.message.isHidden()
    panel.applicant_form.name.setText("王\U00030000")  # CJK Extension G: Plangothic draws it
    assert panel.applicant_form.name_line.message.isHidden()
    panel.applicant_form.name.setText("王\U0002ebf0\U0002ee5d")  # CJK Extension I: Jigmo2 draws it
    assert panel.applicant_form.name_line.message.isHidden()


def test_a_name_no_shipped_font_can_print_is_taken_and_flagged(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    for typed, char, code in (("李\U0001f600", "\U0001f600", "U+1F600"), ("王\U000323b0", "\U000323b0", "U+323B0")):
        panel.applicant_form.name.setText(typed)
        message = panel.applicant_form.name_line.message
        assert not message.isHidden()
        assert message.text() == f"姓名中的“{char}”（{code}）本机字体无法显示，打印件上将以□代替，请在纸面手写补正"
        assert message.property("role") == "flag"
        assert panel.commit_button.isEnabled()  # the applicant's name: taken as it is


def test_a_defect_note_beyond_its_length_holds_the_intake(qtbot: QtBot, panel: IntakePanel) -> None:
    ready(qtbot, panel)
    row = panel.checklist_view.row("M05")
    row.setFocus()
    QTest.keyClick(row, Qt.Key.Key_2)
    row.note.setText("缺" * 501)
    assert row.note_line.message.text() == "最多500个字，现有501个字"
    assert not panel.commit_button.isEnabled()
