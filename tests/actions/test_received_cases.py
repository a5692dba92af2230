"""The finder, the case lists and ``case show`` are told, with each case, whether the hall only received it: by the
case page's own rule (every item 收件, as the receipt told it), worked out where the cases are read, in a few
statements however long the list."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

import counter
from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.cases import received_cases
from counter.actions.cases.case_reads import case_rows, cases_found, day_lists
from counter.actions.cases.case_view import read_case
from counter.actions.cases.documents import make_documents
from counter.actions.cases.item_authority import set_entrustment
from counter.actions.cases.item_steps import route_items
from counter.actions.cases.reads_shown import case_view
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.lookup import read_lookup
from counter.case.site_authority import EntrustedAct
from counter.case.status import CaseEvent, CaseStatus, MoveNotAllowed
from counter.db.case_store import case_by_no, case_materials
from counter.documents.acceptance import all_received
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest
from counter.service.call import Call, Clock
from counter.service.cases import DenyLapsed, MoveCase, deny_lapsed, move_case
from counter.service.cases import route_items as service_route
from counter.service.department_items import ItemStep, item_step
from counter.service.requests import CaseNo
from counter.words.cases import case_status_text
from tests.actions.conftest import TODAY
from tests.actions.test_correction_life import correction_request
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_steps import FOOD, at
from tests.audit.conftest import ACTORS, add_accounts, desk_of
from tests.db.plans import counted
from tests.entrusted import ENTRUSTMENT, RESTAURANT_ITEMS, entrust_in


def _page_received(sessions: sessionmaker[Session], case_no: str) -> bool:
    with sessions() as s:
        page = read_case(s, case_no, TODAY)
    assert page is not None
    return all_received(item.received for item in page.items)


def _listed(sessions: sessionmaker[Session], desk: Desk, case_no: str) -> dict[str, bool]:
    """Whether each read that lists ``case_no`` marks it as only received."""
    with sessions() as s:
        listed = {row.case_no: row.only_received for row in case_rows(s, TODAY)}
        found = {row.case_no: row.only_received for row in cases_found(s, read_lookup(case_no) or _no(), TODAY, desk)}
        lists = day_lists(s, TODAY, desk)
        shown = case_view(s, desk, case_no, "test")
    return {
        "list": listed[case_no],
        "found": found[case_no],
        "of_day": next(row.only_received for row in lists.of_day if row.case_no == case_no),
        "show": shown[2],
    }


def _no() -> Any:
    raise AssertionError("a case number reads as a lookup")


def test_every_list_marks_a_case_the_hall_only_received_as_its_page_reads_it(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """Nothing entrusted: the hall only received the restaurant's four items, and every read says so; entrusted
    since, and no receipt made, the hall accepts them now, and none does."""
    number = take(sessions, desk, full_request(sessions))
    assert _page_received(sessions, number)
    assert _listed(sessions, desk, number) == dict.fromkeys(("list", "found", "of_day", "show"), True)
    entrust_in(sessions, desk, *RESTAURANT_ITEMS)
    assert not _page_received(sessions, number)
    assert _listed(sessions, desk, number) == dict.fromkeys(("list", "found", "of_day", "show"), False)


def test_a_case_reads_as_its_receipt_told_after_the_entrustment_is_withdrawn(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """Its 受理凭证 made in the departments' names under their 授权: accepted, in the lists as on its page."""
    entrust_in(sessions, desk, *RESTAURANT_ITEMS)
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        make_documents(s, desk, number, DocumentKind.RECEIPT, TODAY)
        for code in RESTAURANT_ITEMS:
            set_entrustment(s, desk, "XAM01", code, "")
    assert not _page_received(sessions, number)
    assert _listed(sessions, desk, number) == dict.fromkeys(("list", "found", "of_day", "show"), False)


def test_a_longer_list_asks_no_more_questions(sessions: sessionmaker[Session], desk: Desk) -> None:
    """One statement for the list's cases, each site's settings once: never a read per row."""
    for _ in range(2):
        take(sessions, desk, full_request(sessions))

    def statements() -> int:
        with counted(sessions) as sent, sessions() as s:
            rows = list(case_rows(s, TODAY))
        assert all(row.only_received for row in rows)
        return len(sent)

    statements()  # the guide's document parsed once for the run
    few = statements()
    for _ in range(5):
        take(sessions, desk, full_request(sessions))
    assert statements() == few


