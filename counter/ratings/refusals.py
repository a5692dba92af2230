"""Why a rating's step was refused: the codes the faces word, carried as exceptions of the domain.

Each keeps what it was built with under the same name, so that it crosses the service's boundary as its class and
values (:mod:`counter.service.faults`) and the face catches the same class whichever transport ran the step.
"""

from __future__ import annotations

from counter.ratings.choice import ChoiceProblem
from counter.ratings.rectification import AppealProblem, MoveProblem
from counter.ratings.settings import SettingProblem
from counter.ratings.status import SendRefusal


class RatingRefused(Exception):
    """A service not sent to the pad, or a pad's answer not taken (the request gone or closed)."""

    def __init__(self, code: SendRefusal, case_no: str = "") -> None:
        super().__init__(f"{code.value} {case_no}".strip())
        self.code = code
        self.case_no = case_no


class ChoiceRefused(Exception):
    def __init__(self, problems: list[ChoiceProblem]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = tuple(problems)


class MoveRefused(Exception):
    def __init__(self, problems: list[MoveProblem]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = tuple(problems)


class AppealRefused(Exception):
    def __init__(self, problems: list[AppealProblem]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = tuple(problems)


class SettingsRefused(Exception):
    def __init__(self, problems: list[SettingProblem]) -> None:
        super().__init__(", ".join(p.code.value for p in problems))
        self.problems = tuple(problems)
