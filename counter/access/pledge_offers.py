"""The items granted on a promise (告知承诺) and their checks, as the department's list and the case page show them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.access.authority import AuthorityRefusal


@dataclass(frozen=True, slots=True)
class PledgeRow:
    """One item granted on a promise, as the department's list shows it."""

    case_no: str
    applicant_name: str
    item_code: str
    item_name: str
    department: str
    granted_on: dt.date
    check_due: dt.date
    checked_on: dt.date | None
    kept: bool | None
    finding: str
    correct_by: dt.date | None = None  # the 责令限期改正's last day, where one was ordered
    heard_on: dt.date | None = None  # the 陈述申辩 notice given
    hear_by: dt.date | None = None
    revoked_on: dt.date | None = None
    # the periods given in working days from service, and the days their papers were served (the last days above
    # are known from then); the 复查 of the correction ("" before it: counter.case.pledge_steps.Recheck) and its day;
    # the papers' numbers ("" while not made)
    correct_days: int | None = None
    hear_days: int | None = None
    correction_served: dt.date | None = None
    hearing_served: dt.date | None = None
    recheck: str = ""
    rechecked_on: dt.date | None = None
    correction_doc_no: str = ""
    hearing_doc_no: str = ""
    revocation_doc_no: str = ""


@dataclass(frozen=True, slots=True)
class PledgeOffer:
    """An item of a case the guide marks for 告知承诺, as the case page offers its acts: its grant on a promise and
    check so far (None before the grant), and whether the desk's account has the standing to grant, check or revoke
    it (the one rule, :mod:`counter.access.authority`): ``deciding`` is the body that decides it, ``refusal`` why the
    account may not (None where it may)."""

    item_code: str
    row: PledgeRow | None
    deciding: str
    refusal: AuthorityRefusal | None
