"""Gateway settings refused: nothing was saved."""

from __future__ import annotations

from counter.sms.gateway import GatewayProblem


class GatewayRefused(ValueError):
    """Settings with problems: nothing was saved.  Every problem at once."""

    def __init__(self, problems: tuple[GatewayProblem, ...]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = problems
