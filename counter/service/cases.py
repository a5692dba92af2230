"""A case after its intake: its page read, the lists of cases, the steps the window takes on it (容缺 and 补正,
decisions item by item, 分发, 统一出件, 当场办结), and the training run.  A department's steps on its items and the
site's authority over them are :mod:`counter.service.department_items`.

Each step names the case by its number; the day or moment it is taken on is the call's (the clock of the process
that runs it, a training desk's day included: :mod:`counter.service.call`), never the request's.  The action checks
the step against the case as it stands now and refuses with the domain's exception, which the face words.  The
papers a case prints are :mod:`counter.service.documents`; the steps of 告知承诺 are :mod:`counter.service.pledges`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from counter.access.case_acts import CaseAct
from counter.access.case_rights import EVENT_PERMISSION
from counter.access.roles import Permission
from counter.calendar.workdays import HolidayTable
from counter.case.case_lists import DayLists
from counter.case.decisions import Validity
from counter.case.demo_cases import DemoCase
from counter.case.entered_for import Entered
from counter.case.hand_over import HandOver, HandOverRequest
from counter.case.lapse import Lapse
from counter.case.lookup import FoundCase, Lookup
from counter.case.same_day import SameDayProblem
from counter.case.status import MOVES, CaseEvent, CaseStatus
from counter.case.view import CaseRow, CaseView
from counter.documents.case_page import CasePage
from counter.documents.handed_over import HandedOver
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import CaseNo, Nothing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

_MOVED = "counter.case.status:MoveNotAllowed"
_DECISION = "counter.case.decisions:DecisionRefused"
_NOT_POSSIBLE = "counter.intake.not_possible:IntakeNotPossible"
_STEP_FAULTS = (_DECISION, _MOVED, _NOT_POSSIBLE, "counter.case.correction_lapse:CorrectionNotDue")


# --- reading ----------------------------------------------------------------------------------------------------


#: the farthest F7 looks back, in days: ten years, past the finder's year; further is no period but a fault
FIND_DAYS_AT_MOST = 3660


@dataclass(frozen=True)
class FindCases:
    lookup: Lookup
    days: int

    def __post_init__(self) -> None:
        # refused as the request's type: a period before the calendar's first day failed in the read as a 500
        if not 0 < self.days <= FIND_DAYS_AT_MOST:
            raise ValueError(f"a lookup looks back 1 to {FIND_DAYS_AT_MOST} days, not {self.days}")


@dataclass(frozen=True)
class ListCases:
    overdue: bool = False
    due_soon: bool = False


@dataclass(frozen=True)
class CaseShown:
    """A case as ``counter case show`` prints it, whether its ID numbers may be shown whole to the account, and
    whether the hall only received it (its state then said as its page says it: 已收件, not 已受理); False from a
    server that did not tell.  ``items``: the names of its guide's items by code, so that its history names them as
    the case page does; none from a server that did not tell (the codes then stand)."""

    view: CaseView | None
    whole: bool
    only_received: bool = False
    items: dict[str, str] = field(default_factory=dict)


def read_page(work: Session, call: Call, request: CaseNo) -> CasePage | None:
    """The case page: the case, its guide's situations and items, its notices and the papers that fit; None when no case
    has this number within the account's reach; ID numbers, phones and addresses masked unless the account may see them
    whole."""
    from counter.actions.cases import reads_shown

    return reads_shown.case_page(work, call.desk, request.case_no, call.today, READ_CASE.name)


READ_CASE = read("cases.read_case", Open.ANY_DESK, read_page)


def read_calendar(work: Session, call: Call, request: Nothing) -> HolidayTable:
    """The office's holiday table, laid over the package's: the working days every date of a case counts on."""
    from counter.actions.admin.calendar import office_calendar

    return office_calendar(work).table


READ_CALENDAR = read("cases.read_calendar", Open.ANY_DESK, read_calendar)


def find_cases(work: Session, call: Call, request: FindCases) -> tuple[FoundCase, ...]:
    """F7's finder: the cases of the last days that what the clerk typed names, newest first; ID numbers and phones
    masked unless the account may see them whole."""
    from counter.actions.cases import reads_shown

    r = request
    return tuple(reads_shown.cases_found(work, call.desk, r.lookup, call.today, r.days, FIND_CASES.name))


FIND_CASES = read("cases.find_cases", Open.ANY_DESK, find_cases)


def day_lists(work: Session, call: Call, request: Nothing) -> DayLists:
    """The desk's cases of the day and the hall's deferrals and corrections coming due, with their counts."""
    from counter.actions.cases import case_reads
    from counter.actions.cases.reach import bound_department

    return case_reads.day_lists(work, call.today, call.desk, bound_department(work, call.desk))


DAY_LISTS = read("cases.day_lists", Open.ANY_DESK, day_lists)


def list_cases(work: Session, call: Call, request: ListCases) -> tuple[CaseRow, ...]:
    """The case list: the newest cases, or those overdue or due within two working days."""
    from counter.actions.cases import case_reads
    from counter.actions.cases.reach import bound_department

    department = bound_department(work, call.desk)
    rows = case_reads.case_rows(
        work, call.today, overdue=request.overdue, due_soon=request.due_soon, department=department
    )
    return tuple(rows)


LIST_CASES = read("cases.list_cases", Open.ANY_DESK, list_cases)


def show_case(work: Session, call: Call, request: CaseNo) -> CaseShown:
    """One case whole (counter case show), whether the account may see its ID numbers whole, and whether the hall only
    received it; no case when it is not within the account's reach."""
    from counter.actions.cases import reads_shown

    return CaseShown(*reads_shown.case_view(work, at_desk(call), request.case_no, SHOW_CASE.name))


