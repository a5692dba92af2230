"""Mongolian written with 蒙科立 (Menksoft) codes, converted to standard Unicode.

Before Mongolian script was in Unicode, and still in many offices, Menksoft's input methods and fonts wrote one
private-use code point per *glyph*: an initial, a medial and a final ᠠ are three codes, U+E264-E26F.  Pasted from
such a document into a name or the office's name, the text is neither readable by another system nor drawn by the
shipped fonts (the receipt printed boxes).  Each such code is taken back to the letter it draws, with the free
variation selector (FVS1/FVS2) or vowel separator (MVS) that asks for the same form in Unicode, so the standard
shaping draws the word as the Menksoft font did.

The table: Menksoft's glyph codes U+E234-E34F as set out in mongol-library by Suragch (MIT licence;
https://github.com/suragch/mongol-library, ``MongolCode.java``: the ``Glyph`` codes and ``menksoftToUnicode``, as of
commit e9325acd, 2020-07-15), written here as ranges of one letter each (:data:`_LETTERS`) and the glyphs whose form
needs a selector (:data:`_FORMS`).  Three of its choices are kept: the dotted masculine ᠬ forms are ᠭ and the
undotted initial ᠭ forms ᠬ (Menksoft draws by shape, Unicode by letter), a medial ᠬ before a consonant is ᠭ, and
a space before a suffix's first glyph is the narrow no-break space U+202F that Unicode writes suffixes with.  A
plain final ᠰ (U+E2FF, which the library also names as FVS2) is kept without a selector.  Codes outside U+E234-E34F
(other vendors' codes, whose tables are not public) are left as they are: the text check refuses them
(:class:`counter.parties.text.TextProblem.PRIVATE_USE`).
"""

from __future__ import annotations

import re

FVS1, FVS2, MVS, NNBSP = "\u180b", "\u180c", "\u180e", "\u202f"

#: the codes Menksoft writes, first and last
FIRST, LAST = 0xE234, 0xE34F
MENKSOFT = re.compile(f"[{chr(FIRST)}-{chr(LAST)}]")

#: punctuation and digits, U+E234-E263, in code order
_PUNCTUATION = (
    "\u1800\u1801\u1802\u1803\u1804\u1805\u1806\u1807\u1808\u1809\u180a"  # birga … nirugu
    "\U00011660\U00011661\U00011662\U00011663"  # the birga with ornaments (Mongolian Supplement)
    "\u00b7"  # middle dot
    "\u1810\u1811\u1812\u1813\u1814\u1815\u1816\u1817\u1818\u1819"  # digits
    "\u2048\u2049\ufe15\ufe16\ufe14\ufe35\ufe36\ufe3f\ufe40\ufe39\ufe3a\ufe3d\ufe3e\ufe43\ufe44\ufe10"  # vertical
    "\u00d7\u203b\ufe32\ufe31"  # multiplication sign, reference mark, en and em dash
    " " + NNBSP  # the plain space and the suffix space
)

#: the letters, each from its first glyph code up to the next letter's
_LETTERS = (
    (0xE264, "\u1820"),  # a
    (0xE270, "\u1821"),  # e
    (0xE279, "\u1822"),  # i
    (0xE283, "\u1823"),  # o
    (0xE28B, "\u1824"),  # u
    (0xE293, "\u1825"),  # oe
    (0xE2A0, "\u1826"),  # ue
    (0xE2AD, "\u1827"),  # ee
    (0xE2B1, "\u1828"),  # na
    (0xE2BB, "\u1829"),  # ang
    (0xE2BF, "\u1828"),  # na again: its forms before ng
    (0xE2C1, "\u182a"),  # ba
    (0xE2C8, "\u182b"),  # pa
    (0xE2CE, "\u182c"),  # qa
    (0xE2E1, "\u182d"),  # ga
    (0xE2F1, "\u182e"),  # ma
    (0xE2F7, "\u182f"),  # la
    (0xE2FD, "\u1830"),  # sa
    (0xE303, "\u1831"),  # sha
    (0xE308, "\u1832"),  # ta
    (0xE30E, "\u1833"),  # da
    (0xE315, "\u1834"),  # cha
    (0xE318, "\u1835"),  # ja
    (0xE31E, "\u1836"),  # ya
    (0xE322, "\u1837"),  # ra
    (0xE329, "\u1838"),  # wa
    (0xE32D, "\u1839"),  # fa
    (0xE333, "\u183a"),  # ka
    (0xE339, "\u183b"),  # kha
    (0xE33F, "\u183c"),  # tsa
    (0xE342, "\u183d"),  # za
    (0xE345, "\u183e"),  # haa
    (0xE348, "\u183f"),  # zra
    (0xE34B, "\u1840"),  # lha
    (0xE34E, "\u1841"),  # zhi
    (0xE34F, "\u1842"),  # chi
)

