"""The cases' operations in process (:mod:`counter.service.cases`, :mod:`counter.service.pledges`)."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from counter.access.case_acts import CaseAct
from counter.access.desk import Desk
from counter.access.pledge_offers import PledgeOffer, PledgeRow
from counter.access.roles import Role
from counter.actions.admin.accounts import own_department
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases import case_reads, decisions, item_authority, item_queue, item_steps, reach
from counter.actions.cases import hand_over as hand_overs
from counter.actions.cases.case_view import read_case
from counter.actions.intake import notice_pledges, same_day, take
from counter.actions.site.demo import run_demo as run_sample_intakes
from counter.actions.site.demo import write_documents
from counter.calendar.workdays import HolidayTable
from counter.case.case_lists import DayLists
from counter.case.hand_over import HandOver
from counter.case.item_path import ItemState
from counter.case.item_queue import DepartmentLoad, QueueRow
from counter.case.item_standing import ItemStanding
from counter.case.lapse import Lapse
from counter.case.lookup import FoundCase
from counter.case.pledge_checks import PledgeProblem, PledgeRefused
from counter.case.same_day import SameDayProblem
from counter.case.site_authority import SiteAuthority
from counter.case.status import CaseStatus
from counter.case.view import CaseRow, CaseView
from counter.documents.case_page import CasePage
from counter.documents.handed_over import HandedOver
from counter.service.call import Call
from counter.service.cases import (
    FIND_CASES,
    READ_CASE,
    SHOW_CASE,
    CaseNo,
    CaseOnDay,
    CaseShown,
    ChangeAuthority,
    Day,
    DecideItem,
    DemoPaper,
    DemoRun,
    DenyLapsed,
    DepartmentDay,
    ExtendDeferral,
    FindCases,
    FulfilDeferred,
    HandOverResults,
    ItemStep,
    LapseCorrection,
    ListCases,
    MoveCase,
    Nothing,
    Queue,
    ReadCase,
    ReadQueue,
    RouteItems,
    RunDemo,
    SignedReturn,
    SiteCode,
    SiteDay,
)
from counter.service.pledges import FalsePledgeStep, PledgeCheck, PledgeChecks, PledgeItem, PledgePaper, PledgeStep
from counter.service.runs import at_desk

#: the roles that choose which department's items they read, their own department or none
CHOOSERS = frozenset({Role.SUPERVISOR, Role.ADMIN})

# --- reading ----------------------------------------------------------------------------------------------------


def read_page(work: Session, call: Call, request: ReadCase) -> CasePage | None:
    """None for a case outside the account's reach, as for no case (:mod:`counter.actions.cases.reach`)."""
    desk = call.desk
    if desk is not None and not reach.in_reach(work, desk, request.case_no):
        return None
    page = read_case(work, request.case_no, call.today)
    if page is None or desk is None:
        return page
    if reach.may_see_whole(work, desk):
        reach.note_read(work, desk, READ_CASE.name, page.view.case_no, _id_nos(page.view))
        return page
    # whoever may not see them whole is never sent them: masked here, not only on the desk's screen
    return dataclasses.replace(page, view=page.view.masked())


def _id_nos(view: CaseView) -> tuple[str, str]:
    return (view.applicant_id_no, view.agent_id_no)


def read_calendar(work: Session, call: Call, request: Nothing) -> HolidayTable:
    return office_calendar(work).table


def find_cases(work: Session, call: Call, request: FindCases) -> tuple[FoundCase, ...]:
    desk = call.desk
    department = _bound_department(work, desk)
    found = case_reads.cases_found(work, request.lookup, call.today, desk, request.days, department=department)
    if desk is not None and found and reach.may_see_whole(work, desk):  # given whole: each one recorded
        for row in found:
            reach.note_read(work, desk, FIND_CASES.name, row.case_no, (row.id_no,))
    return tuple(found)


def day_lists(work: Session, call: Call, request: Day) -> DayLists:
    return case_reads.day_lists(work, call.today, call.desk, _bound_department(work, call.desk))


def list_cases(work: Session, call: Call, request: ListCases) -> tuple[CaseRow, ...]:
    department = _bound_department(work, call.desk)
    rows = case_reads.case_rows(
        work, call.today, overdue=request.overdue, due_soon=request.due_soon, department=department
    )
    return tuple(rows)


