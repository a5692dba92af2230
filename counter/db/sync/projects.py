"""帮您办 projects in sync packages: read from a township's rows, and taken in at the hall.

A project travels as a case does, by its ``uid``, with everything that belongs to it (:class:`ProjectRecord`).  But
where a case is merged part by part, a project is its site's own: the township registers and serves it, the hall
only reads it (for the monthly report it sends the league, say), and never moves it.  So the receiver takes the
project's row and its plan as the sender has them — the plan is rewritten whole where it is kept, too — and adds
the history and coordination lines it lacks, each known by what it says (:attr:`ProjectLineEntry.key`,
:attr:`CoordinationEntry.key`) and never changed, so a package taken twice, or an older one after a newer, adds
nothing twice.  A paper (one of each kind per project) is taken as sent.

Packages may be taken in out of their order (a township's second package before its first, both on the stick).  The
row and the plan never change without a history line (:mod:`counter.actions.projects.project_steps`), so the record
whose newest
line is the newest here carries the project's latest state: an older record adds the lines it has and leaves the
row and the plan as they are.

What the receiver refuses — a project of another site, one numbered outside the sender's series, one whose uid or
number belongs here to another project — waits on the review list with its reason
(:func:`counter.sync.sender_checks.check_project` and :func:`_held`); nothing of it is written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from sqlalchemy import delete, insert, update
from sqlalchemy.orm import Session

from counter.db.sync.tables import (
    PROJECT,
    PROJECT_COORD,
    PROJECT_LINE,
    PROJECT_PAPER,
    PROJECT_STEP,
    new_row_ids,
    select_in,
    utc,
)
from counter.sync.project_record import (
    CoordinationEntry,
    PaperEntry,
    ProjectLineEntry,
    ProjectRecord,
    ProjectStepEntry,
)
from counter.sync.sender_checks import Refusal, Sender, check_project

#: the columns of a project that a record carries as they are
PROJECT_FIELDS = (
    "uid", "project_no", "site_code", "desk_no", "clerk", "state", "name", "investor", "county", "investment",
    "facts", "agents", "applied_on", "accepted_on", "signed_on", "ended_on", "end_reason", "satisfaction",
    "evaluation_note", "evaluated_on", "created_at",
)  # fmt: skip
STEP_FIELDS = (
    "no", "item_no", "name", "department", "stage", "expected_on", "filed_on", "done_on", "case_no", "result_no",
    "joint",
)  # fmt: skip
LINE_FIELDS = ("at", "event", "by", "note")
COORD_FIELDS = ("day", "with_whom", "what", "outcome", "agent", "step_no")
PAPER_FIELDS = ("kind", "doc_no", "issued_on", "clerk", "office", "content_hash", "created_at")
PROJECT_NO_TAKEN = (
    "project_no_taken"  # another project here has the number (counter.actions.sync.sync_apply.HoldReason)
)


# --- read: the sender's projects ------------------------------------------------------------------


def project_records(session: Session, ids: Sequence[int]) -> list[ProjectRecord]:
    """The projects ``ids`` as records, with their plans, lines, coordinations and papers, in five statements."""
    if not ids:
        return []
    steps: dict[int, list[ProjectStepEntry]] = defaultdict(list)
    lines: dict[int, list[ProjectLineEntry]] = defaultdict(list)
    coords: dict[int, list[CoordinationEntry]] = defaultdict(list)
    papers: dict[int, list[PaperEntry]] = defaultdict(list)
    for s in sorted(select_in(session, (PROJECT_STEP,), PROJECT_STEP.c.project_id, ids), key=attrgetter("no")):
        steps[s.project_id].append(ProjectStepEntry(*(getattr(s, name) for name in STEP_FIELDS)))
    for x in sorted(select_in(session, (PROJECT_LINE,), PROJECT_LINE.c.project_id, ids), key=attrgetter("id")):
        lines[x.project_id].append(ProjectLineEntry(utc(x.at), x.event, x.by, x.note))
    for c in sorted(select_in(session, (PROJECT_COORD,), PROJECT_COORD.c.project_id, ids), key=attrgetter("id")):
        coords[c.project_id].append(CoordinationEntry(*(getattr(c, name) for name in COORD_FIELDS)))
    for p in sorted(select_in(session, (PROJECT_PAPER,), PROJECT_PAPER.c.project_id, ids), key=attrgetter("kind")):
        papers[p.project_id].append(
            PaperEntry(p.kind, p.doc_no, p.issued_on, p.clerk, p.office, p.content_hash, utc(p.created_at))
        )
    rows = sorted(select_in(session, (PROJECT,), PROJECT.c.id, ids), key=attrgetter("id"))
    return [
        ProjectRecord(
            **{name: getattr(r, name) for name in PROJECT_FIELDS if name != "created_at"},
            created_at=utc(r.created_at),
            steps=tuple(steps[r.id]),
            history=tuple(lines[r.id]),
            coordinations=tuple(coords[r.id]),
            papers=tuple(papers[r.id]),
        )
        for r in rows
    ]


# --- apply: the receiver's copy ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HeldProject:
    """A project that cannot go in here, with the reason code and a detail for the review list."""

    record: ProjectRecord
    reason: str  # project_no_taken, or a Refusal
    detail: str


@dataclass(slots=True)
class ProjectsApplied:
    applied: list[str] = field(default_factory=list)  # uids
    unchanged: list[str] = field(default_factory=list)
    held: list[HeldProject] = field(default_factory=list)


def apply_projects(session: Session, records: Sequence[ProjectRecord], sender: Sender) -> ProjectsApplied:
    """Take the projects in: new ones written, known ones brought to the sender's state; the others held.

    Decisions never depend on the records' order: two uids with one number are settled for the smaller uid.
    """
    result = ProjectsApplied()
    records = sorted(records, key=attrgetter("uid"))
    here = {
        row.uid: row
        for row in select_in(
            session, (PROJECT.c.uid, PROJECT.c.id, PROJECT.c.site_code, PROJECT.c.project_no), PROJECT.c.uid,
            [r.uid for r in records],
        )
    }  # fmt: skip
    held = _held(session, records, sender, here)
    result.held.extend(held)
    good = [r for r in records if r.uid not in {h.record.uid for h in held}]
    new = [r for r in good if r.uid not in here]
    ids = {r.uid: here[r.uid].id for r in good if r.uid in here}
    ids |= dict(zip([r.uid for r in new], new_row_ids(session, PROJECT, len(new)), strict=True))
    if new:
        session.execute(insert(PROJECT), [{"id": ids[r.uid], **_project_values(r)} for r in new])
    changed = {r.uid for r in new}
    lines_here = _lines_here(session, [ids[r.uid] for r in good if r.uid in here])
    latest = [r for r in good if not _older(r, lines_here.get(ids[r.uid], ()))]
    changed |= _update_rows(session, [r for r in latest if r.uid in here], ids)
    changed |= _replace_plans(session, latest, ids, {r.uid for r in new})
    changed |= _add_lines(session, good, ids, lines_here)
    changed |= _add_coordinations(session, good, ids)
    changed |= _take_papers(session, good, ids)
    for r in good:
        (result.applied if r.uid in changed else result.unchanged).append(r.uid)
    return result


def _held(
    session: Session, records: Sequence[ProjectRecord], sender: Sender, here: dict[str, Any]
) -> list[HeldProject]:
    """The records that may not go in: not the sender's, or whose uid or number is another project's here."""
    held: list[HeldProject] = []
    numbers = {
        row.project_no: row.uid
        for row in select_in(
            session, (PROJECT.c.project_no, PROJECT.c.uid), PROJECT.c.project_no, [r.project_no for r in records]
        )
    }
    for r in records:
        found = check_project(r, sender)
        if found is not None:
            held.append(HeldProject(r, found.reason.value, found.detail))
            continue
        mine = here.get(r.uid)
        if mine is not None and (mine.site_code, mine.project_no) != (r.site_code, r.project_no):
            detail = f"{r.uid} is {mine.project_no} of {mine.site_code} here"
            held.append(HeldProject(r, Refusal.NOT_OWN_PROJECT.value, detail))
            continue
        owner = numbers.setdefault(r.project_no, r.uid)
        if owner != r.uid:
            held.append(HeldProject(r, PROJECT_NO_TAKEN, f"{r.project_no} belongs to {owner}"))
    return held


def _project_values(record: ProjectRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in PROJECT_FIELDS}


def _update_rows(session: Session, known: Sequence[ProjectRecord], ids: dict[str, int]) -> set[str]:
    """Bring the projects already here to the sender's row; the uids whose row changed."""
    if not known:
        return set()
    rows = {r.id: r for r in select_in(session, (PROJECT,), PROJECT.c.id, [ids[r.uid] for r in known])}
    changed = set()
    for record in known:
        row = rows[ids[record.uid]]
        values = _project_values(record)
        now = {name: getattr(row, name) for name in PROJECT_FIELDS} | {"created_at": utc(row.created_at)}
        if now != values:
            session.execute(update(PROJECT).where(PROJECT.c.id == row.id).values(**values))
            changed.add(record.uid)
    return changed


