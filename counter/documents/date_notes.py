"""The notes under a paper's dates: provisional ones, and those a change of the holiday data moved later.

A paper that quotes a date computed beyond the holiday data says so, and that the later date governs
(``以较晚的日期为准``): the mark is the case's, stored when it was taken (``dates_beyond_data``), not the calendar's of
today, so a reprint after the year's arrangement was imported still carries it.  A paper that quotes a date the
arrangement moved later (:mod:`counter.case.dates_moved`) prints the governing date, what the applicant must meet,
and says beside it which date it replaced.
"""

from __future__ import annotations

from collections.abc import Collection

from counter.case.dates_moved import DateMove, read_moves
from counter.case.status import CaseEvent
from counter.case.view import CaseView
from counter.documents import words as paper
from counter.documents.data import Block, Text
from counter.documents.words import date_text


def provisional(case: CaseView) -> list[Block]:
    """The line under the dates when they are provisional: computed where only the statutory holidays were known."""
    return [Text(paper.DOC_PROVISIONAL_DATES, indent=False)] if case.dates_beyond_data else []


def moved(case: CaseView, quoted: Collection[str]) -> list[Block]:
    """The line under the dates when some of those the paper quotes (``quoted``: ``promised``, ``correction`` or
    materials' codes) were moved later: each from the date first told to the one that governs."""
    spans: dict[str, DateMove] = {}
    for line in case.history:
        if line.event != CaseEvent.DATES_MOVED.value:
            continue
        for move in read_moves(line.note):
            if move.what in quoted:
                first = spans.get(move.what, move)
                spans[move.what] = DateMove(move.what, min(first.before, move.before), max(first.after, move.after))
    if not spans:
        return []
    names = {m.code: m.name for m in case.materials}
    said = paper.DOC_DATE_MOVED_JOIN.join(
        paper.DOC_DATE_MOVED.format(
            what=paper.DOC_DATE_MOVED_WHAT.get(what)
            or paper.DOC_DATE_MOVED_MATERIAL.format(name=names.get(what, what)),
            before=date_text(span.before),
            after=date_text(span.after),
        )
        for what, span in spans.items()
    )
    return [Text(paper.DOC_DATES_MOVED.format(moves=said), indent=False)]
