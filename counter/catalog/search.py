"""Find a bundle in a keystroke: hanzi, full pinyin or pinyin initials, aliases, and one slip of the keys.

The pinyin of every name is computed once, when a catalog is imported
(:func:`counter.catalog.haystack.search_text`), and stored beside the guide; start-up only loads those
strings, so pypinyin and its tables for all of Unicode stay out of the process
until a catalog is imported; the desk lets them go once its sync has read the
names (:func:`pinyin_while`).

Each entry is one haystack string made of segments in order of importance — the
name without its "我要…" opening, its initials and full pinyin under every reading
of polyphonic characters (行 is both *xing* and *hang*), the whole name,
aliases, keywords, then item names — separated by a character no query contains.
A keystroke is then one ``str.find`` per entry, in C, and a hit's rank comes from
the segment it fell in and whether it fell at a word start.  Only when that finds
next to nothing are typos considered (:mod:`counter.catalog.typos`), and their
hits come last.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import overload

from counter.catalog.guide_status import GuideStatus
from counter.catalog.typos import TypoIndex, mark, owner_of, rank_of

SEGMENT = "\x1f"  # between segments of a haystack; control characters never reach a query
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
    """Kind of a segment, written as its mark in the stored haystack: the values never change.

    Haystacks are stored with the guide (and travel to townships in sync
    packages), so a new kind takes a new value and an old haystack still reads
    the same.  The order of the search is :data:`RANKED`, not these numbers.
    """

    CORE = 0  # 小餐馆 in 我要开小餐馆, its initials and pinyin
    NAME = 1  # the whole name
    KEYWORD = 2
    ITEM = 3
    ALIAS = 4  # what people call the bundle: 开饭店


RANKED = (Tier.CORE, Tier.NAME, Tier.ALIAS, Tier.KEYWORD, Tier.ITEM)  # best first
RANK = {tier: rank for rank, tier in enumerate(RANKED)}
TYPO_TIERS = (Tier.CORE, Tier.ALIAS, Tier.KEYWORD)  # the words a typo is looked for in (see typos.py)
DENSE = 4  # every hit wanted, and q occurs more than once per this many bundles of a tier: each is asked (_each)
SAMPLE = 1 << 16  # characters of a tier counted in to judge whether a query is DENSE there
FEW_HITS = 3  # fewer exact hits than this, and the typo-tolerant ones are added after them


class Match(StrEnum):
    """How a hit matched, as the command line's JSON says it."""

    NAME = "name"
    ALIAS = "alias"
    KEYWORD = "keyword"
    ITEM = "item"
    TYPO = "typo"  # one character off a name, an alias or a keyword


_MATCH = {Tier.CORE: Match.NAME, Tier.NAME: Match.NAME, Tier.ALIAS: Match.ALIAS, Tier.KEYWORD: Match.KEYWORD,
          Tier.ITEM: Match.ITEM}  # fmt: skip


def _status(published: bool, draft: bool) -> GuideStatus:
    if published:
        return GuideStatus.PUBLISHED
    return GuideStatus.DRAFT if draft else GuideStatus.UNPUBLISHED


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """What the index needs of a bundle: identity and the precomputed haystack."""

    bundle_code: str
    number: int
    name: str
    published: bool
    text: str  # from haystack.search_text(): segments, each a tier mark then content, joined by SEGMENT
    draft: bool = False  # a 待核 guide: listed as one, not as a bundle without a guide

    @property
    def status(self) -> GuideStatus:
        return _status(self.published, self.draft)


@dataclass(frozen=True, slots=True)
class SearchHit:
    bundle_code: str
    number: int
    name: str
    published: bool
    tier: int
    at_start: bool
    typo: bool = False  # found only by allowing one slip
    draft: bool = False  # a 待核 guide (SearchEntry.draft)

    @property
    def status(self) -> GuideStatus:
        return _status(self.published, self.draft)

    @property
    def match(self) -> Match:
        return Match.TYPO if self.typo else _MATCH.get(self.tier, Match.NAME)


@dataclass(frozen=True, slots=True)
class SearchAnswer:
    """What the window's list and ``counter catalog find`` show for one query.

    ``suggestion`` is the "您要找的是不是" bundle: set only when nothing matches as
    typed — the best typo-tolerant hit, or, when there is none either, the bundle
    that shares the longest piece of the query.
    """

    query: str
    hits: Sequence[SearchHit]  # a HitList from the index; any sequence of hits compares equal by its hits
    suggestion: SearchHit | None

    @property
    def exact(self) -> bool:
        """Whether some hit matches as typed (then there is no suggestion)."""
        return bool(self.hits) and not self.hits[0].typo


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


