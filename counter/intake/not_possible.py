"""Why an intake, or a step of a case the window takes, cannot be committed: every problem at once, as data.

Plain exceptions of the domain, each keeping what it was given, so that they cross the service as they are and the
faces word them (the intake's outcome box, the case page, ``counter case take``).
"""

from __future__ import annotations

from enum import Enum

from counter.intake.outcome import Decision
from counter.intake.parties import PartyProblem
from counter.intake.subject import SubjectProblem


class NotPossibleWhy(Enum):
    """What stands in the way beside the decision, the parties and the subject: a closed set of codes, worded by
    :func:`counter.words.intake.not_possible_text` for the window and the command line alike, and the values
    ``counter case take --json`` gives as a problem's ``code``."""

    GUIDE_VERSION_MISSING = "guide_version_missing"  # the checklist's guide version is not stored (any longer)
    BAD_UID = "bad_uid"  # the request's uid is not the 32 hex digits a desk makes (counter.util.case_uid)
    PREVIOUS_OTHER_BUNDLE = "previous_other_bundle"  # the 补正 answered was of another bundle
    LICENCE_EXPIRED = "licence_expired"  # an 电子证照 of the checklist is past its validity today
    CLERK_UNNAMED = "clerk_unnamed"  # the desk names no clerk (:class:`ClerkUnnamed`)
    NOT_AWAITED = "not_awaited"  # materials ticked as arrived that the case does not await (its names: their codes)
    REASON_REQUIRED = "reason_required"  # a withdrawal, a voiding or a deferral's extension without its reason
    # only a fault of the program reaches these: a face that offered a step the way the action does not take it
    LAPSE_BY_ITS_STEP = "lapse_by_its_step"  # a correction lapses through lapse_correction, which checks the date
    HAND_OVER_BY_ITS_STEP = "hand_over_by_its_step"  # results go out through counter.actions.cases.hand_over


#: the codes no clerk's input reaches, only a fault of the program: worded as one sentence, the code kept for the log
PROGRAM_FAULTS = frozenset({NotPossibleWhy.LAPSE_BY_ITS_STEP, NotPossibleWhy.HAND_OVER_BY_ITS_STEP})


class IntakeNotPossible(Exception):
    """The intake cannot be committed yet; everything that stands in the way is listed."""

    def __init__(
        self,
        decision: Decision | None,
        party_problems: tuple[PartyProblem, ...] = (),
        why: NotPossibleWhy | None = None,
        subject_problems: tuple[SubjectProblem, ...] = (),
        names: tuple[str, ...] = (),
    ) -> None:
        """``why``: what stands in the way beside the decision and the problems listed; ``names``: what it is about
        where that varies (the materials not awaited, by code; the guide version not found)."""
        said = f"{why.value}: {', '.join(names)}" if why is not None and names else why.value if why else ""
        super().__init__(said or (decision.outcome.value if decision else "intake not possible"))
        self.decision = decision
        self.party_problems = party_problems
        self.why = why
        self.subject_problems = subject_problems
        self.names = names


class ClerkUnnamed(IntakeNotPossible):
    """The desk has no clerk's name: a case would carry nobody on its receipt, its history and its ratings.

    A new desk names nobody (:class:`counter.host.machine.desk_config.DeskConfig`) until its clerk is set (F10's set-up,
    F8's 本窗口, ``counter desk --clerk``); where accounts exist the account signed in is the clerk.
    """

    def __init__(self) -> None:
        super().__init__(None, why=NotPossibleWhy.CLERK_UNNAMED)
