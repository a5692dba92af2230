"""What a county sends the league each month, one line per day, desk, clerk, bundle or site.

A line puts together what the window already defines elsewhere — the 好差评 counts and rates
(:mod:`counter.ratings.figures`), the 24-point table's 即办件 share and 承诺时限压减率
(:mod:`counter.case.promise_figures`) — with the counts only this report needs, defined here:

- **Outcomes**: the period's cases (taken at a desk from the first to the last day) by their one outcome:
  受理, 容缺受理, 补正, 不予受理 (seed 001 第十六条, 第三十二条), and 申请人撤回 where a window that only receives
  told its finding on a 申请事项告知书 and the applicant did not insist: no 不予受理 was made.  A voided case is
  counted as taken, as the rating figures count it: the applicant was served.
- **Overdue deferrals** (容缺逾期): a 容缺受理 case of the period, neither withdrawn nor voided, with a deferred
  material that came after its due date or has not come and was due before today (seed 001 第十七条: the
  applicant promises to hand it in within the agreed time).  A deferral extended in time is judged by the new date.
- **Waits**: the period's cases whose applicant the desk called by a queue ticket (叫号) for which the hall's queue
  system gave both the time it was taken and the time it was called; their mean wait.
- **Rectifications**: those opened in the period (by a bad rating, 第三十八条(三)), and of them how many are still
  open, open past their due date today (a 限期整改 by its ledger date,
  :func:`counter.ratings.rectification.effective_due`), fed back (closed) or voided by an upheld appeal.

The database counts all of this with ``GROUP BY`` (:mod:`counter.db.figure_store`), and a test holds its counts
to the same definitions on plain rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

from counter.case.promise_figures import PromiseFigures
from counter.ratings.figures import Figures


@dataclass(frozen=True, slots=True)
class CaseCounts:
    """The period's cases by outcome, the deferrals among them left overdue, and their items still at departments."""

    accepted: int = 0  # 受理
    deferred: int = 0  # 容缺受理
    correction: int = 0  # 补正
    refused: int = 0  # 不予受理
    withdrawn: int = 0  # 申请人撤回: told the window's finding (申请事项告知书), the applicant did not insist
    overdue_deferrals: int = 0
    items_open: int = 0  # the period's cases' items routed to their departments and not decided, on the day judged
    items_overdue: int = 0  # of those, past their promised or legal date
    waits: int = 0  # the cases whose applicant was called by a queue ticket whose wait the queue system gave
    waited_s: int = 0  # their waits, in seconds, added up

    def mean_wait_minutes(self) -> int | None:
        """How long an applicant called by the queue waited, on average, in whole minutes; None when none said."""
        return round(self.waited_s / self.waits / 60) if self.waits else None


@dataclass(frozen=True, slots=True)
class RectCounts:
    """The rectifications opened in the period, and where they stand today."""

    opened: int = 0
    open: int = 0
    overdue: int = 0
    closed: int = 0  # 已反馈
    voided: int = 0  # the rating was removed on appeal


@dataclass(frozen=True, slots=True)
class PeriodLine:
    """One line of the report, or the total (``key`` and ``label`` empty)."""

    key: str  # the line's identity and sort order
    label: str  # the day, desk number, clerk, bundle name or site code
    ratings: Figures
    cases: CaseCounts
    promise: PromiseFigures
    rectifications: RectCounts


T = TypeVar("T", Figures, CaseCounts, RectCounts)


def sum_counts(parts: Iterable[T], empty: T) -> T:
    """Field by field: every count is additive (the rates are made of counts, never added)."""
    names = [f.name for f in fields(empty) if f.name != "label"]
    totals: dict[str, Any] = dict.fromkeys(names, 0)
    for part in parts:
        for name in names:
            totals[name] += getattr(part, name)
    return replace(empty, **totals)


def total_line(lines: Iterable[PeriodLine], promise_total: PromiseFigures) -> PeriodLine:
    """The total of ``lines``; the promise figures' total comes from the domain's own fold (it carries fractions)."""
    lines = tuple(lines)
    return PeriodLine(
        key="",
        label="",
        ratings=sum_counts((line.ratings for line in lines), Figures("")),
        cases=sum_counts((line.cases for line in lines), CaseCounts()),
        promise=promise_total,
        rectifications=sum_counts((line.rectifications for line in lines), RectCounts()),
    )
