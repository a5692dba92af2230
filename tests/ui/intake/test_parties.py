"""The applicant part of the panel: numbers checked at the field, 一证办理, agent and delivery."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.take import take_intake
from counter.case.intake_request import IntakeRequest
from counter.db.catalog_store import current_guide
from counter.intake.checklist import start_checklist
from counter.intake.outcome import Refusal, RefusalGround
from counter.intake.parties import Applicant, ApplicantKind, Delivery, Parties
from counter.intake.turn_to import turn_to_text
from counter.ui.intake import IntakePanel
from counter.ui.intake.words import INTAKE_ID_OK
from tests.codes import make_credit_code, make_org_code
from tests.ui.intake.conftest import DESK, TODAY, MakePanel
from tests.ui.intake.helpers import AGENT_ID, ELSEWHERE, PERSON_ID
from tests.ui.shown_text import outcome_text

COMPANY_CODE = make_credit_code("91152201" + make_org_code("MA0Q1234"))


def wrong_check(number: str) -> str:
    """The same number with another last character: only the check fails."""
    return number[:17] + ("0" if number[17] != "0" else "1")


BAD_CHECK_DIGIT = wrong_check(PERSON_ID)


def test_a_wrong_check_digit_is_named_at_the_field_while_typing(qtbot: QtBot, panel: IntakePanel) -> None:
    field = panel.applicant_form.id_field
    QTest.keyClicks(field.edit, BAD_CHECK_DIGIT[:10])
    assert field.message.isHidden()  # half a number is not yet wrong
    QTest.keyClicks(field.edit, BAD_CHECK_DIGIT[10:])
    assert field.message.isVisible()
    assert "校验位错误" in field.message.text()
    assert not panel.commit_button.isEnabled()
    assert not panel.message.isVisible()  # nothing was submitted


def test_an_impossible_birth_date_and_a_short_number_are_named(qtbot: QtBot, panel: IntakePanel) -> None:
    field = panel.applicant_form.id_field
    QTest.keyClicks(field.edit, "152201198502301234")
    assert "出生日期不存在（19850230）" in field.message.text()
    field.edit.clear()
    QTest.keyClicks(field.edit, "15220119850")
    assert field.message.isHidden()
    field.edit.editingFinished.emit()  # the clerk leaves the field
    assert field.message.text() == "长度应为18位，现为11位"


def test_a_company_is_checked_by_its_credit_code(qtbot: QtBot, panel: IntakePanel) -> None:
    form = panel.applicant_form
    form.kind_buttons["company"].click()
    assert form.id_label.text() == "统一社会信用代码"
    assert form.name_label.text() == "名称"
    assert form.form.isRowVisible(form.legal_rep_line)
    QTest.keyClicks(form.id_field.edit, wrong_check(COMPANY_CODE))
    assert form.id_field.message.text() == "校验位错误，请逐位核对代码"
    form.id_field.edit.setText(COMPANY_CODE)
    assert form.id_field.message.text() == INTAKE_ID_OK
    form.kind_buttons["person"].click()
    assert not form.form.isRowVisible(form.legal_rep_line)
    assert "长度" not in form.id_field.message.text()  # rechecked as an ID number, named only on leaving
    assert "字符不对" in form.id_field.message.text()  # letters in an ID number cannot become right


def earlier_case(sessions: sessionmaker[Session], applicant: Applicant) -> None:
    with sessions() as session:
        stored = current_guide(session, "XAM-YJS-008")
    assert stored is not None
    checklist = start_checklist(stored.bundle, guide_version=stored.version_id)
    elsewhere = turn_to_text((item.code, ELSEWHERE) for item in stored.bundle.items)  # 第二项: the hall's 告知
    request = IntakeRequest(
        checklist, Parties(applicant), refusal=Refusal(RefusalGround.NOT_IN_REMIT, elsewhere, insists=False)
    )
    with sessions.begin() as session:
        take_intake(session, DESK, request, TODAY, office_calendar(session))


def test_a_known_id_number_fills_what_earlier_cases_knew(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    earlier_case(sessions, Applicant(ApplicantKind.PERSON, "张海军", PERSON_ID, "13904821234", "民主路18号"))
    form = panel.applicant_form
    QTest.keyClicks(form.phone, "15148201234")  # typed before the number: kept
    assert form.autofill_hint.isHidden()
    QTest.keyClicks(form.id_field.edit, PERSON_ID.lower())
    assert form.name.text() == "张海军"
    assert form.address.text() == "民主路18号"
    assert form.phone.text() == "15148201234"
    assert form.autofill_hint.isVisible()
    assert form.autofill_hint.text() == "已按以往办件自动填写"
    QTest.keyClick(form.id_field.edit, Qt.Key.Key_Backspace)
    assert form.autofill_hint.isHidden()


def test_a_known_credit_code_fills_the_legal_representative(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    company = Applicant(ApplicantKind.COMPANY, "兴安盟草原餐饮有限公司", COMPANY_CODE, "04828261008", "", "包巴特尔")
    earlier_case(sessions, company)
    form = panel.applicant_form
    form.kind_buttons["company"].click()
    QTest.keyClicks(form.id_field.edit, COMPANY_CODE)
    assert (form.name.text(), form.legal_rep.text(), form.phone.text()) == (
        "兴安盟草原餐饮有限公司",
        "包巴特尔",
        "04828261008",
    )


def test_an_unknown_number_fills_nothing(qtbot: QtBot, panel: IntakePanel) -> None:
    form = panel.applicant_form
    QTest.keyClicks(form.id_field.edit, PERSON_ID)
    assert form.name.text() == ""
    assert form.autofill_hint.isHidden()


def test_agent_and_delivery_are_parties_only_when_chosen(qtbot: QtBot, panel: IntakePanel) -> None:
    agent = panel.agent_form
    assert not agent.id_field.edit.isEnabled()  # no agent unless the clerk says so
    agent.setChecked(True)
    QTest.keyClicks(agent.id_field.edit, wrong_check(AGENT_ID))
    assert "校验位错误" in agent.id_field.message.text()
    agent.id_field.edit.setText(AGENT_ID)
    agent.name.setText("李𬭚")
    agent.setChecked(False)
    assert panel.form().parties().agent is None
    assert panel.form().agent.name == "李𬭚"  # kept beneath the switched-off box
    agent.setChecked(True)
    parties = panel.form().parties()
    assert parties.agent is not None
    assert parties.agent.name == "李𬭚"
    problems = outcome_text(panel.outcome_box)
    assert "授权委托书：必须填写" in problems
    delivery = panel.delivery_form
    assert not delivery.form.isRowVisible(delivery.address_line)
    delivery.buttons["post"].click()
    assert delivery.form.isRowVisible(delivery.address_line)
    assert "邮寄地址：必须填写" in outcome_text(panel.outcome_box)
    assert panel.form().parties().delivery is Delivery.POST


def test_the_notify_phone_defaults_to_the_applicants(qtbot: QtBot, panel: IntakePanel) -> None:
    QTest.keyClicks(panel.applicant_form.phone, "13904821234")
    assert panel.delivery_form.notify_phone.placeholderText() == "同申请人电话 13904821234"
    assert panel.form().parties().notify_phone == ""  # left empty: the action uses the applicant's


def test_birth_dates_are_checked_against_the_panels_today(make_panel: MakePanel) -> None:
    panel = make_panel(today=dt.date(1985, 5, 4))  # training mode: the clock is fixed
    panel.applicant_form.id_field.edit.setText(PERSON_ID)
    assert "晚于今天" in panel.applicant_form.id_field.message.text()


def test_a_known_agents_number_fills_the_agents_name_and_nothing_typed(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    """一证办理 for the agent too: someone the office knows (here from an earlier case of their own) comes for
    another, and their number fills the agent's name; a name the clerk typed first is left as typed."""
    earlier_case(sessions, Applicant(ApplicantKind.PERSON, "李𬭚", AGENT_ID, "13904821234", "民主路18号"))
    agent = panel.agent_form
    agent.setChecked(True)
    QTest.keyClicks(agent.id_field.edit, AGENT_ID)
    assert agent.name.text() == "李𬭚"
    assert panel.form().parties().agent is not None
    agent.id_field.edit.clear()
    agent.name.setText("李四")
    QTest.keyClicks(agent.id_field.edit, AGENT_ID)
    assert agent.name.text() == "李四"
