"""How an audit entry is hashed, so that the writer and the verifier agree to the bit.

Each entry's hash covers its own fields and the hash of the entry before it in
its chain; the first entry of a chain follows :data:`GENESIS`.  Editing an entry
changes its hash; deleting one breaks the link of the next, or leaves the
chain's head pointing past the end.

A chain alone proves nothing to someone who can write the database: they can
edit an entry and compute every later hash again.  What anchors it is the seal
(:mod:`counter.audit.seal`), signed with a key the desks do not hold.

Under SM3.  Where the site's trail key is (:mod:`counter.host.keys.trail_key`: the hall server's key folder, a township
laptop's, 0600, never the database), each new entry is chained with HMAC-SM3 (GB/T 32905 with HMAC) under that key,
and says so (``alg``): someone who can write the database but not read the key can no longer compute the chain
again after an edit.  Entries written before, or where the key is not, keep SHA-256; both are checked, each by its
own algorithm, and ``audit verify`` names which algorithm each span of a chain uses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cryptography.hazmat.primitives import hashes, hmac

from counter.case.moments import stored_utc

GENESIS = "0" * 64


class ChainAlg(StrEnum):
    SHA256 = ""  # every entry written before the trail key, and where it is not
    HMAC_SM3 = "hmac-sm3"  # HMAC-SM3 under the site's trail key


def chain_key(site_code: str, desk_no: str) -> str:
    """One chain per desk of a site, so desks never wait on each other's entries."""
    return f"{site_code}-{desk_no}"


def at_text(at: dt.datetime) -> str:
    """A moment as hashed: UTC to the microsecond (a naive value read back from SQLite is UTC).

    ``2026-11-20T02:30:00.000000Z``: the text of ``strftime("%Y-%m-%dT%H:%M:%S.%fZ")``, which every entry was hashed
    with, made by ``isoformat`` (a sixth of the time; every entry hashes one, an intake's case two).
    """
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds") + "Z"


def parse_at(text: str) -> dt.datetime | None:
    """The UTC moment of an :func:`at_text`; None for a text that is not one (never raises)."""
    try:
        return stored_utc(dt.datetime.fromisoformat(text.removesuffix("Z")))
    except ValueError:
        return None


#: the canonical JSON of what is hashed: the digests of every stored entry are taken of exactly this text
_DETAIL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode
_PAYLOAD = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def detail_text(detail: Mapping[str, Any]) -> str:
    """The detail as stored and hashed: canonical JSON, keys sorted."""
    return _DETAIL(dict(detail))


@dataclass(frozen=True, slots=True)
class AuditFields:
    """An entry's hashed fields, as the database holds them."""

    chain: str
    seq: int
    at: dt.datetime
    actor: str
    site_code: str
    desk_no: str
    action: str
    subject: str
    detail: str  # canonical JSON (detail_text)
    state: str = ""  # the digest of the subject row after the change (counter.audit.state); "" for none
    alg: str = ChainAlg.SHA256.value  # how the entry was chained (ChainAlg's value)


class NoTrailKey(Exception):
    """An entry chained with HMAC-SM3 cannot be hashed without the trail key."""


def entry_hash(prev_hash: str, fields: AuditFields, key: bytes | None = None) -> str:
    """The entry's hash by its own algorithm: SHA-256, or HMAC-SM3 under ``key`` (:class:`NoTrailKey` without)."""
    payload = [
        prev_hash,
        fields.chain,
        fields.seq,
        at_text(fields.at),
        fields.actor,
        fields.site_code,
        fields.desk_no,
        fields.action,
        fields.subject,
        fields.detail,
    ]
    if fields.state:  # entries made before states were recorded keep the hash they were written with
        payload.append(fields.state)
    if fields.alg == ChainAlg.HMAC_SM3:
        if key is None:
            raise NoTrailKey(fields.chain)
        payload.append(fields.alg)  # the algorithm is hashed too: an entry cannot be said to be another's
        mac = hmac.HMAC(key, hashes.SM3())
        mac.update(_PAYLOAD(payload).encode("utf-8"))
        return mac.finalize().hex()
    encoded = _PAYLOAD(payload).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()
