"""单位信息: saved for notices made from now on; a notice already made keeps the office it was made under."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.documents import office_settings
from counter.documents.kinds import DocumentKind
from counter.documents.model import OfficeSettings
from counter.ui.pad.supervisor_window import SupervisorWindow
from counter.ui.printing.making import make_case_documents
from counter.ui.printing.office_form import OfficeSettingsForm
from counter.ui.printing.words import OFFICE_MISSING, OFFICE_SAVED, OFFICE_TAB
from tests.ui.printing.helpers import DESK, TODAY, pdf_text
from tests.ui.runners import runner_on

NEW_NAME = "科尔沁右翼前旗政务服务中心"
OLD_NAME = OfficeSettings().office_name


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
    (receipt,) = make_case_documents(runner_on(sessions), DESK, cases["受理"], (DocumentKind.RECEIPT,), TODAY)
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
    assert form.message.text() == OFFICE_SAVED
    with sessions() as session:
        assert office_settings(session, DESK.identity.site_code).office_name == NEW_NAME

    (refusal,) = make_case_documents(runner_on(sessions), DESK, cases["不予受理"], (DocumentKind.REFUSAL,), TODAY)
    assert NEW_NAME in pdf_text(refusal.pdf)
    (reprint,) = make_case_documents(runner_on(sessions), DESK, cases["受理"], (DocumentKind.RECEIPT,), TODAY)
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
