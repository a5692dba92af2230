"""Chinese line breaking (禁则) for the printed documents.

Chinese text may break between any two characters, with two exceptions that a
reader notices at once (GB/T 15834, W3C clreq): a closing or pausing mark
(，。、；：？！）》” …) never starts a line, and an opening mark (（《“ …) never ends
one.  Runs of Latin letters and digits (a case number, a date's year, a phone
number) stay whole unless they alone are longer than the line.

The breaker only moves break points backwards, so a line may come out shorter
than the measure but never longer, except when a run admits no break at all
(then it overflows rather than break a rule).  Every character is kept:
joining the lines gives the text back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

#: Marks that may not start a line: closing brackets and quotes, pauses and stops,
#: the ellipsis and the dash (which must not be split either), and their ASCII forms.
#: A space is listed too: a line never starts with one.
CANNOT_START = frozenset("，。、；：？！）》」』】〕〉〗〙〛”’…—·～％‰℃,.;:?!)]}>%" + " \u3000")
#: Marks that may not end a line: opening brackets and quotes.
CANNOT_END = frozenset("（《「『【〔〈〖〘〚“‘([{<")

#: Characters that glue a Latin run together: "XAM01-20261120-08-0001", "0482-8261008".
_WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_/@#+=&*'\"")


def may_break(before: str, after: str) -> bool:
    """Whether a line may end with ``before`` and the next start with ``after``."""
    return after not in CANNOT_START and before not in CANNOT_END


def _glued(before: str, after: str) -> bool:
    return before in _WORD and after in _WORD


def _break_before(text: str, start: int, end: int) -> int:
    """Where to end the line that runs from ``start`` and overflows at ``end``.

    The latest position that keeps Latin runs whole, else the latest one that
    only splits a Latin run, else the first allowed position after ``end``
    (the line overflows), else the end of the text.
    """
    for j in range(end, start, -1):
        if may_break(text[j - 1], text[j]) and not _glued(text[j - 1], text[j]):
            return j
    for j in range(end, start, -1):
        if may_break(text[j - 1], text[j]):
            return j
    for j in range(end + 1, len(text)):
        if may_break(text[j - 1], text[j]):
            return j
    return len(text)


def _paragraph(text: str, widths: Sequence[float], first: float, rest: float) -> list[str]:
    lines: list[str] = []
    start, filled, i = 0, 0.0, 0
    while i < len(text):
        measure = rest if lines else first
        if filled + widths[i] > measure and i > start:
            end = _break_before(text, start, i)
            lines.append(text[start:end])
            start = end
            filled = sum(widths[start:i])
            if start > i:  # the line overflowed past i
                i = start
                filled = 0.0
            continue
        filled += widths[i]
        i += 1
    if start < len(text) or not lines:
        lines.append(text[start:])
    return lines


def break_lines(
    text: str,
    width: float,
    advance: Callable[[str], float],
    first_width: float | None = None,
) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (the first no wider than ``first_width``).

    ``advance`` gives the width of one character in the same unit.  A newline
    is a hard break and is not kept in the lines.
    """
    first = width if first_width is None else first_width
    lines: list[str] = []
    for number, paragraph in enumerate(text.split("\n")):
        widths = [advance(c) for c in paragraph]
        lines += _paragraph(paragraph, widths, first if number == 0 else width, width)
    return lines
