"""A site's new keys announced under its old one: how a rotation reaches the site's peers by itself.

Why.  After ``counter site rotate-key`` a site's packages are signed with its new key, which its peers do not hold:
each refused them until an administrator registered the new card by hand, and meanwhile packages signed with the old
key were still taken in.  The rotation therefore writes a statement of the new public keys, signed with the old
signing key (Ed25519: every card of the site carried it), and every package the site writes afterwards carries it in
its header (``key_change``), signed with the rest under the new key.  A peer that holds the old key checks the
statement with it, the package with the new key the statement names, and on taking the package in registers the new
keys in place of the old, keeping the old for the seals made before (:mod:`counter.actions.admin.peer_former_keys`);
from then on a package signed with the old key is refused like any stranger's.

A rotation that revokes the old key (its private half may be in other hands) makes no statement: whoever holds the
old key could announce keys of their own, so its peers register the new card by hand, its fingerprint read out.
:func:`read_key_change` never raises: what it reads came from outside.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from counter.sync.keys import sign, verify

KEY_CHANGE_FORMAT = "counter-key-change/1"
#: the setting holding this site's newest statement, carried by each package it writes from its rotation on
KEY_CHANGE_SETTING = "sync.key_change"


@dataclass(frozen=True, slots=True)
class KeyChange:
    site: str
    public_key: str  # the new Ed25519 signing key, base64
    encryption_key: str  # the new X25519 key
    sm2_key: str  # the new SM2 key; "" for a site without one
    at: str  # when the rotation was made, ISO 8601 UTC


def _statement(change: KeyChange) -> str:
    body = {"format": KEY_CHANGE_FORMAT, "site": change.site, "public_key": change.public_key,
            "encryption_key": change.encryption_key, "sm2_key": change.sm2_key, "at": change.at}  # fmt: skip
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def key_change_text(change: KeyChange, old_key: Ed25519PrivateKey) -> str:
    """The statement and its signature by the old key, as one line of JSON (what the header carries)."""
    statement = _statement(change)
    signed = {"statement": statement, "signature": sign(old_key, statement.encode("utf-8"))}
    return json.dumps(signed, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def read_key_change(text: str, site: str, registered_key: str) -> KeyChange | None:
    """The change ``text`` announces for ``site``, when signed by ``registered_key`` (the old key a peer holds);
    None for anything else."""
    try:
        outer = json.loads(text)
        statement, signature = str(outer["statement"]), str(outer["signature"])
        body = json.loads(statement)
        change = KeyChange(str(body["site"]), str(body["public_key"]), str(body["encryption_key"]),
                           str(body.get("sm2_key") or ""), str(body["at"]))  # fmt: skip
        fmt = body.get("format")
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    if fmt != KEY_CHANGE_FORMAT or change.site != site or _statement(change) != statement:
        return None
    if not registered_key or not verify(registered_key, statement.encode("utf-8"), signature):
        return None
    return change
