"""Seals: the heads of every audit chain at a moment, signed with the site's key, so a rewritten trail shows.

Why.  Each entry's hash covers the one before, but whoever can write the
database can edit an entry and compute every later hash again: the chain is
then whole and says nothing.  A seal takes the last (number, hash) of every
chain and signs them, with the moment, using the site's Ed25519 key — the file
``keys/site.key`` on the machine that exports sync packages (the hall's admin
machine, a township's laptop), never in the database.  A desk that can write
the database cannot make a seal; so a chain rewritten at or before a sealed
number no longer has the sealed hash there, and ``audit verify`` names the
chain and the range of entries (after the last seal that still holds, up to the
first that does not) where the rewrite began.

Seals are numbered and each names the digest of the one before, so a seal
removed from the middle shows too.  Entries after the newest seal are counted as
"not yet sealed": they are only as good as the chain until the next seal.

Under SM3.  A seal is known by one digest wherever it is named: by the seal
after it (``prev``), in the anchors beside the key file, at the hall that holds
it, in a backup's list of seals.  So the algorithm of that digest is part of the
seal itself, inside the signed text: a seal made now says ``"digest":"sm3"``
(format ``counter-seal/2``) and is known by its SM3 (GB/T 32905) digest, on
every site, whatever suite it signs with — a link needs no key, and one rule for
every site means a site never changes its links a second time when it moves to
the national suite.  A seal made before (``counter-seal/1``, no such field)
keeps the SHA-256 digest it was anchored and sent under, and every seal checks
by its own algorithm.  The first SM3 seal names the SHA-256 one before it by
SHA-256; every link after it is SM3.  A seal that says SHA-256 after a seal that
said SM3 was not made by this program: ``audit verify`` names it as a downgrade
(as :mod:`counter.audit.verify` names a chain going back from HMAC-SM3).  The
format number changed so that a program that knows only SHA-256 holds such a
seal as unreadable rather than reading its SM3 links as broken.

What it does not protect.
- Entries after the newest seal, and the newest seals themselves: someone who
  deletes the latest seals and rewrites what followed the last one left is
  caught only by a copy of the seal kept elsewhere (the seal's number and
  digest that ``audit seal`` prints, written in the hall's log book, or — a
  possible extension — carried in the township's sync package to the hall).
- A key replaced in the database: the site's public key is a setting.  A forger
  who writes their own public key there and seals with its private half makes
  seals that verify.  ``audit verify`` prints the fingerprint the seals were
  checked against, to be compared with the site card its peers hold (read over
  the phone when it was registered); on the machine holding the key file it
  also checks that the file's key is the one in the database.
- A machine whose key file is read: on a township laptop the desk and the key
  share a machine, so there the seal protects only against someone who can
  write the database but not read the key file (a copy, a restored backup).
- An entry that lies.  Every desk appends entries (it must, to record its
  work), so whoever holds a desk's database login can change a row and append
  an entry about it, naming any actor, with the chain computed on: the
  cross-check (:mod:`counter.audit.state`) then agrees, and the next seal seals
  it.  What is caught is a change with no entry, or an entry rewritten after
  it was sealed; not an entry written to cover a change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from cryptography.hazmat.primitives import hashes

from counter.audit.chain import GENESIS, at_text
from counter.audit.site_keys import SealVerdict

SEAL_FORMAT = "counter-seal/1"  # a seal known by its SHA-256 digest: every seal made before SM3
SEAL_FORMAT_SM3 = "counter-seal/2"  # a seal that names the algorithm of its digest (``digest``)


class SealDigest(StrEnum):
    """The algorithm a seal is known by: what the seal after it names as ``prev``."""

    SHA256 = "sha256"
    SM3 = "sm3"


#: the algorithm of the seals made now
NEW_SEAL_DIGEST = SealDigest.SM3

Heads = Mapping[str, tuple[int, str]]  # chain → (last number, its hash)


@dataclass(frozen=True, slots=True)
class SealBody:
    no: int  # 1, 2, … in the order the seals were made
    site: str
    at: str  # UTC, as chain.at_text writes it
    prev: str  # the digest of the seal before (GENESIS for the first)
    heads: dict[str, tuple[int, str]]
    restored: int | None = None  # made after a restore took the trail back to this seal: its number reused
    digest: SealDigest = SealDigest.SHA256  # the algorithm this seal is known by


def seal_payload(
    no: int,
    site: str,
    at: dt.datetime,
    prev: str,
    heads: Heads,
    restored: int | None = None,
    digest: SealDigest = NEW_SEAL_DIGEST,
) -> str:
    """The text that is signed and stored: canonical JSON, keys sorted.  ``restored``: the seal a restore took the
    trail back to, on a seal whose number that restore withdrew (:mod:`counter.host.keys.seal_anchors`): the hall that
    holds the withdrawn seal then reads the two under one number as a restore, said under the site's key.
    ``digest``: the algorithm the seal is known by; SHA-256 writes the text every seal had before SM3, to the byte."""
    body: dict[str, object] = {
        "format": SEAL_FORMAT if digest is SealDigest.SHA256 else SEAL_FORMAT_SM3,
        "no": no,
        "site": site,
        "at": at_text(at),
        "prev": prev,
        "heads": {chain: [seq, head] for chain, (seq, head) in sorted(heads.items())},
    }
    if restored is not None:
        body["restored"] = restored
    if digest is not SealDigest.SHA256:
        body["digest"] = digest.value
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def payload_digest(payload: str) -> str:
    """What the next seal names as ``prev``, the anchors and the hall hold: the digest of the seal's text by the
    algorithm the seal names (SHA-256 for a seal of the first format, and for a text that is not a seal)."""
    body = parse_payload(payload)
    return digest_of(payload, SealDigest.SHA256 if body is None else body.digest)


def digest_of(payload: str, alg: SealDigest) -> str:
    """The digest of a seal's text by ``alg``, as hex."""
    if alg is SealDigest.SM3:
        sm3 = hashes.Hash(hashes.SM3())
        sm3.update(payload.encode("utf-8"))
        return sm3.finalize().hex()
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def parse_payload(payload: str) -> SealBody | None:
    """The seal's content; None for a text that is not a seal of either format (never raises): a seal of the first
    format naming a digest, or of the second naming none or one this program does not know, is none."""
    try:
        body = json.loads(payload)
        if not isinstance(body, dict) or body.get("format") not in (SEAL_FORMAT, SEAL_FORMAT_SM3):
            return None
        if body["format"] == SEAL_FORMAT:
            if "digest" in body:
                return None
            digest = SealDigest.SHA256
        else:
            digest = SealDigest(body["digest"])
        heads = {str(c): (int(v[0]), str(v[1])) for c, v in dict(body["heads"]).items()}
        no, site, at, prev = int(body["no"]), str(body["site"]), str(body["at"]), str(body["prev"])
        restored = None if body.get("restored") is None else int(body["restored"])
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    return SealBody(no, site, at, prev, heads, restored, digest)