SHOW_CASE = read("cases.show_case", Open.ANY_DESK, show_case)


def act_refusals(work: Session, call: Call, request: CaseNo) -> dict[CaseAct, tuple[tuple[str, str], ...]]:
    """For each supervisor's step of the case, the items (and their deciding bodies) not the account's to touch."""
    from counter.actions.cases import item_authority

    return item_authority.act_refusals(work, at_desk(call), request.case_no)


ACT_REFUSALS = read("cases.act_refusals", Open.ANY_DESK, act_refusals)


def same_day_check(work: Session, call: Call, request: CaseNo) -> tuple[SameDayProblem, ...]:
    """Why the case cannot be decided and handed over at the window today; empty when it can."""
    from counter.actions.intake import same_day

    return tuple(same_day.same_day_check(work, request.case_no, call.today))


SAME_DAY_CHECK = read("cases.same_day_check", Open.ANY_DESK, same_day_check)

# --- the window's steps on a case ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FulfilDeferred:
    case_no: str
    arrived: frozenset[str]  # the codes of the deferred materials handed in


@dataclass(frozen=True)
class ExtendDeferral:
    case_no: str
    new_due: dt.date
    reason: str


@dataclass(frozen=True)
class DenyLapsed:
    case_no: str
    reason: str = ""


@dataclass(frozen=True)
class DecideItem:
    case_no: str
    item_code: str
    approve: bool
    text: str  # the result's number (准予) or the reasons (不予批准)
    false_materials: bool = False  # 不予批准 of a licence under 行政许可法 第七十八条
    validity: Validity | None = None  # 准予: the licence's 有效期限, if the department gave one
    entered: Entered | None = None  # entered by the window for the department (代为录入): its 文号 and officer


@dataclass(frozen=True)
class Decided:
    """The case's status after an item's decision, and whether the hall only received the case (its state then said
    as its page says it: 已收件, not 已受理)."""

    status: CaseStatus
    only_received: bool = False


@dataclass(frozen=True)
class LapseCorrection:
    case_no: str
    note: str = ""


#: the events a case is moved by (:func:`counter.actions.intake.take.move_case`): those of the status table that an
#: account's permission answers for, the intake's own line aside
MOVABLE = frozenset(event for event in MOVES if event in EVENT_PERMISSION) - {CaseEvent.TAKEN}


@dataclass(frozen=True)
class MoveCase:
    case_no: str
    event: CaseEvent
    note: str

    def __post_init__(self) -> None:
        # a step of the case's own life: not the intake (taken once, by its own operation), not a line no step
        # writes (a text converted, dates moved), which reached the status table and failed there as a 500
        if self.event not in MOVABLE:
            raise ValueError(f"{self.event.value} is no step a case is moved by")


def fulfil_deferred(work: Session, call: Call, request: FulfilDeferred) -> CaseStatus:
    """The deferred materials that arrived ticked; the last one sends the case to approval."""
    from counter.actions.intake import take

    return take.fulfil_deferred(work, at_desk(call), request.case_no, set(request.arrived), call.today)


FULFIL_DEFERRED = write("cases.fulfil_deferred", Permission.TAKE_INTAKE, fulfil_deferred, faults=_STEP_FAULTS)


def extend_deferral(work: Session, call: Call, request: ExtendDeferral) -> None:
    """More time for the deferred materials, with the reason, never past the legal limit."""
    from counter.actions.intake import take

    take.extend_deferral(work, at_desk(call), request.case_no, request.new_due, request.reason, call.now)


EXTEND_DEFERRAL = write("cases.extend_deferral", Open.IN_ACTION, extend_deferral, faults=_STEP_FAULTS)


def deny_lapsed(work: Session, call: Call, request: DenyLapsed) -> Lapse:
    """A lapsed 容缺 recorded: the items the window may deny denied, the rest left to their deciding bodies."""
    from counter.actions.cases import decisions
    from counter.actions.cases.received_cases import is_received

    lapse = decisions.deny_lapsed_deferral(work, at_desk(call), request.case_no, call.today, request.reason)
    return dataclasses.replace(lapse, only_received=is_received(work, request.case_no))


DENY_LAPSED = write("cases.deny_lapsed", Open.IN_ACTION, deny_lapsed, faults=_STEP_FAULTS)


