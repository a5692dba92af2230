"""A licence's 补正 not told within five working days: it was accepted on the day the hall received it.

许可法 第三十二条第一款第四项: 申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部
内容，逾期不告知的，自收到申请材料之日起即为受理.  The hall only receives 008's 食品经营许可 for the 市场监督管理局;
a department that signed for it on the sixth working day put its 受理, and every limit, at its own late day: the
applicant lost the days the department let pass.  Now the 受理 is the receipt's day, the 受理通知书 says why, the
limits run from it (and the platform hears it so); a 签收 in time, and an item that is no licence, keep their own day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.item_papers import make_item_paper
from counter.actions.cases.item_steps import item_standings, route_items, take_item_step
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.item_clock import accepted_on
from counter.case.item_path import ItemEvent, ItemStep
from counter.case.item_step_request import StepRequest
from counter.db import models
from counter.db.catalog_store import current_guide
from counter.documents.kinds import DocumentKind
from tests.actions.test_department_papers import paper_text
from tests.actions.test_intake_actions import applicant
from tests.actions.test_item_steps import at
from tests.audit.conftest import ACTORS, desk_of

RESTAURANT, FOOD = "XAM-YJS-008", "152201-YJS008-02"  # 食品经营许可: a 行政许可 the hall only receives
RECEIVED = dt.date(2026, 11, 20)  # a Friday: its fifth working day after is the 27th
LATE = dt.date(2026, 12, 1)  # the seventh working day
STAFF = Actor("gerel", "格日勒", frozenset({Role.DEPARTMENT}))
REASON = "经现场核查，经营场所未设置独立的食品处理区。"


def test_the_acceptance_of_a_licence_whose_correction_was_not_told_in_time_dates_back_to_the_receipt() -> None:
    signed = (ItemStep(ItemEvent.ROUTED, RECEIVED, "乌兰"), ItemStep(ItemEvent.SIGNED, LATE, "格日勒"))
    by = dt.date(2026, 11, 27)
    assert accepted_on(signed, RECEIVED, by, licensing=True) == RECEIVED
    assert accepted_on(signed, RECEIVED, by, licensing=False) == LATE  # no source gives other items the rule
    in_time = (signed[0], ItemStep(ItemEvent.SIGNED, by, "格日勒"))
    assert accepted_on(in_time, RECEIVED, by, licensing=True) == by
    told = (signed[0], ItemStep(ItemEvent.CORRECTION, by, "格日勒", reason="补交健康证明"), signed[1])
    assert accepted_on(told, RECEIVED, by, licensing=True) == LATE  # accepted once the 补正 was complete
    assert accepted_on(signed[:1], RECEIVED, by, licensing=True) is None


def test_a_late_signing_issues_an_acceptance_dated_from_the_receipt_with_its_limits(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with sessions() as s:
        stored = current_guide(s, RESTAURANT)
    assert stored is not None
    request = IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), applicant())
    with sessions.begin() as s:
        number = take_intake(s, desk, request, RECEIVED, office_calendar(s)).case_no
    with sessions.begin() as s:
        route_items(s, desk, number, at(RECEIVED))
    with sessions() as s:
        [waiting] = [i for i in item_standings(s, number, RECEIVED) if i.code == FOOD]
    clerk = ACTORS[Role.CLERK]
    with sessions.begin() as s:
        s.add(models.Account(login=clerk.login, name=clerk.name, roles="clerk", password_hash="x", department=""))
        s.add(models.Account(login=STAFF.login, name=STAFF.name, roles="department", password_hash="x",
                             department=waiting.department))  # fmt: skip
    with sessions.begin() as s:
        take_item_step(s, desk_of(STAFF), number, FOOD, StepRequest(ItemEvent.SIGNED), at(LATE))
    with sessions() as s:
        [accepted] = [i for i in item_standings(s, number, LATE) if i.code == FOOD]
        calendar = office_calendar(s)
    assert accepted.legal_due is not None
    food = stored.bundle.item(FOOD)
    assert food is not None
    assert food.legal_limit is not None
    legal = food.legal_limit
    assert accepted.legal_due.date == calendar.deadline(RECEIVED, legal).date  # counted from the receipt
    with sessions.begin() as s:
        paper = make_item_paper(s, desk_of(STAFF), number, FOOD, DocumentKind.ACCEPTANCE, LATE)
    text = "".join(paper_text(paper.pdf, tmp_path).split())
    assert "本机关于2026年11月20日予以受理" in text
    assert "受理日期2026年11月20日" in text
    assert "逾期不告知的，自收到申请材料之日起即为受理" in text
    assert "本事项自2026年11月20日起即为受理" in text
    # its 不予批准 dates the 受理 as the 受理通知书 did: the receipt's day, not the late 签收's
    with sessions.begin() as s:
        take_item_step(s, desk_of(STAFF), number, FOOD, StepRequest(ItemEvent.DENIED, reason=REASON), at(LATE))
    with sessions.begin() as s:
        denial = make_item_paper(s, desk_of(STAFF), number, FOOD, DocumentKind.DENIAL, LATE)
    said = "".join(paper_text(denial.pdf, tmp_path).split())
    assert "已于2026年11月20日受理" in said
    assert "已于2026年12月1日受理" not in said
