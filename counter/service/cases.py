"""A case after its intake: its page read, the lists of cases, the steps the window and the departments take on it
(容缺 and 补正, decisions item by item, 分发, a department's steps, 统一出件, 当场办结), the site's
authority over its items, and the training run.

Each step names the case by its number and carries the day or moment the face reads from its clock (a training
desk's day); the action checks the step against the case as it stands now and refuses with the domain's exception,
which the face words.  The papers a case prints are :mod:`counter.service.documents`; the steps of 告知承诺 are
:mod:`counter.service.pledges`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.access.case_acts import CaseAct
from counter.access.pledge_offers import PledgeRow
from counter.access.roles import Permission
from counter.calendar.workdays import HolidayTable
from counter.case.case_lists import DayLists
from counter.case.decisions import Validity
from counter.case.demo_cases import DemoCase
from counter.case.hand_over import HandOver, HandOverRequest
from counter.case.item_path import ItemState
from counter.case.item_queue import DepartmentLoad, QueueRow
from counter.case.item_standing import ItemStanding
from counter.case.item_step_request import StepRequest
from counter.case.lapse import Lapse
from counter.case.lookup import FoundCase, Lookup
from counter.case.same_day import SameDayProblem
from counter.case.site_authority import SiteAuthority
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseRow, CaseView
from counter.documents.case_page import CasePage
from counter.documents.handed_over import HandedOver
from counter.service.operation import Open, Operation, read, write

_RUNS = "counter.service.runs.cases:"
_MOVED = "counter.case.status:MoveNotAllowed"
_DECISION = "counter.case.decisions:DecisionRefused"
_NOT_POSSIBLE = "counter.intake.not_possible:IntakeNotPossible"
_STEP_FAULTS = (_DECISION, _MOVED, _NOT_POSSIBLE, "counter.case.correction_lapse:CorrectionNotDue")


@dataclass(frozen=True)
class Nothing:
    """A request that carries nothing but the desk it is asked for."""


@dataclass(frozen=True)
class CaseNo:
    case_no: str


@dataclass(frozen=True)
class CaseOnDay:
    case_no: str


@dataclass(frozen=True)
class Day:
    """The desk's lists of the call's day."""


# --- reading ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadCase:
    case_no: str


@dataclass(frozen=True)
class FindCases:
    lookup: Lookup
    days: int


@dataclass(frozen=True)
class ListCases:
    overdue: bool = False
    due_soon: bool = False


@dataclass(frozen=True)
class CaseShown:
    """A case as ``counter case show`` prints it, and whether its ID numbers may be shown whole to the account."""

    view: CaseView | None
    whole: bool


READ_CASE: Operation[ReadCase, CasePage | None] = read(
    "cases.read_case",
    ReadCase,
    CasePage | None,
    Open.ANY_DESK,
    f"{_RUNS}read_page",
    doc="The case page: the case, its guide's situations and items, its notices and the papers that fit; None when "
    "no case has this number within the account's reach; ID numbers, phones and addresses masked unless the "
    "account may see them whole.",
)
READ_CALENDAR = read(
    "cases.read_calendar",
    Nothing,
    HolidayTable,
    Open.ANY_DESK,
    f"{_RUNS}read_calendar",
    doc="The office's holiday table, laid over the package's: the working days every date of a case counts on.",
)
FIND_CASES = read(
    "cases.find_cases",
    FindCases,
    tuple[FoundCase, ...],
    Open.ANY_DESK,
    f"{_RUNS}find_cases",
    doc="F7's finder: the cases of the last days that what the clerk typed names, newest first; ID numbers and "
    "phones masked unless the account may see them whole.",
)
DAY_LISTS = read(
    "cases.day_lists",
    Day,
    DayLists,
    Open.ANY_DESK,
    f"{_RUNS}day_lists",
    doc="The desk's cases of the day and the hall's deferrals and corrections coming due, with their counts.",
)
LIST_CASES = read(
    "cases.list_cases",
    ListCases,
    tuple[CaseRow, ...],
    Open.ANY_DESK,
    f"{_RUNS}list_cases",
    doc="The case list: the newest cases, or those overdue or due within two working days.",
)
SHOW_CASE = read(
    "cases.show_case",
    CaseNo,
    CaseShown,
    Open.ANY_DESK,
    f"{_RUNS}show_case",
    doc="One case whole (counter case show), and whether the account may see its ID numbers whole; no case when "
    "it is not within the account's reach.",
)
ACT_REFUSALS = read(
    "cases.act_refusals",
    CaseNo,
    dict[CaseAct, tuple[tuple[str, str], ...]],
    Open.ANY_DESK,
    f"{_RUNS}act_refusals",
    doc="For each supervisor's step of the case, the items (and their deciding bodies) not the account's to touch.",
)
SAME_DAY_CHECK = read(
    "cases.same_day_check",
    CaseOnDay,
    tuple[SameDayProblem, ...],
    Open.ANY_DESK,
    f"{_RUNS}same_day_check",
    doc="Why the case cannot be decided and handed over at the window today; empty when it can.",
)

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


@dataclass(frozen=True)
class RouteItems:
    case_no: str


@dataclass(frozen=True)
class LapseCorrection:
    case_no: str
    note: str = ""


@dataclass(frozen=True)
class MoveCase:
    case_no: str
    event: CaseEvent
    note: str


FULFIL_DEFERRED = write(
    "cases.fulfil_deferred",
    FulfilDeferred,
    CaseStatus,
    Permission.TAKE_INTAKE,
    f"{_RUNS}fulfil_deferred",
    faults=_STEP_FAULTS,
    doc="The deferred materials that arrived ticked; the last one sends the case to approval.",
)
EXTEND_DEFERRAL = write(
    "cases.extend_deferral",
    ExtendDeferral,
    None,
    Open.IN_ACTION,
    f"{_RUNS}extend_deferral",
    faults=_STEP_FAULTS,
    doc="More time for the deferred materials, with the reason, never past the legal limit.",
)
DENY_LAPSED = write(
    "cases.deny_lapsed",
    DenyLapsed,
    Lapse,
    Open.IN_ACTION,
    f"{_RUNS}deny_lapsed",
    faults=_STEP_FAULTS,
    doc="A lapsed 容缺 recorded: the items the window may deny denied, the rest left to their deciding bodies.",
)
DECIDE_ITEM = write(
    "cases.decide_item",
    DecideItem,
    CaseStatus,
    Open.IN_ACTION,
    f"{_RUNS}decide_item",
    faults=_STEP_FAULTS,
    doc="One item's 准予 or 不予批准, by the body that may decide it; the case's status after.",
)
ROUTE_ITEMS = write(
    "cases.route_items",
    RouteItems,
    tuple[str, ...],
    Open.IN_ACTION,
    f"{_RUNS}route_items",
    faults=_STEP_FAULTS,
    doc="分发: every item of the case not routed yet sent to its deciding department; the codes routed.",
)
LAPSE_CORRECTION = write(
    "cases.lapse_correction",
    LapseCorrection,
    CaseStatus,
    Open.IN_ACTION,
    f"{_RUNS}lapse_correction",
    faults=_STEP_FAULTS,
    doc="A correction notice answered by nothing: from the next working day after its deadline, the application "
    "lapses (视为放弃申请).",
)
MOVE_CASE = write(
    "cases.move_case",
    MoveCase,
    CaseStatus,
    Open.IN_ACTION,
    f"{_RUNS}move_case",
    faults=_STEP_FAULTS,
    doc="Any other step of a case's life (办结, 撤回, 作废 …), with its note; the status after.",
)
FINISH_SAME_DAY = write(
    "cases.finish_same_day",
    CaseOnDay,
    CaseStatus,
    Permission.TAKE_INTAKE,
    f"{_RUNS}finish_same_day",
    faults=("counter.case.same_day_refused:SameDayNotPossible", _MOVED),
    doc="当场办结并送达: each item granted at the window and the result handed over there.",
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


HAND_OVER = write(
    "cases.hand_over",
    HandOverResults,
    HandedOver,
    Open.IN_ACTION,
    f"{_RUNS}hand_over",
    faults=("counter.case.hand_over:HandOverRefused", _DECISION, _MOVED),
    doc="统一出件: the decided results handed over at once, recorded with their 送达回证.",
)
SIGNED_RETURN = write(
    "cases.signed_return",
    SignedReturn,
    HandOver,
    Open.IN_ACTION,
    f"{_RUNS}signed_return",
    faults=("counter.case.hand_over:SignedReturnRefused", _DECISION, _MOVED),
    doc="The day a posted hand-over's return receipt was signed (the day of service) recorded.",
)

# --- a department's items ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemStep:
    case_no: str
    item_code: str
    request: StepRequest


@dataclass(frozen=True)
class ReadQueue:
    department: str | None  # None: the desk's account's own department, if it has one; "": the reminders


@dataclass(frozen=True)
class Queue:
    """The department's list as the window shows it, read together: the department shown ("": the reminders), the
    departments' loads, the rows shown, how many are due and overdue in all (the reminders only), and the 告知承诺
    checks owed (the department's, or every one with the reminders)."""

    department: str
    loads: tuple[DepartmentLoad, ...]
    rows: tuple[QueueRow, ...]
    counts: tuple[int, int]
    checks: tuple[PledgeRow, ...]


@dataclass(frozen=True)
class SiteDay:
    site_code: str = ""  # "": every site's


@dataclass(frozen=True)
class DepartmentDay:
    department: str
    site_code: str = ""


ITEM_STEP = write(
    "cases.item_step",
    ItemStep,
    ItemState,
    Open.IN_ACTION,
    f"{_RUNS}item_step",
    faults=("counter.case.item_path:StepRefused", _DECISION, _MOVED),
    doc="A department's step of one item (签收, 审查, 暂停, 延期, 准予, 不予批准); the item's state after.",
)
ITEM_STANDINGS = read(
    "cases.item_standings",
    CaseOnDay,
    tuple[ItemStanding, ...],
    Open.ANY_DESK,
    f"{_RUNS}item_standings",
    doc="Where each item of the case stands with its department on the day.",
)
READ_QUEUE = read(
    "cases.read_queue",
    ReadQueue,
    Queue,
    Open.ANY_DESK,
    f"{_RUNS}read_queue",
    doc="The items at their departments as the window's list shows them, read together.",
)
DEPARTMENT_LOADS = read(
    "cases.department_loads",
    SiteDay,
    tuple[DepartmentLoad, ...],
    Open.ANY_DESK,
    f"{_RUNS}department_loads",
    doc="Each department's count of items in hand, and how many are overdue on the day.",
)
DEPARTMENT_QUEUE = read(
    "cases.department_queue",
    DepartmentDay,
    tuple[QueueRow, ...],
    Open.ANY_DESK,
    f"{_RUNS}department_queue",
    doc="A department's items in hand, the nearest due first.",
)
COMING_DUE = read(
    "cases.coming_due",
    SiteDay,
    tuple[QueueRow, ...],
    Open.ANY_DESK,
    f"{_RUNS}coming_due",
    doc="The items due by the next working day or overdue, of every department.",
)

# --- the site's authority over its items ------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteCode:
    site_code: str


@dataclass(frozen=True)
class ChangeAuthority:
    """Items the site decides itself (``hold``), items a department entrusted to the window (code, the entrusting
    paper), and items given back to their departments (``release``): applied in this order, in one transaction."""

    site_code: str
    hold: tuple[str, ...] = ()
    entrust: tuple[tuple[str, str], ...] = ()
    release: tuple[str, ...] = ()


SITE_AUTHORITY = read(
    "cases.site_authority",
    SiteCode,
    SiteAuthority,
    Open.ANY_DESK,
    f"{_RUNS}site_authority",
    doc="The items a site decides itself, and those it records for a department by its written entrustment.",
)
CHANGE_AUTHORITY = write(
    "cases.change_authority",
    ChangeAuthority,
    SiteAuthority,
    Permission.CHANGE_SETTINGS,
    f"{_RUNS}change_authority",
    ("counter.case.site_authority:AuthorityRefused",),
    doc="The site's items held, entrusted or released by the catalog's codes, each change audited; what the site "
    "holds after, with the items each code matched.",
)

# --- the training run -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunDemo:
    """The training run, on the call's day (a training desk's ``--today``)."""


@dataclass(frozen=True)
class DemoPaper:
    """One paper of the run as the command writes it: its file's name, and the PDF."""

    name: str
    pdf: bytes


@dataclass(frozen=True)
class DemoRun:
    """The sample cases, their papers (returned, not written where the run happens: the command writes them on the
    desk that asked), and the cases read back."""

    cases: tuple[DemoCase, ...]
    papers: tuple[DemoPaper, ...]
    views: tuple[CaseView, ...]


RUN_DEMO = write(
    "cases.run_demo",
    RunDemo,
    DemoRun,
    Open.ANY_DESK,
    f"{_RUNS}run_demo",
    faults=("counter.case.demo_cases:DemoUnavailable",),
    whole=True,
    doc="A training run: sample intakes of every outcome taken, their papers made, the cases read back.",
)
