"""A 准予's licence validity (GB/T 39046-2020 表 8 证照有效期限) kept at the tail of its decision's note.

The note is what the history, and so the township's package, carries: a note written before the validity was
recorded, as an older package holds it, reads as it always did, with no validity.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from counter.case.decisions import Validity, item_decisions, item_note, split_validity
from counter.case.status import CaseEvent

ITEM = "152201-YJS008-01"


class Line(NamedTuple):
    event: str
    note: str


def granted(note: str) -> Line:
    return Line(CaseEvent.ITEM_APPROVED.value, note)


def test_a_grants_validity_reads_back_beside_its_number() -> None:
    dated = item_note(ITEM, "JY11522010012345", validity=Validity(dt.date(2031, 5, 1)))
    decision = item_decisions([granted(dated)])[ITEM]
    assert (decision.text, decision.validity) == ("JY11522010012345", Validity(dt.date(2031, 5, 1)))
    long_term = item_decisions([granted(item_note(ITEM, "JY1", validity=Validity(None)))])[ITEM]
    assert (long_term.text, long_term.validity) == ("JY1", Validity(None))
    assert long_term.validity is not None
    assert long_term.validity.until is None  # 长期有效
    assert long_term.validity.reported() == "长期有效"
    assert Validity(dt.date(2031, 5, 1)).reported() == "2031-05-01"


def test_a_note_written_before_the_validity_was_kept_reads_as_none_recorded() -> None:
    old = f"{ITEM}：JY11522010012345"  # as a grant's note was written, and an older township package carries it
    decision = item_decisions([granted(old)])[ITEM]
    assert (decision.text, decision.validity) == ("JY11522010012345", None)
    assert item_note(ITEM, "JY11522010012345") == old  # a grant that gives none writes the note as before
    assert split_validity("") == ("", None)


def test_only_a_well_formed_mark_at_the_tail_is_read_and_never_in_a_denial() -> None:
    assert split_validity("JY1〔有效期至2031-13-01〕") == ("JY1〔有效期至2031-13-01〕", None)  # no such day
    assert split_validity("〔有效期至2031-05-01〕JY1") == ("〔有效期至2031-05-01〕JY1", None)
    denied = Line(CaseEvent.ITEM_DENIED.value, f"{ITEM}：场所不符〔长期有效〕")
    decision = item_decisions([denied])[ITEM]
    assert (decision.approved, decision.text, decision.validity) == (False, "场所不符〔长期有效〕", None)
