"""Why a 帮您办 form cannot be printed now: the face words it with the form and the project's state."""

from __future__ import annotations

from enum import StrEnum

from counter.projects.forms import ProjectForm
from counter.projects.model import ProjectState


class PaperProblem(StrEnum):
    NOT_NOW = "not_now"  # the form is not printable in the project's state
    NO_PROJECT = "no_project"  # a project's form asked for without a project number


class ProjectPaperNotPossible(Exception):
    """The form cannot be printed for this project now; ``state`` is the project's (None without one)."""

    def __init__(self, problem: PaperProblem, form: ProjectForm, state: ProjectState | None = None) -> None:
        super().__init__(f"{form.value}: {problem.value}")
        self.problem = problem
        self.form = form
        self.state = state
