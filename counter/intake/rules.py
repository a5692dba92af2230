"""The hall's intake rules: the two periods the law leaves to the office, and the range each may take.

- The 容缺 margin (:class:`~counter.intake.outcome.DeferralPolicy`): how many working days before the promised
  completion a deferred material must be due, so the department can examine it and still keep the promise (seed 001
  第十六条(三)).  Zero keeps only the promise itself; more than ten working days would forbid a deferral on
  nearly every bundle (most promises are ten working days or less), which is a typing error rather than a rule.
- The 补正 period (:class:`~counter.intake.outcome.CorrectionPolicy`): how long the applicant has to hand in what
  the correction notice asks.  Neither 行政许可法 第三十二条 nor the league's rules (第十六条: "需补充的内容和期限")
  fix it; the default is fifteen working days.  At least one day, or the notice would lapse as it is handed over;
  at most sixty working days (about three months), past which the application is better made anew.

Both are kept in the database (:mod:`counter.actions.cases.intake_settings`), so every desk of a hall decides alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from counter.catalog.model import TimeLimit, TimeUnit
from counter.intake.policies import CorrectionPolicy, DeferralPolicy


class IntakeRule(StrEnum):
    DEFERRAL_MARGIN = "deferral_margin"  # working days between a deferred material's due date and the promise
    CORRECTION_PERIOD = "correction_period"  # working days the applicant has to answer a correction notice


RULE_RANGE: dict[IntakeRule, tuple[int, int]] = {
    IntakeRule.DEFERRAL_MARGIN: (0, 10),
    IntakeRule.CORRECTION_PERIOD: (1, 60),
}


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """A value outside its rule's range; the faces word it with the range."""

    rule: IntakeRule
    value: int

    @property
    def low(self) -> int:
        return RULE_RANGE[self.rule][0]

    @property
    def high(self) -> int:
        return RULE_RANGE[self.rule][1]


@dataclass(frozen=True, slots=True)
class IntakeRules:
    """The hall's values, in working days."""

    deferral_margin_days: int = DeferralPolicy().margin.value
    correction_period_days: int = CorrectionPolicy().applicant_period.value

    def values(self) -> dict[IntakeRule, int]:
        return {
            IntakeRule.DEFERRAL_MARGIN: self.deferral_margin_days,
            IntakeRule.CORRECTION_PERIOD: self.correction_period_days,
        }

    def problems(self) -> tuple[RuleProblem, ...]:
        """Every value outside its range, all at once."""
        return tuple(RuleProblem(rule, value) for rule, value in self.values().items() if not in_range(rule, value))

    def deferral_policy(self) -> DeferralPolicy:
        return DeferralPolicy(TimeLimit(self.deferral_margin_days, TimeUnit.WORKING_DAY))

    def correction_policy(self) -> CorrectionPolicy:
        return CorrectionPolicy(applicant_period=TimeLimit(self.correction_period_days, TimeUnit.WORKING_DAY))


def in_range(rule: IntakeRule, value: int) -> bool:
    low, high = RULE_RANGE[rule]
    return low <= value <= high


class RulesRefused(ValueError):
    """Values outside their ranges: nothing was saved."""

    def __init__(self, problems: tuple[RuleProblem, ...]) -> None:
        super().__init__(", ".join(f"{p.rule.value}={p.value}" for p in problems))
        self.problems = problems