def show_case(work: Session, call: Call, request: CaseNo) -> CaseShown:
    """No case for one outside the account's reach, as for no case (:mod:`counter.actions.cases.reach`)."""
    at = at_desk(call)
    if not reach.in_reach(work, at, request.case_no):
        return CaseShown(None, False)
    view = case_reads.case_view(work, request.case_no)
    whole = view is not None and reach.may_see_whole(work, at)
    if view is not None and whole:
        reach.note_read(work, at, SHOW_CASE.name, view.case_no, _id_nos(view))
    return CaseShown(view if whole or view is None else view.masked(), whole)


def act_refusals(work: Session, call: Call, request: CaseNo) -> dict[CaseAct, tuple[tuple[str, str], ...]]:
    return item_authority.act_refusals(work, at_desk(call), request.case_no)


def same_day_check(work: Session, call: Call, request: CaseOnDay) -> tuple[SameDayProblem, ...]:
    return tuple(same_day.same_day_check(work, request.case_no, call.today))


# --- the window's steps -----------------------------------------------------------------------------------------


def fulfil_deferred(work: Session, call: Call, request: FulfilDeferred) -> CaseStatus:
    return take.fulfil_deferred(work, at_desk(call), request.case_no, set(request.arrived), call.today)


def extend_deferral(work: Session, call: Call, request: ExtendDeferral) -> None:
    take.extend_deferral(work, at_desk(call), request.case_no, request.new_due, request.reason, call.now)


def deny_lapsed(work: Session, call: Call, request: DenyLapsed) -> Lapse:
    return decisions.deny_lapsed_deferral(work, at_desk(call), request.case_no, call.today, request.reason)


def decide_item(work: Session, call: Call, request: DecideItem) -> CaseStatus:
    return decisions.decide_item(
        work, at_desk(call), request.case_no, request.item_code, approve=request.approve, text=request.text,
        false_materials=request.false_materials, at=call.now, validity=request.validity,
    )  # fmt: skip


def route_items(work: Session, call: Call, request: RouteItems) -> tuple[str, ...]:
    return item_steps.route_items(work, at_desk(call), request.case_no, call.now)


def lapse_correction(work: Session, call: Call, request: LapseCorrection) -> CaseStatus:
    return take.lapse_correction(work, at_desk(call), request.case_no, call.today, request.note)


def move_case(work: Session, call: Call, request: MoveCase) -> CaseStatus:
    return take.move_case(work, at_desk(call), request.case_no, request.event, request.note, call.now)


def finish_same_day(work: Session, call: Call, request: CaseOnDay) -> CaseStatus:
    return same_day.finish_same_day(work, at_desk(call), request.case_no, call.today)


def hand_over(work: Session, call: Call, request: HandOverResults) -> HandedOver:
    return hand_overs.hand_over_results(work, at_desk(call), request.case_no, request.request, call.now)


def signed_return(work: Session, call: Call, request: SignedReturn) -> HandOver:
    return hand_overs.record_signed_return(
        work, at_desk(call), request.case_no, request.hand_over, request.signed_on, call.now
    )


# --- a department's items ---------------------------------------------------------------------------------------


def item_step(work: Session, call: Call, request: ItemStep) -> ItemState:
    return item_steps.take_item_step(work, at_desk(call), request.case_no, request.item_code, request.request, call.now)


def item_standings(work: Session, call: Call, request: CaseOnDay) -> tuple[ItemStanding, ...]:
    return item_steps.item_standings(work, request.case_no, call.today)


def read_queue(work: Session, call: Call, request: ReadQueue) -> Queue:
    bound = _bound_department(work, call.desk)
    own = own_department(work, call.desk) if call.desk is not None else ""
    chosen = bound or (own if request.department is None else request.department)
    today = call.today
    loads = item_queue.department_loads(work, today)
    checks = notice_pledges.pledge_checks(work, chosen)
    if chosen:
        return Queue(chosen, loads, item_queue.department_queue(work, chosen, today), (0, 0), checks)
    rows = item_queue.coming_due(work, today, most=item_queue.DUE_PAGE_MOST)
    return Queue(chosen, loads, rows, item_queue.due_counts(work, today), checks)


