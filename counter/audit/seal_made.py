"""A seal made of the trail's chains (``counter audit seal``, every backup on the key's machine), as it is reported."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SealMade:
    no: int  # the seal's number
    chains: int
    entries: int  # the entries it covers: the sum of the chains' last numbers
    digest: str  # the seal's digest: what the next seal names, and what to write down elsewhere
