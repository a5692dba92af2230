"""告知承诺 on a case's items: the grant on the applicant's signed promise, its 核查, and the steps of a promise found
false (责令改正, 陈述申辩, 撤销), with the papers each prints.

They stand apart from :mod:`counter.service.cases` because a promise has a life of its own after the grant: its check
falls due months later, is kept by the deciding department rather than the window, and may end in revoking the
licence, with faults (``PledgeRefused``) and papers no other step of a case has.  The operations keep the ``cases``
area: a promise is a step on a case, named by its number like the others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.access.pledge_offers import PledgeOffer, PledgeRow
from counter.case.status import CaseStatus
from counter.service.cases import CaseNo
from counter.service.operation import Open, Operation, read, write

_RUNS = "counter.service.runs.cases:"
_PLEDGE_FAULTS = (
    "counter.case.pledge_checks:PledgeRefused",
    "counter.case.decisions:DecisionRefused",
    "counter.case.status:MoveNotAllowed",
    "counter.documents.data:DocumentNotPossible",
)


@dataclass(frozen=True)
class PledgeStep:
    case_no: str
    item_code: str
    result_no: str = ""  # the licence's own number (the 合格证's), as the department gives it


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
    correct_by: dt.date | None = None  # the 责令限期改正's last day, where the item's law orders one


@dataclass(frozen=True)
class PledgePaper:
    case_no: str
    item_code: str
    revoked: bool  # the 撤销行政许可决定书, not the 告知承诺书
    notice: str = ""  # "correction": the 责令限期改正通知书; "hearing": the 陈述申辩告知书


@dataclass(frozen=True)
class FalsePledgeStep:
    """A step of a promise found false: the 陈述申辩 notice (``hear_by``: its last day) or the revocation."""

    case_no: str
    item_code: str
    hear_by: dt.date | None = None


@dataclass(frozen=True)
class PledgeChecks:
    department: str = ""  # the deciding department's full name; "": every department's
    open_only: bool = True


PLEDGE_OFFERS = read(
    "cases.pledge_offers",
    CaseNo,
    tuple[PledgeOffer, ...],
    Open.ANY_DESK,
    f"{_RUNS}pledge_offers",
    doc="The case's items the guide marks for 告知承诺, each with its grant and check so far and the account's "
    "standing to act on it.",
)
GRANT_ON_PLEDGE = write(
    "cases.grant_on_pledge",
    PledgeStep,
    CaseStatus,
    Open.IN_ACTION,
    f"{_RUNS}grant_on_pledge",
    faults=_PLEDGE_FAULTS,
    doc="准予 on the applicant's signed promise, by the body that may decide the item; its 核查 date kept.",
)
READ_PLEDGE: Operation[PledgeItem, PledgeRow | None] = read(
    "cases.read_pledge",
    PledgeItem,
    PledgeRow | None,
    Open.ANY_DESK,
    f"{_RUNS}read_pledge",
    doc="The grant on a promise of one item of a case, with its check; None when there is none.",
)
RECORD_PLEDGE_CHECK = write(
    "cases.record_pledge_check",
    PledgeCheck,
    PledgeRow,
    Open.IN_ACTION,
    f"{_RUNS}record_pledge_check",
    faults=_PLEDGE_FAULTS,
    doc="The 核查 of a promise: kept, or found false and the licence revoked.",
)
HEAR_PLEDGE = write(
    "cases.hear_pledge",
    FalsePledgeStep,
    PledgeRow,
    Open.IN_ACTION,
    f"{_RUNS}hear_pledge",
    faults=_PLEDGE_FAULTS,
    doc="The 陈述申辩 notice of a promise found false, once any correction ordered ran out uncorrected.",
)
REVOKE_PLEDGE = write(
    "cases.revoke_pledge",
    FalsePledgeStep,
    PledgeRow,
    Open.IN_ACTION,
    f"{_RUNS}revoke_pledge",
    faults=_PLEDGE_FAULTS,
    doc="The licence got on a promise found false revoked, once the applicant's period to be heard ran out.",
)
PLEDGE_CHECKS = read(
    "cases.pledge_checks",
    PledgeChecks,
    tuple[PledgeRow, ...],
    Open.ANY_DESK,
    f"{_RUNS}pledge_checks",
    doc="The grants on a promise awaiting their check (or all), the earliest due first.",
)
PLEDGE_PAPER = write(
    "cases.pledge_paper",
    PledgePaper,
    bytes,
    Open.IN_ACTION,  # the window's PRINT, or the deciding department's own standing on the item
    f"{_RUNS}pledge_paper",
    faults=_PLEDGE_FAULTS,
    doc="The 告知承诺书, or the 撤销行政许可决定书 of a promise found false, as PDF; numbered once.",
)
