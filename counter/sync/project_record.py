"""A 帮您办 project as a sync record (township → hall, format 3): its row, its plan whole, its history and
coordination lines, and the records of its printed forms.

The sender's site owns its projects, so the receiver takes the row and the plan as sent, adds the lines it lacks and
never changes one it has (:mod:`counter.db.sync.projects`).  Kept apart from :mod:`counter.sync.records`, which lists
it among the records: a project changes with the 帮您办 service (its plan, its papers), a case record with the
intake and the ratings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from counter.sync.record_limits import LINES_MAX, NAME_MAX, NOTE_MAX, SNAPSHOT_MAX, TEXT_MAX

__all__ = ["CoordinationEntry", "PaperEntry", "ProjectLineEntry", "ProjectRecord", "ProjectStepEntry"]


@dataclass(frozen=True, slots=True)
class ProjectStepEntry:
    """One approval of a project's plan, with what happened to it: the plan travels whole, as it is rewritten."""

    no: int
    item_no: int
    name: str
    department: str
    stage: str
    expected_on: dt.date
    filed_on: dt.date | None
    done_on: dt.date | None
    case_no: str
    result_no: str
    joint: str
    LIMITS: ClassVar[dict[str, int]] = {
        "name": TEXT_MAX, "department": NAME_MAX, "stage": 16, "case_no": 50, "result_no": 60, "joint": 30,
    }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ProjectLineEntry:
    """A line of a project's history: never changed, so the same line on every site."""

    at: dt.datetime
    event: str
    by: str
    note: str
    LIMITS: ClassVar[dict[str, int]] = {"event": 24, "by": 60, "note": NOTE_MAX}

    @property
    def key(self) -> tuple[dt.datetime, str, str]:
        """Who did what when (with the project's uid, a line's identity everywhere)."""
        return (self.at, self.event, self.by)


@dataclass(frozen=True, slots=True)
class CoordinationEntry:
    """A coordination an agent recorded: added once, never changed."""

    day: dt.date
    with_whom: str
    what: str
    outcome: str
    agent: str
    step_no: int
    LIMITS: ClassVar[dict[str, int]] = {"with_whom": TEXT_MAX, "what": TEXT_MAX, "outcome": TEXT_MAX, "agent": 60}

    @property
    def key(self) -> tuple[dt.date, str, str]:
        """On which day with whom about what (with the project's uid, its identity everywhere)."""
        return (self.day, self.with_whom, self.what)


@dataclass(frozen=True, slots=True)
class PaperEntry:
    """The record of a form printed for a project (one of each kind): a reprint anywhere is the same paper."""

    kind: str
    doc_no: str
    issued_on: dt.date
    clerk: str
    office: str  # JSON snapshot of the office settings, as stored
    content_hash: str
    created_at: dt.datetime
    LIMITS: ClassVar[dict[str, int]] = {
        "kind": 16, "doc_no": 40, "clerk": 60, "office": SNAPSHOT_MAX, "content_hash": 64,
    }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ProjectRecord:
    """A 帮您办 project with its plan, history, coordinations and papers (township → hall)."""

    TYPE: ClassVar[str] = "project"
    uid: str
    project_no: str
    site_code: str
    desk_no: str
    clerk: str
    state: str
    name: str
    investor: str
    county: str
    investment: int  # 万元
    facts: str  # JSON, as stored: the rest of the 申请表
    agents: str  # JSON list, as stored
    applied_on: dt.date
    accepted_on: dt.date | None
    signed_on: dt.date | None
    ended_on: dt.date | None
    end_reason: str
    satisfaction: str | None
    evaluation_note: str
    evaluated_on: dt.date | None
    created_at: dt.datetime
    steps: tuple[ProjectStepEntry, ...]
    history: tuple[ProjectLineEntry, ...]
    coordinations: tuple[CoordinationEntry, ...]
    papers: tuple[PaperEntry, ...]
    LIMITS: ClassVar[dict[str, int]] = {
        "uid": 36, "project_no": 30, "site_code": 12, "desk_no": 4, "clerk": 60, "state": 16, "name": TEXT_MAX,
        "investor": TEXT_MAX, "county": 60, "facts": SNAPSHOT_MAX, "agents": TEXT_MAX, "end_reason": TEXT_MAX,
        "satisfaction": 16, "evaluation_note": TEXT_MAX,
    }  # fmt: skip
    COUNTS: ClassVar[dict[str, int]] = {
        "steps": LINES_MAX, "history": LINES_MAX, "coordinations": LINES_MAX, "papers": LINES_MAX,
    }  # fmt: skip

    @property
    def key(self) -> str:
        return self.uid
