"""The figures of a period, per day, desk, clerk, bundle or site: ``counter figures`` and the supervision window.

One read for both faces.  The database counts (:mod:`counter.db.figure_store`); this puts the counts of the three
queries into lines, folds the 即办件 share with the domain's own rules (each guide version read once) and adds the
total.  The window's 好差评 page and 即办件 page use the same queries, through :func:`rating_lines` and
:func:`accepted_versions`.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.guard import require
from counter.actions.projects.project_reads import evaluation_counts
from counter.case.period_figures import CaseCounts, PeriodLine, RectCounts, sum_counts, total_line
from counter.case.promise_figures import BundleFacts, PromiseFigures, VersionCount, bundle_facts, promise_figures
from counter.catalog.model import Bundle
from counter.db.catalog_store import guide_version
from counter.db.channel_figures import channel_counts, quick_answers, request_shares
from counter.db.figure_store import (
    GroupCount,
    ItemLine,
    ServiceLine,
    bundle_names,
    item_lines,
    rectification_lines,
    service_lines,
    version_counts,
    version_hashes,
)
from counter.projects.period_figures import PeriodFigures
from counter.ratings.figures import Figures, Grouping, line_key

__all__ = ["accepted_versions", "period_figures", "rating_lines"]


def _ratings(count: ServiceLine, label: str) -> Figures:
    return Figures(
        label, count.services, count.pending, count.rated, count.rated - count.bad, count.bad, count.unrated,
        count.not_sent, count.excluded, count.rectified, count.appealing,
    )  # fmt: skip


def rating_lines(
    session: Session, first: dt.date, last: dt.date, grouping: Grouping
) -> tuple[tuple[Figures, ...], Figures]:
    """The 好差评 figures of the cases taken in the period: one line per group, in the key's order, and the total.

    No permission is checked here: the callers (:func:`counter.actions.ratings.record.rating_figures`,
    :func:`period_figures`) check it.
    """
    names = bundle_names(session) if grouping is Grouping.BUNDLE else {}
    lines: dict[str, Figures] = {}
    # the deferrals' "overdue" is not shown here: judged on the last day, it costs nothing that matters
    for count in service_lines(session, first, last, grouping, last):
        sort_key, label = line_key(grouping, count.part, names.get(count.part[0], ""))
        lines[sort_key] = _ratings(count, label)
    ordered = tuple(lines[key] for key in sorted(lines))
    return ordered, sum_counts(ordered, Figures(""))


#: what a guide adds to the figures, by its content hash and the cases' answers: a version never changes, so its
#: facts are worked out once per process, not once per read (reading and parsing a hundred guides cost more than
#: counting a month)
_FACTS: dict[tuple[str, str], BundleFacts] = {}
_FACTS_KEPT = 4096  # distinct guide contents and answers; a league has a few hundred guides


def accepted_versions(session: Session, counts: list[GroupCount]) -> dict[tuple[int, str], BundleFacts]:
    """What one case of each guide version and answers named in ``counts`` adds to the 即办件 figures: only the items
    its answers apply for count (:meth:`counter.catalog.model.Bundle.for_case`); which of them were decided on the
    day is the case's own (:attr:`counter.db.figure_store.GroupCount.decided`)."""
    facts: dict[tuple[int, str], BundleFacts] = {}
    hashes = version_hashes(session, {c.guide_version_id for c in counts})
    guides: dict[int, Bundle] = {}
    for version_id, answers in {c.guide_key for c in counts}:
        digest = hashes[version_id]
        known = _FACTS.get((digest, answers))
        if known is None:
            if version_id not in guides:
                stored = guide_version(session, version_id)
                assert stored is not None  # its hash was just read
                guides[version_id] = stored.bundle
            if len(_FACTS) >= _FACTS_KEPT:
                _FACTS.clear()
            case_bundle = guides[version_id].for_case(dict(json.loads(answers)))
            known = _FACTS[digest, answers] = bundle_facts(case_bundle)
        facts[version_id, answers] = known
    return facts


def period_figures(
    session: Session,
    first: dt.date,
    last: dt.date,
    grouping: Grouping,
    today: dt.date,
    *,
    desk: Desk | None = None,
) -> PeriodFigures:
    """The period's figures (``first`` to ``last``, both included) for whoever acts at ``desk`` and may see them;
    overdue deferrals and rectifications are judged on ``today``."""
    require(session, this_desk(desk).actor, Permission.SEE_FIGURES)
    names = bundle_names(session) if grouping is Grouping.BUNDLE else {}

    def key(part: tuple[str, ...]) -> tuple[str, str]:
        return line_key(grouping, part, names.get(part[0], ""))

    services = {key(s.part): s for s in service_lines(session, first, last, grouping, today)}
    rects = {key(r.part): r for r in rectification_lines(session, first, last, grouping, today)}
    items = {key(i.part): i for i in item_lines(session, first, last, grouping, today)}
    counts = version_counts(session, first, last, grouping)
    facts = accepted_versions(session, counts)
    promise_lines, promise_total = promise_figures(
        VersionCount((key(c.part)[0],), key(c.part)[1], facts[c.guide_key], c.cases, c.decided) for c in counts
    )
    promises = {(p.key[0], p.label): p for p in promise_lines}
    lines = []
    for sort_key, label in sorted(services.keys() | rects.keys() | promises.keys() | items.keys()):
        service, rect = services.get((sort_key, label)), rects.get((sort_key, label))
        lines.append(
            PeriodLine(
                key=sort_key,
                label=label,
                ratings=_ratings(service, label) if service else Figures(label),
                cases=_case_counts(service, items.get((sort_key, label))),
                promise=promises.get((sort_key, label)) or PromiseFigures((sort_key,), label),
                rectifications=RectCounts(rect.opened, rect.open, rect.overdue, rect.closed, rect.voided)
                if rect
                else RectCounts(),
            )
        )
    total = total_line(lines, promise_total)
    agent_service = evaluation_counts(session, first, last)
    channels = channel_counts(session, first, last)
    quick = quick_answers(session, first, last)
    shares = request_shares(session, first, last)
    return PeriodFigures(first, last, grouping, today, tuple(lines), total, agent_service, channels, quick, shares)


def _case_counts(service: ServiceLine | None, items: ItemLine | None) -> CaseCounts:
    open_items, overdue_items = (items.open, items.overdue) if items else (0, 0)
    if service is None:
        return CaseCounts(items_open=open_items, items_overdue=overdue_items)
    s = service
    return CaseCounts(
        s.accepted, s.deferred, s.correction, s.refused, s.withdrawn, s.overdue_deferrals, open_items, overdue_items,
        s.waits, s.waited_s,
    )  # fmt: skip
