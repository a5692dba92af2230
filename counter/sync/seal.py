"""Sealing a package's body to the receiving site: X25519, HKDF-SHA256 and ChaCha20-Poly1305.

A township's package is every ID number, phone number and address of its
cases, carried on a USB stick that can be lost or copied on the way; the
《个人信息保护法》第五十一条 asks for encryption of personal information in
such hands.  The sender makes a fresh X25519 key for each package, agrees a
secret with the receiver's published X25519 key (on its site card), and
derives the one-time AEAD key with HKDF-SHA256, salted with both public keys
(so the key belongs to this ephemeral key *and* this receiver).  Only the
receiver's private key, a file on its own machine, opens the body.

The key is used for one message only, so the nonce may be fixed (all zeros):
a fresh ephemeral key each time is what makes each key new.  The associated
data is the package header (sender, receiver, kind, number, sizes, the
ephemeral key): a body moved under another header does not open.

The suite's name travels in the header (:data:`SUITE`), so another suite — the
national SM2/SM3/SM4 one of docs/sync-crypto.md — can be added beside this one
without a format break.  :func:`open_sealed` answers None for anything that
does not open, and never raises: what it reads came from outside.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SUITE = "x25519-hkdf-sha256-chacha20poly1305+ed25519"
_NONCE = bytes(12)  # one key, one message: see the module's note
_KEY_BYTES = 32


def new_ephemeral() -> tuple[X25519PrivateKey, str]:
    """A fresh X25519 key for one package, and its public half as base64 (it goes in the header)."""
    key = X25519PrivateKey.generate()
    return key, base64.b64encode(_raw(key.public_key())).decode("ascii")


def seal(plain: bytes, ephemeral: X25519PrivateKey, recipient_b64: str, aad: bytes) -> bytes:
    """``plain`` encrypted to the receiver's X25519 public key, bound to ``aad``; ValueError for a bad key text."""
    recipient = _public(recipient_b64)
    if recipient is None:
        raise ValueError("not an X25519 public key in base64")
    key = _derive(ephemeral.exchange(recipient), _raw(ephemeral.public_key()), _raw(recipient))
    return ChaCha20Poly1305(key).encrypt(_NONCE, plain, aad)


def open_sealed(sealed: bytes, ephemeral_b64: str, recipient: X25519PrivateKey, aad: bytes) -> bytes | None:
    """The plain bytes, or None when they were sealed to another key, changed, or moved under another header."""
    ephemeral = _public(ephemeral_b64)
    if ephemeral is None:
        return None
    try:
        shared = recipient.exchange(ephemeral)  # ValueError: a low-order point gives the all-zero secret
        key = _derive(shared, _raw(ephemeral), _raw(recipient.public_key()))
        return ChaCha20Poly1305(key).decrypt(_NONCE, sealed, aad)
    except (InvalidTag, ValueError, OverflowError):  # OverflowError: a body beyond what the AEAD takes at once
        return None


def _derive(shared: bytes, ephemeral_raw: bytes, recipient_raw: bytes) -> bytes:
    info = b"COUNTER-SYNC/2 " + SUITE.encode("ascii")
    return HKDF(hashes.SHA256(), _KEY_BYTES, salt=ephemeral_raw + recipient_raw, info=info).derive(shared)


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _public(text: str) -> X25519PublicKey | None:
    try:
        raw = base64.b64decode(text, validate=True)
        return X25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError, TypeError):  # ValueError: not 32 bytes, or text that is not ASCII
        return None
