"""A seal's signature under either algorithm: Ed25519, or SM2 with SM3 for a site on the national suite.

Why.  A site assessed under GB/T 39786-2021 expects the national algorithms for the integrity and origin of its
行为日志, and the seals are what fixes the trail's heads (:mod:`counter.audit.seal`).  A site that chose the national
suite (:func:`counter.actions.admin.site.choose_suite`) therefore signs its new seals with its SM2 key (GB/T 32918.2,
SM3, the default user ID 1234567812345678 of GB/T 35276), while the seals it made before keep their Ed25519
signatures: a seal is never signed again, so both must verify, for ever.

The signature column holds text.  An Ed25519 signature is its base64, as it always was; an SM2 signature is
``sm2:`` and the base64 of r ‖ s.  The prefix is not a claim anyone could profit from: each algorithm is checked
only against the site's keys of that algorithm, and a signature that verifies under neither is forged whatever it
says it is.
"""

from __future__ import annotations

from enum import StrEnum

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from counter.sync import keys, sm_seal
from counter.sync.sm_seal import Sm2PrivateKey

SM2_PREFIX = "sm2:"

SealKey = Ed25519PrivateKey | Sm2PrivateKey


class SealAlg(StrEnum):
    ED25519 = "ed25519"
    SM2 = "sm2-sm3"


def seal_alg(signature: str) -> SealAlg:
    """The algorithm a stored signature says it is in."""
    return SealAlg.SM2 if signature.startswith(SM2_PREFIX) else SealAlg.ED25519


def sign_seal(key: SealKey, payload: bytes) -> str:
    """The signature text of a seal's payload: SM2 for an SM2 key, Ed25519 otherwise."""
    if isinstance(key, Sm2PrivateKey):
        return SM2_PREFIX + sm_seal.sign(key, payload)
    return keys.sign(key, payload)


def seal_signed_by(public_key: str, payload: bytes, signature: str, alg: SealAlg) -> bool:
    """True only if ``signature`` is of ``alg`` and verifies under ``public_key`` of that algorithm (base64; an SM2
    key as ``04 ‖ x ‖ y``); never raises, and an empty key verifies nothing."""
    if not public_key or seal_alg(signature) is not alg:
        return False
    if alg is SealAlg.SM2:
        return sm_seal.verify(public_key, payload, signature.removeprefix(SM2_PREFIX))
    return keys.verify(public_key, payload, signature)


def seal_signed_by_site(ed25519_key: str, sm2_key: str, payload: bytes, signature: str) -> bool:
    """True if ``signature`` verifies under the site's key of the algorithm it is in (a peer's registered keys)."""
    alg = seal_alg(signature)
    return seal_signed_by(sm2_key if alg is SealAlg.SM2 else ed25519_key, payload, signature, alg)