def test_a_streamed_list_is_judged_a_batch_at_a_time(
    sessions: sessionmaker[Session], desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbers = [take(sessions, desk, full_request(sessions)) for _ in range(5)]
    monkeypatch.setattr(received_cases, "BATCH", 2)
    with sessions() as s:
        rows = list(case_rows(s, TODAY))
        judged: list[int] = []
        original = received_cases.received_cases

        def counting(unit: Session, case_nos: Any) -> frozenset[str]:
            judged.append(len(case_nos))
            return original(unit, case_nos)

        monkeypatch.setattr(received_cases, "received_cases", counting)
        marked = list(received_cases.marked_as_read(s, iter(rows)))
    assert judged == [2, 2, 1]
    assert [row.case_no for row in marked] == [row.case_no for row in rows]
    assert {row.case_no for row in marked if row.only_received} == set(numbers)


def test_a_step_refused_for_the_state_tells_whether_the_hall_only_received_the_case(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """现在的状态是“已收件”: a refusal names the case's state as its page does, on every face that words it."""
    number = take(sessions, desk, full_request(sessions))
    resubmit = MoveCase(number, CaseEvent.RESUBMITTED, "")  # only a case with a correction notice is resubmitted
    with pytest.raises(MoveNotAllowed) as refused, sessions.begin() as s:  # a step: in a unit that may write
        move_case(s, Call.on(Clock(), desk), resubmit)
    assert (refused.value.status, refused.value.only_received) == (CaseStatus.ACCEPTED, True)
    assert case_status_text(refused.value.status, refused.value.only_received) == "已收件"
    entrust_in(sessions, desk, *RESTAURANT_ITEMS)
    with pytest.raises(MoveNotAllowed) as refused, sessions.begin() as s:  # a step: in a unit that may write
        move_case(s, Call.on(Clock(), desk), resubmit)
    assert not refused.value.only_received
    assert case_status_text(refused.value.status, refused.value.only_received) == "已受理"


def _refused(sessions: sessionmaker[Session], step: Callable[[Session], object]) -> MoveNotAllowed:
    with pytest.raises(MoveNotAllowed) as refused, sessions.begin() as s:  # a step: in a unit that may write
        step(s)
    return refused.value


def test_every_step_that_moves_a_case_tells_whether_the_hall_only_received_it(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """No operation words its own refusal: 分发, a department's step and 办结 alike are told by the one move every
    action makes (:func:`counter.actions.cases.received_cases.status_after`)."""
    number = take(sessions, desk, full_request(sessions))  # nothing entrusted: the hall only received
    add_accounts(sessions)
    clerk, staff = desk_of(ACTORS[Role.CLERK]), desk_of(ACTORS[Role.DEPARTMENT])
    with sessions.begin() as s:
        route_items(s, clerk, number, at(TODAY))
    with sessions.begin() as s:  # voided at another desk meanwhile
        move_case(s, Call.on(Clock(), desk_of(ACTORS[Role.SUPERVISOR])), MoveCase(number, CaseEvent.VOIDED, "重复录入"))
    signing = ItemStep(number, FOOD, StepRequest(ItemEvent.SIGNED))
    steps: list[Callable[[Session], object]] = [
        lambda s: service_route(s, Call.on(Clock(), clerk), CaseNo(number)),
        lambda s: item_step(s, Call.on(Clock(), staff), signing),
        lambda s: move_case(s, Call.on(Clock(), clerk), MoveCase(number, CaseEvent.COMPLETED, "")),
    ]
    for step in steps:
        refused = _refused(sessions, step)
        assert (refused.status, refused.only_received) == (CaseStatus.VOIDED, True)


def test_a_received_case_refused_routing_is_named_as_its_page_names_it(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """分发 of a case with a correction notice: 现在的状态是“已告知补齐材料”, not the 未受理 of a hall that accepts."""
    number = take(sessions, desk, correction_request(sessions))
    refused = _refused(sessions, lambda s: service_route(s, Call.on(Clock(), desk), CaseNo(number)))
    assert _page_received(sessions, number)
    assert case_status_text(refused.status, refused.only_received) == "已告知补齐材料"


def test_every_action_moves_a_case_through_the_one_move_that_tells() -> None:
    """A step added later cannot forget: only :func:`~counter.actions.cases.received_cases.status_after` asks the
    domain's :func:`~counter.case.status.next_status`."""
    root = Path(counter.__file__).parent
    asking = {p.relative_to(root).as_posix() for p in root.rglob("*.py") if "next_status(" in p.read_text("utf-8")}
    assert asking == {"case/status.py", "actions/cases/received_cases.py"}


def test_a_partial_lapse_names_the_state_left_as_the_page_does(sessions: sessionmaker[Session], desk: Desk) -> None:
    """A lapse of one of two 容缺 materials leaves a case the hall only received 已收件，待补材料, and says so."""
    request = full_request(sessions)
    checklist = record(record(request.checklist, "M08", Receipt.MISSING), "M09", Receipt.MISSING)
    deferred = dataclasses.replace(request, checklist=checklist, deferral=DeferralRequest(True, True))
    number = take(sessions, desk, deferred)
    with sessions.begin() as s:  # M09 due later, as a material with a longer deferral limit would be
        case = case_by_no(s, number)
        assert case is not None
        (m09,) = [line for line in case_materials(s, case.id) if line.material_code == "M09"]
        due = m09.due_on
        assert due is not None
        m09.due_on = due + dt.timedelta(days=14)
    lapsed = Call.on(Clock(due + dt.timedelta(days=1)), desk)
    with sessions.begin() as s:
        lapse = deny_lapsed(s, lapsed, DenyLapsed(number))
    assert (lapse.status, lapse.only_received) == (CaseStatus.AWAITING_DEFERRED, True)
    assert case_status_text(lapse.status, lapse.only_received) == "已收件，待补材料"


def test_cases_whose_receipts_differ_only_in_the_acts_covered_are_judged_each_by_its_own(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """One agreement, narrowed between two intakes to 决定 alone: the first case's 受理凭证 was made in the
    departments' names, the second's is a 收件凭证; a list of both names each as its page does."""
    entrust_in(sessions, desk, *RESTAURANT_ITEMS)
    accepted = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        make_documents(s, desk, accepted, DocumentKind.RECEIPT, TODAY)
        for code in RESTAURANT_ITEMS:
            set_entrustment(s, desk, "XAM01", code, ENTRUSTMENT, frozenset({EntrustedAct.DECIDE}))
    received = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        make_documents(s, desk, received, DocumentKind.RECEIPT, TODAY)
    assert not _page_received(sessions, accepted)
    assert _page_received(sessions, received)
    with sessions() as s:
        assert received_cases.received_cases(s, (accepted, received)) == {received}
