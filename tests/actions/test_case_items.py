"""Only what was applied for: a case's items follow its answers on its page, its papers, its queues and its figures.

The league's legal officer found 008 without a signboard routing 户外招牌设置审批, 048 with the 医保 transfer declined
listing the 医保 item, and 053 for a registered company listing 一般纳税人登记 and 个人所得税.  A case keeps its
answers and its guide version, so a later edit of the guide does not change which items an old case has.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.case_view import read_case
from counter.actions.cases.decisions import decide_item
from counter.actions.cases.documents import make_document
from counter.actions.cases.item_steps import route_items
from counter.actions.catalog.guide_status import allow_draft_intake
from counter.actions.intake.take import take_intake
from counter.actions.ratings.case_figures import month_figures
from counter.actions.site.demo import complete_checklist
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.intake_request import IntakeRequest
from counter.case.promise_figures import FigureGroup
from counter.case.status import CaseStatus
from counter.db import models
from counter.db.catalog_store import current_guide, import_bundles
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import start_checklist
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import applicant
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTERED, RESTAURANT_ITEMS, entrust_in

RESTAURANT, TRANSFER, TAXES = "XAM-YJS-008", "XAM-YJS-048", "XAM-YJS-053"
SIGNBOARD = "152201-YJS008-03"  # 户外招牌设置审批, 城市管理综合行政执法局
NO_SIGNBOARD = {"operator": "individual", "agent": "self", "signboard": "no"}
REGISTERED_COMPANY = {"register": "done", "entity": "company", "agent": "staff"}
NO_MEDICAL = {"medical": "no", "agent": "self"}


@pytest.fixture(autouse=True)
def drafts(owner: sessionmaker[Session], desk: Desk) -> None:
    """053 is a 待核 guide: the site takes intakes on it."""
    with owner.begin() as s:
        allow_draft_intake(s, True, desk=desk)


def _take(sessions: sessionmaker[Session], desk: Desk, code: str, answers: dict[str, str]) -> str:
    with sessions() as s:
        stored = current_guide(s, code)
    assert stored is not None
    checklist = complete_checklist(
        stored.bundle, start_checklist(stored.bundle, answers, guide_version=stored.version_id)
    )
    with sessions.begin() as s:
        return take_intake(s, desk, IntakeRequest(checklist, applicant()), TODAY, office_calendar(s)).case_no


def _paper(sessions: sessionmaker[Session], desk: Desk, number: str, kind: DocumentKind, folder: Path) -> str:
    with sessions.begin() as s:
        made = make_document(s, desk, number, kind, TODAY)
    path = folder / f"{kind.value}.pdf"
    path.write_bytes(made.pdf)
    return pdf_text(path)


def _items(sessions: sessionmaker[Session], number: str) -> tuple[str, ...]:
    with sessions() as s:
        page = read_case(s, number)
    assert page is not None
    return tuple(item.name for item in page.items)


def test_a_restaurant_without_a_signboard_neither_lists_nor_routes_the_signboard(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    entrust_in(owner, desk, *RESTAURANT_ITEMS)
    number = _take(sessions, desk, RESTAURANT, NO_SIGNBOARD)
    assert _items(sessions, number) == ("市场主体设立登记", "食品经营许可", "新办纳税人涉税事项")
    receipt = _paper(sessions, desk, number, DocumentKind.RECEIPT, tmp_path)
    assert "食品经营许可" in receipt
    assert "户外招牌设置审批" not in receipt
    assert "城市管理" not in receipt  # neither listed nor named in the 委托 sentence
    with sessions.begin() as s:
        routed = route_items(s, desk, number, dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.UTC))
    assert SIGNBOARD not in routed
    assert len(routed) == 3
    with sessions() as s:
        queued = set(s.scalars(select(models.OpenItem.department)))
    assert queued
    assert not any("城市管理" in department for department in queued)
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        decide_item(s, desk, number, SIGNBOARD, approve=True, entered=ENTERED)
    assert refused.value.problem is DecisionProblem.UNKNOWN_ITEM
    for code in routed:
        with sessions.begin() as s:
            status = decide_item(s, desk, number, code, approve=True, text="准予", entered=ENTERED)
    assert status is CaseStatus.READY  # the three applied for decide the case


def test_a_registered_company_declares_without_registration_or_personal_income_tax(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = _take(sessions, desk, TAXES, REGISTERED_COMPANY)
    names = _items(sessions, number)
    assert names == ("增值税及附加税费申报", "企业所得税月（季）度预缴纳税申报", "税款缴纳")
    receipt = _paper(sessions, desk, number, DocumentKind.RECEIPT, tmp_path)
    assert "增值税一般纳税人登记" not in receipt
    assert "个人所得税" not in receipt
    assert "企业所得税" in receipt


def test_the_figures_count_only_the_items_of_each_case(sessions: sessionmaker[Session], desk: Desk) -> None:
    _take(sessions, desk, TAXES, REGISTERED_COMPANY)  # three 即办 items of five
    _take(sessions, desk, TAXES, {"register": "new", "entity": "individual", "agent": "staff"})  # four of five
    _take(sessions, desk, TRANSFER, NO_MEDICAL)  # one 承诺 item of two
    _take(sessions, desk, RESTAURANT, NO_SIGNBOARD)  # three of four, one 即办
    with sessions() as s:
        month = month_figures(s, "2026-11", FigureGroup.BUNDLE, desk=desk)
    lines = {line.key[0]: line for line in month.lines}
    # nothing was decided yet: none is 即办, whatever the catalog promised (tests/actions/test_same_day_figures.py)
    assert (lines[TAXES].cases, lines[TAXES].item_cases, lines[TAXES].same_day_item_cases) == (2, 7, 0)
    assert (lines[TRANSFER].item_cases, lines[TRANSFER].same_day_item_cases) == (1, 0)
    assert (lines[RESTAURANT].item_cases, lines[RESTAURANT].same_day_item_cases) == (3, 0)
    assert (month.total.item_cases, month.total.same_day_item_cases) == (11, 0)


def test_an_old_case_keeps_its_items_when_the_guide_changes(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    old = _take(sessions, desk, RESTAURANT, NO_SIGNBOARD)
    with owner.begin() as s:  # the catalog's editor makes the signboard an item of every restaurant
        stored = current_guide(s, RESTAURANT)
        assert stored is not None
        items = tuple(dataclasses.replace(i, when=()) for i in stored.bundle.items)
        report = import_bundles(s, [dataclasses.replace(stored.bundle, items=items)], "catalog", "folder")
    assert report.new_versions == (RESTAURANT,)
    new = _take(sessions, desk, RESTAURANT, NO_SIGNBOARD)
    assert "户外招牌设置审批" not in _items(sessions, old)
    assert "户外招牌设置审批" in _items(sessions, new)
