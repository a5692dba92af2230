"""The site's signing keys over time: which key may have signed a seal made at a given moment.

Why.  A seal is checked against the site's key (:mod:`counter.audit.seal`).  When a site replaces its key — a
laptop stolen, a technician leaving, a key older than the office wants — every seal made before holds the old
key's signature.  Checking those against the new key alone called the whole sealed past forged, for ever, so a
site kept a key it no longer trusted rather than lose its trail.  A retired key is therefore kept, public half
only, with the moment it stopped signing: a seal dated up to then is checked against it, one dated later is not
(the private half is gone, so no later seal of it can be true).

A key can also be named *revoked* from a moment (``revoked_since``), when its private half may have been read
before it was retired: a seal of it dated from then on is refused, and ``audit verify`` says the key is revoked,
not that the trail was rewritten.  Seals are numbered, chained and dated in order (:func:`counter.audit.seal
.check_seals` refuses a seal dated before the one it follows), so a thief holding a revoked key cannot slip a
seal dated before the revocation into the trail after it.

The history is a setting written on the machine that holds the key (``counter site rotate-key``), with the
fingerprints of both keys in the trail; its text is read here without ever raising.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from counter.case.moments import stored_utc


class SealVerdict(StrEnum):
    SIGNED = "signed"  # a key that may have signed at that moment did
    FORGED = "forged"  # no key of the site signed it, or not while the key was in use
    REVOKED = "revoked"  # signed by a retired key, dated after it was replaced or from its revocation


@dataclass(frozen=True, slots=True)
class RetiredKey:
    public_key: str  # base64 Ed25519, as the site's stored key
    until: dt.datetime  # UTC: the moment it was replaced; no seal of it is dated later
    revoked_since: dt.datetime | None = None  # UTC: its seals from this moment on are refused
    #: the encryption key retired with it (base64), so the retired card's fingerprint can be shown as its peers hold
    #: it; "" for a key retired before it was kept
    encryption_key: str = ""
    sm2_key: str = ""  # the SM2 key retired with it, of a site on the national suite (counter.sync.sm_seal)


def history_text(keys: Sequence[RetiredKey]) -> str:
    """The setting's text: a JSON list, oldest first."""
    return json.dumps(
        [
            {
                "public_key": key.public_key,
                "until": key.until.isoformat(),
                "revoked_since": None if key.revoked_since is None else key.revoked_since.isoformat(),
            }
            | ({"encryption_key": key.encryption_key} if key.encryption_key else {})
            | ({"sm2_key": key.sm2_key} if key.sm2_key else {})
            for key in keys
        ],
        sort_keys=True,
    )


def parse_history(text: str | None) -> tuple[RetiredKey, ...]:
    """The retired keys of the setting's text; an entry that cannot be read is left out (never raises): a seal it
    alone could have verified is then reported, which is the side to err on."""
    if not text:
        return ()
    try:
        raw = json.loads(text)
    except ValueError:
        return ()
    keys: list[RetiredKey] = []
    for item in raw if isinstance(raw, list) else ():
        try:
            revoked = item.get("revoked_since")
            keys.append(
                RetiredKey(
                    str(item["public_key"]),
                    stored_utc(dt.datetime.fromisoformat(item["until"])),
                    None if revoked is None else stored_utc(dt.datetime.fromisoformat(revoked)),
                    str(item.get("encryption_key") or ""),
                    str(item.get("sm2_key") or ""),
                )
            )
        except (AttributeError, KeyError, TypeError, ValueError):
            continue
    return tuple(keys)


def seal_verdict(
    at: dt.datetime, current: str, retired: Sequence[RetiredKey], verifies: Callable[[str], bool]
) -> SealVerdict:
    """Whether a seal dated ``at`` was signed by a key of the site that was in use then.

    ``verifies(public_key)`` checks the seal's signature against one key.  The current key may have signed any
    seal dated after the newest retired key's end (and, for a site whose history starts with it, any seal at all);
    a retired key, a seal dated up to its end and before its revocation.
    """
    at = stored_utc(at)
    current_since = max((key.until for key in retired), default=None)
    if current and (current_since is None or at >= current_since) and verifies(current):
        return SealVerdict.SIGNED
    revoked = False
    for key in retired:
        if not verifies(key.public_key):
            continue
        if at > key.until or (key.revoked_since is not None and at >= key.revoked_since):
            revoked = True  # the site's key once, but not at that moment: its private half may be in other hands
            continue
        return SealVerdict.SIGNED
    return SealVerdict.REVOKED if revoked else SealVerdict.FORGED
