"""电子送达 through the region's platform (its local stub): 008 (我要开小餐馆) received only, the applicant agreed at
the window to service through the platform's account, and 市监局 tells its 补正 of the 食品经营许可 on the Tuesday.

The paper is sent to the platform the day it is made, but served only when the platform confirms the applicant
received it: on the Thursday, the day the platform names, which every period of the paper reads (its service,
:func:`counter.actions.intake.pledge_rows.served_on`), not the day it was made nor sent.  A paper the platform did
not take is sent again as the same paper, under the same key; without the applicant's agreement nothing is sent.
"""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.e_service import agree, serve_online
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.actions.intake.pledge_rows import served_on
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.served import ServiceWay
from counter.case.status import CaseEvent
from counter.db import models
from counter.db.case_store import case_by_no, case_view
from counter.db.catalog_store import current_guide
from counter.documents.e_service import EServiceProblem, EServiceRefused, ServiceMeans
from counter.sync.sm2 import sm3
from counter.words.case_history import history_note
from tests.actions.test_intake_actions import applicant
from tests.actions.test_item_steps import at
from tests.actions.test_platform import configure
from tests.audit.conftest import ACTORS, desk_of
from tests.platform_stub import running_platform

RESTAURANT, FOOD = "XAM-YJS-008", "152201-YJS008-02"
MARKET = "乌兰浩特市市场监督管理局"
STAFF = Actor("shenpi", "审批员", frozenset({Role.DEPARTMENT}))
RECEIVED = dt.date(2026, 11, 20)  # a Friday
ASKED = dt.date(2026, 11, 24)  # the Tuesday: the 补正 told, its paper made and sent
DELIVERED = dt.date(2026, 11, 26)  # the Thursday: the platform confirms the applicant received it
CLERK = ACTORS[Role.CLERK]
WINDOW = desk_of(CLERK)  # the window's desk once the hall has accounts
WHAT = "食品安全管理制度文本缺少进货查验记录制度，请补充后提交。"


def taken(sessions: sessionmaker[Session], desk: Desk) -> str:
    """A complete 小餐馆 received at the window, routed, and the market bureau's staff on record."""
    with sessions() as s:
        stored = current_guide(s, RESTAURANT)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    with sessions.begin() as s:
        number = take_intake(s, desk, IntakeRequest(checklist, applicant()), RECEIVED, office_calendar(s)).case_no
    with sessions.begin() as s:
        s.add(models.Account(login=CLERK.login, name=CLERK.name, roles="clerk", password_hash="x", department=""))
        s.add(models.Account(login=STAFF.login, name=STAFF.name, roles="department", password_hash="x",
                             department=MARKET))  # fmt: skip
    with sessions.begin() as s:
        route_items(s, WINDOW, number, at(RECEIVED))
    return number


def corrected(sessions: sessionmaker[Session], number: str) -> str:
    """市监局 tells its 补正 on :data:`ASKED`; the number of its 补正材料通知书."""
    with sessions.begin() as s:
        take_item_step(s, desk_of(STAFF), number, FOOD, StepRequest(ItemEvent.CORRECTION, reason=WHAT), at(ASKED))
    with sessions() as s:
        case = case_by_no(s, number)
        assert case is not None
        return s.scalars(
            select(models.DocumentRecord.doc_no).where(
                models.DocumentRecord.case_id == case.id, models.DocumentRecord.kind.startswith("supplement")
            )
        ).one()


def test_the_departments_correction_is_served_on_the_day_the_platform_confirms(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        number = taken(sessions, desk)
        with sessions.begin() as s:
            agree(s, WINDOW, number, ServiceMeans.PLATFORM, RECEIVED)
        doc_no = corrected(sessions, number)

        platform.refusing = True  # the platform is down the day the paper is made: nothing served, the paper kept
        with sessions.begin() as s:
            first = serve_online(s, WINDOW, number, ASKED, folder=keys)
        assert (first.sent, first.served) == ((), ())
        platform.refusing = False
        with sessions.begin() as s:
            again = serve_online(s, WINDOW, number, ASKED, folder=keys)
        assert again.sent == (doc_no,)
        assert again.waiting == (doc_no,)  # sent, not yet delivered: not served
        with sessions() as s:
            case = case_by_no(s, number)
            assert case is not None
            assert served_on(s, case, doc_no) is None

        [paper] = platform.papers.values()
        assert platform.paper_posts == 1  # the refused attempt never reached it
        assert paper["doc_no"] == doc_no
        assert paper["item_code"] == FOOD
        assert paper["doc_title"] == "补正材料通知书"
        assert paper["issuer"] == MARKET
        assert paper["issued_date"] == ASKED.isoformat()
        assert paper["service_means"] == "platform"
        content = base64.b64decode(paper["doc_content"])
        assert sm3(content).hex() == paper["doc_sm3"]
        with sessions() as s:
            sent = s.get(models.PaperSent, (case.id, doc_no))
            assert sent is not None
            assert (sent.digest, sent.sent_on) == (paper["doc_sm3"], ASKED)  # the bytes sent, kept by their digest

        platform.deliver(doc_no, DELIVERED.isoformat())
        with sessions.begin() as s:
            done = serve_online(s, WINDOW, number, dt.date(2026, 11, 27), folder=keys)
        assert done.served == (doc_no,)
        assert platform.paper_posts == 1  # the paper is not sent twice
    with sessions() as s:
        case = case_by_no(s, number)
        assert case is not None
        assert served_on(s, case, doc_no) == DELIVERED  # the day every period of the paper counts from
        service = s.get(models.PaperService, (case.id, doc_no))
        assert service is not None
        assert service.way == ServiceWay.ONLINE.value
        view = case_view(s, number)
        assert view is not None
    lines = {line.event: line for line in view.history}
    assert (
        history_note(lines[CaseEvent.E_SERVICE_AGREED.value], {}) == "送达方式：政务服务平台账户，同意日期：2026-11-20"
    )
    served_text = history_note(lines[CaseEvent.PAPER_SERVED_ONLINE.value], {}, {FOOD: "食品经营许可"})
    assert served_text == f"补正材料通知书（{doc_no}，事项 食品经营许可）于 2026-11-26 经平台确认送达"


def test_without_the_applicants_agreement_a_paper_is_served_on_paper_only(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        number = taken(sessions, desk)
        corrected(sessions, number)
        with sessions.begin() as s, pytest.raises(EServiceRefused) as refused:
            serve_online(s, WINDOW, number, ASKED, folder=keys)
    assert refused.value.problem is EServiceProblem.NOT_AGREED
    assert platform.paper_posts == 0


def test_a_platform_day_before_the_sending_is_not_recorded(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        configure(sessions, desk, platform, keys)
        number = taken(sessions, desk)
        with sessions.begin() as s:
            agree(s, WINDOW, number, ServiceMeans.PLATFORM, RECEIVED)
        doc_no = corrected(sessions, number)
        with sessions.begin() as s:
            serve_online(s, WINDOW, number, ASKED, folder=keys)
        platform.deliver(doc_no, "2026-11-23")  # before the paper was sent: a clock gone wrong
        with sessions.begin() as s, pytest.raises(EServiceRefused) as refused:
            serve_online(s, WINDOW, number, DELIVERED, folder=keys)
    assert refused.value.problem is EServiceProblem.BAD_DAY
    with sessions() as s:
        case = case_by_no(s, number)
        assert case is not None
        assert served_on(s, case, doc_no) is None
