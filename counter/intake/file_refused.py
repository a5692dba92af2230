"""Why an intake file (``counter case take``) was not taken: what it names that the guide does not have.

A refusal of the domain, keeping each value it was given, so that it crosses the service as it is and the command
line lists every problem at its place in the file.
"""

from __future__ import annotations

from counter.intake.not_possible import IntakeNotPossible
from counter.intake.outcome import Decision
from counter.intake.parties import PartyProblem
from counter.intake.request_file import FileProblem


class FileDoesNotFit(IntakeNotPossible):
    """The file names what the guide does not have (a bundle, a version, a situation, a material …).

    Carries the file's problems, and beside them what the window would show for the rest of the form: the
    decision's reasons and the parties' problems, so one run lists everything to fix.
    """

    def __init__(
        self,
        file_problems: tuple[FileProblem, ...],
        decision: Decision | None = None,
        party_problems: tuple[PartyProblem, ...] = (),
    ) -> None:
        super().__init__(decision, party_problems)
        self.args = ("; ".join(f"{p.path}: {p.code.value}" for p in file_problems),)  # for the log: where and what
        self.file_problems = file_problems
