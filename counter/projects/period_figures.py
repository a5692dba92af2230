"""The figures of a period as both faces show them: ``counter figures`` and the supervision window.

Lines of the period's ratings, cases, 即办件 and rectifications per day, desk, clerk, bundle or site (or, at a league,
per county or hall), their total, and the 帮您办 channel's 评价表s beside them; plain data, counted by the database.
Kept with the projects because it is where the cases' lines (:mod:`counter.case.period_figures`) and the projects'
evaluations (:mod:`counter.projects.evaluations`) meet without an import circle: the projects read the cases, never
the other way round.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from counter.case.period_figures import PeriodLine
from counter.projects.evaluations import EvaluationCounts
from counter.ratings.channel_figures import ChannelCount, RequestShare
from counter.ratings.figures import Grouping


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    first: dt.date
    last: dt.date
    grouping: Grouping
    today: dt.date  # what "overdue" was judged against
    lines: tuple[PeriodLine, ...]
    total: PeriodLine
    # the 评价表s of 帮您办 projects given in the period: a channel of its own (counter.projects.evaluations)
    agent_service: EvaluationCounts = field(default_factory=EvaluationCounts)
    # the services' first ratings by the channel they came by (counter.ratings.channel_figures)
    channels: tuple[ChannelCount, ...] = ()
    # of them, those given on a pad sooner than a person reads its question (counter.ratings.channel_figures)
    quick_answers: int = 0
    # per clerk, the requests shown on a pad and how many were answered there (counter.ratings.channel_figures)
    requests: tuple[RequestShare, ...] = ()