#: glyphs that are another letter's, or a letter's form Unicode asks for with a selector or the separator
_FORMS = {
    0xE265: "\u1820" + FVS1, 0xE26E: "\u1820" + FVS1, 0xE267: "\u1820" + FVS2, 0xE26A: MVS + "\u1820",
    0xE272: "\u1821" + FVS1, 0xE274: MVS + "\u1821",
    0xE27D: "\u1822" + FVS1, 0xE281: "\u1836\u1822",  # the double tooth: ya and i
    0xE288: "\u1823" + FVS1, 0xE286: "\u1823" + FVS1,
    0xE290: "\u1824" + FVS1,
    0xE297: "\u1825" + FVS1, 0xE29B: "\u1825" + FVS2,
    0xE2A1: "\u1826" + FVS1, 0xE2A4: "\u1826" + FVS1, 0xE2A8: "\u1826" + FVS2,
    0xE2B6: "\u1828" + MVS, 0xE2B2: "\u1828" + FVS1, 0xE2B4: "\u1828" + FVS1,
    0xE2C4: "\u182a" + FVS1,
    0xE2CF: "\u182d", 0xE2D3: "\u182d", 0xE2D9: "\u182d", 0xE2D7: "\u182d",  # dotted masculine: ga
    0xE2E2: "\u182c", 0xE2E5: "\u182c",  # undotted initial: qa
    0xE2E9: "\u182d" + MVS,
    0xE300: "\u1830" + FVS1,
    0xE30C: "\u1832" + FVS1, 0xE30D: "\u1832" + FVS1,
    0xE310: "\u1833" + FVS1, 0xE312: "\u1833" + FVS1,
    0xE321: "\u1836" + FVS1,
}  # fmt: skip

#: a medial ᠬ before a consonant is written for ᠭ
_QA_BEFORE_CONSONANT = frozenset({0xE2D8, 0xE2DC, 0xE2DF})
_CONSONANTS = range(0xE2B1, LAST + 1)
#: a suffix's first glyph: the space before it is the narrow no-break space
_SUFFIX_STARTS = frozenset(
    {0xE267, 0xE27B, 0xE27E, 0xE280, 0xE282, 0xE289, 0xE28A, 0xE285, 0xE291, 0xE292, 0xE28D,
     0xE29E, 0xE29F, 0xE296, 0xE2AB, 0xE2AC, 0xE2A3, 0xE31F, 0xE321}
)  # fmt: skip


def _letter(code: int) -> str:
    found = _LETTERS[0][1]
    for start, letter in _LETTERS:
        if code < start:
            break
        found = letter
    return found


def _glyph(text: str, i: int, code: int) -> str:
    if code < _LETTERS[0][0]:
        return _PUNCTUATION[code - FIRST]
    if code in _QA_BEFORE_CONSONANT:
        after = ord(text[i + 1]) if i + 1 < len(text) else 0
        return "\u182d" if after in _CONSONANTS else "\u182c"
    return _FORMS.get(code) or _letter(code)


def from_menksoft(text: str) -> str:
    """``text`` with every Menksoft code as the Unicode letters it draws; other characters as they are."""
    if MENKSOFT.search(text) is None:
        return text
    out: list[str] = []
    for i, char in enumerate(text):
        code = ord(char)
        if FIRST <= code <= LAST:
            piece = _glyph(text, i, code)
            if piece.startswith(MVS) and out and out[-1].endswith(MVS):
                piece = piece[1:]
            out.append(piece)
        elif char == " " and i + 1 < len(text) and ord(text[i + 1]) in _SUFFIX_STARTS:
            out.append(NNBSP)
        else:
            out.append(char)
    return "".join(out)


def original_note(field: str, original: str) -> str:
    """A history line's note keeping a converted text's original: its field, then its code points
    ("applicant_name U+E2F2 U+E289"), which every font and every reader shows as they are."""
    return " ".join([field, *(f"U+{ord(char):04X}" for char in original)])
