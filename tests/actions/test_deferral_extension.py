"""A 容缺 deadline is never extended past the legal date of an item it serves, and the applicant is told the new one.

The report's case: a 容缺 of 我要开小餐馆 whose 食品经营许可 had its legal date in March was extended to 06-30, and no
paper or message told the applicant.  Here the same bundle taken on Monday 2026-11-23: the extension past the legal
date is refused, naming the item and the date, until its department records its 延长审批 (行政许可法 第四十二条) on
the item's own path; an extension within it is told by SMS.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import case_and_bundle
from counter.actions.cases.documents import make_document
from counter.actions.cases.item_steps import item_standings, route_items, take_item_step
from counter.actions.intake.take import extend_deferral
from counter.actions.outbox.messages import save_gateway
from counter.case.decisions import DecisionProblem, DecisionRefused, items_served
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.status import CaseEvent
from counter.db import models
from counter.documents.kinds import DocumentKind
from counter.sms.gateway import GatewaySettings
from counter.words.cases import decision_refused_text
from tests.actions.signed_head import head_of
from tests.actions.test_dates_moved import deferral, due_of, view_of
from tests.actions.test_intake_actions import take
from tests.documents.pdf_tools import pdf_text
from tests.sms_gateway import SECRET

D = dt.date
TAKEN = D(2026, 11, 23)  # a Monday, inside the holiday data
FOOD = "152201-YJS008-02"  # 食品经营许可, which the missing 食品安全管理制度文本 serves
ZONE = dt.timezone(dt.timedelta(hours=8))
ENTRUSTED_RESTAURANT = True  # the hall records the restaurant's items for their departments (tests/entrusted.py)


@pytest.fixture
def head(sessions: sessionmaker[Session], desk: Desk) -> Desk:
    return head_of(sessions, desk)


def legal_dates(sessions: sessionmaker[Session], number: str) -> dict[str, dt.date]:
    """The legal dates of the items the deferred material serves, counted from acceptance by their catalog limits."""
    with sessions() as s:
        _, bundle = case_and_bundle(s, number)
        calendar = office_calendar(s)
        served = set(items_served(bundle, ("M08",)))
        return {
            item.code: calendar.deadline(TAKEN, item.legal_limit).date
            for item in bundle.items
            if item.code in served and item.legal_limit is not None
        }


def test_an_extension_past_an_items_legal_date_is_refused(sessions: sessionmaker[Session], head: Desk) -> None:
    with sessions.begin() as s:
        save_gateway(s, GatewaySettings("https://127.0.0.1:9/sms/send", "hall", SECRET), desk=head)
    number = take(sessions, head, deferral(sessions), TAKEN)
    printed = due_of(view_of(sessions, number))
    assert printed is not None
    legal = legal_dates(sessions, number)
    assert legal
    earliest = min(legal.values())
    item = min(code for code, due in legal.items() if due == earliest)

    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        extend_deferral(s, head, number, earliest + dt.timedelta(days=1), "医院暂停办理健康证明")
    assert refused.value.problem is DecisionProblem.PAST_LEGAL_DATE
    assert (refused.value.item_code, refused.value.first_day) == (item, earliest)
    said = decision_refused_text(refused.value)
    assert earliest.isoformat() in said
    assert "第四十二条" in said
    after = view_of(sessions, number)
    assert due_of(after) == printed
    assert CaseEvent.DEFERRAL_EXTENDED.value not in [h.event for h in after.history]

    with sessions.begin() as s:
        extend_deferral(s, head, number, earliest, "医院暂停办理健康证明")
    assert due_of(view_of(sessions, number)) == earliest
    with sessions() as s:
        told = s.execute(
            select(models.OutboxMessage.kind, models.OutboxMessage.due_on).where(
                models.OutboxMessage.kind == "deferral_extended"
            )
        ).all()
    assert [tuple(t) for t in told] == [("deferral_extended", earliest)]


def test_the_departments_extension_is_told_and_lets_the_deferral_run_to_its_new_date(
    sessions: sessionmaker[Session], head: Desk, tmp_path: Path
) -> None:
    """The 特别程序 is the department's: its 延期 (第四十二条) on the item's own path, told by SMS and on a 期限告知书
    with its reason; the 容缺 deadline may then run to the item's new legal date."""
    with sessions.begin() as s:
        save_gateway(s, GatewaySettings("https://127.0.0.1:9/sms/send", "hall", SECRET), desk=head)
    number = take(sessions, head, deferral(sessions), TAKEN)
    old = legal_dates(sessions, number)[FOOD]
    moment = dt.datetime.combine(TAKEN, dt.time(10), ZONE).astimezone()
    with sessions.begin() as s:
        assert FOOD in route_items(s, head, number, moment)
    with sessions.begin() as s:
        take_item_step(s, head, number, FOOD, StepRequest(ItemEvent.SIGNED), moment)
    extended = StepRequest(ItemEvent.EXTENDED, days=10, approved_by="局长 王立新", reason="需现场核查经营场所")
    with sessions.begin() as s:
        take_item_step(s, head, number, FOOD, extended, moment)
    with sessions() as s:
        new = next(i.legal_due for i in item_standings(s, number, TAKEN) if i.code == FOOD)
    assert new is not None
    assert new.date > old

    with sessions.begin() as s:
        extend_deferral(s, head, number, old + dt.timedelta(days=1), "医院暂停办理健康证明")  # within the new date
    with sessions() as s:
        kinds = set(s.scalars(select(models.OutboxMessage.kind)))
    assert {"item_extended", "deferral_extended"} <= kinds

    with sessions.begin() as s:
        made = make_document(s, head, number, DocumentKind.DATE_NOTICE, TAKEN, hand_over_no=1)
    path = tmp_path / "extended.pdf"
    path.write_bytes(made.pdf)
    text = "".join(pdf_text(path).split())
    assert "依照《中华人民共和国行政许可法》第四十二条第一款的规定" in text
    assert "将办理期限延长10个工作日" in text
    assert "需现场核查经营场所" in text
    assert "乌兰浩特市市场监督管理局" in text
