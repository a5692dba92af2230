"""The steps after a 告知承诺 found false, as rules on what is recorded: 责令限期改正, its 复查, the 陈述申辩
notice, the hearing's record and the revocation (行政许可法 第六十九条第二款; 消防法 第五十八条第二款 where the
item's law orders a correction first).

Each period the body gives the applicant runs from the day its paper was served (:mod:`counter.case.served`), never
from the day it was decided: a notice that reaches the person on the last day of its period gave no chance to act.
A period is counted in working days and has a floor per item, the catalog's ``pledge.period_floor`` set by the
deciding body, or :data:`DEFAULT_PERIOD_FLOOR` where no source gives one (docs/notice-wording.md argues it).

The revocation states the facts found and the hearing's outcome (domain §14): the 复查 of a correction ordered says
one of three things (:class:`Recheck`), and the hearing either gave nothing within its period or gave what the
applicant said and the body's answer (:class:`HearingRecord`).  The rules here read a plain snapshot
(:class:`FalsePromise`) and name the first reason a step is refused, as :class:`PledgeProblem` codes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from counter.case.pledge_checks import PledgeProblem
from counter.catalog.model import NoticePledge
from counter.parties.text import TextField, check_text

#: working days: the fewest a body may give to correct or to be heard where the item sets none.  行政许可法 第四十七条
#: gives an applicant five days to ask for a hearing once told of the right, and 行政处罚法 第六十四条 the same for a
#: penalty's hearing: the law's own measure of the least time to answer a body in writing
DEFAULT_PERIOD_FLOOR = 5


class Recheck(StrEnum):
    """What the 复查 of a correction ordered found."""

    CORRECTED = "corrected"  # 改正合格: the licence stands
    NOT_CORRECTED = "not_corrected"  # 期满未改正
    STILL_NOT = "still_not"  # 改正后仍不符合承诺内容


@dataclass(frozen=True, slots=True)
class HearingRecord:
    """What the applicant's period to be heard gave: ``said`` the gist of their 陈述、申辩 and ``answer`` the body's
    复核 of it; both "" where nothing was said within the period."""

    said: str = ""
    answer: str = ""

    @property
    def none_given(self) -> bool:
        return not self.said.strip()

    @property
    def complete(self) -> bool:
        """A statement is answered: the body heard it and says why it stands or falls (第六十九条 with 第七条)."""
        return (self.none_given and not self.answer.strip()) or bool(self.said.strip() and self.answer.strip())


def text_refusal(*texts: str) -> PledgeProblem | None:
    """``TEXT_SHAPE`` where a text bound for a paper (a finding, what was said, the body's answer) is not one the desk
    keeps as a note: too long, or a character no paper holds."""
    return None if all(check_text(text, TextField.NOTE).ok for text in texts) else PledgeProblem.TEXT_SHAPE


def period_floor(pledge: NoticePledge) -> int:
    """The fewest working days the item's body gives to correct or to be heard."""
    return pledge.period_floor if pledge.period_floor is not None else DEFAULT_PERIOD_FLOOR


def period_refusal(days: int | None, floor: int) -> PledgeProblem | None:
    """Why a period of ``days`` working days from service may not be given: none, or below the item's ``floor``."""
    if days is None:
        return PledgeProblem.NO_PERIOD
    if days < floor:
        return PledgeProblem.PERIOD_TOO_SHORT
    return None


@dataclass(frozen=True, slots=True)
class FalsePromise:
    """What is recorded of a promise found false, as far as its later steps depend on it.

    ``correct_by`` and ``hear_by`` are the periods' last days, known once their papers are served
    (``correction_served``, ``hearing_served``)."""

    correction_ordered: bool
    correction_served: dt.date | None = None
    correct_by: dt.date | None = None
    recheck: Recheck | None = None
    heard_on: dt.date | None = None
    hearing_served: dt.date | None = None
    hear_by: dt.date | None = None

    @property
    def failed_recheck(self) -> bool:
        return self.recheck in (Recheck.NOT_CORRECTED, Recheck.STILL_NOT)

    def recheck_refusal(self, today: dt.date, found: Recheck, finding: str) -> PledgeProblem | None:
        """Why the 复查 finding ``found`` may not be recorded ``today``: only of a correction ordered and served, once,
        with what was found; "not corrected" only once the period has run out."""
        if not self.correction_ordered:
            return PledgeProblem.NO_CORRECTION
        if self.recheck is not None or self.heard_on is not None:
            return PledgeProblem.ALREADY_DONE
        if self.correction_served is None or self.correct_by is None:
            return PledgeProblem.NOT_SERVED
        if found is Recheck.NOT_CORRECTED and today <= self.correct_by:
            return PledgeProblem.CORRECTION_OPEN
        if not finding.strip():
            return PledgeProblem.NO_FINDING
        return None

    def hear_refusal(self) -> PledgeProblem | None:
        """Why the applicant may not be told of the revocation intended: told already, or a correction ordered whose
        复查 is not recorded or found it corrected."""
        if self.heard_on is not None:
            return PledgeProblem.ALREADY_DONE
        if self.correction_ordered and self.recheck is Recheck.CORRECTED:
            return PledgeProblem.CORRECTED
        if self.correction_ordered and not self.failed_recheck:
            return PledgeProblem.NOT_RECHECKED
        return None

    def revoke_refusal(  # noqa: PLR0911 - one reason per step of the law's order, read top to bottom
        self, today: dt.date, record: HearingRecord
    ) -> PledgeProblem | None:
        """Why the licence may not be revoked ``today``: a correction ordered and not found failed on 复查, the
        hearing's notice not given or not served, its period not run out, or no complete record of the hearing."""
        if self.correction_ordered and self.recheck is Recheck.CORRECTED:
            return PledgeProblem.CORRECTED
        if self.correction_ordered and not self.failed_recheck:
            return PledgeProblem.NOT_RECHECKED
        if self.heard_on is None:
            return PledgeProblem.NOT_HEARD
        if self.hearing_served is None or self.hear_by is None:
            return PledgeProblem.NOT_SERVED
        if today <= self.hear_by:
            return PledgeProblem.NOT_HEARD
        if not record.complete:
            return PledgeProblem.NO_HEARING_RECORD
        return None
