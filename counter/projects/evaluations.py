"""The 评价表s of a period, counted: the 帮您办 channel of the 好差评 figures.

The 评价表 (附件7) has three answers where the window's review pad has five levels, and it rates a service of
months, not a visit: so it is counted beside the ratings, as a channel of its own, never folded into their levels
(非常满意 is not the pad's 非常满意 of one visit).  The satisfied rate is 非常满意 and 满意 among those given, as the
方案 二(七) asks the service to be judged on them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from counter.projects.model import Satisfaction


@dataclass(frozen=True, slots=True)
class EvaluationCounts:
    very_satisfied: int = 0
    satisfied: int = 0
    dissatisfied: int = 0

    @property
    def total(self) -> int:
        return self.very_satisfied + self.satisfied + self.dissatisfied

    @property
    def satisfied_rate(self) -> float | None:
        """非常满意 and 满意 among all given; None when none was."""
        return (self.very_satisfied + self.satisfied) / self.total if self.total else None


def count_evaluations(given: Iterable[Satisfaction]) -> EvaluationCounts:
    counts = Counter(given)
    return EvaluationCounts(
        very_satisfied=counts[Satisfaction.VERY_SATISFIED],
        satisfied=counts[Satisfaction.SATISFIED],
        dissatisfied=counts[Satisfaction.DISSATISFIED],
    )
