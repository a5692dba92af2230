"""A department's items after routing: the steps its desk takes on each item, the standing of a case's items, the
department's queue and the loads of the departments, and the site's authority over which items it decides itself.

Apart from :mod:`counter.service.cases` (a case's page and the window's steps on it): these are the operations of the
department's desk and of the site's settings, each naming its items by case and item code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.pledge_offers import PledgeRow
from counter.access.roles import Permission
from counter.case.item_path import ItemState
from counter.case.item_queue import DepartmentLoad, QueueRow
from counter.case.item_standing import ItemStanding
from counter.case.item_step_request import StepRequest
from counter.case.site_authority import EntrustedAct, SiteAuthority
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import CaseNo, SiteCode

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


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
class SiteDepartment:
    department: str
    site_code: str = ""  # "": every site's


def item_step(work: Session, call: Call, request: ItemStep) -> ItemState:
    """A department's step of one item (签收, 补正, 不予受理, 审查, 暂停, 延期, 准予, 不予批准); the item's state after.

    A step that is an act toward the applicant is its paper (许可法 第三十二条第二款): where the paper cannot be made
    (a 复议 body the site has not named, numbers behind), the step is refused with it, nothing kept."""
    from counter.actions.cases import item_steps

    return item_steps.take_item_step(work, at_desk(call), request.case_no, request.item_code, request.request, call.now)


ITEM_STEP = write(
    "cases.item_step",
    Open.IN_ACTION,
    item_step,
    faults=(
        "counter.case.item_path:StepRefused",
        "counter.case.decisions:DecisionRefused",
        "counter.case.status:MoveNotAllowed",
        # the step's own paper (受理, 补正, 不予受理 通知书) cannot be made: the step is not taken either
        "counter.documents.data:DocumentNotPossible",
        "counter.case.number_faults:NumbersBehind",
    ),
)


def item_standings(work: Session, call: Call, request: CaseNo) -> tuple[ItemStanding, ...]:
    """Where each item of the case stands with its department on the day."""
    from counter.actions.cases import item_steps

    return item_steps.item_standings(work, request.case_no, call.today)


ITEM_STANDINGS = read("cases.item_standings", Open.ANY_DESK, item_standings)


def read_queue(work: Session, call: Call, request: ReadQueue) -> Queue:
    """The items at their departments as the window's list shows them, read together.

    Composed here, not in the actions: the department's items are read by the actions of cases, its pledge checks
    by those of intake, which import those of cases; no package of the actions may reach both."""
    from counter.actions.admin.accounts import own_department
    from counter.actions.cases import item_queue
    from counter.actions.cases.reach import bound_department
    from counter.actions.intake import notice_pledges

    bound = bound_department(work, call.desk)
    own = own_department(work, call.desk) if call.desk is not None else ""
    today = call.today
    loads = item_queue.department_loads(work, today)
    chosen = bound or (own if request.department is None else request.department)
    if not bound and request.department and all(load.department != request.department for load in loads):
        chosen = ""  # a department chosen in the list whose last item was decided since: the reminders, as offered
    checks = notice_pledges.pledge_checks(work, chosen)
    if chosen:
        return Queue(chosen, loads, item_queue.department_queue(work, chosen, today), (0, 0), checks)
    rows = item_queue.coming_due(work, today, most=item_queue.DUE_PAGE_MOST)
    return Queue(chosen, loads, rows, item_queue.due_counts(work, today), checks)


READ_QUEUE = read("cases.read_queue", Open.ANY_DESK, read_queue)


def department_loads(work: Session, call: Call, request: SiteCode) -> tuple[DepartmentLoad, ...]:
    """Each department's count of items in hand, and how many are overdue on the day: the site's, every site's for
    no site code."""
    from counter.actions.cases import item_queue

    return item_queue.department_loads(work, call.today, request.site_code)


DEPARTMENT_LOADS = read("cases.department_loads", Open.ANY_DESK, department_loads)


def department_queue(work: Session, call: Call, request: SiteDepartment) -> tuple[QueueRow, ...]:
    """A department's items in hand, the nearest due first."""
    from counter.actions.cases import item_queue
    from counter.actions.cases.reach import bound_department

    department = bound_department(work, call.desk) or request.department
    return item_queue.department_queue(work, department, call.today, request.site_code)


DEPARTMENT_QUEUE = read("cases.department_queue", Open.ANY_DESK, department_queue)


def coming_due(work: Session, call: Call, request: SiteCode) -> tuple[QueueRow, ...]:
    """The items due by the next working day or overdue, of every department: the site's, every site's for no site
    code."""
    from counter.actions.cases import item_queue
    from counter.actions.cases.reach import bound_department

    rows = item_queue.coming_due(work, call.today, request.site_code)
    bound = bound_department(work, call.desk)
    return tuple(row for row in rows if row.department == bound) if bound else rows


COMING_DUE = read("cases.coming_due", Open.ANY_DESK, coming_due)

# --- the site's authority over its items ------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeAuthority:
    """Items the site decides itself (``hold``), items a department entrusted to the window (code, the entrusting
    paper), and items given back to their departments (``release``): applied in this order, in one transaction."""

    site_code: str
    hold: tuple[str, ...] = ()
    entrust: tuple[tuple[str, str], ...] = ()
    release: tuple[str, ...] = ()
    #: the acts each agreement of ``entrust`` covers: typed, so that a name no release knows is refused at the door
    #: as a request the wire does not take, never a fault of the operation
    acts: tuple[EntrustedAct, ...] = ()


def site_authority(work: Session, call: Call, request: SiteCode) -> SiteAuthority:
    """The items a site decides itself, and those it records for a department by its written entrustment."""
    from counter.actions.cases import item_authority

    return item_authority.authority_shown(work, request.site_code)


SITE_AUTHORITY = read("cases.site_authority", Open.ANY_DESK, site_authority)


def change_authority(work: Session, call: Call, request: ChangeAuthority) -> SiteAuthority:
    """The site's items held, entrusted or released by the catalog's codes, each change audited; what the site holds
    after, with the items each code matched."""
    from counter.actions.cases import item_authority

    return item_authority.change_authority(
        work, at_desk(call), request.site_code, request.hold, request.entrust, request.release, frozenset(request.acts)
    )


CHANGE_AUTHORITY = write(
    "cases.change_authority",
    Permission.CHANGE_SETTINGS,
    change_authority,
    faults=("counter.case.site_authority:AuthorityRefused",),
)
