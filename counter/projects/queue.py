"""A line of the agent's day: a project not ended, what it waits on next, and how late it is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.projects.model import ProjectView
from counter.projects.schedule import NextStep


@dataclass(frozen=True, slots=True)
class QueueRow:
    """A project on the agent's day: what it waits on next, when that is due, and how many steps are overdue."""

    project: ProjectView
    next: NextStep | None
    overdue: int

    @property
    def due_on(self) -> dt.date | None:
        return self.next.due_on if self.next is not None else None