def department_loads(work: Session, call: Call, request: SiteDay) -> tuple[DepartmentLoad, ...]:
    return item_queue.department_loads(work, call.today, request.site_code)


def department_queue(work: Session, call: Call, request: DepartmentDay) -> tuple[QueueRow, ...]:
    department = _bound_department(work, call.desk) or request.department
    return item_queue.department_queue(work, department, call.today, request.site_code)


def coming_due(work: Session, call: Call, request: SiteDay) -> tuple[QueueRow, ...]:
    rows = item_queue.coming_due(work, call.today, request.site_code)
    bound = _bound_department(work, call.desk)
    return tuple(row for row in rows if row.department == bound) if bound else rows


def _bound_department(work: Session, desk: Desk | None) -> str:
    """The department whose items alone the desk's account is listed: a department's staff sees its own, whatever
    department the request names (the applicants of another's are none of theirs); "" for an account that may
    choose (a supervisor's, an administrator's) or one given no department."""
    if desk is None or desk.actor.roles & CHOOSERS:
        return ""
    return own_department(work, desk)


# --- 告知承诺 -------------------------------------------------------------------------------------------------------


def pledge_offers(work: Session, call: Call, request: CaseNo) -> tuple[PledgeOffer, ...]:
    return notice_pledges.pledge_offers(work, at_desk(call), request.case_no)


def grant_on_pledge(work: Session, call: Call, request: PledgeStep) -> CaseStatus:
    return notice_pledges.grant_on_pledge(
        work, at_desk(call), request.case_no, request.item_code, call.today, call.now, request.result_no
    )


def read_pledge(work: Session, call: Call, request: PledgeItem) -> PledgeRow | None:
    return notice_pledges.pledge_row(work, request.case_no, request.item_code)


def record_pledge_check(work: Session, call: Call, request: PledgeCheck) -> PledgeRow:
    return notice_pledges.record_check(
        work, at_desk(call), request.case_no, request.item_code, call.today, kept=request.kept,
        finding=request.finding, correct_by=request.correct_by,
    )  # fmt: skip


def hear_pledge(work: Session, call: Call, request: FalsePledgeStep) -> PledgeRow:
    if request.hear_by is None:
        raise PledgeRefused(PledgeProblem.NO_PERIOD, request.case_no, request.item_code)
    return notice_pledges.hear(work, at_desk(call), request.case_no, request.item_code, call.today, request.hear_by)


def revoke_pledge(work: Session, call: Call, request: FalsePledgeStep) -> PledgeRow:
    return notice_pledges.revoke(work, at_desk(call), request.case_no, request.item_code, call.today)


def pledge_checks(work: Session, call: Call, request: PledgeChecks) -> tuple[PledgeRow, ...]:
    department = _bound_department(work, call.desk) or request.department
    return notice_pledges.pledge_checks(work, department, open_only=request.open_only)


def pledge_paper(work: Session, call: Call, request: PledgePaper) -> bytes:
    notice = notice_pledges.PledgeNotice(request.notice) if request.notice else None  # ValueError: a bad request
    return notice_pledges.pledge_paper(
        work, at_desk(call), request.case_no, request.item_code, call.today, revoked=request.revoked, notice=notice
    )


# --- the site's authority ---------------------------------------------------------------------------------------


def site_authority(work: Session, call: Call, request: SiteCode) -> SiteAuthority:
    return item_authority.site_authority(work, request.site_code)


def change_authority(work: Session, call: Call, request: ChangeAuthority) -> SiteAuthority:
    return item_authority.change_authority(
        work, at_desk(call), request.site_code, request.hold, request.entrust, request.release
    )


# --- the training run -------------------------------------------------------------------------------------------


def run_demo(work: sessionmaker[Session], call: Call, request: RunDemo) -> DemoRun:
    by = at_desk(call)
    made = run_sample_intakes(work, by, call.today)
    with tempfile.TemporaryDirectory(prefix="counter-demo-") as folder:
        written = write_documents(work, by, made, call.today, Path(folder))
        papers = tuple(DemoPaper(path.name, path.read_bytes()) for path in written)
    with work.begin() as session:
        views = tuple(case_reads.case_views(session, [c.case_no for c in made]))
    return DemoRun(tuple(made), papers, views)
