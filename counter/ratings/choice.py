"""What the applicant chose on the pad, and whether it can be recorded.

A bad rating needs at least one reason (domain §6: "a 差评 requires a reason");
the typed text is optional.  The action checks the choice again, so a rating
without a reason cannot be stored whatever a screen let through — but for one
that was ``left``: the applicant tapped a bad face and went (the pad's time ran
out, or the clerk closed it with Esc) before choosing why.  The face chosen is
the rating and is kept whatever follows; the reasons an applicant did not give
cannot be asked for, and the rating must not be lost or turned into 未评价 by
someone else's key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from counter.parties.text import TextField, TextProblem, check_text
from counter.ratings.levels import Level, is_bad

MAX_COMMENT_LENGTH = 300


@dataclass(frozen=True, slots=True)
class RatingChoice:
    level: Level
    reasons: tuple[str, ...] = ()  # labels of the office's reason list, as offered
    comment: str = ""
    left: bool = False  # ended by the pad's time or the clerk's Esc after the face was chosen: reasons may be missing


class ChoiceProblem(StrEnum):
    REASON_REQUIRED = "reason_required"  # a bad rating without a reason
    REASON_NOT_OFFERED = "reason_not_offered"  # a label the pad did not offer
    REASON_NOT_ASKED = "reason_not_asked"  # reasons given with a good rating, or one said to be left unfinished
    COMMENT_TOO_LONG = "comment_too_long"
    COMMENT_NOT_TAKEN = "comment_not_taken"  # a control, invisible or reordering character: the platform gets it
    DATE_AHEAD = "date_ahead"  # a paper 评价表 dated after the day it is keyed in
    DATE_BEFORE_SERVICE = "date_before_service"  # a paper 评价表 dated before the case was taken


def choice_problems(choice: RatingChoice, offered: Sequence[str]) -> list[ChoiceProblem]:
    """Every problem of the choice at once; empty when it can be recorded."""
    problems: list[ChoiceProblem] = []
    if is_bad(choice.level) and not choice.reasons and not choice.left:
        problems.append(ChoiceProblem.REASON_REQUIRED)
    if not is_bad(choice.level) and (choice.reasons or choice.left):
        problems.append(ChoiceProblem.REASON_NOT_ASKED)
    if any(r not in offered for r in choice.reasons):
        problems.append(ChoiceProblem.REASON_NOT_OFFERED)
    if len(choice.comment.strip()) > MAX_COMMENT_LENGTH:
        problems.append(ChoiceProblem.COMMENT_TOO_LONG)
    check = check_text(choice.comment, TextField.NOTE)
    if check.problem is not None and check.problem is not TextProblem.TOO_LONG:
        problems.append(ChoiceProblem.COMMENT_NOT_TAKEN)
    return problems
