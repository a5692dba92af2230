"""What the clerk meant when one character slipped: 小参馆 for 小餐馆, xcgg for xcg, xiaocangaun.

A typo here is one edit — a wrong character, a missing one, an extra one or two
neighbours swapped — between the query and the beginning of a word the bundle is
known by: its name without the "我要开" opening (the caller strips the query's
too), an alias or a keyword, in hanzi, full pinyin or initials.  The whole names
are left out, since their common openings would make every bundle near, and so
are item names: they are the departments' words, and near misses there are noise.

Every such word is kept once in a sorted list, so "the words that begin with P" is
a range found by two binary searches.  A query of n characters becomes at most a
few dozen such prefixes: each deletion and each swap is one; a wrong or missing
character at position i is one per character that actually follows ``query[:i]``
in some word, found by walking that range a character at a time (for a wrong
first character, a second list of the words without their first character
answers in one lookup instead; a missing first character leaves the query inside
the word, where the search as typed already finds it).  No Python loop runs over every word,
so a keystroke stays well under a millisecond at 5,000 bundles.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

TOP = "\U0010ffff"  # sorts after every character a word can hold
LONGEST_NEAREST = 24  # characters of a query looked at for the nearest word: a longer one is pasted text


def shortest_for_typos(query: str) -> int:
    """How long a query must be before one slip in it is worth guessing at.

    Three letters of initials with one wrong could be a hundred bundles; four
    carry enough.  Hanzi carry more per character: from three on any slip counts,
    and two may have one wrong character or two swapped (超试, 市超).
    """
    return 4 if query.isascii() else 2


OWNER_BITS = 20  # a word's mark is its rank shifted past the owner: one int, compared in C


def mark(rank: int, owner: int) -> int:
    """The rank of a word's kind (lower is better) and the bundle it names, ordered by rank then bundle."""
    return rank << OWNER_BITS | owner


def owner_of(mark_: int) -> int:
    return mark_ & ((1 << OWNER_BITS) - 1)


def rank_of(mark_: int) -> int:
    return mark_ >> OWNER_BITS


class TypoIndex:
    """Words, each with its :func:`mark`, sorted for prefix lookups."""

    def __init__(self, words: Sequence[str], marks: Sequence[int]) -> None:
        # sorting positions by a list of plain strings keeps CPython on its fast path for str keys
        order = sorted(range(len(words)), key=words.__getitem__)
        self._keys = [words[i] for i in order]
        self._marks = [marks[i] for i in order]
        tails = [word[1:] for word in words]
        order = sorted(range(len(tails)), key=tails.__getitem__)
        self._tail_keys = [tails[i] for i in order]
        self._tail_marks = [marks[i] for i in order]

    def __len__(self) -> int:
        return len(self._keys)

    def slips(self, query: str) -> dict[int, int]:
        """Every bundle with a word one slip from the start of ``query``: owner → best mark.

        Exact matches are found too (a "slip" may replace a character by itself);
        the caller has them already and drops them.
        """
        n = len(query)
        if n < shortest_for_typos(query):
            return {}
        every_kind = n >= 3  # two hanzi: a wrong character or a swap only, else one character is left
        heads: set[str] = set()
        tail = query[1:]  # the first character wrong: the rest begins a word's tail
        for i in range(n - 1):
            if query[i] != query[i + 1]:
                heads.add(query[:i] + query[i + 1] + query[i] + query[i + 2 :])
        if every_kind:  # a missing first character needs no guess: the query is then inside the word
            heads.update(query[:i] + query[i + 1 :] for i in range(n))  # one character too many
        for i in range(1, n):
            heads.update(self._followers(query, i, every_kind))
        found: dict[int, int] = {}
        for keys, marks, prefixes in ((self._keys, self._marks, heads), (self._tail_keys, self._tail_marks, {tail})):
            for prefix in prefixes:
                lo, hi = prefix_range(keys, prefix)
                for one in marks[lo:hi]:
                    owner = owner_of(one)
                    if one < found.get(owner, one + 1):
                        found[owner] = one
        return found

    def _followers(self, query: str, i: int, missing_too: bool) -> list[str]:
        """Prefixes with a wrong (or, if ``missing_too``, a missing) character at ``i``, from the words' own."""
        keys = self._keys
        head = query[:i]
        lo, hi = prefix_range(keys, head)
        at = bisect_right(keys, head, lo, hi)  # past the words that are the head itself
        out: list[str] = []
        while at < hi:
            char = keys[at][i]
            if char != query[i]:
                out.append(head + char + query[i + 1 :])
            if missing_too:
                out.append(head + char + query[i:])
            at = bisect_left(keys, head + char + TOP, at, hi)
        return out

    def nearest(self, query: str) -> int | None:
        """The bundle sharing the longest piece of ``query`` at the start of one of its words, by its mark.

        For a query nothing matches even with one slip: "我想开个饭店" shares 饭店
        with a keyword.  Longer pieces win, then the better rank, then the lower
        bundle (the league's number order).
        """
        text = query[:LONGEST_NEAREST]
        shortest = 3 if text.isascii() else 2
        for length in range(len(text), shortest - 1, -1):
            best: int | None = None
            for start in range(len(text) - length + 1):
                lo, hi = prefix_range(self._keys, text[start : start + length])
                if lo < hi:
                    least = min(self._marks[lo:hi])
                    best = least if best is None else min(best, least)
            if best is not None:
                return best
        return None


def prefix_range(keys: Sequence[str], prefix: str) -> tuple[int, int]:
    """The slice of sorted ``keys`` that begin with ``prefix``."""
    lo = bisect_left(keys, prefix)
    return lo, bisect_left(keys, prefix + TOP, lo)