_PINYIN = "pypinyin"


class _PinyinUse:
    """Who reads pypinyin's tables now, on every thread: imports under way (:func:`pinyin_while`) and readings being
    computed (:func:`counter.catalog.haystack.readings`)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.users = 0
        self.kept = False  # pypinyin was loaded before the first of them began: not this module's to let go

    def enter(self, block: bool) -> None:
        with self.lock:
            if block and self.users == 0:
                self.kept = _PINYIN in sys.modules
            self.users += 1

    def leave(self, block: bool) -> None:
        with self.lock:
            self.users -= 1
            if block and self.users == 0 and not self.kept:
                # over a copy taken at once: another thread importing meanwhile (the desk's warm-up) changes
                # sys.modules, and walking it then raised in the middle of a first start's catalog sync
                names = [name for name in sys.modules.copy() if name == _PINYIN or name.startswith(_PINYIN + ".")]
                for module in [sys.modules.pop(name) for name in names]:
                    vars(module).clear()


#: who reads pypinyin's tables now (counter.catalog.haystack computes readings under it)
PINYIN_USE = _PinyinUse()


@contextmanager
def pinyin_while() -> Iterator[None]:
    """pypinyin loaded for as long as the block needs it, and let go when the last such block ends.

    Its tables take some 50 MiB once imported (the phrases' readings, about 42 MiB of them), and only the import of a
    catalog reads them: a desk that brought an updated catalog in at its start kept them all day, a quarter of its
    memory.  Each of its modules is emptied as it is dropped, so the tables go at once (a module's functions and its
    namespace refer to each other: left to the collector, they would wait for its oldest generation, or forever
    once frozen).  A process that had pypinyin loaded before keeps it; a block that needs it again imports it again,
    a third of a second.
    """
    PINYIN_USE.enter(block=True)
    try:
        yield
    finally:
        PINYIN_USE.leave(block=True)


_OWNER_MASK = (1 << 20) - 1  # a hit is packed in one int: owner, tier, at start, typo


def _pack(owner: int, tier: int, at_start: bool, typo: bool = False) -> int:
    return owner | tier << 20 | at_start << 23 | typo << 24


class HitList(Sequence[SearchHit]):
    """Hits in order, each made when first read.

    One letter can match 5,000 bundles, and the window shows a screenful of
    them: making every :class:`SearchHit` up front would cost more than the
    search.  Immutable; equal to any sequence of the same hits.
    """

    __slots__ = ("_entries", "_packed")

    def __init__(self, entries: Sequence[SearchEntry], packed: Sequence[int]) -> None:
        self._entries = entries
        self._packed = tuple(packed)

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, at: int) -> SearchHit: ...
    @overload
    def __getitem__(self, at: slice) -> tuple[SearchHit, ...]: ...
    def __getitem__(self, at: int | slice) -> SearchHit | tuple[SearchHit, ...]:
        if isinstance(at, slice):
            return tuple(self._make(one) for one in self._packed[at])
        return self._make(self._packed[at])

    def _make(self, one: int) -> SearchHit:
        e = self._entries[one & _OWNER_MASK]
        return SearchHit(e.bundle_code, e.number, e.name, e.published, one >> 20 & 7, bool(one >> 23 & 1),
                         bool(one >> 24 & 1), e.draft)  # fmt: skip

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # equal to lists, which cannot be hashed either

    def __repr__(self) -> str:
        return f"HitList({list(self)!r})"


class SearchIndex:
    """The bundles of one catalog, searchable per keystroke.

    For each tier there are two long strings over all entries in number order:
    one of pinyin (pure ASCII, so Python stores and scans it a byte per
    character) and one of the names as written.  A query goes to one script
    only and each tier is scanned once with ``str.find``, which yields the next
    entry that holds the query; a hit at the start of a segment ranks before one
    inside.  Once the hits fill the room, the rest of the tier is scanned for
    hits at a segment start only, which may still push one inside out.  Each
    entry costs at most one step of Python per tier, and most cost none; once
    most entries are hits (a single letter), the next tiers are asked only about
    the others.  So a keystroke costs about the same for 100 or 5,000 bundles.  When fewer than :data:`FEW_HITS` bundles
    match as typed, those within one slip (:mod:`counter.catalog.typos`) follow.
    """

    def __init__(self, entries: Sequence[SearchEntry]) -> None:
        self._entries = sorted(entries, key=lambda e: (e.number, e.bundle_code))
        chunks: dict[tuple[bool, int], list[str]] = {}
        offsets: dict[tuple[bool, int], list[int]] = {}
        owners: dict[tuple[bool, int], list[int]] = {}
        lengths: dict[tuple[bool, int], int] = {}
        words: list[str] = []
        marks: list[int] = []
        for index, entry in enumerate(self._entries):
            per_key: dict[tuple[bool, int], list[str]] = {}
            for part in entry.text.split(SEGMENT):
                if part:
                    content, tier = part[1:], ord(part[0]) - 1
                    per_key.setdefault((content.isascii(), tier), []).append(content)
                    if tier in TYPO_TIERS:
                        words.append(content)
                        marks.append(mark(RANK[tier], index))
            for key, contents in per_key.items():
                chunk = "".join(SEGMENT + c for c in contents)
                offsets.setdefault(key, []).append(lengths.get(key, 0))
                owners.setdefault(key, []).append(index)
                chunks.setdefault(key, []).append(chunk)
                lengths[key] = lengths.get(key, 0) + len(chunk)
        self._strings = {key: ("".join(parts), offsets[key], owners[key]) for key, parts in chunks.items()}
        self._chunks = chunks  # each owner's part of a tier on its own, for the short queries that most match
        self._places = {key: {owner: k for k, owner in enumerate(owners[key])} for key in chunks}  # owner → part
        self._words: tuple[list[str], list[int]] | None = (words, marks)
        self._typos: TypoIndex | None = None

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def typos(self) -> TypoIndex:
        """The words sorted for typo lookups: built at the first query that needs them, not at start-up."""
        if self._typos is None:
            self._typos = TypoIndex(*(self._words or ([], [])))
            self._words = None
        return self._typos

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Hits best first: core-name matches, then the whole name, aliases, keywords, items, then typos.

        Within a tier a match at the start of a segment beats one inside it, and
        then the league's own numbering decides, so the order is stable.  An
        empty query lists the bundles by number.
        """
        return list(HitList(self._entries, self._packed(normalise_query(query), limit)))

    def find(self, query: str, limit: int | None = None) -> SearchAnswer:
        """The hits of :meth:`search` (every one unless ``limit``), and what to suggest when none is exact."""
        q = normalise_query(query)
        hits = HitList(self._entries, self._packed(q, len(self._entries) if limit is None else limit))
        suggestion: SearchHit | None = None
        if hits and hits[0].typo:
            suggestion = hits[0]
        elif not hits and q:
            near = self.typos.nearest(core_name(q))
            if near is not None:
                suggestion = HitList(self._entries, [_pack(owner_of(near), RANKED[rank_of(near)], False, True)])[0]
        return SearchAnswer(query, hits, suggestion)

    def _packed(self, q: str, limit: int) -> list[int]:
        if not q:
            return [_pack(i, Tier.NAME, True) for i in range(min(limit, len(self._entries)))]
        hits = self._exact(q, limit)
        few = FEW_HITS if len(q) >= 3 else 1  # two characters right are worth more than guesses at two
        if len(hits) < min(few, limit):
            hits += self._slips(q, limit - len(hits), {one & _OWNER_MASK for one in hits})
        return hits

    def _exact(self, q: str, limit: int) -> list[int]:
        ascii_query = q.isascii()
        seen: set[int] = set()
        hits: list[int] = []
        everyone = len(self._entries)
        every_hit = limit >= everyone
        for tier in RANKED:
            found = self._strings.get((ascii_query, tier))
            if found is None:
                continue
            most_seen = len(seen) * 2 > everyone  # most are hits already: look only at the others' part of the tier
            if every_hit and (most_seen or self._dense(found, q)):
                chunks, owners, at = self._chunks[ascii_query, tier], found[2], self._places[ascii_query, tier]
                places: Iterable[int] = range(len(chunks))
                if most_seen:
                    places = [at[owner] for owner in range(everyone) if owner not in seen and owner in at]
                elif seen:
                    places = [k for k, owner in enumerate(owners) if owner not in seen]
                first, inside = self._each(chunks, owners, q, places)
            elif most_seen:
                first, inside = self._among(found, q, sorted(set(range(everyone)) - seen), limit - len(hits))
            else:
                first, inside = self._scan(found, q, seen, limit - len(hits))
            seen.update(first)
            seen.update(inside)
            start_mark, inside_mark = tier << 20 | 1 << 23, tier << 20
            hits += [owner | start_mark for owner in first]
            hits += [owner | inside_mark for owner in inside[: limit - len(hits)]]
            if len(hits) >= limit:
                return hits
        return hits

    @staticmethod
    def _dense(found: tuple[str, list[int], list[int]], q: str) -> bool:
        """Whether ``q`` occurs more than once per :data:`DENSE` bundles of a tier, judged from its beginning.

        Counting in the whole tier cost as much as answering a two-letter query
        (some 3 MB of pinyin at 5,000 bundles); the first :data:`SAMPLE`
        characters tell how dense it is as well, and the answer is the same
        either way: only how the tier is asked depends on it.
        """
        text, _, owners = found
        sample = min(len(text), SAMPLE)
        return text.count(q, 0, sample) * DENSE * len(text) > len(owners) * sample

    @staticmethod
    def _scan(
        found: tuple[str, list[int], list[int]], q: str, seen: set[int], wanted: int
    ) -> tuple[list[int], list[int]]:
        """The owners not in ``seen`` whose part of one tier holds ``q``: at a segment start, and only inside."""
        text, starts, owners = found
        first: list[int] = []
        inside: list[int] = []
        last = len(starts) - 1
        at, end = text.find(q), 0
        while at >= 0:
            k = bisect_right(starts, at) - 1
            end = starts[k + 1] if k < last else len(text)
            owner = owners[k]
            if owner not in seen:
                if text[at - 1] == SEGMENT or text.find(SEGMENT + q, at, end) >= 0:
                    first.append(owner)
                else:
                    inside.append(owner)
                if len(first) + len(inside) >= wanted:
                    at = text.find(q, end)
                    break
            at = text.find(q, end)
        if at >= 0:  # enough to fill the room: only a hit at a segment start could still take a place
            needle = SEGMENT + q
            at = text.find(needle, end)
            while at >= 0 and len(first) < wanted:
                k = bisect_right(starts, at) - 1
                if owners[k] not in seen:
                    first.append(owners[k])
                at = text.find(needle, starts[k + 1]) if k < last else -1
        return first, inside

    @staticmethod
    def _each(chunks: list[str], owners: list[int], q: str, places: Iterable[int]) -> tuple[list[int], list[int]]:
        """As :meth:`_scan` for every hit, asking the part at each of ``places`` (in order) in turn.

        A query that most bundles match (a letter or two, 我要) costs :meth:`_scan`
        a few steps of Python per occurrence, where ``q in part`` costs a fraction
        of one; a query that few match costs it less than asking every part.  So
        :meth:`_exact` counts the occurrences first (:meth:`_dense`) and asks each
        part only where they are more than a quarter of the tier's bundles (at
        5,000 bundles: the p95 of a keystroke's search 10.6 → 9.0 ms, the median
        unchanged).  Once most bundles are hits, the next tiers ask only the
        parts of the others: a letter then costs one tier of 5,000 parts and
        four of the few hundred left, not five of 5,000.
        """
        needle = SEGMENT + q
        matched = [k for k in places if q in chunks[k]]
        first = [owners[k] for k in matched if needle in chunks[k]]
        inside = [owners[k] for k in matched if needle not in chunks[k]]
        return first, inside

    @staticmethod
    def _among(
        found: tuple[str, list[int], list[int]], q: str, others: list[int], wanted: int
    ) -> tuple[list[int], list[int]]:
        """As :meth:`_scan`, asking each of ``others`` (in order) instead of scanning the whole tier."""
        text, starts, owners = found
        first: list[int] = []
        inside: list[int] = []
        last = len(starts) - 1
        for owner in others:
            k = bisect_left(owners, owner)
            if k > last or owners[k] != owner:
                continue
            begin, end = starts[k], starts[k + 1] if k < last else len(text)
            at = text.find(q, begin, end)
            if at < 0:
                continue
            if text[at - 1] == SEGMENT or text.find(SEGMENT + q, at, end) >= 0:
                first.append(owner)
                if len(first) >= wanted:
                    break
            else:
                inside.append(owner)
        return first, inside

    def _slips(self, q: str, room: int, known: set[int]) -> list[int]:
        """Bundles one slip away, best rank first, then by number; none of the owners in ``known``."""
        if room <= 0:
            return []
        found = self.typos.slips(core_name(q))
        out: list[int] = []
        for near in sorted(found.values()):
            owner = owner_of(near)
            if owner not in known:
                out.append(_pack(owner, RANKED[rank_of(near)], True, True))
                if len(out) >= room:
                    break
        return out
