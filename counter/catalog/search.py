"""Find a bundle in a keystroke: hanzi, full pinyin or pinyin initials.

The pinyin of every name is computed once, when a catalog is imported
(:func:`search_text`), and stored beside the guide; start-up only loads those
strings, so pypinyin and its tables for all of Unicode stay out of the process
until an admin imports a catalog.

Each entry is one haystack string made of segments in order of importance — the
name without its "我要…" opening, its initials and full pinyin under every reading
of polyphonic characters (行 is both *xing* and *hang*), the whole name,
keywords, then item names — separated by a character no query contains.  A
keystroke is then one ``str.find`` per entry, in C, and a hit's rank comes from
the segment it fell in and whether it fell at a word start.  A query that extends
the previous one only looks at the previous hits.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

SEGMENT = "\x1f"  # between segments of a haystack; control characters never reach a query
_MAX_READINGS = 24  # readings kept per name: the usual one and single-character swaps
_OPENINGS = (
    "我要办理",
    "我要开办",
    "我要申请",
    "我要经营",
    "我要开",
    "我要办",
    "我要建",
    "我要生产",
    "我要从事",
    "我要",
)


class Tier:
    """Rank of a segment: lower is better.  Also the order segments are written in."""

    CORE = 0  # 小餐馆 in 我要开小餐馆, its initials and pinyin
    NAME = 1  # the whole name
    KEYWORD = 2
    ITEM = 3


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """What the index needs of a bundle: identity and the precomputed haystack."""

    bundle_code: str
    number: int
    name: str
    published: bool
    text: str  # from search_text(): segments, each a tier mark then content, joined by SEGMENT


@dataclass(frozen=True, slots=True)
class SearchHit:
    bundle_code: str
    number: int
    name: str
    published: bool
    tier: int
    at_start: bool


def core_name(name: str) -> str:
    """The name without its "我要开" opening: what the clerk actually types."""
    for opening in _OPENINGS:
        if name.startswith(opening) and len(name) > len(opening):
            return name[len(opening) :]
    return name


def normalise_query(text: str) -> str:
    """Lower case, half-width, without spaces, apostrophes or control characters."""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s'’\x00-\x1f\x7f]+", "", text)


def _each_character(text: str) -> Any:
    """Keep a run without pinyin (digits, brackets) one entry per character.

    pypinyin accepts a list here although its annotation says ``str``.
    """
    return list(text)


def _readings(text: str) -> tuple[list[str], list[str]]:
    """Initials and full pinyin of ``text``: the usual reading first, then the others.

    The usual reading comes from pypinyin's phrase dictionary (行 in 银行 is
    *hang*); then each polyphonic character is swapped, one at a time, for each of
    its other readings, so 单 matches both *d* and *s*.  Swapping one character at
    a time keeps the haystack linear in the name's length, where every
    combination would grow as a product.
    """
    from pypinyin import Style, pinyin

    def variants(style: Style) -> list[str]:
        usual = [r[0].lower() for r in pinyin(text, style=style, errors=_each_character)]
        if len(usual) != len(text):  # a character pypinyin split oddly: keep the usual reading
            return ["".join(usual)]
        # one character at a time: a phrase lookup would give only the phrase's reading
        every = [pinyin(ch, style=style, heteronym=True, errors=_each_character)[0] for ch in text]
        out = ["".join(usual)]
        for index, readings in enumerate(every):
            for reading in readings:
                other = reading.lower()
                if other and other != usual[index]:
                    out.append("".join([*usual[:index], other, *usual[index + 1 :]]))
        return list(dict.fromkeys(out))[:_MAX_READINGS]

    return variants(Style.FIRST_LETTER), variants(Style.NORMAL)


def search_text(name: str, keywords: Iterable[str] = (), items: Iterable[str] = ()) -> str:
    """The haystack of a bundle, computed at import time and stored."""
    segments: list[tuple[int, str]] = []
    core = core_name(name)
    segments.append((Tier.CORE, core))
    initials, full = _readings(core)
    segments += [(Tier.CORE, s) for s in initials + full]
    segments.append((Tier.NAME, name))
    name_initials, name_full = _readings(name)
    segments += [(Tier.NAME, s) for s in name_initials[:2] + name_full[:2]]
    for word in keywords:
        segments.append((Tier.KEYWORD, word))
        k_initials, k_full = _readings(word)
        segments += [(Tier.KEYWORD, s) for s in k_initials[:2] + k_full[:2]]
    for item in items:
        segments.append((Tier.ITEM, item))
        i_initials, _ = _readings(item)
        segments += [(Tier.ITEM, s) for s in i_initials[:2]]
    seen: set[str] = set()
    parts = []
    for tier, raw in segments:
        content = normalise_query(raw)
        if content and content not in seen:
            seen.add(content)
            parts.append(chr(1 + tier) + content)
    return SEGMENT + SEGMENT.join(parts)


class SearchIndex:
    """The bundles of one catalog, searchable per keystroke.

    For each tier there are two long strings over all entries in number order:
    one of pinyin (pure ASCII, so Python stores and scans it a byte per
    character) and one of the names as written.  A query goes to one script
    only, and each rank class — tier by tier, a match at a segment start before
    one inside — is a run of ``str.find`` calls that each yield the next entry,
    stopping as soon as ``limit`` entries are found.  No Python loop runs over
    every entry, so a keystroke costs about the same for 100 or 5,000 bundles.
    """

    def __init__(self, entries: Sequence[SearchEntry]) -> None:
        self._entries = sorted(entries, key=lambda e: (e.number, e.bundle_code))
        chunks: dict[tuple[bool, int], list[str]] = {}
        offsets: dict[tuple[bool, int], list[int]] = {}
        owners: dict[tuple[bool, int], list[int]] = {}
        lengths: dict[tuple[bool, int], int] = {}
        for index, entry in enumerate(self._entries):
            per_key: dict[tuple[bool, int], list[str]] = {}
            for part in entry.text.split(SEGMENT):
                if part:
                    content = part[1:]
                    per_key.setdefault((content.isascii(), ord(part[0]) - 1), []).append(content)
            for key, contents in per_key.items():
                chunk = "".join(SEGMENT + c for c in contents)
                offsets.setdefault(key, []).append(lengths.get(key, 0))
                owners.setdefault(key, []).append(index)
                chunks.setdefault(key, []).append(chunk)
                lengths[key] = lengths.get(key, 0) + len(chunk)
        self._strings = {key: ("".join(parts), offsets[key], owners[key]) for key, parts in chunks.items()}

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Hits best first: core-name matches, then the whole name, keywords, items.

        Within a tier a match at the start of a segment beats one inside it, and
        then the league's own numbering decides, so the order is stable.  An
        empty query lists the bundles by number.
        """
        q = normalise_query(query)
        if not q:
            return [self._hit(i, Tier.NAME, True) for i in range(min(limit, len(self._entries)))]
        ascii_query = q.isascii()
        seen: set[int] = set()
        hits: list[SearchHit] = []
        for tier in (Tier.CORE, Tier.NAME, Tier.KEYWORD, Tier.ITEM):
            found = self._strings.get((ascii_query, tier))
            if found is None:
                continue
            text, starts, owners = found
            for needle, at_start in ((SEGMENT + q, True), (q, False)):
                at = text.find(needle)
                while at >= 0:
                    k = bisect_right(starts, at) - 1
                    owner = owners[k]
                    if owner not in seen:
                        seen.add(owner)
                        hits.append(self._hit(owner, tier, at_start))
                        if len(hits) >= limit:
                            return hits
                    at = text.find(needle, starts[k + 1]) if k + 1 < len(starts) else -1
        return hits

    def _hit(self, index: int, tier: int, at_start: bool) -> SearchHit:
        e = self._entries[index]
        return SearchHit(e.bundle_code, e.number, e.name, e.published, tier, at_start)
