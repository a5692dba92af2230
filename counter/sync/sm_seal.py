"""The national suite of a package: SM2 encryption of a fresh SM4 key, SM4-GCM for the body, SM2 signatures with SM3.

Halls undergo the 商用密码应用安全性评估, which expects the national algorithms where personal information is
protected in transit (GB/T 39786-2021).  A site that chooses this suite seals and signs its packages so:

- a fresh 16-byte SM4 key for each package, encrypted to the receiver's SM2 public key (GB/T 32918.4, C1 ‖ C3 ‖ C2,
  :func:`counter.sync.sm2.encrypt`); that ciphertext travels in the header's ``ephemeral_key`` field, where the
  other suite puts its one-time X25519 key (C1 is the one-time point of this suite);
- the body is SM4-GCM (GB/T 32907, GCM as in RFC 8998) under that key, the nonce 12 zero bytes (one key, one
  message), the 16-byte tag after the ciphertext, the header but its body hash, length and signature as the
  associated data, as in the other suite;
- the header is signed with SM2 over SM3 with the default user ID 1234567812345678 (GB/T 32918.2, GB/T 35276),
  the signature r ‖ s in base64.

The SM2 keys are separate from the site's Ed25519 and X25519 keys: a public key is the base64 of its 65 bytes
``04 ‖ x ‖ y``; one SM2 key both signs and is encrypted to, as GB/T 35276 allows, since the signature (Z-bound
SM3) and the encryption (SM3 KDF) share no structure.  :func:`open_sealed` and :func:`verify` answer None or
False for anything that does not open, and never raise: what they read came from outside.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from counter.sync import sm2

SM_SUITE = "sm2enc-sm4gcm+sm2sm3"
_NONCE = bytes(12)  # one key, one message
_KEY_BYTES = 16  # SM4
_TAG_BYTES = 16


@dataclass(frozen=True, slots=True)
class Sm2PrivateKey:
    """A site's SM2 private key d, in [1, n − 2]; kept in a file of its own (:mod:`counter.sync.sm2_keys`)."""

    d: int = 0

    def __repr__(self) -> str:  # never the key in a log or a traceback
        return "Sm2PrivateKey(…)"


def new_private_key() -> Sm2PrivateKey:
    return Sm2PrivateKey(sm2.new_private_key())


def public_key_text(key: Sm2PrivateKey) -> str:
    """The SM2 public key as base64 of ``04 ‖ x ‖ y``."""
    return base64.b64encode(sm2.public_key(key.d)).decode("ascii")


def raw_public_key(text: str) -> bytes | None:
    """The 65 bytes of an SM2 public key text, or None for text that is not a point of the curve."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError, TypeError):  # ValueError: text that is not ASCII
        return None
    return raw if sm2.public_point(raw) is not None else None


def sign(key: Sm2PrivateKey, data: bytes) -> str:
    """The SM2 signature of ``data`` with the default user ID, as base64 of r ‖ s."""
    return base64.b64encode(sm2.sign(key.d, data)).decode("ascii")


def verify(public_key_b64: str, data: bytes, signature_b64: str) -> bool:
    """True only if ``signature_b64`` is the SM2 signature of ``data`` by the key; never raises."""
    raw = raw_public_key(public_key_b64)
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except (binascii.Error, ValueError, TypeError):
        return False
    return raw is not None and sm2.verify(raw, data, signature)


def new_content_key(recipient_b64: str) -> tuple[bytes, str]:
    """A fresh SM4 key for one package, and it encrypted to the receiver (base64: it goes in the header);
    ValueError for a recipient that is not an SM2 public key."""
    recipient = raw_public_key(recipient_b64)
    if recipient is None:
        raise ValueError("not an SM2 public key in base64")
    key = secrets.token_bytes(_KEY_BYTES)
    return key, base64.b64encode(sm2.encrypt(recipient, key)).decode("ascii")


def seal(plain: bytes, key: bytes, aad: bytes) -> bytes:
    """``plain`` under the package's SM4 key, bound to ``aad``: the ciphertext, then the 16-byte tag."""
    encryptor = Cipher(algorithms.SM4(key), modes.GCM(_NONCE)).encryptor()
    encryptor.authenticate_additional_data(aad)
    body = encryptor.update(plain) + encryptor.finalize()
    return body + encryptor.tag


def open_sealed(sealed: bytes, sealed_key_b64: str, recipient: Sm2PrivateKey, aad: bytes) -> bytes | None:
    """The plain bytes, or None when they were sealed to another key, changed, or moved under another header."""
    try:
        cipher_key = base64.b64decode(sealed_key_b64, validate=True)
    except (binascii.Error, ValueError, TypeError):
        return None
    key = sm2.decrypt(recipient.d, cipher_key)
    if key is None or len(key) != _KEY_BYTES or len(sealed) < _TAG_BYTES:
        return None
    body, tag = sealed[:-_TAG_BYTES], sealed[-_TAG_BYTES:]
    try:
        decryptor = Cipher(algorithms.SM4(key), modes.GCM(_NONCE, tag)).decryptor()
        decryptor.authenticate_additional_data(aad)
        return decryptor.update(body) + decryptor.finalize()
    except (InvalidTag, ValueError, OverflowError):
        return None
