"""A paper 评价表 keyed in: what the applicant ticked, by the codes the sheet printed, and the paper's own date.

The sheet (:mod:`counter.documents.rating_sheet`) lists the national 测评内容 by code, so the desk keys in codes,
never a label retyped; the rating is dated as the applicant dated the paper and comes by channel 书面评价
(:attr:`counter.ratings.levels.Channel.WRITTEN`), whatever day it is keyed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.ratings.choice import ChoiceProblem, RatingChoice
from counter.ratings.eval_content import EvalContent
from counter.ratings.levels import Level


@dataclass(frozen=True, slots=True)
class PaperRating:
    level: Level
    reason_codes: tuple[str, ...]  # the 测评内容 codes ticked on the sheet
    comment: str
    rated_on: dt.date  # the date the applicant wrote on the sheet


def paper_choice(
    paper: PaperRating, content: EvalContent, served_on: dt.date, today: dt.date
) -> tuple[RatingChoice, list[ChoiceProblem]]:
    """The sheet as the pad's choice would be, and what keeps it from being recorded besides the choice's own rules:
    the paper rates a service, so it is dated between the day the case was taken (``served_on``) and ``today``."""
    problems: list[ChoiceProblem] = []
    labels: list[str] = []
    for code in paper.reason_codes:
        indicator = next((i for i in content.for_level(paper.level) if i.code == code), None)
        if indicator is None:
            problems.append(ChoiceProblem.REASON_NOT_OFFERED)
        else:
            labels.append(indicator.label)
    if paper.rated_on > today:
        problems.append(ChoiceProblem.DATE_AHEAD)
    if paper.rated_on < served_on:
        problems.append(ChoiceProblem.DATE_BEFORE_SERVICE)
    return RatingChoice(paper.level, tuple(labels), paper.comment), problems
