"""Dates beyond the holiday data, through the actions: the statutory holidays skipped, the date provisional on the
case and on its paper, until the year's arrangement is imported.

The bundle is 我要开小餐馆 (XAM-YJS-008), promised in 5 working days.  The holiday data (chinesecalendar) ends on
2026-12-31, so an intake on 2026-12-28 or on 2027-02-01 counts days only the law (全国年节及纪念日放假办法) knows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import deny_lapsed_deferral
from counter.actions.cases.documents import make_document
from counter.actions.cases.holidays import import_schedule
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import run_demo
from counter.case.view import CaseView
from counter.db.case_store import case_view
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument
from counter.documents.words import DOC_PROVISIONAL_DATES
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest
from tests.actions.signed_head import head_of
from tests.actions.test_intake_actions import full_request
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import RESTAURANT_ITEMS, entrust_in

D = dt.date
PROVISIONAL = "".join(DOC_PROVISIONAL_DATES.split())

# SAMPLE DATA, NOT THE OFFICIAL 2027 ARRANGEMENT: invented in the wording of the State Council's notice, with real
# 2027 weekdays.  Its Spring Festival is longer than the law's four days, so the import visibly moves a date.
NOTICE_2027 = """\
国务院办公厅关于2027年部分节假日安排的通知（测试样例，非官方）
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（周五）至13日（周六）放假调休，共9天。1月31日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。5月8日（周六）上班。
五、端午节：6月9日（周三）放假1天。
六、中秋节：9月15日（周三）放假1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
国务院办公厅
2026年11月4日
"""


def take_on(sessions: sessionmaker[Session], desk: Desk, day: dt.date) -> CaseView:
    request = full_request(sessions)
    with sessions.begin() as s:
        number = take_intake(s, desk, request, day, office_calendar(s)).case_no
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    return view


def paper(sessions: sessionmaker[Session], desk: Desk, case_no: str, kind: DocumentKind, day: dt.date) -> MadeDocument:
    with sessions.begin() as s:
        return make_document(s, desk, case_no, kind, day)


def text_of(made: MadeDocument, tmp_path: Path) -> str:
    path = tmp_path / f"{made.doc_no}.pdf"
    path.write_bytes(made.pdf)
    return pdf_text(path)


def test_an_intake_on_28_december_skips_new_year_and_says_the_date_is_provisional(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    case = take_on(sessions, desk, D(2026, 12, 28))
    assert case.promised_on == D(2027, 1, 5)  # 29th, 30th, 31st, then 元旦 and the weekend, 4th, 5th
    assert case.dates_beyond_data
    receipt = paper(sessions, desk, case.case_no, DocumentKind.RECEIPT, D(2026, 12, 28))
    assert receipt.check_dates
    text = text_of(receipt, tmp_path)
    assert "2027年1月5日前办结" in text
    assert PROVISIONAL in text
    # the published schedule moves a date later, never earlier: the note says so, and never that it governs whatever
    assert "以较晚的日期为准，本文书所载期限不因此缩短" in "".join(text.split())
    assert "以公布的安排为准" not in text


def test_an_intake_on_1_february_skips_the_spring_festival_as_the_notices_give_it(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    case = take_on(sessions, desk, D(2027, 2, 1))
    # 2nd, 3rd, 4th; 除夕 Friday 5th to 初七 Friday 12th off (the 2025 and 2026 notices' 春节), the weekend; then
    # Monday 15th and Tuesday 16th: the date the notice gives too (test_importing_the_arrangement…)
    assert case.promised_on == D(2027, 2, 16)
    assert case.dates_beyond_data


def test_importing_the_arrangement_removes_the_mark_and_a_reprint_keeps_its_paper(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    before = take_on(sessions, desk, D(2026, 12, 28))
    first = paper(sessions, desk, before.case_no, DocumentKind.RECEIPT, D(2026, 12, 28))
    with sessions.begin() as s:
        imported = import_schedule(s, NOTICE_2027, 2027, "2027.txt", desk=desk)
    assert imported.ok, imported.problems

    after = take_on(sessions, desk, D(2026, 12, 28))
    assert after.promised_on == D(2027, 1, 5)
    assert not after.dates_beyond_data
    receipt = paper(sessions, desk, after.case_no, DocumentKind.RECEIPT, D(2026, 12, 28))
    assert not receipt.check_dates
    text = text_of(receipt, tmp_path)
    assert "2027年1月5日前办结" in text
    assert PROVISIONAL not in text

    spring = take_on(sessions, desk, D(2027, 2, 1))
    assert spring.promised_on == D(2027, 2, 16)  # the notice's nine days: 2nd, 3rd, 4th, 15th, 16th
    assert not spring.dates_beyond_data

    # the case taken before the import keeps its paper, mark and all
    again = paper(sessions, desk, before.case_no, DocumentKind.RECEIPT, D(2027, 1, 4))
    assert again.reprint
    assert again.pdf == first.pdf
    assert PROVISIONAL in text_of(again, tmp_path)


def test_every_paper_with_dates_carries_the_line(sessions: sessionmaker[Session], desk: Desk, tmp_path: Path) -> None:
    cases = {c.label: c.case_no for c in run_demo(sessions, desk, D(2026, 12, 28))}
    marked = [
        ("受理", DocumentKind.RECEIPT),
        ("容缺受理", DocumentKind.DEFERRAL),
        ("容缺受理", DocumentKind.PLEDGE),
        ("补正（委托代理人办理）", DocumentKind.CORRECTION),
    ]
    for label, kind in marked:
        made = paper(sessions, desk, cases[label], kind, D(2026, 12, 28))
        assert PROVISIONAL in text_of(made, tmp_path), kind
    refusal = paper(sessions, desk, cases["撤回申请"], DocumentKind.REFUSAL, D(2026, 12, 28))
    assert PROVISIONAL not in text_of(refusal, tmp_path)  # it sets no date


@pytest.mark.slow
def test_a_denial_that_quotes_a_provisional_due_date_carries_the_line(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """The 不予批准决定书 of a lapsed 容缺 lists the materials with their due dates: provisional, and said so.

    Taken on Monday 2027-03-01, far from any holiday: the date is provisional, yet no notice can move it, so it lapses
    (near a holiday it would not: tests/actions/test_provisional_lapse.py)."""
    entrust_in(owner, desk, *RESTAURANT_ITEMS)  # the hall records the denial for 市监局 under its written 授权
    desk = head_of(sessions, desk)  # a lapse is a named supervisor's
    request = full_request(sessions)
    checklist = record(request.checklist, "M08", Receipt.MISSING)
    deferred = dataclasses.replace(request, checklist=checklist, deferral=DeferralRequest(True, True))
    with sessions.begin() as s:
        number = take_intake(s, desk, deferred, D(2027, 3, 1), office_calendar(s)).case_no
    with sessions.begin() as s:
        lapse = deny_lapsed_deferral(s, desk, number, D(2027, 3, 5), "未补交")  # due 03-04: 2, 3, 4
    (item,) = lapse.items
    with sessions.begin() as s:
        made = make_document(s, desk, number, DocumentKind.DENIAL, D(2027, 3, 5), item)
    assert made.check_dates
    text = text_of(made, tmp_path)
    assert "2027年3月4日" in text
    assert PROVISIONAL in text
