"""The two figures of the league's 24-point table about time, per month and per desk or bundle.

The table is the attachment to 《兴安盟全面推行"蒙速办·一网办"工作实施方案》 (兴署办发〔2021〕8 号),
《政务服务事项标准化建设重点工作任务清单》; under 服务满意度 it sets

- 第 1 项 减时间: "盟级以下各部门政务服务事项承诺时限在法定时限基础上缩减的比例达到 50%";
- 第 2 项 即办程度: "盟级以下各部门政务服务事项即办件的数量占比达到 20%".

How this module reads them, written down so that anyone can recompute the numbers:

- **The cases counted** are those accepted in the month (受理, 容缺受理: they have an acceptance date), whatever
  became of them since, except those voided as entered in error.  A correction notice or a refusal accepts nothing.
- **办件 of an item.**  A case of a bundle is one 办件 of each of the bundle's items (each item is decided by its
  own department), so the table's "事项即办件" is counted per item, by what happened, never by the catalog's promise
  (a guide that promises 0 days says what should happen; a case left with three items undecided did not):
  **即办件占比** = the item-办件 decided (准予 or 不予批准) on the day their case was taken ÷ all item-办件.  Beside it,
  **整件即办占比** counts whole cases: the cases closed on the spot, every item they applied for decided on the day
  they were taken ÷ the cases — the applicant's view, who leaves with everything only then.  A case closed by a
  lapse or a refusal with items left undecided was not done on the spot.
- **承诺时限压减率** of an item = 1 − promised limit ÷ statutory limit (法定办结时限), both as the catalog states them.
  Working days and calendar days are never mixed: an item whose two limits are in different units, or that lacks
  either, or whose statutory limit is 0 days (nothing to cut), is not measured and is counted as such.  The figure
  is the mean of the rates over the measured item-办件, so an item weighs as often as it was applied for.
- Each figure is None where there is nothing to divide.

The counts come in grouped (:class:`VersionCount`: so many cases of one guide version in one group), so a month of
a hall is a few hundred rows, not one object per case; a guide version's facts are worked out once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from functools import cache

from counter.catalog.model import Bundle, Item

#: 第 2 项: 即办件的数量占比达到 20% (seed 000, 一网办 附件; counted as :class:`PromiseFigures` says)
SAME_DAY_SHARE_GOAL = Fraction(1, 5)
#: 第 1 项: 承诺时限在法定时限基础上缩减的比例达到 50%
REDUCTION_GOAL = Fraction(1, 2)


class FigureGroup(StrEnum):
    """One line of the figures per desk (site and desk number) or per bundle."""

    DESK = "desk"
    BUNDLE = "bundle"


def month_days(month: str) -> tuple[dt.date, dt.date]:
    """The first and the last day of ``YYYY-MM``; ValueError for anything else."""
    year, sep, number = month.partition("-")
    if not sep or len(year) != 4 or len(number) != 2 or not (year + number).isdigit():
        raise ValueError(f"not a month: {month!r}")
    first = dt.date(int(year), int(number), 1)
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def item_reduction(item: Item) -> Fraction | None:
    """1 − promised ÷ statutory for one item, or None when the two cannot be compared honestly.

    Negative when the promise exceeds the law: shown as it is, for the catalog to be corrected.
    """
    legal, promised = item.legal_limit, item.promised_limit
    if legal is None or promised is None or legal.value == 0 or legal.unit is not promised.unit:
        return None
    return 1 - Fraction(promised.value, legal.value)


@dataclass(frozen=True, slots=True)
class BundleFacts:
    """What one case of a guide version (with its answers) adds to the figures, whatever became of it."""

    items: int  # the items applied for
    reductions: tuple[Fraction, ...]  # one per measured item
    unmeasured_items: int


def bundle_facts(bundle: Bundle) -> BundleFacts:
    rates = [item_reduction(item) for item in bundle.items]
    measured = tuple(rate for rate in rates if rate is not None)
    return BundleFacts(items=len(bundle.items), reductions=measured, unmeasured_items=len(rates) - len(measured))


@dataclass(frozen=True, slots=True)
class VersionCount:
    """So many accepted cases of one guide version in one group (a desk, a bundle), with as many of their items
    decided on the day each was taken."""

    key: tuple[str, ...]  # (site code, desk number) or (bundle code,): the line's identity and sort order
    label: str  # what the line is called: the desk, the bundle's name
    facts: BundleFacts
    cases: int
    decided: int = 0  # of each case's items, decided (准予 or 不予批准) on the day it was taken


@dataclass(frozen=True, slots=True)
class PromiseFigures:
    """The counts of one line (or the total), and the figures made of them."""

    key: tuple[str, ...]  # () for the total
    label: str
    cases: int = 0
    same_day_cases: int = 0  # closed on the spot: every item decided on the day the case was taken
    item_cases: int = 0
    same_day_item_cases: int = 0  # decided on the day their case was taken
    measured_item_cases: int = 0
    unmeasured_item_cases: int = 0
    reduction_sum: Fraction = Fraction(0)

    @property
    def same_day_share(self) -> Fraction | None:
        """即办件占比 (第 2 项), counted per item-办件: those decided on the day their case was taken."""
        return Fraction(self.same_day_item_cases, self.item_cases) if self.item_cases else None

    @property
    def same_day_case_share(self) -> Fraction | None:
        """整件即办占比: the cases closed on the spot, every item decided on the day they were taken."""
        return Fraction(self.same_day_cases, self.cases) if self.cases else None

    @property
    def mean_reduction(self) -> Fraction | None:
        """承诺时限压减率 (第 1 项), the mean over the measured item-办件."""
        return self.reduction_sum / self.measured_item_cases if self.measured_item_cases else None

    def plus(self, count: VersionCount) -> PromiseFigures:
        facts, n = count.facts, count.cases
        decided = min(count.decided, facts.items)
        return PromiseFigures(
            key=self.key,
            label=self.label,
            cases=self.cases + n,
            same_day_cases=self.same_day_cases + (n if facts.items and decided == facts.items else 0),
            item_cases=self.item_cases + n * facts.items,
            same_day_item_cases=self.same_day_item_cases + n * decided,
            measured_item_cases=self.measured_item_cases + n * len(facts.reductions),
            unmeasured_item_cases=self.unmeasured_item_cases + n * facts.unmeasured_items,
            reduction_sum=self.reduction_sum + n * _summed(facts.reductions),
        )


@cache
def _summed(reductions: tuple[Fraction, ...]) -> Fraction:
    """A version's reductions added up once: a year by day folds the same few hundred versions tens of thousands of
    times, and adding fractions is the slow part of the fold."""
    return sum(reductions, Fraction(0))


def promise_figures(counts: Iterable[VersionCount]) -> tuple[tuple[PromiseFigures, ...], PromiseFigures]:
    """One line per group, in the order of its key, and the total over all of them."""
    lines: dict[tuple[str, ...], PromiseFigures] = {}
    total = PromiseFigures((), "")
    for count in counts:
        line = lines.get(count.key) or PromiseFigures(count.key, count.label)
        lines[count.key] = line.plus(count)
        total = total.plus(count)
    return tuple(lines[key] for key in sorted(lines, key=_in_order)), total


def _in_order(key: tuple[str, ...]) -> tuple[str, ...]:
    """Desk 8 before desk 10."""
    return tuple(part.zfill(4) if part.isdigit() else part for part in key)