def decide_item(work: Session, call: Call, request: DecideItem) -> Decided:
    """One item's 准予 or 不予批准, by the body that may decide it; the case's status after, and whether the hall
    only received the case."""
    from counter.actions.cases import decisions
    from counter.actions.cases.received_cases import is_received

    status = decisions.decide_item(
        work, at_desk(call), request.case_no, request.item_code, approve=request.approve, text=request.text,
        false_materials=request.false_materials, at=call.now, validity=request.validity, entered=request.entered,
    )  # fmt: skip
    return Decided(status, is_received(work, request.case_no))


DECIDE_ITEM = write("cases.decide_item", Open.IN_ACTION, decide_item, faults=_STEP_FAULTS)


def route_items(work: Session, call: Call, request: CaseNo) -> tuple[str, ...]:
    """分发: every item of the case not routed yet sent to its deciding department; the codes routed."""
    from counter.actions.cases import item_steps

    return item_steps.route_items(work, at_desk(call), request.case_no, call.now)


ROUTE_ITEMS = write("cases.route_items", Open.IN_ACTION, route_items, faults=_STEP_FAULTS)


def lapse_correction(work: Session, call: Call, request: LapseCorrection) -> CaseStatus:
    """A correction notice answered by nothing: from the next working day after its deadline, the application lapses
    (视为放弃申请)."""
    from counter.actions.intake import take

    return take.lapse_correction(work, at_desk(call), request.case_no, call.today, request.note)


LAPSE_CORRECTION = write("cases.lapse_correction", Open.IN_ACTION, lapse_correction, faults=_STEP_FAULTS)


def move_case(work: Session, call: Call, request: MoveCase) -> CaseStatus:
    """Any other step of a case's life (办结, 撤回, 作废 …), with its note; the status after."""
    from counter.actions.intake import take

    return take.move_case(work, at_desk(call), request.case_no, request.event, request.note, call.now)


MOVE_CASE = write("cases.move_case", Open.IN_ACTION, move_case, faults=_STEP_FAULTS)


def finish_same_day(work: Session, call: Call, request: CaseNo) -> CaseStatus:
    """当场办结并送达: each item granted at the window and the result handed over there."""
    from counter.actions.intake import same_day

    return same_day.finish_same_day(work, at_desk(call), request.case_no, call.today)


FINISH_SAME_DAY = write(
    "cases.finish_same_day",
    Permission.TAKE_INTAKE,
    finish_same_day,
    faults=("counter.case.same_day_refused:SameDayNotPossible", _MOVED),
)

# --- 统一出件 ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HandOverResults:
    case_no: str
    request: HandOverRequest


@dataclass(frozen=True)
class SignedReturn:
    case_no: str
    hand_over: int  # which hand-over of the case, from 1
    signed_on: dt.date


def hand_over(work: Session, call: Call, request: HandOverResults) -> HandedOver:
    """统一出件: the decided results handed over at once, recorded with their 送达回证."""
    from counter.actions.cases import hand_over as hand_overs

    return hand_overs.hand_over_results(work, at_desk(call), request.case_no, request.request, call.now)


HAND_OVER = write(
    "cases.hand_over", Open.IN_ACTION, hand_over, faults=("counter.case.hand_over:HandOverRefused", _DECISION, _MOVED)
)


def signed_return(work: Session, call: Call, request: SignedReturn) -> HandOver:
    """The day a posted hand-over's return receipt was signed (the day of service) recorded."""
    from counter.actions.cases import hand_over as hand_overs

    return hand_overs.record_signed_return(
        work, at_desk(call), request.case_no, request.hand_over, request.signed_on, call.now
    )


SIGNED_RETURN = write(
    "cases.signed_return",
    Open.IN_ACTION,
    signed_return,
    faults=("counter.case.hand_over:SignedReturnRefused", _DECISION, _MOVED),
)

# --- the training run -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoPaper:
    """One paper of the run as the command writes it: its file's name, and the PDF."""

    name: str
    pdf: bytes


@dataclass(frozen=True)
class DemoRun:
    """The sample cases, their papers (returned, not written where the run happens: the command writes them on the
    desk that asked), the cases read back, and the numbers of those the hall only received (their state said as
    their page says it: 已收件)."""

    cases: tuple[DemoCase, ...]
    papers: tuple[DemoPaper, ...]
    views: tuple[CaseView, ...]
    received: frozenset[str] = frozenset()


def run_demo(work: sessionmaker[Session], call: Call, request: Nothing) -> DemoRun:
    """A training run on the call's day (a training desk's ``--today``): sample intakes of every outcome taken, their
    papers made, the cases read back."""
    from counter.actions.site.demo import demo_run

    made, papers, views, received = demo_run(work, at_desk(call), call.today)
    return DemoRun(tuple(made), tuple(DemoPaper(name, pdf) for name, pdf in papers), tuple(views), received)


RUN_DEMO = write(
    "cases.run_demo", Open.ANY_DESK, run_demo, faults=("counter.case.demo_cases:DemoUnavailable",), whole=True
)
