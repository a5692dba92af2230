"""How a clerk asks for an earlier case (F7): by what the applicant has at hand, not only the full number.

An applicant who comes back for 补正, to collect a result or to ask "办到哪了" often has no paper: the clerk types
what they have — the receipt's barcode or full number, the last digits of the number, the ID number, the phone
number or the name — and :func:`read_lookup` tells which it is from its shape alone.  Anything but a full number is
looked for among the cases received in the last :data:`LOOKBACK_DAYS` days: the cases a person comes back for, read
along the day's index however large the database.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from counter.case.numbers import CASE_NO

LOOKBACK_DAYS = 90  # a 补正 answered, a deferral completed, a result collected: all within three months of intake
SEQUENCE_WIDTH = 4  # the sequence at a case number's end is written with at least four digits (…-0007)

_ID_NUMBER = re.compile(r"^(\d{17}[\dX]|\d{15})$")
_PHONE = re.compile(r"^1\d{10}$")
_TAIL = re.compile(r"^\d{1,6}$")


class LookupKind(StrEnum):
    CASE_NO = "case_no"  # the whole number: the case itself, whenever it was taken
    NUMBER_TAIL = "number_tail"  # the last digits of a number, as read off a paper or said aloud
    ID_NUMBER = "id_number"
    PHONE = "phone"
    NAME = "name"  # the applicant's name, or its beginning


@dataclass(frozen=True, slots=True)
class Lookup:
    kind: LookupKind
    text: str  # as compared: no spaces; a number upper case, a short tail padded to the sequence's width


_SHAPES = (  # in this order: a phone number is eleven digits, and no digits of a tail are a name
    (LookupKind.CASE_NO, CASE_NO),
    (LookupKind.ID_NUMBER, _ID_NUMBER),
    (LookupKind.PHONE, _PHONE),
    (LookupKind.NUMBER_TAIL, _TAIL),
)


def read_lookup(raw: str) -> Lookup | None:
    """What the clerk typed, read as one kind of lookup; None when there is nothing to look for."""
    typed = "".join(unicodedata.normalize("NFKC", raw).split())
    text = typed.upper()
    if not text:
        return None
    for kind, shape in _SHAPES:
        if shape.fullmatch(text):
            return Lookup(kind, text.zfill(SEQUENCE_WIDTH) if kind is LookupKind.NUMBER_TAIL else text)
    if text.isdigit() or "-" in text:
        return None  # digits of no shape a case has, or a number cut short: nothing sensible to look for
    return Lookup(LookupKind.NAME, typed)  # a name as it was written (a Latin one keeps its case)
