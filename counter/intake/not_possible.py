"""Why an intake, or a step of a case the window takes, cannot be committed: every problem at once, as data.

Plain exceptions of the domain, each keeping what it was given, so that they cross the service as they are and the
faces word them (the intake's outcome box, the case page, ``counter case take``).
"""

from __future__ import annotations

from counter.intake.outcome import Decision
from counter.intake.parties import PartyProblem
from counter.intake.subject import SubjectProblem

#: :attr:`IntakeNotPossible.detail` of an intake at a desk whose clerk nobody has named (:class:`ClerkUnnamed`)
CLERK_UNNAMED = "clerk not named"


class IntakeNotPossible(Exception):
    """The intake cannot be committed yet; everything that stands in the way is listed."""

    def __init__(
        self,
        decision: Decision | None,
        party_problems: tuple[PartyProblem, ...] = (),
        detail: str = "",
        subject_problems: tuple[SubjectProblem, ...] = (),
    ) -> None:
        super().__init__(detail or (decision.outcome.value if decision else "intake not possible"))
        self.decision = decision
        self.party_problems = party_problems
        self.detail = detail
        self.subject_problems = subject_problems


class ClerkUnnamed(IntakeNotPossible):
    """The desk has no clerk's name: a case would carry nobody on its receipt, its history and its ratings.

    A new desk names nobody (:class:`counter.host.machine.desk_config.DeskConfig`) until its clerk is set (F10's set-up,
    F8's 本窗口, ``counter desk --clerk``); where accounts exist the account signed in is the clerk.
    """

    def __init__(self) -> None:
        super().__init__(None, detail=CLERK_UNNAMED)
