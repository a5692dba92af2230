"""单位信息: saved for notices made from now on; a notice already made keeps the office it was made under."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGroupBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.documents import office_settings
from counter.documents.kinds import DocumentKind
from counter.documents.model import OfficeSettings
from counter.ui.pad.supervisor_window import SupervisorWindow
from counter.ui.printing.office_form import OfficeSettingsForm
from counter.ui.printing.words import OFFICE_SAVED, OFFICE_TAB
from counter.words.office import OFFICE_MISSING
from tests.ui.printing.helpers import DESK, case_papers, pdf_text
from tests.ui.runners import runner_on

NEW_NAME = "科尔沁右翼前旗政务服务中心"
OLD_NAME = OfficeSettings().office_name
HINGGAN = "ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ"  # Hinggan aimag: a sample of a name in Mongolian script


def supervision(qtbot: QtBot, sessions: sessionmaker[Session]) -> SupervisorWindow:
    """The supervisor's window on its 单位信息 tab (the caller keeps it: the form lives in it)."""
    window = SupervisorWindow(runner_on(sessions), "宝音", site_code=DESK.identity.site_code)
    qtbot.addWidget(window)
    tabs = [window.tabText(i) for i in range(window.count())]
    assert OFFICE_TAB in tabs
    window.setCurrentIndex(tabs.index(OFFICE_TAB))
    window.show()
    assert window.currentWidget() is window.office
    assert isinstance(window.office, OfficeSettingsForm)
    return window


