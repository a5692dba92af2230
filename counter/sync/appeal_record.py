"""The hall's decision on an appeal a township filed against its rating (hall → township, format 8).

A township has no account that may decide an appeal of its own clerks' ratings (nobody reviews their own rating:
:func:`counter.ratings.rectification.reviewer_problems`), so it files the appeal, which goes up as a line of the
rating's rectification; the hall's supervisor decides it, and the decision comes back in this record, to be added
beside the township's rating as the hall has it (the same time and ground: the same row on both sides,
:mod:`counter.db.sync.appeals`).  Kept apart from :mod:`counter.sync.records`, which lists it among the records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

__all__ = ["AppealRecord"]


@dataclass(frozen=True, slots=True)
class AppealRecord:
    """Which rating (the case's uid and number, the round) and the decision: when, by whom, on what ground, upheld or
    not, and why.  Its limits are those of the case record's appeal entries (:class:`counter.sync.records.AppealEntry`:
    a name of 60 characters, a reason of 2,000)."""

    TYPE: ClassVar[str] = "appeal"
    case_uid: str
    case_no: str
    round: int
    at: dt.datetime
    by: str
    ground: str
    upheld: bool
    reason: str
    LIMITS: ClassVar[dict[str, int]] = {"case_uid": 32, "case_no": 50, "by": 60, "ground": 16, "reason": 2000}

    @property
    def key(self) -> str:
        return f"{self.case_uid}:{self.round}:{self.at.isoformat()}:{self.ground}"
