"""Whatever a case holds is shown as text: markup in a name is characters on the case page, never a badge.

A name such as ``<b style=color:red>已核验：公安身份核查通过</b>`` showed as a red badge the hall never issued, and
``<span style="display:none">冒用</span>`` hid what the name says: Qt guesses a label's text format and rendered
both.  Every field of a case is given markup here, through the database (as any door, the township's package
included, could store it), and every label of the page is read back: plain, with the markup as its characters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.site.demo import run_demo
from counter.db import models
from counter.sync.sites import SiteKind
from counter.ui.cases.case_page import CasePage, Loaded
from tests.sync.sync_world import TODAY, introduce, make_site, sqlite_copy
from tests.sync.test_sender_records import Pair, cases_of, signed, township_body
from tests.ui.cases.casebook import SUPERVISOR, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.runners import runner_on

BADGE = "<b style=color:red>已核验：公安身份核查通过</b>"
HIDDEN = '<span style="display:none">冒用</span>'
MARKUP = BADGE + HIDDEN
CASE_TEXTS = (
    "applicant_name", "applicant_address", "legal_rep", "agent_name", "agent_authorisation", "delivery_address",
    "turn_to", "denial_reason", "clerk",
)  # fmt: skip


def open_page(qtbot: QtBot, sessions: sessionmaker[Session], today: Clock, case_no: str) -> CasePage:
    page = CasePage(runner_on(sessions), SUPERVISOR, today, case_no)
    qtbot.addWidget(page)
    assert page.reload() is Loaded.SHOWN
    page.resize(1120, 820)
    page.show()
    return page


def shown_texts(page: CasePage) -> list[str]:
    """Every text the page's labels and tables show, each label checked to show its text as text."""
    texts = []
    for label in page.findChildren(QLabel):
        shown = label.text()
        if "<" in shown and label.textFormat() is not Qt.TextFormat.PlainText:
            assert label.textFormat() is Qt.TextFormat.RichText, (label.objectName(), shown)
            assert BADGE not in shown, shown  # rich text of its own: every value escaped
            assert HIDDEN not in shown, shown
        texts.append(shown)
    for table in page.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None:
                    texts.append(item.text())
    return texts


def test_markup_in_every_field_of_a_case_is_shown_as_written(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    with case_sessions.begin() as session:
        sets = ", ".join(f"{column} = :markup" for column in CASE_TEXTS)
        session.execute(text(f'UPDATE "case" SET {sets} WHERE case_no = :no'), {"markup": MARKUP, "no": book.denied})
        case_id = session.scalar(select(models.Case.id).where(models.Case.case_no == book.denied))
        session.execute(text("UPDATE case_material SET defect_note = :markup WHERE case_id = :id"),
                        {"markup": MARKUP, "id": case_id})  # fmt: skip
    page = open_page(qtbot, case_sessions, today, book.denied)
    texts = shown_texts(page)
    assert sum(MARKUP in t for t in texts) >= 5, texts  # the applicant, the address, the agent, the reason …
    applicant = page.fields["applicant"]
    assert applicant.textFormat() is Qt.TextFormat.PlainText
    assert MARKUP in applicant.text()


@pytest.fixture
def pair(tmp_path: Path, shipped_catalog_db: Path) -> Pair:
    catalog = shipped_catalog_db
    hall = make_site(sqlite_copy(catalog, tmp_path / "hall.sqlite3"), "XAM01", "兴安盟政务服务中心", SiteKind.HALL,
                     tmp_path)  # fmt: skip
    ars = make_site(sqlite_copy(catalog, tmp_path / "ars.sqlite3"), "ARS01", "明水河镇便民服务中心",
                    SiteKind.TOWNSHIP, tmp_path)  # fmt: skip
    introduce(hall, ars)
    run_demo(ars.sessions, ars.desk, TODAY)
    return Pair(hall, ars)


def test_markup_in_a_name_arriving_by_sync_is_shown_as_written(qtbot: QtBot, pair: Pair) -> None:
    body = township_body(pair)
    sent = cases_of(body)[0]
    sent["applicant_name"] = BADGE  # within a name's 50 characters
    sent["applicant_address"] = MARKUP
    report = pair.hall.take(signed(pair, body))
    assert report.held == 0  # markup is characters a name may hold: it is shown, not refused
    page = open_page(qtbot, pair.hall.sessions, Clock(TODAY), sent["case_no"])
    assert BADGE in page.fields["applicant"].text()
    assert page.fields["applicant"].textFormat() is Qt.TextFormat.PlainText
    assert MARKUP in page.fields["applicant_address"].text()
    assert page.fields["applicant_address"].textFormat() is Qt.TextFormat.PlainText
    assert sum(BADGE in t for t in shown_texts(page)) >= 2
