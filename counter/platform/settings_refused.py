"""The platform's connection refused: nothing was saved."""

from __future__ import annotations

from counter.platform.settings import PlatformProblem


class PlatformRefused(ValueError):
    """Settings with problems: nothing was saved.  Every problem at once."""

    def __init__(
        self, problems: tuple[PlatformProblem, ...], lists: tuple[str, ...] = (), bad: tuple[str, ...] = ()
    ) -> None:
        named = (*lists, *bad)
        super().__init__(", ".join(p.value for p in problems) + (f" ({', '.join(named)})" if named else ""))
        self.problems = problems
        self.lists = lists  # the code lists not chosen (UNCHOSEN_CODING), by their names in the standard
        self.bad = bad  # the lists, or list=preset choices, the mapping file does not have (BAD_CODING)