def test_a_new_notice_shows_the_new_office_and_a_reprint_the_old(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    (receipt,) = case_papers(runner_on(sessions), DESK, cases["受理"], (DocumentKind.RECEIPT,))
    assert OLD_NAME in pdf_text(receipt.pdf)

    window = supervision(qtbot, sessions)
    form = window.office
    assert form.fields["office_name"].text() == OLD_NAME  # the league hall's defaults until set
    assert form.fields["court"].text() == OfficeSettings().court
    assert "已经出具的文书保留出具时的信息" in form.note.text()
    form.fields["office_name"].setText(NEW_NAME)
    form.fields["seal_caption"].setText(f"{NEW_NAME}政务服务专用章")
    with qtbot.waitSignal(form.saved) as saved:
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert isinstance(saved.args[0], OfficeSettings)
    assert form.message.text().startswith(OFFICE_SAVED)  # then what the papers would still print blank
    with sessions() as session:
        assert office_settings(session, DESK.identity.site_code).office_name == NEW_NAME

    (refusal,) = case_papers(runner_on(sessions), DESK, cases["撤回申请"], (DocumentKind.REFUSAL,))
    assert NEW_NAME in pdf_text(refusal.pdf)
    (reprint,) = case_papers(runner_on(sessions), DESK, cases["受理"], (DocumentKind.RECEIPT,))
    assert reprint.reprint
    assert reprint.pdf == receipt.pdf
    assert NEW_NAME not in pdf_text(reprint.pdf)


def test_empty_fields_are_all_named_and_nothing_is_saved(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    window = supervision(qtbot, sessions)
    form = window.office
    form.fields["office_name"].setText(NEW_NAME)
    form.fields["consult_phone"].clear()
    form.fields["court"].setText("   ")
    with qtbot.assertNotEmitted(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == OFFICE_MISSING.format(fields="咨询电话、行政诉讼法院")
    with sessions() as session:
        assert office_settings(session, DESK.identity.site_code) == OfficeSettings()
    form.load()  # read again: what the database holds
    assert form.fields["office_name"].text() == OLD_NAME
    assert form.fields["consult_phone"].text() == OfficeSettings().consult_phone


def test_exceptions_are_lines_and_one_that_does_not_read_is_named_and_nothing_saved(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    window = supervision(qtbot, sessions)
    form = window.office
    tax = "国家税务总局乌兰浩特市税务局=国家税务总局兴安盟税务局|乌兰浩特市人民法院"
    form.overrides.setPlainText(f"{tax}\n乌兰浩特市公安局：乌兰浩特市人民政府\n")
    with qtbot.assertNotEmitted(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "“乌兰浩特市公安局：乌兰浩特市人民政府”" in form.message.text()
    assert tax not in form.message.text()
    with sessions() as session:
        assert office_settings(session, DESK.identity.site_code) == OfficeSettings()

    form.overrides.setPlainText(f"{tax}\n\n乌兰浩特市公安局=乌兰浩特市人民政府|\n")
    with qtbot.waitSignal(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with sessions() as session:
        stored = office_settings(session, DESK.identity.site_code).rights_overrides
    assert stored == f"{tax}\n乌兰浩特市公安局=乌兰浩特市人民政府|"


def test_the_departments_contacts_are_lines_kept_for_their_denials(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    """The 承办人 and phone a department's 不予批准决定书 prints: a line that does not read is named, nothing saved."""
    window = supervision(qtbot, sessions)
    form = window.office
    market = "乌兰浩特市市场监督管理局=张丽|0482-8212315"
    form.contacts.setPlainText(f"{market}\n乌兰浩特市城市管理综合行政执法局 李明\n")
    with qtbot.assertNotEmitted(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "“乌兰浩特市城市管理综合行政执法局 李明”" in form.message.text()
    form.contacts.setPlainText(f"{market}\n\n")
    with qtbot.waitSignal(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with sessions() as session:
        assert office_settings(session, DESK.identity.site_code).department_contacts == market
    form.load()
    assert form.contacts.toPlainText() == market


def test_the_offices_name_in_mongolian_heads_the_next_paper_above_the_chinese(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    window = supervision(qtbot, sessions)
    form = window.office
    assert form.fields["office_name_mn"].text() == ""  # none until the office enters the name its 语委 approved
    form.fields["office_name_mn"].setText("ᠬᠢᠩᠭᠠᠨ\U0001f600")
    with qtbot.assertNotEmitted(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == (
        "单位名称（蒙古文）不能印在文书上：第7个字符“\U0001f600”（U+1F600）本系统的字体中没有，打印出来会是空白或方框，请核对证件后改正"
    )
    form.fields["office_name_mn"].setText(HINGGAN)
    with qtbot.waitSignal(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    (refusal,) = case_papers(runner_on(sessions), DESK, cases["撤回申请"], (DocumentKind.REFUSAL,))
    text = pdf_text(refusal.pdf)
    assert text.index(HINGGAN) < text.index(OLD_NAME)


def test_the_offices_name_in_menksoft_codes_is_saved_in_unicode(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    """ᠮᠣᠩᠭᠣᠯ pasted from a document made with a 蒙科立 input method: one private code per glyph."""
    form = supervision(qtbot, sessions).office
    form.fields["office_name_mn"].setText("\ue2f2\ue289\ue2bc\ue2ec\ue289\ue2f9")
    with qtbot.waitSignal(form.saved) as saved:
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].office_name_mn == "ᠮᠣᠩᠭᠣᠯ"
    form.fields["office_name_mn"].setText("\ue000\ue001")
    with qtbot.assertNotEmitted(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "（U+E000）" in form.message.text()


def test_every_field_can_be_reached_on_a_1024_by_768_screen(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    window = supervision(qtbot, sessions)
    window.resize(1024, 768)
    form = window.office
    qtbot.waitUntil(lambda: form.scroll_area.viewport().width() > 0)
    # nothing cut off at the right, once the layout has settled (a bar may show while the window is resized)
    qtbot.waitUntil(lambda: not form.scroll_area.horizontalScrollBar().isVisible())
    assert form.save_button.visibleRegion().boundingRect().height() > 0  # saving never needs scrolling
    for field in [*form.fields.values(), form.overrides, form.contacts]:
        form.scroll_area.ensureWidgetVisible(field)
        qtbot.waitUntil(partial(_shown, field))
    # the rights fields sit under their own heading, the optional ones marked
    assert "（可空）" in form.findChildren(QGroupBox)[-1].title()


def _shown(widget: QWidget) -> bool:
    return not widget.visibleRegion().isEmpty()


def test_the_answer_whether_the_office_is_a_body_that_may_be_entrusted_is_chosen_and_kept(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    """The 司法局's answer (counter.documents.acceptance.OrganAnswer): unanswered at first, which the papers in an
    entrusting department's name wait for; chosen from a list, saved, and shown again."""
    window = supervision(qtbot, sessions)
    form = window.office
    assert form.organ.currentData() == ""
    assert form.organ.accessibleName().startswith("本单位是否为行政机关")  # as the refused paper's message names it
    form.organ.setCurrentIndex(form.organ.findData("yes"))
    with qtbot.waitSignal(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with sessions() as session:
        assert office_settings(session, DESK.identity.site_code).administrative_organ == "yes"
    form.organ.setCurrentIndex(0)
    form.load()
    assert form.organ.currentData() == "yes"


def test_the_office_page_fits_a_narrow_window_its_fields_under_their_long_labels(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    """At 1024x768 and 150 % text the page ran past the window: a label of thirty characters beside a field of its
    least width, the fields cut at the right edge and the note above them too.  A row too wide for the page puts
    its field under its label instead."""
    form = OfficeSettingsForm(runner_on(sessions), DESK.identity.site_code)
    qtbot.addWidget(form)
    form.resize(700, 600)
    form.show()
    qtbot.waitExposed(form)
    area = form.scroll_area
    qtbot.waitUntil(lambda: area.viewport().width() > 0)
    qtbot.waitUntil(lambda: area.horizontalScrollBar().maximum() == 0, timeout=2000)
    for field in form.fields.values():
        if field.isVisible():
            right = field.mapTo(area.viewport(), field.rect().topRight()).x()
            assert right <= area.viewport().width()


def test_a_loaded_field_shows_the_start_of_its_value(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    """At 150 % text the hours ran past their field, which showed their tail: 期一至星期五 08:30-11:30…."""
    form = OfficeSettingsForm(runner_on(sessions), DESK.identity.site_code)
    qtbot.addWidget(form)
    form.load()
    loaded = [field for field in form.fields.values() if field.text()]
    assert loaded
    assert all(field.cursorPosition() == 0 for field in loaded)


def test_an_entrustment_agreement_that_does_not_read_is_named_and_nothing_saved(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    window = supervision(qtbot, sessions)
    form = window.office
    market = "乌兰浩特市市场监督管理局=委托受理协议（乌市监〔2026〕3号）"
    form.entrustments.setPlainText(f"{market}\n乌兰浩特市卫生健康委员会 委托受理协议\n")
    with qtbot.assertNotEmitted(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "“乌兰浩特市卫生健康委员会 委托受理协议”" in form.message.text()
    assert market not in form.message.text()
    with sessions() as session:
        assert office_settings(session, DESK.identity.site_code) == OfficeSettings()
    form.entrustments.setPlainText(f"{market}\n")
    with qtbot.waitSignal(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with sessions() as session:
        assert office_settings(session, DESK.identity.site_code).entrustments == market


def test_office_settings_the_database_cannot_save_are_said_and_kept_on_the_form(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    from counter.service.documents import SAVE_OFFICE
    from counter.ui.printing.words import OFFICE_SAVE_FAILED
    from counter.words.database import fault_text
    from tests.ui.failing import LOCKED, failing

    window = supervision(qtbot, sessions)
    form = window.office
    form.fields["office_name"].setText(NEW_NAME)
    away = failing(form._runner, LOCKED, SAVE_OFFICE)
    with qtbot.assertNotEmitted(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert away.asked == [SAVE_OFFICE.name]
    assert form.message.text() == OFFICE_SAVE_FAILED.format(fault=fault_text("locked"))
    assert form.fields["office_name"].text() == NEW_NAME
    with sessions() as session:
        assert office_settings(session, DESK.identity.site_code).office_name == OLD_NAME
    away.mend()
    with qtbot.waitSignal(form.saved):
        QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with sessions() as session:
        assert office_settings(session, DESK.identity.site_code).office_name == NEW_NAME