def _replace_plans(session: Session, records: Sequence[ProjectRecord], ids: dict[str, int], new: set[str]) -> set[str]:
    """Each project's plan as sent (rewritten whole, as the sender rewrites it); the uids whose plan changed."""
    have: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    known = [ids[r.uid] for r in records if r.uid not in new]
    for s in select_in(session, (PROJECT_STEP,), PROJECT_STEP.c.project_id, known):
        have[s.project_id].append(tuple(getattr(s, name) for name in STEP_FIELDS))
    changed, rows = set(), []
    for r in records:
        sent = [tuple(getattr(s, name) for name in STEP_FIELDS) for s in r.steps]
        if sorted(have[ids[r.uid]]) == sorted(sent):
            continue
        if have[ids[r.uid]]:
            session.execute(delete(PROJECT_STEP).where(PROJECT_STEP.c.project_id == ids[r.uid]))
        rows += [{"project_id": ids[r.uid], **dict(zip(STEP_FIELDS, values, strict=True))} for values in sent]
        if r.uid not in new:
            changed.add(r.uid)
    if rows:
        session.execute(insert(PROJECT_STEP), rows)
    return changed


def _lines_here(session: Session, project_ids: Sequence[int]) -> dict[int, set[tuple[Any, ...]]]:
    """The keys of the history lines each project here has (:attr:`ProjectLineEntry.key`), by its row id."""
    have: dict[int, set[tuple[Any, ...]]] = defaultdict(set)
    for x in select_in(session, (PROJECT_LINE.c.project_id, PROJECT_LINE.c.at, PROJECT_LINE.c.event,
                                 PROJECT_LINE.c.by), PROJECT_LINE.c.project_id, project_ids):  # fmt: skip
        have[x.project_id].add((utc(x.at), x.event, x.by))
    return have


