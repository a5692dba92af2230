"""Phrases a wrapping label keeps on one line: a date, a key and what it does, a guide's version.

Chinese text may break between any two characters, and Qt breaks it wherever the line ends: at 150 % text or on a
1024-wide screen the intake said 承诺办结日期：2026年12 / 月4日, 有效 / 期, 指 / 南第 1 版 and 9 / 拍照并注明已核对原件,
a date or a word cut in two that an elderly applicant reads back wrong.  A word joiner (U+2060, drawn as nothing)
between the characters of such a phrase, and a no-break space for its spaces, forbid a break inside it, so the line
breaks before the phrase instead.  A label lets a run it may not break overflow its edge, so only short runs are
kept whole (:data:`LONGEST`).
"""

from __future__ import annotations

from counter.words.translate import tr

#: Unicode's WORD JOINER: no break on either side of it, and no width
WORD_JOINER = "\u2060"
#: a space Qt never breaks at (it breaks at an ordinary space whatever joins it): 出生 / 1985年5月5日 no more
NO_BREAK_SPACE = "\u00a0"
#: the gap between the parts of a line of facts or keys (an ideographic space): a line may break there; a word of
#: the catalogue, as a language with spaces between its words gives its own gap
PART_GAP = tr("\u3000")
#: the dots between the parts of a name written in hanzi (阿拉坦其其格·孟和巴雅尔): the one place a name may break
NAME_DOTS = "·•・‧"
#: Unicode's ZERO WIDTH SPACE: a break allowed, drawn as nothing
BREAK_HERE = "\u200b"
#: the longest run kept whole.  A label wraps by words and lets a word wider than its line run past the edge, cut
#: off; fourteen characters fit the intake's narrowest column at 150 % text, and a longer run (a 签发机关 of twenty
#: characters) keeps its breaks, so it wraps rather than being cut.
LONGEST = 14


def unbroken(phrase: str, breaks_before: str = "") -> str:
    """``phrase`` as one unit for line breaking: it moves to the next line whole, never split; but for a break left
    before each character of ``breaks_before`` (至 in 2016年8月1日至2036年8月1日, a range a narrow line may need to
    split), and in a run longer than :data:`LONGEST`."""
    runs = [""]
    for char in phrase:
        if char in breaks_before and runs[-1]:
            runs.append("")
        runs[-1] += char
    return "".join(_kept(run) if len(run) <= LONGEST else run for run in runs)


def _kept(run: str) -> str:
    return WORD_JOINER.join(run.replace(" ", NO_BREAK_SPACE))


def unbroken_parts(line: str, gap: str = PART_GAP, breaks_before: str = "") -> str:
    """A line of parts set apart by ``gap``: it may break at a gap, never inside a part (``breaks_before``: as
    :func:`unbroken`)."""
    return gap.join(unbroken(part, breaks_before) for part in line.split(gap))


def unbroken_name(name: str) -> str:
    """A person's name as units for line breaking: whole, but for a break after each dot between its parts, where a
    line may end (阿拉坦其其格· / 孟和巴雅尔), the dot kept with the part before it, as a name is written across
    lines."""
    parts, part = [], ""
    for char in name:
        part += char
        if char in NAME_DOTS:
            parts.append(part)
            part = ""
    return BREAK_HERE.join(unbroken(each) for each in (*parts, part) if each)
