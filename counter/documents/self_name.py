"""How a paper names the body whose act it is, from inside: 本机关, or 本中心 where that body is a 中心.

The paper words say "本机关" (本机关决定…, 本机关作为收件窗口…).  That is right of a department and of a site that is
itself an administrative body (a 行政审批局), and wrong of a 政务服务中心 or a 便民服务中心: a 中心 is a body of the
government that may or may not be a 行政机关 — the 司法局's answer the site records ("行政机关？") — and its own
papers call it what it is, as its other lines already do ("未经本中心核定发布", "委托本中心受理").  So a paper in a
中心's own name (the one its seal and head name) says 本中心 wherever the words say 本机关; a paper in a department's
name, made at the 中心, keeps 本机关: the department is the 机关.
"""

from __future__ import annotations

import dataclasses

from counter.documents.data import Block, Fields, Heading, Numbered, Pair, Pairs, Table, Text

ORGAN = "本机关"
CENTRE = "本中心"
CENTRE_SUFFIX = "中心"


def self_word(issuer: str) -> str:
    """What a paper in ``issuer``'s name calls it: 本中心 for a 中心, else 本机关."""
    return CENTRE if issuer.strip().endswith(CENTRE_SUFFIX) else ORGAN


def in_own_words(blocks: list[Block], issuer: str) -> list[Block]:
    """``blocks`` with 本机关 said as ``issuer`` is called (:func:`self_word`); unchanged for a 机关."""
    word = self_word(issuer)
    if word == ORGAN:
        return blocks
    return [_said(block, word) for block in blocks]


def _said(block: Block, word: str) -> Block:
    def say(text: str) -> str:
        return text.replace(ORGAN, word)

    def pairs(found: tuple[Pair, ...]) -> tuple[Pair, ...]:
        return tuple(dataclasses.replace(p, label=say(p.label), value=say(p.value)) for p in found)

    if isinstance(block, (Text, Heading)):
        return dataclasses.replace(block, text=say(block.text))
    if isinstance(block, (Pairs, Fields)):
        return dataclasses.replace(block, pairs=pairs(block.pairs))
    if isinstance(block, Table):
        return dataclasses.replace(block, rows=tuple(tuple(say(cell) for cell in row) for row in block.rows))
    if isinstance(block, Numbered):
        return dataclasses.replace(block, items=tuple((n, say(text)) for n, text in block.items))
    return block
