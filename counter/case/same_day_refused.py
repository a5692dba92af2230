"""Why a case cannot be decided and handed over at the window: every reason, for the face to word."""

from __future__ import annotations

from counter.case.same_day import SameDayProblem


class SameDayNotPossible(Exception):
    """The case cannot be decided and handed over at the window; every reason is given."""

    def __init__(self, case_no: str, problems: tuple[SameDayProblem, ...]) -> None:
        super().__init__(f"{case_no}: {', '.join(p.value for p in problems)}")
        self.case_no = case_no
        self.problems = problems
