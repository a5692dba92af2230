"""The platform's connection refused: nothing was saved."""

from __future__ import annotations

from counter.platform.settings import PlatformProblem


class PlatformRefused(ValueError):
    """Settings with problems: nothing was saved.  Every problem at once."""

    def __init__(self, problems: tuple[PlatformProblem, ...], lists: tuple[str, ...] = ()) -> None:
        super().__init__(", ".join(p.value for p in problems) + (f" ({', '.join(lists)})" if lists else ""))
        self.problems = problems
        self.lists = lists  # the code lists' names in the standard that UNCHOSEN_CODING or BAD_CODING is of
