"""A bundle's haystack: the text a catalog import computes once and stores, and every keystroke then searches.

:mod:`counter.catalog.search` answers a keystroke from the stored strings without pypinyin; this makes them, under
the readings of every polyphonic character, and is the only part that reads pypinyin's tables (while an import
holds them: :func:`counter.catalog.search.pinyin_while`).  They change for different reasons: how a name is read
out (readings, their number, which words get which) here, how a hit ranks there; the segments' tiers and their
separator are the contract between the two.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from counter.catalog.search import PINYIN_USE, SEGMENT, Tier, core_name, normalise_query

_MAX_READINGS = 24  # readings kept per name: the usual one and single-character swaps


def _each_character(text: str) -> Any:
    """Keep a run without pinyin (digits, brackets) one entry per character.

    pypinyin accepts a list here although its annotation says ``str``.
    """
    return list(text)


def readings(text: str) -> tuple[list[str], list[str]]:
    """Initials and full pinyin of ``text``: the usual reading first, then the others.

    The usual reading comes from pypinyin's phrase dictionary (行 in 银行 is
    *hang*); then each polyphonic character is swapped, one at a time, for each of
    its other readings, so 单 matches both *d* and *s*.  Swapping one character at
    a time keeps the haystack linear in the name's length, where every
    combination would grow as a product.
    """
    PINYIN_USE.enter(block=False)  # not let go while this reads its tables
    try:
        return _readings_of(text)
    finally:
        PINYIN_USE.leave(block=False)


def _readings_of(text: str) -> tuple[list[str], list[str]]:
    # pypinyin's own switch: its tables are used as loaded, not copied for custom readings this program never adds
    # (about 3 MiB less while a catalog is read)
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, pinyin

    def variants(style: Style) -> list[str]:
        usual = [r[0].lower() for r in pinyin(text, style=style, errors=_each_character)]
        if len(usual) != len(text):  # a character pypinyin split oddly: keep the usual reading
            return ["".join(usual)]
        # one character at a time: a phrase lookup would give only the phrase's reading
        every = [pinyin(ch, style=style, heteronym=True, errors=_each_character)[0] for ch in text]
        out = ["".join(usual)]
        for index, others in enumerate(every):
            for reading in others:
                other = reading.lower()
                if other and other != usual[index]:
                    out.append("".join([*usual[:index], other, *usual[index + 1 :]]))
        return list(dict.fromkeys(out))[:_MAX_READINGS]

    return variants(Style.FIRST_LETTER), variants(Style.NORMAL)


def search_text(name: str, keywords: Iterable[str] = (), items: Iterable[str] = (), aliases: Iterable[str] = ()) -> str:
    """The haystack of a bundle, computed at import time and stored."""
    segments: list[tuple[int, str]] = []
    core = core_name(name)
    segments.append((Tier.CORE, core))
    initials, full = readings(core)
    segments += [(Tier.CORE, s) for s in initials + full]
    segments.append((Tier.NAME, name))
    name_initials, name_full = readings(name)
    segments += [(Tier.NAME, s) for s in name_initials[:2] + name_full[:2]]
    for tier, words in ((Tier.ALIAS, aliases), (Tier.KEYWORD, keywords)):
        for word in words:
            segments.append((tier, word))
            w_initials, w_full = readings(word)
            segments += [(tier, s) for s in w_initials[:2] + w_full[:2]]
    for item in items:
        segments.append((Tier.ITEM, item))
        i_initials, _ = readings(item)
        segments += [(Tier.ITEM, s) for s in i_initials[:2]]
    seen: set[str] = set()
    parts = []
    for tier, raw in segments:
        content = normalise_query(raw)
        if content and content not in seen:
            seen.add(content)
            parts.append(chr(1 + tier) + content)
    return SEGMENT + SEGMENT.join(parts)
