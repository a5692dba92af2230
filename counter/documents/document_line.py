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
