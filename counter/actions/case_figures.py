"""The month's 即办件 share and 承诺时限压减率, per desk or bundle: a read for whoever may see figures.

The counting rules are the domain's (:mod:`counter.case.promise_figures`); this reads the grouped counts and each
guide version they name, once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from counter.access.roles import Permission
from counter.actions.acting import this_desk
from counter.actions.desk import Desk
from counter.actions.guard import require
from counter.case.promise_figures import (
    BundleFacts,
    FigureGroup,
    PromiseFigures,
    VersionCount,
    bundle_facts,
    month_days,
    promise_figures,
)
from counter.db.case_counts import accepted_counts
from counter.db.catalog_store import guide_version

__all__ = ["MonthFigures", "month_figures"]


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: str  # YYYY-MM
    group: FigureGroup
    lines: tuple[PromiseFigures, ...]
    total: PromiseFigures


def month_figures(session: Session, month: str, group: FigureGroup, *, desk: Desk | None = None) -> MonthFigures:
    """The figures of the cases accepted in ``month`` (``YYYY-MM``; ValueError otherwise), for whoever acts at
    ``desk`` (this machine's desk when not given) and may see figures."""
    require(session, this_desk(desk).actor, Permission.SEE_FIGURES)
    first, last = month_days(month)
    counts = accepted_counts(session, first, last, group)
    facts: dict[int, BundleFacts] = {}
    for version_id in {c.guide_version_id for c in counts}:
        stored = guide_version(session, version_id)
        # a case always keeps its version (a foreign key); an empty bundle would count the case and no item
        facts[version_id] = bundle_facts(stored.bundle) if stored is not None else BundleFacts(False, 0, 0, (), 0)
    lines, total = promise_figures(VersionCount(c.key, c.label, facts[c.guide_version_id], c.cases) for c in counts)
    return MonthFigures(month, group, lines, total)