@dataclass(frozen=True, slots=True)
class StoredSeal:
    payload: str
    signature: str


@dataclass(frozen=True, slots=True)
class BrokenChain:
    """A chain that no longer has a sealed hash: rewritten somewhere in ``first .. until``."""

    chain: str
    first: int  # the entry after the last sealed number that still holds (1 when none holds)
    until: int  # the first sealed number whose hash is not the sealed one


@dataclass(frozen=True, slots=True)
class SealCheck:
    seals: int  # seals read
    forged: tuple[int, ...]  # numbers (or places, for unreadable ones) of seals whose signature fails
    revoked: tuple[int, ...]  # numbers of seals signed by a revoked key after its revocation
    backdated: tuple[int, ...]  # numbers of seals dated before the seal they follow (a clock set back)
    missing: tuple[tuple[int, int], ...]  # ranges of seal numbers that are gone
    broken: tuple[BrokenChain, ...]
    unsealed: int  # entries after the newest valid seal of their chain
    downgraded: tuple[int, ...] = ()  # numbers of seals known by SHA-256 after a seal known by SM3


HashesAt = Callable[[str, list[int]], dict[int, str]]  # chain, numbers → number → hash of the entry there


def check_seals(
    seals: Iterable[StoredSeal],
    signed: Callable[[SealBody, StoredSeal], SealVerdict],
    hashes_at: HashesAt,
    last_seqs: Mapping[str, int],
) -> SealCheck:
    """Check every seal's signature, sequence and time, and every chain against every point a valid seal fixed.

    ``signed(body, seal)`` says whether a key of the site in use at the seal's time signed it
    (:func:`counter.audit.site_keys.seal_verdict`); ``last_seqs`` is each chain's last entry number now.  Seal
    times must not go back: a seal dated before the one it follows was made on a clock set back, or by someone
    dating it where a key they hold was still good.  Nor the algorithm of their digests: a seal known by SHA-256
    after one known by SM3 was made by a program that is not this one (or by someone who holds the key and wants
    the weaker link), and is named as downgraded.
    """
    forged: list[int] = []
    revoked: list[int] = []
    backdated: list[int] = []
    missing: list[tuple[int, int]] = []
    downgraded: list[int] = []
    points: dict[str, dict[int, str]] = {}
    count, expected_no, prev, last_at, sm3_before = 0, 1, GENESIS, "", False
    for place, seal in enumerate(seals, start=1):
        count += 1
        body = parse_payload(seal.payload)
        verdict = SealVerdict.FORGED if body is None else signed(body, seal)
        if body is None or verdict is not SealVerdict.SIGNED:
            (revoked if verdict is SealVerdict.REVOKED else forged).append(body.no if body is not None else place)
            continue
        if body.at < last_at:  # at_text: fixed width, UTC, so the texts sort as the moments do
            backdated.append(body.no)
        last_at = max(last_at, body.at)
        if body.digest is SealDigest.SM3:
            sm3_before = True
        elif sm3_before:
            downgraded.append(body.no)
        if body.no > expected_no:
            missing.append((expected_no, body.no - 1))
        elif body.no == expected_no and body.prev != prev and body.no > 1:
            missing.append((body.no - 1, body.no - 1))  # the seal before it was replaced
        expected_no, prev = body.no + 1, digest_of(seal.payload, body.digest)
        for chain, (seq, digest) in body.heads.items():
            points.setdefault(chain, {})[seq] = digest
    broken: list[BrokenChain] = []
    unsealed = 0
    for chain in sorted(set(points) | set(last_seqs)):
        fixed = points.get(chain, {})
        numbers = sorted(fixed)
        now = hashes_at(chain, numbers) if numbers else {}
        good = 0
        for seq in numbers:
            if now.get(seq) != fixed[seq]:
                broken.append(BrokenChain(chain, good + 1, seq))
                break
            good = seq
        unsealed += max(0, last_seqs.get(chain, 0) - (numbers[-1] if numbers else 0))
    return SealCheck(
        count,
        tuple(forged),
        tuple(revoked),
        tuple(backdated),
        tuple(missing),
        tuple(broken),
        unsealed,
        tuple(downgraded),
    )


def unanchored(anchored: Mapping[int, str], held: Mapping[int, str]) -> list[int]:
    """The numbers of seals anchored outside the database (number → digest) that the database no longer holds as
    anchored: deleted, or replaced by another seal of that number (:mod:`counter.host.keys.seal_anchors`)."""
    return sorted(no for no, digest in anchored.items() if held.get(no) != digest)
