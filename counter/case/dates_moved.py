"""A printed date binds the office: the deadlines a case told its applicant, and how new holiday data moves them.

A case's 容缺 due dates, its 补正 deadline and its promised completion date are printed on its paper, counted with
the holiday data of the day it was taken — beyond the data with the statutory holidays only, and marked so
("以较晚的日期为准，本文书所载期限不因此缩短").  When the office's holiday data changes (a year's notice imported, a day
edited), every such date of a case still open is counted again with the same rule from the same day
(:func:`counter.intake.recount.recount_dates`), and the date that governs is the later of the two:

* never earlier than what the paper said: a date told to the applicant is never shortened by later data, so an
  applicant who relied on it is never found late;
* never earlier than the real count either: a provisional date that fell inside the real holiday moves to where the
  working days really end, as the paper's note said it would.

A move is a history line (:data:`~counter.case.status.CaseEvent.DATES_MOVED`) whose note keeps each date moved, from
and to: the history is what sync carries, so the other site reads the same governing dates from it
(:func:`governed`), whatever its own copy of the case's columns says.  The site that counted again keeps its columns
at the governing dates too, so its lists and reminders need nothing of this module.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from counter.case.decisions import Line, awaited
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseView
from counter.intake.recount import Recount

PROMISED = "promised"  # the promised completion date (承诺办结日期)
CORRECTION = "correction"  # the deadline of a correction notice (补正期限)
#: any other key of a move is the code of a deferred material (容缺材料的补交期限)

#: the statuses whose dates are still open: a case at its departments (its promise), waiting for deferred materials
#: (their dates, its promise) or for the answer to a correction notice (its deadline)
OPEN_STATUSES = frozenset(
    {CaseStatus.ACCEPTED, CaseStatus.AWAITING_DEFERRED, CaseStatus.IN_APPROVAL, CaseStatus.CORRECTION_ISSUED}
)


@dataclass(frozen=True, slots=True)
class DateMove:
    """One date moved later: what it is the date of, the date it replaced and the date that governs now."""

    what: str  # PROMISED, CORRECTION or a material's code
    before: dt.date
    after: dt.date


def moves_note(moves: Iterable[DateMove]) -> str:
    """The note of a DATES_MOVED line: each date moved, ``{"what": [before, after]}``."""
    return json.dumps({m.what: [m.before.isoformat(), m.after.isoformat()] for m in moves}, sort_keys=True)


def read_moves(note: str) -> tuple[DateMove, ...]:
    """The moves a DATES_MOVED line's note keeps; none for a note that is not one."""
    try:
        carried = json.loads(note)
        moves = tuple(
            DateMove(str(what), dt.date.fromisoformat(before), dt.date.fromisoformat(after))
            for what, (before, after) in carried.items()
        )
    except (ValueError, TypeError, AttributeError):
        return ()
    return tuple(m for m in moves if m.after > m.before)


def moved_dates(history: Iterable[Line]) -> dict[str, dt.date]:
    """The latest date each move of the case's history gave, by what it is the date of."""
    latest: dict[str, dt.date] = {}
    for line in history:
        if line.event == CaseEvent.DATES_MOVED.value:
            for move in read_moves(line.note):
                latest[move.what] = max(move.after, latest.get(move.what, move.after))
    return latest


def _later(column: dt.date | None, moved: dt.date | None) -> dt.date | None:
    return column if moved is None or (column is not None and column >= moved) else moved


def governed(view: CaseView) -> CaseView:
    """The case with its dates as they govern: each the later of its column and the moves its history records."""
    moved = moved_dates(view.history)
    if not moved:
        return view
    materials = tuple(
        dataclasses.replace(m, due_on=_later(m.due_on, moved.get(m.code))) if m.due_on is not None else m
        for m in view.materials
    )
    return dataclasses.replace(
        view,
        promised_on=_later(view.promised_on, moved.get(PROMISED)),
        correction_due=_later(view.correction_due, moved.get(CORRECTION)),
        materials=materials,
    )


def open_dates(view: CaseView) -> Recount:
    """The dates of ``view`` (governed) a change of the holiday data may move: none once the case is closed."""
    if view.status not in OPEN_STATUSES:
        return Recount()
    if view.status is CaseStatus.CORRECTION_ISSUED:
        return Recount(correction=view.correction_due)
    deferred = {m.code: m.due_on for m in awaited(view.materials, view.history) if m.due_on is not None}
    return Recount(promised=view.promised_on, deferred=deferred)


def later_dates(now: Recount, recounted: Recount) -> tuple[DateMove, ...]:
    """The dates the recount gives later than those governing now: the moves to make (the others stand)."""
    pairs: list[tuple[str, dt.date | None, dt.date | None]] = [
        (PROMISED, now.promised, recounted.promised),
        (CORRECTION, now.correction, recounted.correction),
        *((code, due, recounted.deferred.get(code)) for code, due in sorted(now.deferred.items())),
    ]
    return tuple(DateMove(what, before, after) for what, before, after in pairs if before and after and after > before)
