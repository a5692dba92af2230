"""告知承诺 on a case's items: the grant on the applicant's signed promise, its 核查, and the steps of a promise found
false (责令改正, its 复查, 陈述申辩, 撤销, and each paper's service), with the papers each makes.

They stand apart from :mod:`counter.service.cases` because a promise has a life of its own after the grant: its check
falls due months later, is kept by the deciding department rather than the window, and may end in revoking the
licence, with faults (``PledgeRefused``) and papers no other step of a case has.  The operations keep the ``cases``
area: a promise is a step on a case, named by its number like the others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.pledge_offers import PledgeOffer, PledgeRow
from counter.case.decisions import Validity
from counter.case.entered_for import Entered
from counter.case.pledge_checks import PledgeNotice
from counter.case.pledge_steps import Recheck
from counter.case.served import ServiceWay
from counter.case.status import CaseStatus
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import CaseNo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_PLEDGE_FAULTS = (
    "counter.case.pledge_checks:PledgeRefused",
    "counter.case.decisions:DecisionRefused",
    "counter.case.status:MoveNotAllowed",
    "counter.documents.data:DocumentNotPossible",
    "counter.case.served:ServiceRefused",
)


@dataclass(frozen=True)
class PledgeStep:
    case_no: str
    item_code: str
    result_no: str = ""  # the licence's own number (the 合格证's), as the department gives it
    entered: Entered | None = None  # entered by the window for the department (代为录入): its 文号 and officer
    validity: Validity | None = None  # the licence's 有效期限, if the department gave one (None: 证照未载明)


@dataclass(frozen=True)
class PledgeItem:
    case_no: str
    item_code: str


@dataclass(frozen=True)
class PledgeCheck:
    case_no: str
    item_code: str
    kept: bool
    finding: str = ""
    # the 责令限期改正's period, in working days from the order's service, where the item's law orders one
    correct_within: int | None = None
    entered: Entered | None = None  # entered by the window for the department (代为录入): its 文号 and officer


@dataclass(frozen=True)
class PledgePaper:
    case_no: str
    item_code: str
    revoked: bool  # the 撤销行政许可决定书, not the 告知承诺书
    notice: PledgeNotice | None = None  # the 责令限期改正通知书 or the 陈述申辩告知书


@dataclass(frozen=True)
class FalsePledgeStep:
    """A step of a promise found false: the 陈述申辩 notice (``hear_within``: its period, in working days from its
    service) or the revocation, with what the hearing gave (``said`` and the body's ``answer``; both "": nothing
    said within the period)."""

    case_no: str
    item_code: str
    hear_within: int | None = None
    said: str = ""
    answer: str = ""
    entered: Entered | None = None  # entered by the window for the department (代为录入): its 文号 and officer


@dataclass(frozen=True)
class PledgeRecheck:
    """The 复查 of the correction ordered of a promise found false, with what was found."""

    case_no: str
    item_code: str
    found: Recheck
    finding: str
    entered: Entered | None = None  # entered by the window for the department (代为录入): its 文号 and officer


@dataclass(frozen=True)
class PledgeService:
    """A paper of a promise found false served: how, on which day, who signed for it or the post's tracking
    number."""

    case_no: str
    item_code: str
    paper: PledgeNotice
    way: ServiceWay
    served_on: dt.date
    recipient: str = ""
    tracking_no: str = ""


@dataclass(frozen=True)
class PledgeChecks:
    department: str = ""  # the deciding department's full name; "": every department's
    open_only: bool = True


def pledge_offers(work: Session, call: Call, request: CaseNo) -> tuple[PledgeOffer, ...]:
    """The case's items the guide marks for 告知承诺, each with its grant and check so far and the account's standing to
    act on it."""
    from counter.actions.intake import notice_pledges

    return notice_pledges.pledge_offers(work, at_desk(call), request.case_no)


PLEDGE_OFFERS = read("cases.pledge_offers", Open.ANY_DESK, pledge_offers)


def grant_on_pledge(work: Session, call: Call, request: PledgeStep) -> CaseStatus:
    """准予 on the applicant's signed promise, by the body that may decide the item; its 核查 date kept."""
    from counter.actions.intake import notice_pledges

    return notice_pledges.grant_on_pledge(
        work, at_desk(call), request.case_no, request.item_code, call.today, call.now, request.result_no,
        request.entered, request.validity,
    )  # fmt: skip


GRANT_ON_PLEDGE = write("cases.grant_on_pledge", Open.IN_ACTION, grant_on_pledge, faults=_PLEDGE_FAULTS)


