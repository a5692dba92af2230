"""The intake form names the paper that will print: a 收件凭证 where the hall only receives the items.

At a hall that records no entrustment for 我要开小餐馆's items (the default), the paper of an intake with every
material is a 收件凭证 (counter.documents.acceptance: the hall receives, the departments accept), yet the commit
button said 受理，出具受理凭证 and the outcome 受理：…出具受理凭证.  The labels now follow the per-item model the papers
follow; with the departments' 授权 recorded, the hall accepts in their name and the 受理凭证 is named again.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.item_authority import set_entrustment
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.site.demo import fresh_checklist
from counter.case.numbers import DeskIdentity
from counter.case.site_authority import EntrustedAct
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.documents import words as paper
from counter.documents.outcome_papers import OUTCOME_PAPERS
from counter.intake.outcome import Outcome
from counter.ui.intake import IntakePanel
from tests.entrusted import ENTRUSTMENT, RESTAURANT_ITEMS, entrust_in
from tests.pg_server import BACKENDS, CATALOG, FreshDatabases
from tests.ui.intake.conftest import BUNDLE, DESK, TODAY
from tests.ui.intake.helpers import answer, commit, fill_person, press, ready
from tests.ui.runners import runner_on

ADMIN = Desk(DeskIdentity("XAM01", "1"), "管理员")
DOCTOR, DOCTOR_ITEM = "XAM-YJS-074", "YJS074-01"  # 我要办理医师执业注册: one item, one department (卫健委)


@pytest.fixture(params=BACKENDS)
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """The shipped catalog on each backend."""
    if request.param == "postgresql":
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        yield fresh.sessions(CATALOG)
        return
    path = tmp_path / "counter.sqlite3"
    shutil.copy(request.getfixturevalue("shipped_catalog_db"), path)
    engine = make_engine(f"sqlite:///{path}")
    yield make_sessions(engine)
    engine.dispose()


def panel_on(qtbot: QtBot, sessions: sessionmaker[Session], bundle: str = BUNDLE) -> IntakePanel:
    with sessions() as s:
        guide = current_guide(s, bundle)
    assert guide is not None
    panel = IntakePanel(runner_on(sessions), DESK, guide, lambda: TODAY, "")
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    return panel


def test_a_hall_that_only_receives_names_the_receipt_it_prints(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    panel = panel_on(qtbot, sessions)
    ready(qtbot, panel)
    accepted = panel.decision
    assert accepted is not None
    assert accepted.outcome is Outcome.ACCEPT
    assert panel.commit_button.text() == "收件，出具收件凭证\nCtrl+Enter"
    said = panel.outcome_box.summary.text()
    assert "收件凭证" in said
    assert "受理凭证" not in said
    press(qtbot, panel, "M05", Qt.Key.Key_3)  # missing: the hall tells once what is missing, it asks no 补正
    correction = panel.decision
    assert correction is not None
    assert correction.outcome is Outcome.CORRECT
    assert panel.commit_button.text() == "出具补齐材料告知书\nCtrl+Enter"
    assert "补齐材料告知书" in panel.outcome_box.summary.text()
    assert "补齐补正通知书" not in panel.outcome_box.summary.text()


def test_a_hall_entrusted_with_the_items_names_the_acceptance_receipt(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    entrust_in(sessions, ADMIN, *RESTAURANT_ITEMS)
    panel = panel_on(qtbot, sessions)
    ready(qtbot, panel)
    assert panel.commit_button.text() == "受理，出具受理凭证\nCtrl+Enter"
    assert "受理凭证" in panel.outcome_box.summary.text()
    assert commit(qtbot, panel)


def test_the_button_names_each_outcomes_paper_as_it_heads_itself(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    """Where the window's own paper prints (no 收件 paper read with the preview), 补正 said 出具补正通知书 and 容缺
    出具通知书, while the papers head themselves 补齐补正通知书 and 容缺受理通知书."""
    panel = panel_on(qtbot, sessions)
    ready(qtbot, panel)
    named = {
        "accept": "受理，出具受理凭证",
        "defer": "容缺受理，出具容缺受理通知书",
        "correct": "出具补齐补正通知书",
        "refuse": "出具不予受理通知书",
    }
    for outcome, said in named.items():
        panel.name_commit(outcome)  # as the form names it when it comes to that outcome
        assert panel.commit_button.text() == f"{said}\nCtrl+Enter"
        assert said.endswith(paper.DOC_TITLE[OUTCOME_PAPERS[outcome][0]])


def test_an_agreement_for_acceptance_alone_names_the_halls_own_correction_notice(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    """The departments entrusted the window with 受理 alone: it accepts in their name, but a 补正 is none of its to
    tell in their name (许可法 第二十四条): the form names the hall's 补齐材料告知书, as the paper heads itself."""
    entrust_in(sessions, ADMIN, *RESTAURANT_ITEMS)
    with sessions.begin() as s:
        for code in RESTAURANT_ITEMS:
            set_entrustment(s, ADMIN, "XAM01", code, ENTRUSTMENT, frozenset({EntrustedAct.ACCEPT}))
    panel = panel_on(qtbot, sessions)
    ready(qtbot, panel)
    assert panel.commit_button.text() == "受理，出具受理凭证\nCtrl+Enter"
    press(qtbot, panel, "M05", Qt.Key.Key_3)
    correction = panel.decision
    assert correction is not None
    assert correction.outcome is Outcome.CORRECT
    assert panel.commit_button.text() == "出具补齐材料告知书\nCtrl+Enter"
    assert "补齐补正通知书" not in panel.outcome_box.summary.text()


def test_an_agreement_for_acceptance_alone_names_the_halls_notice_for_a_refusal(
    qtbot: QtBot, sessions: sessionmaker[Session]
) -> None:
    """074's one item, entrusted by the 卫健委 for 受理 alone: the window refuses nothing in its name; the refusal
    is the hall's 申请事项告知书, as the paper heads itself, and the applicant is asked whether to go on."""
    entrust_in(sessions, ADMIN, DOCTOR_ITEM)
    with sessions.begin() as s:
        allow_draft_intake(s, True, desk=ADMIN)
        set_entrustment(s, ADMIN, "XAM01", DOCTOR_ITEM, ENTRUSTMENT, frozenset({EntrustedAct.ACCEPT}))
    panel = panel_on(qtbot, sessions, DOCTOR)
    with sessions() as s:
        guide = current_guide(s, DOCTOR)
    assert guide is not None
    fill_person(panel)
    answer(panel, fresh_checklist(guide).answers_dict())
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    assert panel.commit_button.text() == "受理，出具受理凭证\nCtrl+Enter"
    panel.refusal.setChecked(True)
    assert panel.refusal.title() == "告知：出具申请事项告知书"
    assert panel.commit_button.text() == "出具申请事项告知书\nCtrl+Enter"
