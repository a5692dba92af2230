"""The skeleton of a name: what it looks like, for telling whether two names are meant to be the same person.

A name is kept as typed (:mod:`counter.parties.text`), but where a name *attributes* something — a rating counted
against a clerk, an account acting under a name — two names that look alike must count as one, or a look-alike
passes for the real person: "其其格" with a zero-width space in it, with a variation selector after it, in
full-width or with a Cyrillic letter for a Latin one is a different string and the same name on every screen.

The skeleton is UTS #39's idea (*Unicode Security Mechanisms*, section 4, "Confusable Detection": ``skeleton(X)``)
with a small table instead of the full data file:

1. NFKC: full-width and half-width forms, CJK compatibility ideographs (U+F900…, U+2F800…) and Kangxi radicals
   fold to the ordinary character;
2. every default-ignorable code point and every format character is dropped (zero-width space, joiners, variation
   selectors, tags, bidi controls, the Mongolian variation selectors), and every space and name separator: "其其 格"
   and "阿依古丽·买买提" / "阿依古丽・买买提" are one name each;
3. the look-alikes of :data:`CONFUSABLES` are mapped to their prototype and the result case-folded.

:data:`CONFUSABLES` is taken from ``confusables.txt`` of UTS #39 (Unicode 15.1), keeping the entries a hall meets:
the Cyrillic and Greek letters that look like Latin ones (IDs, logins and romanised names are Latin), the digits
``0 1`` (``O l``), and the katakana that look like hanzi (口 工 力 夕 二 八 卜 一), which a Japanese input mode
types.  A look-alike outside the table is not caught: the table is meant to grow where a hall meets one.
"""

from __future__ import annotations

import unicodedata

from counter.parties.text import invisible

#: source → prototype, from UTS #39 confusables.txt (see the module's docstring)
CONFUSABLES: dict[str, str] = {
    # Cyrillic capitals and small letters
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
    "Ѕ": "S", "І": "I", "Ј": "J", "Ү": "Y", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "l",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ɡ": "g",
    # Greek capitals and small letters
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X",
    "α": "a", "ο": "o", "ν": "v", "ι": "i", "ρ": "p", "υ": "u",
    # Latin digits that read as letters (a capital I is an i once case is folded, as names are compared)
    "0": "O", "1": "l",
    # katakana that look like hanzi
    "ロ": "口", "エ": "工", "カ": "力", "タ": "夕", "ニ": "二", "ハ": "八", "ト": "卜", "ー": "一",
}  # fmt: skip
_TABLE = str.maketrans(CONFUSABLES)
#: dropped: they separate the parts of a name, they are not part of it (as counter.parties.names keeps them)
SEPARATORS = frozenset("·•・‧∙⋅.-_")


def _dropped(c: str) -> bool:
    return c.isspace() or c in SEPARATORS or invisible(ord(c))


def skeleton(name: str) -> str:
    """What ``name`` looks like: equal for two names a reader cannot tell apart (as far as the table goes)."""
    folded = unicodedata.normalize("NFKC", name)
    kept = "".join(c for c in folded if not _dropped(c))
    return unicodedata.normalize("NFKC", kept.translate(_TABLE)).casefold().translate(_TABLE)


def same_name(a: str, b: str) -> bool:
    """Whether two names look the same (their skeletons are equal; an empty name is nobody's)."""
    found = skeleton(a)
    return bool(found) and found == skeleton(b)
