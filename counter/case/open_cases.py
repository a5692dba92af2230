"""The cases an applicant still has open for a bundle: named at the intake before the same applicant is taken again.

A clerk who takes the same person for the same bundle twice in a day, her details filled from the desk's memory
(一证办理), makes two cases of one application; the intake names those open so the clerk opens the one there is or
takes a new one knowing it.  Only the case number, its day and its status cross: the question needs no more, and
the applicant's own data stays where reads of personal data are decided.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.case.status import CaseStatus

#: a case not yet over: in hand, waiting for its deferred materials or its 补正, or its result waiting to be fetched;
#: a refused, denied, delivered, withdrawn, voided, lapsed or answered case is not one the applicant still has
OPEN_STATUSES = frozenset(
    {
        CaseStatus.ACCEPTED,
        CaseStatus.AWAITING_DEFERRED,
        CaseStatus.CORRECTION_ISSUED,
        CaseStatus.IN_APPROVAL,
        CaseStatus.READY,
    }
)
#: how many are named at most: more than a few of one bundle is a matter for the case lists, not the intake
OPEN_CASES_SHOWN = 5


@dataclass(frozen=True, slots=True)
class OpenCase:
    """One open case of the applicant's: its number, the day it was received, where it stands."""

    case_no: str
    received_on: dt.date
    status: CaseStatus
    #: the hall only received every item (its departments accept): the state is said as the case page says it
    #: (counter.actions.cases.received_cases); False from a program that did not tell
    only_received: bool = False