def _older(record: ProjectRecord, keys_here: Collection[tuple[Any, ...]]) -> bool:
    """Whether the project here has a line newer than any of the record's: the record is of an older package."""
    if not keys_here:
        return False
    newest_sent = max((x.at for x in record.history), default=None)
    return newest_sent is None or max(key[0] for key in keys_here) > newest_sent


def _add_lines(
    session: Session, records: Sequence[ProjectRecord], ids: dict[str, int], have: dict[int, set[tuple[Any, ...]]]
) -> set[str]:
    """The history lines each project lacks here, by (at, event, by); the uids of existing projects given some."""
    changed, rows = set(), []
    for r in records:
        keys = have.setdefault(ids[r.uid], set())
        for line in r.history:
            if line.key in keys:
                continue
            keys.add(line.key)  # a line twice in one record goes in once
            rows.append({"project_id": ids[r.uid], **{name: getattr(line, name) for name in LINE_FIELDS}})
            changed.add(r.uid)
    if rows:
        session.execute(insert(PROJECT_LINE), rows)
    return changed


def _add_coordinations(session: Session, records: Sequence[ProjectRecord], ids: dict[str, int]) -> set[str]:
    """The coordinations each project lacks here, by (day, with whom, what); the uids given some."""
    have: dict[int, set[tuple[Any, ...]]] = defaultdict(set)
    for c in select_in(session, (PROJECT_COORD,), PROJECT_COORD.c.project_id, [ids[r.uid] for r in records]):
        have[c.project_id].add((c.day, c.with_whom, c.what))
    changed, rows = set(), []
    for r in records:
        keys = have[ids[r.uid]]
        for c in r.coordinations:
            if c.key in keys:
                continue
            keys.add(c.key)
            rows.append({"project_id": ids[r.uid], **{name: getattr(c, name) for name in COORD_FIELDS}})
            changed.add(r.uid)
    if rows:
        session.execute(insert(PROJECT_COORD), rows)
    return changed


def _take_papers(session: Session, records: Sequence[ProjectRecord], ids: dict[str, int]) -> set[str]:
    """Each paper as sent, one of each kind per project (the sender's record of it wins); the uids changed."""
    have: dict[tuple[int, str], Any] = {}
    for p in select_in(session, (PROJECT_PAPER,), PROJECT_PAPER.c.project_id, [ids[r.uid] for r in records]):
        have[(p.project_id, p.kind)] = p
    changed, rows = set(), []
    for r in records:
        for paper in r.papers:
            values = {name: getattr(paper, name) for name in PAPER_FIELDS}
            row = have.get((ids[r.uid], paper.kind))
            if row is None:
                rows.append({"project_id": ids[r.uid], **values})
                changed.add(r.uid)
                continue
            now = {name: getattr(row, name) for name in PAPER_FIELDS} | {"created_at": utc(row.created_at)}
            if now != values:
                session.execute(update(PROJECT_PAPER).where(PROJECT_PAPER.c.id == row.id).values(**values))
                changed.add(r.uid)
    if rows:
        session.execute(insert(PROJECT_PAPER), rows)
    return changed
