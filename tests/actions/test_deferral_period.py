"""容缺 as the guide says: the period printed is the guide's, the served item's promise moves, the others go on.

008 我要开小餐馆 defers 从业人员健康证明 (M09) for the 3 working days its guide and 告知单 give.  It serves
食品经营许可 alone, promised in 3 working days: the department's two working days after the material would pass
that promise, so the item is promised for the case's date (the bundle's 5 working days) instead of the
applicant getting one day for a medical examination.  Until the material arrives only 食品经营许可 waits (seed 001
第十六条(三): 先予受理); 设立登记, 户外招牌 and the tax item are decided meanwhile.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.decisions import decide_item
from counter.actions.cases.documents import make_document
from counter.actions.cases.item_steps import item_standings, route_items
from counter.actions.intake.take import fulfil_deferred
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.status import CaseStatus
from counter.db.case_store import case_view
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTERED, RESTAURANT_ITEMS, entrust_in
from tests.signed_in import signed_in

FOOD = "152201-YJS008-02"  # 食品经营许可: the only item 从业人员健康证明 serves
OTHERS = ("152201-YJS008-01", "152201-YJS008-03", "152201-YJS008-04")
THREE_WORKING_DAYS = dt.date(2026, 11, 25)  # Friday 20 November, then 23, 24, 25
CASE_PROMISE = dt.date(2026, 11, 27)  # the bundle's 5 working days; and two after the 25th


@pytest.fixture(autouse=True)
def entrusted(owner: sessionmaker[Session], desk: Desk) -> None:
    """The restaurant's departments entrusted the window in writing: these tests are about what waits."""
    entrust_in(owner, desk, *RESTAURANT_ITEMS)


def _health_deferred(sessions: sessionmaker[Session], desk: Desk) -> str:
    request = full_request(sessions)
    checklist = record(request.checklist, "M09", Receipt.MISSING)
    return take(sessions, desk, dataclasses.replace(request, checklist=checklist, deferral=DeferralRequest(True, True)))


def _text(sessions: sessionmaker[Session], desk: Desk, number: str, kind: DocumentKind, folder: Path) -> str:
    with sessions.begin() as s:
        made = make_document(s, desk, number, kind, TODAY)
    path = folder / f"{kind.value}.pdf"
    path.write_bytes(made.pdf)
    return pdf_text(path).replace("\n", "")


def test_the_guides_period_is_printed_and_the_served_items_promise_moves(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = _health_deferred(sessions, desk)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert [(m.code, m.due_on) for m in view.deferred_open()] == [("M09", THREE_WORKING_DAYS)]
    assert view.promised_on == CASE_PROMISE
    with sessions.begin() as s:
        route_items(s, desk, number, dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.UTC))
    with sessions() as s:
        promised = {i.code: i.promised_due.date for i in item_standings(s, number, TODAY) if i.promised_due}
    assert promised[FOOD] == CASE_PROMISE  # its own 3 working days would end with the material's period
    assert promised["152201-YJS008-01"] == dt.date(2026, 11, 23)  # 设立登记 keeps its own 1 working day
    notice = _text(sessions, desk, number, DocumentKind.DEFERRAL, tmp_path)
    assert "2026年11月25日" in notice
    receipt = _text(sessions, desk, number, DocumentKind.RECEIPT, tmp_path)
    # the sentence may run over a page, with the page's footer between its halves
    assert "“食品经营许可”待容缺材料补齐后决定，承诺办结日期已计入容缺材料的补交期限；" in receipt
    assert "先行办理。" in receipt
    # the date is said once on each copy, on the promise's own line: the waiting line does not say it again
    assert receipt.count("2026年11月27日") == receipt.count("2026年11月27日前办结") == 2


def test_only_the_items_a_deferred_material_serves_wait_for_it(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = _health_deferred(sessions, desk)
    for code in OTHERS:  # 先予受理: decided while the health certificate is awaited
        with sessions.begin() as s:
            status = decide_item(s, desk, number, code, approve=True, text="准予", entered=ENTERED)
        assert status is CaseStatus.AWAITING_DEFERRED
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        decide_item(s, desk, number, FOOD, approve=True, text="准予", entered=ENTERED)
    assert refused.value.problem is DecisionProblem.AWAITS_DEFERRED
    with sessions.begin() as s:
        assert fulfil_deferred(s, desk, number, {"M09"}, THREE_WORKING_DAYS) is CaseStatus.IN_APPROVAL
    with sessions.begin() as s:
        assert (
            decide_item(s, desk, number, FOOD, approve=True, text="JY11522010000001", entered=ENTERED)
            is CaseStatus.READY
        )


def test_a_case_whose_waiting_item_is_denied_closes_while_the_material_is_still_awaited(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    number = _health_deferred(sessions, desk)
    desk = signed_in(owner, desk)  # a 不予批准 at the window (entrusted) is its supervisor's
    with sessions.begin() as s:
        decide_item(s, desk, number, FOOD, approve=False, text="经营场所不符合要求", entered=ENTERED)
    for code in OTHERS:
        with sessions.begin() as s:
            status = decide_item(s, desk, number, code, approve=True, text="准予", entered=ENTERED)
    assert status is CaseStatus.READY  # nothing waits any more
