"""The figures the plans ask of every office: 好评率, 差评数, 未评率, 整改率.

This module is the definition, on plain rows (one per service); the database counts the same things with one
``GROUP BY`` (:mod:`counter.db.figure_store`), which is what the screen and ``counter figures`` show, and a test
holds the two equal on a varied dataset.  The choices, written down:

- **A service** is a case taken at a desk (any outcome: an acceptance, a
  deferral, a correction notice, a refusal — the applicant was served).  A
  service never sent to the pad counts as unrated: otherwise a desk that
  skipped the pad would look perfect.  Follow-up ratings (评价次数 2) are kept
  and exported but do not replace the first: rectifying a service does not
  rewrite how it was first received.
- **好评** = 非常满意, 满意, 基本满意; **差评** = 不满意, 非常不满意
  (:mod:`counter.ratings.levels`).  **好评率** = 好评 / valid ratings, **差评率** = 差评 / valid ratings.
- **未评率** = (unrated + never sent) / services already closed (a service still
  on the pad is neither).  Unrated services are never counted as 基本满意.
- A rating **removed on appeal** (申诉复核) counts in no rate: it is neither a
  rating nor an unrated service; it is counted apart (**撤销**), so that
  办件 = 已评价 + 未评价 + 评价中 + 撤销 on every line (:meth:`Figures.adds_up`).
- A 差评 **under appeal** (申诉中: filed, not yet decided by a supervisor) stays a
  差评 in every count and rate, and is counted again among the 申诉中; until its
  appeal is decided it is not counted as rectified, even once fed back.
- **整改率** = bad ratings whose rectification has been fed back / bad ratings.
  已反馈 is final (:data:`counter.ratings.rectification.MOVES` leads nowhere from it), so a rectification
  is fed back once any line of its history says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


class Grouping(StrEnum):
    DAY = "day"
    DESK = "desk"
    CLERK = "clerk"
    BUNDLE = "bundle"
    SITE = "site"


def line_key(grouping: Grouping, part: tuple[str, ...], bundle_name: str = "") -> tuple[str, str]:
    """(sort key, label) of a line from what it is grouped by: (day,), (site, desk), (clerk,), (bundle,) or (site,).

    Desk 8 sorts before desk 10, and desk 8 of two sites makes two lines.
    """
    if grouping is Grouping.DESK:
        site, desk_no = part
        return f"{site}/{desk_no.zfill(4)}", desk_no
    if grouping is Grouping.BUNDLE:
        return part[0], bundle_name
    return part[0], part[0]


def _rate(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


@dataclass(frozen=True, slots=True)
class Figures:
    label: str  # the day, desk number, clerk or bundle name; "" for the total
    services: int = 0
    pending: int = 0
    rated: int = 0
    good: int = 0
    bad: int = 0
    unrated: int = 0  # the pad's time ran out
    not_sent: int = 0
    excluded: int = 0  # 撤销: removed on an upheld appeal
    rectified: int = 0
    appealing: int = 0  # of the bad: 申诉中

    @property
    def not_rated(self) -> int:
        """未评价 as the tables show it: the pad's time ran out, or the service was never sent."""
        return self.unrated + self.not_sent

    @property
    def good_rate(self) -> Fraction | None:
        return _rate(self.good, self.rated)

    @property
    def bad_rate(self) -> Fraction | None:
        """差评率 = 差评 / valid ratings."""
        return _rate(self.bad, self.rated)

    @property
    def unrated_rate(self) -> Fraction | None:
        return _rate(self.unrated + self.not_sent, self.services - self.pending)

    @property
    def rectification_rate(self) -> Fraction | None:
        return _rate(self.rectified, self.bad)
