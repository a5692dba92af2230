"""How a clerk asks for an earlier case (F7): by what the applicant has at hand, not only the full number.

An applicant who comes back for 补正, to collect a result or to ask "办到哪了" often has no paper: the clerk types
what they have — the receipt's barcode or full number, the last digits of the number, the ID number (or a company's
credit code), the phone number or the name, or a part of it (孟和 of 阿拉坦其其格·孟和巴雅尔) — and
:func:`read_lookup` tells which it is from its shape alone.
Anything but a full number is looked for among the cases received in a period the clerk chooses
(:data:`LOOKBACK_CHOICES`, :data:`LOOKBACK_DAYS` unless another is chosen): the cases a person comes back for,
read along an index however large the database.

What is found is listed with the applicant's ID number and phone, which tell two people of one name apart; they
are shown masked as on paper (:meth:`FoundCase.masked`) to whoever may not see them whole.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from counter.case.numbers import CASE_NO
from counter.case.status import CaseStatus
from counter.parties.identifiers import CREDIT_ALPHABET
from counter.parties.masking import mask_id, mask_phone
from counter.parties.text import NAME_DOTS

LOOKBACK_DAYS = 90  # a 补正 answered, a deferral completed, a result collected: all within three months of intake
#: the periods a clerk may look back over: a month, the usual three, half a year, a year
LOOKBACK_CHOICES = (30, LOOKBACK_DAYS, 182, 365)
SEQUENCE_WIDTH = 4  # the sequence at a case number's end is written with at least four digits (…-0007)
SEQUENCE_MARK = "-"  # what stands before the sequence in a case number
#: a name is looked for from its second character: a surname alone names a tenth of a league
NAME_MIN = 2

_ID_NUMBER = re.compile(r"^(\d{17}[\dX]|\d{15})$")
_CREDIT_CODE = re.compile(f"^[{CREDIT_ALPHABET}]{{18}}$")  # a company's 统一社会信用代码, its 一证
_PHONE = re.compile(r"^1\d{10}$")
_TAIL = re.compile(r"^\d{1,6}$")
_LATIN = re.compile(r"[A-Za-z]")
_MONGOLIAN = re.compile("[\u1820-\u18aa]")
#: the blanks between a name's words; not U+202F, which joins a Mongolian suffix to its word and is part of the name
_BLANKS = re.compile("[^\\S\u202f]+")


class LookupKind(StrEnum):
    CASE_NO = "case_no"  # the whole number: the case itself, whenever it was taken
    NUMBER_TAIL = "number_tail"  # the sequence at a number's end, as read off a paper or said aloud
    ID_NUMBER = "id_number"  # the applicant's ID number or credit code
    PHONE = "phone"
    NAME = "name"  # the applicant's name, or any part of it


@dataclass(frozen=True, slots=True)
class Lookup:
    kind: LookupKind
    text: str  # as compared: no spaces; a number upper case, a short tail padded to the sequence's width

    @property
    def too_short(self) -> bool:
        """A name of one character: a surname, which would list every case of a tenth of the people."""
        return self.kind is LookupKind.NAME and len(self.text) < NAME_MIN


_SHAPES = (  # in this order: a phone number is eleven digits, and no digits of a tail are a name
    (LookupKind.CASE_NO, CASE_NO),
    (LookupKind.ID_NUMBER, _ID_NUMBER),
    (LookupKind.PHONE, _PHONE),
    (LookupKind.NUMBER_TAIL, _TAIL),
    (LookupKind.ID_NUMBER, _CREDIT_CODE),
)


def read_lookup(raw: str) -> Lookup | None:
    """What the clerk typed, read as one kind of lookup; None when there is nothing to look for."""
    text = "".join(unicodedata.normalize("NFKC", raw).split()).upper()
    if not text:
        return None
    for kind, shape in _SHAPES:
        if shape.fullmatch(text):
            return Lookup(kind, text.zfill(SEQUENCE_WIDTH) if kind is LookupKind.NUMBER_TAIL else text)
    if text.isdigit() or "-" in text:
        return None  # digits of no shape a case has, or a number cut short: nothing sensible to look for
    return Lookup(LookupKind.NAME, _as_name(raw))


def _as_name(raw: str) -> str:
    """A name as the desk keeps it (NFC, the ID card's middle dot): a hanzi name without the spaces typed into it,
    a Latin one (Bayar Tsogt) or one in Mongolian script (ᠪᠠᠲᠤ ᠪᠠᠶᠠᠷ) with its words one space apart, each keeping
    its case, its variation selectors and the narrow space (U+202F) before a suffix."""
    name = unicodedata.normalize("NFC", raw).translate(NAME_DOTS)
    if _LATIN.search(name) or _MONGOLIAN.search(name):
        return _BLANKS.sub(" ", name).strip()
    return "".join(name.split())


def name_pairs(name: str) -> frozenset[str]:
    """Each pair of neighbouring characters of ``name`` (a name as kept, or one typed as :func:`read_lookup` reads it),
    Latin letters in lower case: a name holds what was typed only if it holds every pair of it, so F7 finds a name by
    any part of it of :data:`NAME_MIN` characters or more by the cases indexed under all of its pairs."""
    text = name.lower()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def since(today: dt.date, days: int) -> dt.date:
    """The first day of a lookup's period: the day ``days`` days before ``today``."""
    return today - dt.timedelta(days=days)


@dataclass(frozen=True, slots=True)
class FoundCase:
    """A case a lookup found: what tells it from the others of the same name or number.

    ``id_no`` and ``phone`` are whole only for whoever may see them so (the read masks them otherwise); ``phone``
    is the applicant's, or the number to notify when the applicant gave none.
    """

    case_no: str
    status: CaseStatus
    bundle_name: str
    applicant_name: str
    id_no: str
    phone: str
    received_on: dt.date
    desk_no: str
    #: the hall only received every item (its departments accept): the state is said as the case page says it
    #: (counter.actions.cases.received_cases); False from a program that did not tell
    only_received: bool = False

    def masked(self) -> FoundCase:
        """The ID number and phone as paper prints them (:mod:`counter.parties.masking`)."""
        return dataclasses.replace(
            self, id_no=mask_id(self.id_no) if self.id_no else "", phone=mask_phone(self.phone) if self.phone else ""
        )
