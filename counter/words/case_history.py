"""A case's history in words, for the window's case page and ``counter case show`` alike.

History notes are stored as codes (the outcome of an intake, the material codes that arrived, the item a
department's step was for): here they become the names the clerk knows, the same on either face.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from counter.case.same_day import NOTE_SAME_DAY
from counter.case.status import NOTE_CODES_JOIN, NOTE_DUE_REASON, CaseEvent, CaseStatus
from counter.case.view import CaseMaterialLine, HistoryLine
from counter.words.cases import converted_note_text, dates_moved_text
from counter.words.e_service import agreed_note_text, served_note_text
from counter.words.hand_over import hand_over_note_text
from counter.words.intake import taken_outcome_text
from counter.words.items import ITEM_STEP_EVENTS, step_note_text
from counter.words.lapses import early_lapse_text
from counter.words.pledges import revoked_note_text
from counter.words.punctuation import LIST_JOIN
from counter.words.same_day import SAME_DAY_NOTE
from counter.words.translate import tr
from counter.words.unprinted_papers import waiver_text

CASE_EXTENDED_NOTE = tr("新期限{due}：{reason}")

# history lines whose note lists material codes: what arrived, what lapsed
MATERIAL_EVENTS = frozenset(
    e.value
    for e in (
        CaseEvent.DEFERRED_ARRIVED,
        CaseEvent.DEFERRED_COMPLETE,
        CaseEvent.DEFERRAL_LAPSED,
        CaseEvent.DEFERRAL_PART_LAPSED,
    )
)


def material_names(materials: Iterable[CaseMaterialLine]) -> dict[str, str]:
    return {m.code: m.name for m in materials}


def names_of(codes: Iterable[str], names: Mapping[str, str]) -> str:
    return LIST_JOIN.join(names.get(code, code) for code in codes)


def history_note(  # noqa: PLR0911 - one answer per kind of line, read top to bottom
    line: HistoryLine, names: Mapping[str, str], items: Mapping[str, str] | None = None
) -> str:
    """The note of a history line in words: outcomes, material and item codes turned into names.

    ``names``: material names by code; ``items``: the bundle's item names by code.
    """
    if line.event == CaseEvent.TAKEN.value:  # a withdrawal at the window said as one, never 不予受理
        return taken_outcome_text(line.note, False, line.status_after == CaseStatus.WITHDRAWN.value)
    if line.event in MATERIAL_EVENTS:
        return names_of((c for c in line.note.split(NOTE_CODES_JOIN) if c), names)
    if line.event in ITEM_STEP_EVENTS:  # the decisions among them
        return step_note_text(line, items)
    if line.event == CaseEvent.ITEM_REVOKED.value:  # a licence taken back: the item by name, what the check found
        return revoked_note_text(line.note, items)
    if line.event == CaseEvent.TEXT_CONVERTED.value:  # a 蒙科立 original, by its code points
        return converted_note_text(line.note)
    if line.event == CaseEvent.PAPERS_WAIVED.value:  # the papers left unprinted, and the clerk's reason
        return waiver_text(line.note)
    if line.event == CaseEvent.E_SERVICE_AGREED.value:  # the means agreed to and its day
        return agreed_note_text(line.note)
    if line.event == CaseEvent.PAPER_SERVED_ONLINE.value:  # which paper, of which item, served on which day
        return served_note_text(line.note, dict(items or {}))
    if line.event in (CaseEvent.DEFERRAL_EXTENDED.value, CaseEvent.DATES_MOVED.value, CaseEvent.LAPSE_EARLY.value):
        return _later_dates(line, names)
    # a hand-over's in words; any other as it stands
    return SAME_DAY_NOTE if line.note == NOTE_SAME_DAY else hand_over_note_text(line.event, line.note, items)


def _later_dates(line: HistoryLine, names: Mapping[str, str]) -> str:
    """A deadline extended by a supervisor, dates moved by the holiday data or a lapse it showed early, in words."""
    if line.event == CaseEvent.DATES_MOVED.value:
        return dates_moved_text(line.note, names)
    if line.event == CaseEvent.LAPSE_EARLY.value:
        return early_lapse_text(line.note, names)
    due, sep, reason = line.note.partition(NOTE_DUE_REASON)
    return CASE_EXTENDED_NOTE.format(due=due, reason=reason) if sep else line.note
