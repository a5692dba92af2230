"""A seal made of the trail's chains (``counter audit seal``, every backup on the key's machine), as it is reported."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SealMade:
    no: int  # the seal's number
    chains: int
    entries: int  # the entries it covers: the sum of the chains' last numbers
    digest: str  # the seal's digest: what the next seal names, and what to write down elsewhere
    # the anchors' file the seal before this one could not be written to, "" where it was (or there was none before):
    # that seal, deleted from the database, would not be named by ``audit verify`` (counter.host.keys.seal_anchors)
    unanchored: str = ""
