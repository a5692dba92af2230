"""Free text as the desk keeps it: one normalisation for names, addresses and notes, whatever door it came through.

A name is typed at the window, written in a ``counter case take`` request file, given to a command or sent in a
township's package; it ends up on a receipt, in the hall's lists, in the figures and in the next package.  So every
door holds it to the same rules, here:

* **NFC**, the composed form, so that one name is one string (``é`` typed two ways is one ``é``).  Compatibility
  folding (NFKC) is not applied to what is kept: a full-width digit in an address is what the applicant wrote.  It is
  applied to the skeleton names are compared on (:mod:`counter.parties.skeleton`).
* **No control characters**: C0 and C1 controls, NUL and DEL, the line and paragraph separators, and the
  noncharacters.  A note may hold line breaks (``\\n``); nothing else may.
* **No invisible characters**: Unicode's *default ignorable* code points (DerivedCoreProperties.txt,
  ``Default_Ignorable_Code_Point``: zero-width space, joiners, word joiner, soft hyphen, variation selectors, tag
  characters, the Hangul fillers …) and every other format character (general category Cf), written out
  here.  They show nothing, so a name holding one looks like a name without it and is not the same string: the
  check that keeps a township from rating a hall clerk compared "其\\u200b其格" with "其其格" and let it through.
* **No bidirectional controls** (LRM, RLM, ALM, the embeddings, overrides and isolates): they reorder what follows,
  so a line reads otherwise than it is stored ("Trojan Source").
* **Mongolian script keeps what it needs** (The Unicode Standard, chapter 13.5 *Mongolian*): the free variation
  selectors FVS1–FVS4 (U+180B–U+180D, U+180F) right after a Mongolian letter, the Mongolian vowel separator (MVS,
  U+180E) between a Mongolian letter and a final ᠠ or ᠡ, and ZWJ / ZWNJ beside a Mongolian letter (inside a word,
  or at its edge, where they choose a letter's joining form).  Anywhere else they are refused like any invisible
  character: "其\\u200d其格" has no Mongolian letter to join.
* **No private-use code points** (U+E000-F8FF and planes 15-16): they mean what one vendor's font draws there and
  nothing anywhere else; the receipt drew boxes.  Mongolian written with 蒙科立 (Menksoft) codes is first converted
  to the Unicode letters (:mod:`counter.parties.menksoft`); any other private-use code point is refused.
* **One 间隔号 in a person's name**: the ID card writes a transliterated name with U+00B7 (阿依古丽·买买提); the dots
  an input method offers beside it (``・`` U+30FB and U+FF65, ``•`` U+2022, ``‧`` U+2027, ``∙`` U+2219, ``⋅``
  U+22C5) look the same and are kept as it (:data:`NAME_DOTS`), so the name typed is the name on the card.
* **A length per field** (:data:`FIELD_LIMITS`, the one table): counted in characters (code points) after NFC.

The checks never raise: they return the kept value and the first problem, as codes with details (the position and
the code point), which the faces word (``counter.words.texts``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from counter.parties.menksoft import from_menksoft


class TextField(StrEnum):
    """The kinds of free text the desk takes, each with its limit in :data:`FIELD_LIMITS`."""

    PERSON_NAME = "person_name"
    ORGANISATION_NAME = "organisation_name"
    ADDRESS = "address"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class FieldLimit:
    most: int  # characters, after NFC
    lines: bool  # whether line breaks are part of it
    reason: str  # why this limit: for the reader of this table, never shown at the desk


#: The one table of lengths.  Each limit holds every real value the national forms have a line for, and stops a
#: pasted page (a 5,100-character "name" once printed a receipt twelve pages long, its first page blank).  Every
#: limit is within the sync package's own (:mod:`counter.sync.records`): what a desk takes, its package carries.
FIELD_LIMITS: dict[TextField, FieldLimit] = {
    TextField.PERSON_NAME: FieldLimit(
        50, False,
        "the 姓名 of the 居民身份证 and of the forms that repeat it (申请表, 授权委托书, 送达回证): hanzi names "
        "run two to four characters, transliterated names with their 间隔号 (阿依古丽·买买提·艾合买提江) "
        "some fifteen, a Mongolian-script name with its variation selectors some thirty; 50 keeps them all "
        "and stays on one line of a receipt",
    ),
    TextField.ORGANISATION_NAME: FieldLimit(
        100, False,
        "the 名称 of a company or organisation as its 营业执照 or 登记证书 gives it (area, 字号, trade, form, "
        "and a branch's name after its parent's): the longest run to some sixty characters; two lines of a "
        "receipt",
    ),
    TextField.ADDRESS: FieldLimit(
        120, False,
        "a 住所 or 邮寄地址 down to the room, as the forms take it (盟 旗 苏木 嘎查 街 号 楼 单元 室): "
        "forty to eighty characters; two lines of a receipt",
    ),
    TextField.NOTE: FieldLimit(
        500, True,
        "a note on a notice (what a material lacks, what was corrected, the body to turn to, what a "
        "授权委托书 covers): a paragraph typed at the window; a longer text is a material of its own",
    ),
}  # fmt: skip


class TextProblem(StrEnum):
    """What is wrong with a text.  Values are stable codes; the detail is data for the message."""

    CONTROL = "control"  # detail: position and code point, "3 U+0000"
    INVISIBLE = "invisible"  # detail: position and code point
    BIDI = "bidi"  # detail: position and code point
    TOO_LONG = "too_long"  # detail: the limit and the length, "50 5100"
    UNPRINTABLE = "unprintable"  # detail: position and code point: no shipped font draws it (counter.intake.parties)
    PRIVATE_USE = "private_use"  # detail: position and code point: a vendor's private code, not a Menksoft one


@dataclass(frozen=True, slots=True)
class TextCheck:
    """The text as kept (NFC, surrounding blanks dropped) and its first problem, if any."""

    value: str
    problem: TextProblem | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None


# --- the characters -----------------------------------------------------------------------------------------------

#: Default_Ignorable_Code_Point, DerivedCoreProperties.txt (Unicode 15.1), as ranges.
_DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)  # fmt: skip
#: General category Cf (UnicodeData.txt, Unicode 15.1) beyond the ranges above: the Arabic and Syriac number and
#: abbreviation marks, the interlinear annotation characters, the Kaithi and Egyptian format controls.  Written out
#: rather than asked of :mod:`unicodedata`, so a desk refuses the same characters whatever its Python's Unicode.
_OTHER_FORMAT = (
    (0x0600, 0x0605), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F),
)  # fmt: skip
#: C0 and C1 controls with NUL and DEL, the line and paragraph separators, half a surrogate pair, noncharacters.
_CONTROLS = (
    (0x0000, 0x001F), (0x007F, 0x009F), (0x2028, 0x2029), (0xD800, 0xDFFF), (0xFDD0, 0xFDEF), (0xFFFE, 0xFFFF),
    *((plane + 0xFFFE, plane + 0xFFFF) for plane in range(0x10000, 0x110000, 0x10000)),
)  # fmt: skip
#: the Private Use Area and the two supplementary private use planes: a vendor's own codes
_PRIVATE_USE = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))
#: Bidi_Control (PropList.txt): ALM, LRM, RLM, LRE…RLO, LRI…PDI.
BIDI_CONTROLS = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})

MONGOLIAN_LETTERS = frozenset({*range(0x1820, 0x1879), *range(0x1880, 0x18AB)})  # with Todo, Sibe, Manchu, Ali Gali
MONGOLIAN_FVS = frozenset({0x180B, 0x180C, 0x180D, 0x180F})
MVS = 0x180E
_MVS_FINALS = frozenset({0x1820, 0x1821})  # ᠠ ᠡ: the final vowels the MVS separates
ZWNJ, ZWJ = 0x200C, 0x200D


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(chr(low) if low == high else f"{chr(low)}-{chr(high)}" for low, high in ranges)


#: Every character a text may not hold somewhere: one search finds whether a text needs a closer look (nearly
#: every text does not), and where.
SUSPECT = re.compile(f"[{_char_class((*_CONTROLS, *_DEFAULT_IGNORABLE, *_OTHER_FORMAT, *_PRIVATE_USE))}]")


def private_use(cp: int) -> bool:
    """Whether the code point is a private one: what it stands for is one vendor's font's choice."""
    return any(low <= cp <= high for low, high in _PRIVATE_USE)


def invisible(cp: int) -> bool:
    """Whether the code point shows nothing: default ignorable (Unicode shows it as nothing when not supported, and
    mostly when it is), or a format character (see :data:`_OTHER_FORMAT`)."""
    return any(low <= cp <= high for low, high in (*_DEFAULT_IGNORABLE, *_OTHER_FORMAT))


def _mongolian_before(text: str, i: int) -> bool:
    """Whether a Mongolian letter comes before position ``i``, across variation selectors."""
    j = i - 1
    while j >= 0 and ord(text[j]) in MONGOLIAN_FVS:
        j -= 1
    return j >= 0 and ord(text[j]) in MONGOLIAN_LETTERS


def _mongolian_allows(text: str, i: int) -> bool:
    """Whether the invisible character at ``i`` is one Mongolian script needs where it stands."""
    cp = ord(text[i])
    after = ord(text[i + 1]) if i + 1 < len(text) else None
    if cp in MONGOLIAN_FVS:
        return i > 0 and ord(text[i - 1]) in MONGOLIAN_LETTERS
    if cp == MVS:
        return _mongolian_before(text, i) and after in _MVS_FINALS
    if cp in (ZWJ, ZWNJ):  # inside a word, or at its edge to show a letter's joining form on its own
        return _mongolian_before(text, i) or after in MONGOLIAN_LETTERS
    return False


def _character_problem(text: str, lines: bool) -> tuple[TextProblem, str] | None:
    for found in SUSPECT.finditer(text):
        i, cp = found.start(), ord(found.group())
        if cp == 0x0A and lines:
            continue
        if cp in BIDI_CONTROLS:
            return TextProblem.BIDI, f"{i + 1} U+{cp:04X}"
        if private_use(cp):
            return TextProblem.PRIVATE_USE, f"{i + 1} U+{cp:04X}"
        if not invisible(cp):
            return TextProblem.CONTROL, f"{i + 1} U+{cp:04X}"
        if not _mongolian_allows(text, i):
            return TextProblem.INVISIBLE, f"{i + 1} U+{cp:04X}"
    return None


#: the middle dots typed for a name's 间隔号, each kept as the ID card's U+00B7
NAME_DOTS = str.maketrans(dict.fromkeys("\u30fb\uff65\u2022\u2027\u2219\u22c5", "\u00b7"))


def check_text(value: str, field: TextField) -> TextCheck:
    """``value`` as the desk keeps it for ``field``, and its first problem.

    Line breaks of a note are kept as ``\\n`` (a ``\\r\\n`` typed elsewhere is one).  An empty value has no problem
    here: whether a field is required is the form's rule, not the text's.
    """
    limit = FIELD_LIMITS[field]
    text = value.replace("\r\n", "\n") if limit.lines else value
    text = unicodedata.normalize("NFC", from_menksoft(text)).strip()
    if field is TextField.PERSON_NAME:
        text = text.translate(NAME_DOTS)
    found = _character_problem(text, limit.lines)
    if found is not None:
        return TextCheck(text, *found)
    if len(text) > limit.most:
        return TextCheck(text, TextProblem.TOO_LONG, f"{limit.most} {len(text)}")
    return TextCheck(text)


def character_problem(value: str) -> tuple[TextProblem, str] | None:
    """The first character no single-line text may hold (a name, a clerk's, a material's), with its detail; or None.

    For texts whose length is another table's (a catalog's names, a package's columns): the characters alone.
    """
    return None if SUSPECT.search(value) is None else _character_problem(value, False)


def clean_text(value: str, field: TextField) -> str:
    """The text as kept, for a value already checked (or one whose problem is reported elsewhere)."""
    return check_text(value, field).value
