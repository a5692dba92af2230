"""Text broken into lines by the columns a terminal shows it in, for Chinese as for English.

argparse (through :mod:`textwrap`) counts characters and breaks only at spaces: a Chinese help of 50 characters is
100 columns wide on the screen, and a sentence without a space is never broken, so ``counter office -h`` ran past an
80-column terminal on almost every line.  Here a wide character (汉字, full-width punctuation) counts two columns and
a line may break before or after one, as Chinese is set; a run of other characters (``--item``, ``2027-01-01``, a web
address) stays whole.  A line does not begin with a closing mark (，。；）…) nor end with an opening one (（“…): the
character before is carried down with it, as Chinese typesetting does (避头尾), unless the marks alone are wider than
the line.
"""

from __future__ import annotations

import unicodedata

__all__ = ["columns", "wrapped"]

# marks a line may not begin with, and marks it may not end with
_NO_START = frozenset("，。、；：？！）」』”’》〉】％·…—,.;:?!)]}%")
_NO_END = frozenset("（「『“‘《〈【([{")


def _wide(char: str) -> bool:
    """Wide, or the punctuation Chinese shares with other scripts (“”…—), which a Chinese font draws wide: counted
    so, a line is never wider than the screen, whichever width the terminal gives them."""
    width = unicodedata.east_asian_width(char)
    return width in "WF" or (width == "A" and unicodedata.category(char).startswith("P"))


def columns(text: str) -> int:
    """How many columns ``text`` takes on a terminal: two for a wide character, one for any other."""
    return sum(2 if _wide(char) else 1 for char in text)


def _pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` as the pieces a line may break between, each with whether a space stood before it: a wide character
    alone, or a run of other characters up to a space or a wide character."""
    pieces: list[tuple[str, bool]] = []
    run, run_spaced, spaced = "", False, False
    for char in text:
        if char.isspace() or _wide(char):
            if run:
                pieces.append((run, run_spaced))
                run = ""
            if char.isspace():
                spaced = True
            else:
                pieces.append((char, spaced))
                spaced = False
        else:
            if not run:
                run_spaced, spaced = spaced, False
            run += char
    if run:
        pieces.append((run, run_spaced))
    return pieces


def _line(pieces: list[tuple[str, bool]]) -> str:
    return "".join((" " if spaced and n else "") + piece for n, (piece, spaced) in enumerate(pieces))


def wrapped(text: str, width: int) -> list[str]:
    """``text`` (its runs of white space as one space) as lines at most ``width`` columns wide; a run of narrow
    characters wider than ``width`` has a line of its own, unbroken."""
    lines: list[list[tuple[str, bool]]] = []
    line: list[tuple[str, bool]] = []
    for piece, spaced in _pieces(text):
        if line and columns(_line([*line, (piece, spaced)])) > width:
            # carry down what may not end a line, and what must stand before a mark that may not begin one
            carried: list[tuple[str, bool]] = []
            head = piece
            while len(line) > 1 and (head[0] in _NO_START or line[-1][0][-1] in _NO_END):
                carried.insert(0, line.pop())
                head = carried[0][0]
            if columns(_line([*carried, (piece, spaced)])) > width:  # marks only: broken where the width ends
                line, carried = line + carried, []
            lines.append(line)
            line = carried
        line.append((piece, spaced))
    if line:
        lines.append(line)
    return [_line(each) for each in lines]
