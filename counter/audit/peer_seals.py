"""What a hall can tell from the seals its townships sent: a sealed part of a township's trail rewritten later.

Why.  A township's clerks work on the laptop that holds the township's key (:mod:`counter.audit.seal`, "What it does
not protect"): whoever can rewrite the laptop's database — a bad rating deleted, a 作废 erased — can also seal the
rewritten trail again, and the township's own ``audit verify`` then says ok.  But each package the township sends
carries its seals (:class:`counter.sync.records.SealRecord`), and the hall keeps every one as it came.  A seal is
numbered and names the digest of the one before it, so a trail sealed again shows at the hall as:

- a second seal under a number the hall already holds, not the same seal (``two_seals``);
- a seal whose ``prev`` is not the digest of the seal before it that the hall holds (``broken_link``).

The township learns which of its seals the hall holds (``sync.seals_at_hall``, in the hall's update): its own
``audit verify`` names a seal the hall holds that is no longer on the laptop as it was sent (:func:`sent_seal_gone`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

#: the setting a hall's update writes at a township: the newest of the township's seals the hall holds
SEALS_AT_HALL = "sync.seals_at_hall"


class PeerSealProblem(StrEnum):
    TWO_SEALS = "two_seals"  # two different seals sent under one number
    BROKEN_LINK = "broken_link"  # the seal does not name the digest of the seal before it as the hall holds it


@dataclass(frozen=True, slots=True)
class HeldSeal:
    site: str
    no: int
    digest: str
    prev: str


@dataclass(frozen=True, slots=True)
class PeerSealFinding:
    site: str
    no: int
    problem: PeerSealProblem


def peer_seal_problems(held: Iterable[HeldSeal]) -> list[PeerSealFinding]:
    """Every number under which a site sent two seals, and every seal that does not follow the one before it."""
    by_site: dict[str, dict[int, set[str]]] = {}
    prevs: dict[tuple[str, int], set[str]] = {}
    for seal in held:
        by_site.setdefault(seal.site, {}).setdefault(seal.no, set()).add(seal.digest)
        prevs.setdefault((seal.site, seal.no), set()).add(seal.prev)
    found: list[PeerSealFinding] = []
    for site, numbers in sorted(by_site.items()):
        for no, digests in sorted(numbers.items()):
            if len(digests) > 1:
                found.append(PeerSealFinding(site, no, PeerSealProblem.TWO_SEALS))
            before = numbers.get(no - 1)
            if before is not None and not prevs[(site, no)] <= before:
                found.append(PeerSealFinding(site, no, PeerSealProblem.BROKEN_LINK))
    return found


def seals_at_hall_text(no: int, digest: str) -> str:
    """The setting's value: the newest seal the hall holds of the township's."""
    return json.dumps({"no": no, "digest": digest}, sort_keys=True)


def parse_seals_at_hall(text: str | None) -> tuple[int, str] | None:
    """(number, digest) of the setting's text; None when there is none or it cannot be read (never raises)."""
    if not text:
        return None
    try:
        value = json.loads(text)
        no, digest = value["no"], value["digest"]
    except (ValueError, TypeError, KeyError):
        return None
    if type(no) is not int or not isinstance(digest, str):
        return None
    return no, digest


def sent_seal_gone(at_hall: tuple[int, str] | None, local: Mapping[int, str]) -> int | None:
    """The number of the seal the hall holds (``at_hall``) when this site no longer has it as sent (``local``:
    number → digest of the seals here); None when it has, or the hall holds none yet."""
    if at_hall is None or at_hall[0] == 0:
        return None
    no, digest = at_hall
    return None if local.get(no) == digest else no
