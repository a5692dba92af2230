"""告知承诺 on the department's list (F6, 部门待办): the checks it owes, by date, late ones red; Enter opens it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.db import models
from counter.db.case_store import case_by_no
from counter.ui.cases.marks import RED
from counter.words.pledges import PLEDGE_LIST_SUMMARY
from tests.ui.cases.casebook import DAY, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.helpers import column
from tests.ui.cases.test_case_lists import make_lists

BRIGADE = "乌兰浩特市消防救援大队"


def owed(sessions: sessionmaker[Session], case_no: str, due: dt.date) -> None:
    """A grant on a promise as counter.actions.intake.notice_pledges.grant_on_pledge keeps it."""
    with sessions.begin() as s:
        case = case_by_no(s, case_no)
        assert case is not None
        s.add(
            models.PledgeCheck(
                case_id=case.id, item_code="YJS035-05", item_name="公众聚集场所投入使用、营业前消防安全检查",
                site_code=case.site_code, department=BRIGADE, granted_on=DAY, check_due=due, finding="",
                pledge_doc_no="", revocation_doc_no="",
            )
        )  # fmt: skip


def test_the_checks_a_department_owes_are_on_its_list(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    owed(case_sessions, book.accepted, dt.date(2026, 12, 18))
    today.day = dt.date(2026, 12, 21)  # past the check's date
    lists = make_lists(qtbot, case_sessions, today)
    page = lists.items
    lists.tabs.setCurrentWidget(page)
    page.refresh()
    assert page.pledges_summary.text() == PLEDGE_LIST_SUMMARY.format(count=1)
    assert column(page.pledges, 0) == [book.accepted]
    assert column(page.pledges, 2) == [BRIGADE]
    assert column(page.pledges, 3) == ["2026-12-18（已逾期）"]
    first = page.pledges.item(0, 0)
    assert first is not None
    assert first.background().color() == RED
    page.pledges.setFocus()
    page.pledges.setCurrentCell(0, 0)
    with qtbot.waitSignal(page.case_chosen) as chosen:
        QTest.keyClick(page.pledges, Qt.Key.Key_Return)
    assert chosen.args == [book.accepted]
