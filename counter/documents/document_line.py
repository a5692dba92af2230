"""A notice of a case as its page lists it: plain data read with the case, shown by the faces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocumentLine:
    """A notice of a case as the case page lists it."""

    document_id: int
    doc_no: str
    kind: str
    issued_on: dt.date
    prints: int
    failed_prints: int
    made_under: str = ""  # the settings it was made under, as kept for its reprint (its title follows them)

    @property
    def came_out(self) -> bool:
        """Whether a print of it came out of a printer (``prints`` counts the failed ones too): a paper printed, whose
        next print is a 重打, where one made and never printed, or whose prints all failed, is printed for the first
        time (:func:`counter.db.document_store.came_out`, the same rule)."""
        return self.prints > self.failed_prints
