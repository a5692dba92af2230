"""A commit that fails: the database, an unknown or wrong previous case, the action's own refusal."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.item_authority import set_item_held
from counter.actions.intake.take import take_intake
from counter.case.intake_request import IntakeRequest
from counter.case.number_faults import NumbersBehind, OtherSeries
from counter.case.status import CaseStatus
from counter.catalog.stored_guide import StoredGuide
from counter.db.case_store import case_view
from counter.db.catalog_store import current_guide
from counter.db.draft_store import load_drafts
from counter.host.keys.data_key import ensure_data_keys, sm4_key_path
from counter.host.machine.paths import site_key_path
from counter.intake.checklist import Receipt, start_checklist
from counter.intake.not_possible import IntakeNotPossible, NotPossibleWhy
from counter.intake.outcome import Refusal, RefusalGround, decide
from counter.intake.parties import Applicant, ApplicantKind, Delivery, Parties, party_problems
from counter.service.intake import TAKE_INTAKE
from counter.ui.intake import IntakePanel
from counter.ui.intake.outcome_box import commit_problems
from counter.ui.intake.words import INTAKE_DB_FAULT_NO_DRAFT
from counter.words.access import refused_for
from counter.words.database import DB_FAULT, numbers_behind_text
from counter.words.sites import OTHER_SERIES
from tests.cli.test_case_take import ASCII_WORD
from tests.db.test_personal_sealing import damaged, put_back
from tests.intake.samples import WeekendCalendar
from tests.ui.failing import failing
from tests.ui.intake.conftest import DESK, TODAY, MakePanel
from tests.ui.intake.helpers import PERSON_ID, all_licences, commit, press, ready
from tests.ui.runners import runner_on


def test_a_database_error_keeps_the_form_and_the_draft(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    ready(qtbot, panel)
    with sessions.begin() as session:
        session.execute(text("DROP TABLE case_material"))  # the disk, the network, a lock …
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    assert panel.message.isVisible()
    assert panel.message.text().startswith(f"{DB_FAULT['other']}。本次受理没有保存，表单内容和草稿都已保留")
    assert not panel.finished
    assert panel.commit_button.isEnabled()
    assert panel.applicant_form.name.text() == "张海军"
    assert panel.form().checklist.entry("M04") is not None
    with sessions() as session:
        (stored,) = load_drafts(session, DESK.draft_key)
        assert session.scalar(text('SELECT count(*) FROM "case"')) == 0
    assert "\\u5f20\\u6d77\\u519b" in stored[2]


@pytest.mark.parametrize("damage", ["cut short", "a folder"])
def test_a_damaged_data_key_is_said_and_keeps_the_form(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel, damage: str
) -> None:
    """The site's data key damaged under the window: the commit is refused in words that name it and whom to call
    (an unexpected-error window before), and the form stays to be committed again once the key is back."""
    ready(qtbot, panel)
    key_file = sm4_key_path(site_key_path(), 1)
    ensure_data_keys(site_key_path())  # a site that has sealed before
    kept = key_file.read_bytes()
    damaged(key_file, damage)
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    assert panel.message.isVisible()
    # the draft is sealed too, so it could not be kept either: the form is, in the window
    assert panel.message.text() == INTAKE_DB_FAULT_NO_DRAFT.format(fault=DB_FAULT["data_key"])
    assert "运维人员" in DB_FAULT["data_key"]
    assert not ASCII_WORD.search(DB_FAULT["data_key"])
    assert not panel.finished
    assert panel.commit_button.isEnabled()
    assert panel.applicant_form.name.text() == "张海军"
    with sessions() as session:
        assert session.scalar(text('SELECT count(*) FROM "case"')) == 0

    put_back(key_file, kept)  # from its copy: the same form commits
    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
    assert view is not None
    assert view.applicant_id_no == PERSON_ID


@pytest.mark.slow
def test_a_resubmission_names_and_links_the_correction_it_answers(
    qtbot: QtBot, sessions: sessionmaker[Session], make_panel: MakePanel
) -> None:
    first = make_panel()
    ready(qtbot, first)
    press(qtbot, first, "M05", Qt.Key.Key_3)
    corrected = commit(qtbot, first)
    again = make_panel(previous_case_no=corrected)
    assert again.resubmission.isVisible()
    assert again.resubmission.text() == f"补正后重新提交，原办件：{corrected}"
    ready(qtbot, again)
    case_no = commit(qtbot, again)
    with sessions() as session:
        view = case_view(session, case_no)
        old = case_view(session, corrected)
    assert view is not None
    assert view.previous_case_no == corrected
    assert old is not None
    assert old.status is CaseStatus.RESUBMITTED


def test_an_unknown_previous_case_is_named(qtbot: QtBot, make_panel: MakePanel) -> None:
    panel = make_panel(previous_case_no="XAM01-20250306-08-9999")
    ready(qtbot, panel)
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    assert panel.message.text() == "原办件 XAM01-20250306-08-9999 不存在，请核对办件编号"
    assert not panel.finished
    entry = panel.form().checklist.entry("M05")
    assert entry is not None
    assert entry.receipt is Receipt.RECEIVED


def test_a_commit_refused_by_the_action_is_explained(
    qtbot: QtBot, sessions: sessionmaker[Session], make_panel: MakePanel
) -> None:
    with sessions() as session:
        pharmacy = current_guide(session, "XAM-YJS-006")
    assert pharmacy is not None
    request = IntakeRequest(
        start_checklist(pharmacy.bundle, guide_version=pharmacy.version_id),
        Parties(Applicant(ApplicantKind.PERSON, "刘志强", PERSON_ID)),
        refusal=Refusal(RefusalGround.NO_LICENCE_NEEDED, all_licences(pharmacy.bundle)),
    )
    with sessions.begin() as session:  # a 行政审批局 holding the pharmacy's power: its window may refuse on 第一项
        for item in pharmacy.bundle.items:
            set_item_held(session, DESK, DESK.identity.site_code, item.code, held=True)
        other = take_intake(session, DESK, request, TODAY, office_calendar(session)).case_no
    panel = make_panel(previous_case_no=other)
    ready(qtbot, panel)
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    assert (
        panel.message.text() == "还不能办结，请先处理以下问题：\n• 原办件办理的不是同一件事，不能作为本件的补正前办件"
    )
    assert not panel.finished
    assert panel.commit_button.isEnabled()


def test_a_guide_version_no_longer_stored_is_said_in_words(
    qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide
) -> None:
    """The form's guide version gone from the database (a catalog put back from an older copy): the outcome box says
    so in Chinese, where it once read 其他原因：guide version … not found."""
    gone = dataclasses.replace(guide, version_id=guide.version_id + 1000)
    panel = IntakePanel(runner_on(sessions, lambda: TODAY), DESK, gone, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.show()
    ready(qtbot, panel)
    qtbot.waitUntil(panel.outcome_box.error.isVisible, timeout=5_000)
    said = panel.outcome_box.error.text()
    assert said == "还不能办结，请先处理以下问题：\n• 本次受理所依据的指南版本已不存在，请重新打开受理页"
    assert not ASCII_WORD.search(said)
    assert not panel.commit_button.isEnabled()


def test_a_desk_whose_clerk_nobody_named_is_told_so_in_words(
    qtbot: QtBot, sessions: sessionmaker[Session], guide: StoredGuide
) -> None:
    nobody = dataclasses.replace(DESK, clerk="")
    panel = IntakePanel(runner_on(sessions, lambda: TODAY), nobody, guide, lambda: TODAY)
    qtbot.addWidget(panel)
    panel.show()
    ready(qtbot, panel)
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    said = panel.message.text()
    assert said.split("\n") == [
        "还不能办结，请先处理以下问题：",
        "• 本窗口没有设置工作人员姓名，不能受理：请在主窗口按 F8，在“本窗口”中填写本人姓名",
    ]
    assert not ASCII_WORD.search(said)
    assert not panel.finished


def test_every_problem_of_a_refused_commit_is_listed_together(guide: StoredGuide) -> None:
    checklist = start_checklist(guide.bundle, guide_version=guide.version_id)
    decision = decide(guide.bundle, checklist, None, None, today=TODAY, calendar=WeekendCalendar())
    parties = Parties(Applicant(ApplicantKind.PERSON, "", "1522"), delivery=Delivery.POST)
    refused = IntakeNotPossible(decision, tuple(party_problems(parties, TODAY)), NotPossibleWhy.LICENCE_EXPIRED)
    lines = commit_problems(refused).split("\n")
    assert lines[0] == "还不能办结，请先处理以下问题："
    assert "• 尚未确认情形：以什么形式经营？" in lines
    assert "• 尚未核对：经营场所使用证明" in lines
    assert "• 申请人姓名或名称：必须填写" in lines
    assert "• 申请人证件号码：证件号码有误" in lines
    assert "• 邮寄地址：必须填写" in lines
    assert lines[-1] == "• 所选电子证照已超过有效期，不能作为申请材料：请重新查询证照库，或收取纸质材料"


REFUSALS: dict[str, tuple[Exception, str]] = {
    "numbers behind": (NumbersBehind("XAM01-20261120-0042", "records"), numbers_behind_text("XAM01-20261120-0042")),
    "other series": (OtherSeries("XAM02", "XAM01"), OTHER_SERIES.format(desk="XAM02", site="XAM01")),
    "role": (
        NotPermitted(Permission.TAKE_INTAKE, signed_in=True),
        refused_for(NotPermitted(Permission.TAKE_INTAKE, signed_in=True)),
    ),
}


@pytest.mark.parametrize("refusal", REFUSALS)
def test_a_commit_the_desk_may_not_number_or_take_keeps_the_form_and_says_why(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel, refusal: str
) -> None:
    """The database behind numbers already issued, the desk set to another site's series, an account that may not
    take intakes: said beside the outcome, nothing taken, the form as typed and usable once it is put right."""
    raised, said = REFUSALS[refusal]
    ready(qtbot, panel)
    away = failing(panel._runner, raised, TAKE_INTAKE)
    QTest.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)
    assert away.asked == [TAKE_INTAKE.name]
    assert panel.message.text() == said
    assert not panel.finished
    assert panel.commit_button.isEnabled()
    assert panel.applicant_form.name.text() == "张海军"
    with sessions() as session:
        assert session.scalar(text('SELECT count(*) FROM "case"')) == 0
    away.mend()
    assert commit(qtbot, panel)  # put right: the same form goes in
