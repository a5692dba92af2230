"""The figures defined on plain rows: what the database's counts (counter.db.figure_store) are held to.

The database counts the rating figures and the monthly report's with ``GROUP BY``; these count the same on facts
a test builds, one at a time, so that each count has a definition plain enough to read against the rules
(seed 001 第十七条, 第三十八条).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from counter.case.period_figures import RectCounts
from counter.ratings.figures import Figures, Grouping, line_key
from counter.ratings.levels import Level, is_bad
from counter.ratings.rectification import OPEN_STATES, RectState, effective_due, is_overdue
from counter.ratings.status import DeskStatus


@dataclass(frozen=True, slots=True)
class ServiceFact:
    """One service as the figures count it: its case, its rating and what became of a bad one."""

    day: dt.date
    desk_no: str
    clerk: str
    bundle_code: str
    bundle_name: str
    status: DeskStatus | None  # None: never sent to the pad
    level: Level | None  # the first rating's level, when rated
    excluded: bool = False  # the rating was removed on appeal
    rectification: RectState | None = None
    site_code: str = ""  # the site that took the case: a league's database holds many
    appealing: bool = False  # an appeal of its rating filed and not decided (申诉中)


def fact_part(fact: ServiceFact, grouping: Grouping) -> tuple[str, ...]:
    """What ``fact`` is grouped by under ``grouping``, as :func:`line_key` takes it."""
    return {
        Grouping.DAY: (fact.day.isoformat(),),
        Grouping.DESK: (fact.site_code, fact.desk_no),
        Grouping.CLERK: (fact.clerk,),
        Grouping.BUNDLE: (fact.bundle_code,),
        Grouping.SITE: (fact.site_code,),
    }[grouping]


def adds_up(figures: Figures) -> bool:
    """办件 = 已评价 + 未评价 + 评价中 + 撤销: every service in exactly one of them."""
    return figures.services == figures.rated + figures.not_rated + figures.pending + figures.excluded


def _add(fig: Figures, fact: ServiceFact) -> Figures:
    services, pending, rated, good, bad = fig.services + 1, fig.pending, fig.rated, fig.good, fig.bad
    unrated, not_sent, excluded, rectified = fig.unrated, fig.not_sent, fig.excluded, fig.rectified
    appealing = fig.appealing
    if fact.status is None:
        not_sent += 1
    elif fact.status is DeskStatus.PENDING:
        pending += 1
    elif fact.status is DeskStatus.UNRATED:
        unrated += 1
    elif fact.excluded:
        excluded += 1
    elif fact.level is not None:
        rated += 1
        if is_bad(fact.level):
            bad += 1
            appealing += fact.appealing
            rectified += fact.rectification is RectState.FED_BACK and not fact.appealing
        else:
            good += 1
    return Figures(fig.label, services, pending, rated, good, bad, unrated, not_sent, excluded, rectified, appealing)


def total_figures(facts: Iterable[ServiceFact]) -> Figures:
    total = Figures("")
    for fact in facts:
        total = _add(total, fact)
    return total


def figures_by(facts: Iterable[ServiceFact], grouping: Grouping) -> tuple[Figures, ...]:
    """One line per day, desk, clerk or bundle, in that key's order."""
    groups: dict[str, Figures] = {}
    for fact in facts:
        sort_key, label = line_key(grouping, fact_part(fact, grouping), fact.bundle_name)
        groups[sort_key] = _add(groups.get(sort_key, Figures(label)), fact)
    return tuple(groups[k] for k in sorted(groups))


def deferral_overdue(materials: Iterable[tuple[dt.date | None, dt.date | None]], today: dt.date) -> bool:
    """Whether a deferral is overdue, from its materials' (due, arrived) dates; a material with no due date was not
    deferred."""
    return any(due is not None and (due < today if arrived is None else arrived > due) for due, arrived in materials)


def rect_counts(rectifications: Iterable[tuple[dt.date, RectState, dt.date | None]], today: dt.date) -> RectCounts:
    """The counts of rectifications given as (due, current state, 限期整改 ledger date)."""
    opened = still_open = overdue = closed = voided = 0
    for due_on, state, fix_due in rectifications:
        opened += 1
        still_open += state in OPEN_STATES
        overdue += is_overdue(effective_due(due_on, state, fix_due), state, today)
        closed += state is RectState.FED_BACK
        voided += state is RectState.VOIDED
    return RectCounts(opened, still_open, overdue, closed, voided)
