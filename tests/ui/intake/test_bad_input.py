"""What people really type, or paste, is kept and shown exactly: rare names, huge fields, odd text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.db.case_store import case_view
from counter.intake.draft import draft_from_json
from counter.ui.intake import IntakePanel
from counter.ui.look.fonts import install_fonts
from tests.conftest import REPO
from tests.ui.drafts_read import restored
from tests.ui.intake.conftest import DESK, TODAY
from tests.ui.intake.helpers import AGENT_ID, PERSON_ID, answer, commit
from tests.ui.runners import runner_on

RARE = "王䶮𬭚"  # U+4DAE (CJK Extension A) and U+2CB5A (Extension E)
SQL = 'Robert\'); DROP TABLE "case";--'
CONTROL = "乌兰浩特\x07市\t兴安\x00北大路\u202e1号\r\n"
QUOTES = "“草原”餐馆 'x' \"y\" \\n %s {name}"
LONG = "长" * 10_000
MONGOLIAN = "ᠪᠠᠲᠤ ᠮᠣᠩᠭᠣᠯ\u180eᠠ"  # Batu, and a word with its vowel separator (U+180E) before the final a


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[str]:
    """The font the desk app uses, for this test only."""
    before = QApplication.font()
    family = install_fonts(qapp, REPO / "counter" / "resources" / "fonts")
    assert family is not None
    yield family
    QApplication.setFont(before)


@pytest.mark.slow
def test_odd_text_is_stored_and_shown_as_typed(
    qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel
) -> None:
    """Rare characters, quotes, SQL and Mongolian script are names like any other: kept exactly as typed."""
    form = panel.applicant_form
    form.id_field.edit.setText(PERSON_ID)
    form.name.setText(RARE + SQL[:20])
    form.phone.setText("0482-8261008")
    form.address.setText(MONGOLIAN + " " + QUOTES)
    panel.agent_form.setChecked(True)
    panel.agent_form.id_field.edit.setText(AGENT_ID)
    panel.agent_form.name.setText("李𬭚")
    panel.agent_form.authorisation.setText(QUOTES)
    panel.delivery_form.buttons["post"].click()
    panel.delivery_form.address.setText(SQL)
    answer(panel, {"operator": "individual", "agent": "agent", "signboard": "no"})
    QTest.mouseClick(panel.checklist_view.all_received_button, Qt.MouseButton.LeftButton)
    row = panel.checklist_view.row("M05")
    row.setFocus()
    QTest.keyClick(row, Qt.Key.Key_2)
    row.note.insert(QUOTES + SQL)
    assert panel.drafts.save_now()

    case_no = commit(qtbot, panel)
    with sessions() as session:
        view = case_view(session, case_no)
        tables = session.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'case'"))
    assert tables == 1
    assert view is not None
    assert view.applicant_name == RARE + SQL[:20]
    assert view.applicant_address == MONGOLIAN + " " + QUOTES
    assert view.agent_name == "李𬭚"
    assert view.agent_authorisation == QUOTES
    assert view.delivery_address == SQL
    note = next(m.defect_note for m in view.materials if m.code == "M05")
    assert note == QUOTES + SQL


@pytest.mark.slow
def test_odd_text_survives_the_draft(qtbot: QtBot, sessions: sessionmaker[Session], panel: IntakePanel) -> None:
    panel.applicant_form.name.setText(RARE + CONTROL + QUOTES + SQL)
    panel.applicant_form.address.setText(LONG)
    with qtbot.waitSignal(panel.draft_saved, timeout=5_000):
        pass
    with sessions() as session:
        stored = session.scalar(select(models.Draft.content))  # opened as the app reads it: it is stored sealed
    assert isinstance(stored, str)
    again = restored(runner_on(sessions), DESK, draft_from_json(stored), lambda: TODAY)
    qtbot.addWidget(again)
    assert again.applicant_form.name.text() == RARE + CONTROL + QUOTES + SQL
    assert again.applicant_form.address.text() == LONG


def test_rare_name_characters_are_drawn_not_boxed(qtbot: QtBot, app_font: str) -> None:
    """Every glyph Qt draws for the name comes from a font that has it (index 0 is the box)."""
    edit = QLineEdit(RARE)
    qtbot.addWidget(edit)
    assert QFont(edit.font()).family() == app_font
    layout = QTextLayout(edit.text(), edit.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    drawn = [(run.rawFont().familyName(), index) for run in runs for index in run.glyphIndexes()]
    assert len(drawn) == 3
    assert all(index != 0 for _family, index in drawn), drawn
