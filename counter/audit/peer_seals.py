"""What a hall can tell from the seals its townships sent: a sealed part of a township's trail rewritten later.

Why.  A township's clerks work on the laptop that holds the township's key (:mod:`counter.audit.seal`, "What it does
not protect"): whoever can rewrite the laptop's database — a bad rating deleted, a 作废 erased — can also seal the
rewritten trail again, and the township's own ``audit verify`` then says ok.  But each package the township sends
carries its seals (:class:`counter.sync.records.SealRecord`), and the hall keeps every one as it came.  A seal is
numbered and names the digest of the one before it, so a trail sealed again shows at the hall as:

- a second seal under a number the hall already holds, not the same seal (``two_seals``);
- a seal whose ``prev`` is not the digest of the seal before it that the hall holds (``broken_link``).

A seal known by SHA-256 numbered after one of the same township known by SM3 (:mod:`counter.audit.seal`, "Under
SM3") is named too (``downgraded``): the township's program does not make such a seal.

A township that restored an older backup seals again under numbers it had sent before; its first seals after the
restore say so (``restored``, signed with its key), and the hall names the second seal under such a number as the
restore it is (``restored``, not a problem), keeping both.

Only a row the township signed can accuse it.  The hall keeps a seal only when its signature is the township's
registered key (:func:`counter.actions.sync.sync_seals.keep_township_seal`), but a row can be written into
``peer_seal`` by whoever can write the hall's database: such a row, not signed by the township, once made the hall
name the honest township as having sealed a rewritten trail, for good.  It is now named for what it is — a row the
township never signed (``unsigned``), the hall's database written, not the township's trail — and is left out of
the two checks above.  An administrator who has looked into it sets it aside (``counter audit set-aside-seal``),
which the hall's trail records; verify then no longer names it.

The township learns which of its seals the hall holds (``sync.seals_at_hall``, in the hall's update): its own
``audit verify`` names a seal the hall holds that is no longer on the laptop as it was sent (:func:`sent_seal_gone`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from counter.audit.seal import SealDigest

#: the setting a hall's update writes at a township: the newest of the township's seals the hall holds
SEALS_AT_HALL = "sync.seals_at_hall"
#: the setting, read as the hall's trail recorded it, naming the unsigned rows an administrator set aside
SET_ASIDE = "audit.peer_seals_set_aside"


class PeerSealProblem(StrEnum):
    TWO_SEALS = "two_seals"  # two different seals sent under one number
    BROKEN_LINK = "broken_link"  # the seal does not name the digest of the seal before it as the hall holds it
    UNSIGNED = "unsigned"  # a row the township did not sign with its registered key: written at the hall
    RESTORED = "restored"  # two seals under one number, the later made after a restore the site signed: not a problem
    DOWNGRADED = "downgraded"  # a seal known by SHA-256 numbered after a seal of the site known by SM3


@dataclass(frozen=True, slots=True)
class HeldSeal:
    site: str
    no: int
    digest: str
    prev: str
    signed: bool = True  # its signature is the site's registered key
    restored: int | None = None  # the seal says a restore took the site's trail back to this number
    digest_alg: SealDigest = SealDigest.SHA256  # the algorithm the seal is known by


@dataclass(frozen=True, slots=True)
class PeerSealFinding:
    site: str
    no: int
    problem: PeerSealProblem
    digest: str = ""  # the row's, for an unsigned one: what setting it aside names


SetAside = frozenset[tuple[str, int, str]]  # (site, number, digest) of rows an administrator set aside


def peer_seal_problems(held: Iterable[HeldSeal], set_aside: SetAside = frozenset()) -> list[PeerSealFinding]:
    """Every row the site did not sign, every number under which it sent two seals, every seal that does not follow
    the one before it, and every seal known by SHA-256 after one known by SM3.  Rows set aside (``set_aside``) are
    left out of all four, unsigned rows out of the last three: a row the township never signed says nothing of the
    township."""
    by_site: dict[str, dict[int, set[str]]] = {}
    prevs: dict[tuple[str, int], set[str]] = {}
    restores: dict[str, list[tuple[int, int]]] = {}  # site → (seal gone back to, number of the seal saying so)
    first_sm3: dict[str, int] = {}  # site → the lowest number of its seals known by SM3
    by_sha256: dict[str, set[int]] = {}  # site → the numbers of its seals known by SHA-256
    found: list[PeerSealFinding] = []
    for seal in held:
        if (seal.site, seal.no, seal.digest) in set_aside:
            continue
        if not seal.signed:
            found.append(PeerSealFinding(seal.site, seal.no, PeerSealProblem.UNSIGNED, seal.digest))
            continue
        by_site.setdefault(seal.site, {}).setdefault(seal.no, set()).add(seal.digest)
        if seal.restored is not None:  # signed: the site itself says a restore withdrew its seals from here on
            restores.setdefault(seal.site, []).append((seal.restored, seal.no))
        prevs.setdefault((seal.site, seal.no), set()).add(seal.prev)
        if seal.digest_alg is SealDigest.SM3:
            first_sm3[seal.site] = min(seal.no, first_sm3.get(seal.site, seal.no))
        else:
            by_sha256.setdefault(seal.site, set()).add(seal.no)
    for site, numbers in sorted(by_site.items()):
        for no, digests in sorted(numbers.items()):
            if len(digests) > 1:
                said = any(back_to < no and at <= no for back_to, at in restores.get(site, ()))
                found.append(PeerSealFinding(site, no, PeerSealProblem.RESTORED if said else PeerSealProblem.TWO_SEALS))
            before = numbers.get(no - 1)
            if before is not None and not prevs[(site, no)] <= before:
                found.append(PeerSealFinding(site, no, PeerSealProblem.BROKEN_LINK))
            if site in first_sm3 and no > first_sm3[site] and no in by_sha256.get(site, ()):
                found.append(PeerSealFinding(site, no, PeerSealProblem.DOWNGRADED))
    return found


class NotSetAside(Exception):
    """The row named is not held here, or is the township's own signed seal (``signed``): not set aside."""

    def __init__(self, signed: bool) -> None:
        super().__init__("signed" if signed else "not held")
        self.signed = signed


def set_aside_text(rows: SetAside) -> str:
    """The setting's value: every row set aside, sorted."""
    return json.dumps([list(row) for row in sorted(rows)])


def parse_set_aside(text: str | None) -> SetAside:
    """The rows of the setting's text; a part that cannot be read is left out (never raises): the row it named is
    then named again, which is the side to err on."""
    try:
        raw = json.loads(text or "[]")
    except ValueError:
        return frozenset()
    rows: set[tuple[str, int, str]] = set()
    for item in raw if isinstance(raw, list) else ():
        if isinstance(item, list) and len(item) == 3:
            site, no, digest = item
            if isinstance(site, str) and type(no) is int and isinstance(digest, str):
                rows.add((site, no, digest))
    return frozenset(rows)


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
