"""The month's 即办件 share and 承诺时限压减率, per desk or bundle: a read for whoever may see figures.

The counting rules are the domain's (:mod:`counter.case.promise_figures`); this reads the grouped counts — the query
``counter figures`` uses (:func:`counter.db.figure_store.version_counts`) — and each guide version they name, once.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.guard import require
from counter.actions.ratings.period_figures import accepted_versions
from counter.case.month_figures import MonthFigures
from counter.case.promise_figures import FigureGroup, VersionCount, month_days, promise_figures
from counter.db.figure_store import bundle_names, version_counts
from counter.ratings.figures import Grouping

__all__ = ["month_figures"]


#: the same query as ``counter figures`` (:mod:`counter.db.figure_store`), grouped the same way
_GROUPING = {FigureGroup.DESK: Grouping.DESK, FigureGroup.BUNDLE: Grouping.BUNDLE}


def month_figures(session: Session, month: str, group: FigureGroup, *, desk: Desk | None = None) -> MonthFigures:
    """The figures of the cases accepted in ``month`` (``YYYY-MM``; ValueError otherwise), for whoever acts at
    ``desk`` (this machine's desk when not given) and may see figures."""
    require(session, this_desk(desk).actor, Permission.SEE_FIGURES)
    first, last = month_days(month)
    counts = version_counts(session, first, last, _GROUPING[group])
    facts = accepted_versions(session, counts)
    names = bundle_names(session) if group is FigureGroup.BUNDLE else {}
    lines, total = promise_figures(
        VersionCount(c.part, c.part[1] if group is FigureGroup.DESK else names.get(c.part[0], ""),
                     facts[c.guide_key], c.cases, c.decided)
        for c in counts
    )  # fmt: skip
    return MonthFigures(month, group, lines, total)
