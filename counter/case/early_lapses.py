"""A lapse found before the date that governs it: what new holiday data shows of lapses already recorded.

A 容缺 lapse (the items its materials serve denied, seed 001 第十六条(三)) or a 补正 lapse (视为放弃申请) is lawful
only from the next working day after the governing due date: the later of the printed date and the one the year's
notice gives (domain §11).  A lapse recorded on a provisional date may turn out early once the notice is in — before
the rule that refuses it (:mod:`counter.case.provisional_lapse`), or where the data changed in a way no notice had
before.  The act stands until its deciding body takes it back: a 不予批准 that was premature is corrected by the body
that made it (行政许可法 第七条 gives the applicant the remedies; the body's own correction, 自行纠正, comes first and
costs the applicant nothing), so the case keeps a history line (:data:`~counter.case.status.CaseEvent.LAPSE_EARLY`)
naming each date, the deciding bodies list it, and the applicant is told.

The line's note keeps, for each lapse found early, what lapsed (a material's code, or :data:`CORRECTION`), the day
it was recorded, the date that governs now and the first day a lapse was lawful: ``{"what": [lapsed, due, first]}``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from counter.case.dates_moved import CORRECTION
from counter.case.decisions import Line
from counter.case.status import NOTE_CODES_JOIN, CaseEvent

#: the history lines that record a lapse, and what lapsed (a correction, or the materials of the note)
LAPSE_EVENTS = frozenset(
    {CaseEvent.DEFERRAL_LAPSED.value, CaseEvent.DEFERRAL_PART_LAPSED.value, CaseEvent.CORRECTION_LAPSED.value}
)


@dataclass(frozen=True, slots=True)
class EarlyLapse:
    """One lapse recorded on ``lapsed_on``, before ``first_day``: the next working day after ``due``, its date now."""

    what: str  # CORRECTION or a deferred material's code
    lapsed_on: dt.date
    due: dt.date
    first_day: dt.date


def lapsed_what(line: Line) -> tuple[str, ...]:
    """What a lapse line found lapsed: the correction, or the deferred materials its note names."""
    if line.event == CaseEvent.CORRECTION_LAPSED.value:
        return (CORRECTION,)
    if line.event in LAPSE_EVENTS:
        return tuple(code for code in line.note.split(NOTE_CODES_JOIN) if code)
    return ()


def early(what: str, lapsed_on: dt.date, due: dt.date, first_day: dt.date) -> EarlyLapse | None:
    """The lapse of ``what`` on ``lapsed_on`` as found early, if it was before ``first_day``."""
    return EarlyLapse(what, lapsed_on, due, first_day) if lapsed_on < first_day else None


def early_note(found: Iterable[EarlyLapse]) -> str:
    """The note of a LAPSE_EARLY line."""
    return json.dumps(
        {f.what: [f.lapsed_on.isoformat(), f.due.isoformat(), f.first_day.isoformat()] for f in found},
        sort_keys=True,
    )


def read_early(note: str) -> tuple[EarlyLapse, ...]:
    """The lapses a LAPSE_EARLY line's note keeps; none for a note that is not one."""
    try:
        return tuple(
            EarlyLapse(str(what), *(dt.date.fromisoformat(day) for day in days))
            for what, days in json.loads(note).items()
        )
    except (ValueError, TypeError, AttributeError):
        return ()


def found_early(history: Iterable[Line]) -> tuple[EarlyLapse, ...]:
    """Every lapse the case's history records as found early, in the order found."""
    return tuple(f for line in history if line.event == CaseEvent.LAPSE_EARLY.value for f in read_early(line.note))


def not_yet_found(found: Iterable[EarlyLapse], history: Iterable[Line]) -> tuple[EarlyLapse, ...]:
    """The lapses of ``found`` not on record yet at the date they have now (new data again: nothing twice)."""
    known = {(f.what, f.lapsed_on, f.due) for f in found_early(history)}
    return tuple(f for f in found if (f.what, f.lapsed_on, f.due) not in known)