def read_pledge(work: Session, call: Call, request: PledgeItem) -> PledgeRow | None:
    """The grant on a promise of one item of a case, with its check; None when there is none."""
    from counter.actions.intake import notice_pledges

    return notice_pledges.pledge_row(work, request.case_no, request.item_code)


READ_PLEDGE = read("cases.read_pledge", Open.ANY_DESK, read_pledge)


def record_pledge_check(work: Session, call: Call, request: PledgeCheck) -> PledgeRow:
    """The 核查 of a promise: kept, or found false and the licence revoked."""
    from counter.actions.intake import notice_pledges

    return notice_pledges.record_check(
        work, at_desk(call), request.case_no, request.item_code, call.today, kept=request.kept,
        finding=request.finding, correct_within=request.correct_within, entered=request.entered,
    )  # fmt: skip


RECORD_PLEDGE_CHECK = write("cases.record_pledge_check", Open.IN_ACTION, record_pledge_check, faults=_PLEDGE_FAULTS)


def hear_pledge(work: Session, call: Call, request: FalsePledgeStep) -> PledgeRow:
    """The 陈述申辩 notice of a promise found false, with its paper, once the 复查 found any correction ordered not
    made."""
    from counter.actions.intake import false_pledges

    return false_pledges.hear(
        work, at_desk(call), request.case_no, request.item_code, call.today, request.hear_within, request.entered
    )


HEAR_PLEDGE = write("cases.hear_pledge", Open.IN_ACTION, hear_pledge, faults=_PLEDGE_FAULTS)


def revoke_pledge(work: Session, call: Call, request: FalsePledgeStep) -> PledgeRow:
    """The licence got on a promise found false revoked, with its paper and what the hearing gave, once the
    applicant's period to be heard ran out from its notice's service."""
    from counter.actions.intake import false_pledges
    from counter.case.pledge_steps import HearingRecord

    record = HearingRecord(request.said, request.answer)
    return false_pledges.revoke(
        work, at_desk(call), request.case_no, request.item_code, call.today, record, request.entered
    )


REVOKE_PLEDGE = write("cases.revoke_pledge", Open.IN_ACTION, revoke_pledge, faults=_PLEDGE_FAULTS)


def recheck_pledge(work: Session, call: Call, request: PledgeRecheck) -> PledgeRow:
    """The 复查 of the correction ordered of a promise found false."""
    from counter.actions.intake import false_pledges

    return false_pledges.recheck(
        work, at_desk(call), request.case_no, request.item_code, call.today, request.found, request.finding,
        request.entered,
    )  # fmt: skip


RECHECK_PLEDGE = write("cases.recheck_pledge", Open.IN_ACTION, recheck_pledge, faults=_PLEDGE_FAULTS)


def serve_pledge_paper(work: Session, call: Call, request: PledgeService) -> PledgeRow:
    """A paper of a promise found false served on the person: the period it gives runs from that day."""
    from counter.actions.intake import false_pledges
    from counter.case.served import Service

    service = Service(request.way, request.served_on, request.recipient, request.tracking_no)
    return false_pledges.serve(
        work, at_desk(call), request.case_no, request.item_code, request.paper, service, call.today
    )


# who hands the paper over records it: the window's PRINT, or the deciding department's own standing
SERVE_PLEDGE_PAPER = write("cases.serve_pledge_paper", Open.IN_ACTION, serve_pledge_paper, faults=_PLEDGE_FAULTS)


#: the roles that choose which department's items they read, their own department or none
def pledge_checks(work: Session, call: Call, request: PledgeChecks) -> tuple[PledgeRow, ...]:
    """The grants on a promise awaiting their check (or all), the earliest due first."""
    from counter.actions.cases.reach import bound_department
    from counter.actions.intake import notice_pledges

    department = bound_department(work, call.desk) or request.department
    return notice_pledges.pledge_checks(work, department, open_only=request.open_only)


PLEDGE_CHECKS = read("cases.pledge_checks", Open.ANY_DESK, pledge_checks)


def pledge_paper(work: Session, call: Call, request: PledgePaper) -> bytes:
    """The 告知承诺书, or the 撤销行政许可决定书 of a promise found false, as PDF; numbered once."""
    from counter.actions.intake import pledge_papers

    return pledge_papers.pledge_paper(
        work,
        at_desk(call),
        request.case_no,
        request.item_code,
        call.today,
        revoked=request.revoked,
        notice=request.notice,
    )


# the window's PRINT, or the deciding department's own standing on the item
PLEDGE_PAPER = write("cases.pledge_paper", Open.IN_ACTION, pledge_paper, faults=_PLEDGE_FAULTS)
