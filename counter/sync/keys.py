"""A site's keys: Ed25519 to sign, X25519 to be encrypted to; private halves in files, public halves as base64.

The public key travels as the base64 of its raw 32 bytes: short enough to sit
in a database column and in a site card, and to read out over the phone by its
fingerprint.  The private key is a PKCS8 PEM file readable by its owner only;
it never enters the database, so a copy of the database (a backup, a hall's
shared server) cannot sign a package.  It is unencrypted: a township laptop
must sign without anyone typing a passphrase, and the file's mode and the
machine's own lock are its protection.

:func:`verify` answers False for anything that is not a good signature, and
never raises: a package arrives from outside, and whatever its bytes are, the
answer is "not signed by this key".

The encryption key (X25519) is a second key pair, in a file beside the
signing key's (:func:`encryption_key_path`), with the same mode and the same
rule: never in the database.  One key for both jobs would tie the package's
secrecy to every signature ever made with it; two keys cost one more line on
the site card.  The fingerprint read over the phone covers both public keys,
so a card whose encryption key was swapped on the way shows a fingerprint the
sender does not recognise, as a swapped signing key does.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
from enum import StrEnum
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from counter.sync.sm_seal import raw_public_key as raw_sm2_key
from counter.util.secret_file import write_new_secret, write_secret

PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64
FINGERPRINT_HEX = 32  # 128 bits: a forged key matching a given fingerprint takes 2^128 tries (2^64 was within reach)


class KeyProblem(StrEnum):
    """Why a key file cannot be used."""

    MISSING = "missing"  # no file there
    UNREADABLE = "unreadable"  # there, but the file cannot be read (permissions, a folder)
    NOT_A_KEY = "not_a_key"  # read, but not an unencrypted PEM private key
    WRONG_TYPE = "wrong_type"  # a private key, but not Ed25519 (X25519 for the encryption key)
    OTHER_SITE = "other_site"  # an Ed25519 key, but not the one whose public half this site registered


class KeyUnreadable(Exception):
    """The key file at ``path`` cannot serve as this site's signing key (or ``encryption`` key), for ``reason``."""

    def __init__(self, path: Path, reason: KeyProblem, encryption: bool = False) -> None:
        super().__init__(f"{path}: {reason.value}")
        self.path = path
        self.reason = reason
        self.encryption = encryption


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_key_text(key: Ed25519PrivateKey) -> str:
    """The public half as base64 (standard alphabet) of its raw 32 bytes."""
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def new_encryption_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def encryption_key_text(key: X25519PrivateKey) -> str:
    """The X25519 public half as base64 of its raw 32 bytes, as for the signing key."""
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def encryption_key_path(signing_key_path: Path) -> Path:
    """The encryption key's file: beside the signing key's, ``site.key`` → ``site-encryption.key``."""
    return signing_key_path.with_name(f"{signing_key_path.stem}-encryption{signing_key_path.suffix}")


def next_key_path(path: Path) -> Path:
    """Where a rotation writes a key before its commit (:mod:`counter.actions.admin.key_rotation`)."""
    return path.with_name(path.name + ".next")


def install_next_keys(path: Path, stored_public_key: str | None = None) -> bool:
    """Put a rotation's ``*.next`` key files in place when the database names their key (``stored_public_key``;
    None: at once, right after the rotation's commit).  Files of a rotation that never committed are removed.
    Whether keys were put in place."""
    signing_next, sealing_next = next_key_path(path), next_key_path(encryption_key_path(path))
    national = path.with_name(f"{path.stem}-sm2{path.suffix}")  # counter.sync.sm2_keys.sm2_key_path
    national_next = next_key_path(national)
    if not signing_next.exists():
        return False
    if stored_public_key is not None:
        try:
            named = public_key_text(load_private_key(signing_next)) == stored_public_key
        except KeyUnreadable:
            named = False
        if not named:
            signing_next.unlink()
            sealing_next.unlink(missing_ok=True)
            national_next.unlink(missing_ok=True)
            return False
    if sealing_next.exists():
        sealing_next.replace(encryption_key_path(path))
    if national_next.exists():
        national_next.replace(national)
    signing_next.replace(path)
    return True


def save_private_key(key: Ed25519PrivateKey | X25519PrivateKey, path: Path) -> None:
    """Write the key as PKCS8 PEM, mode 0600, atomically: a crash leaves the old file or the new, never half of one.

    A parent folder that does not exist yet is made readable by its owner only.
    """
    write_private_file(path, _pem(key))


def save_new_private_key(key: Ed25519PrivateKey | X25519PrivateKey, path: Path) -> None:
    """Write the key as :func:`save_private_key` does, unless a key file is there already: of two processes making a
    site's first key at once, the first to finish stands, and each then loads the file rather than keep its own
    (:func:`counter.util.secret_file.write_new_secret`)."""
    write_new_secret(path, _pem(key))


def _pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    plain = serialization.NoEncryption()
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, plain)


def write_private_file(path: Path, pem: bytes) -> None:
    """Write a private key's text as :func:`save_private_key` does: mode 0600 from its creation, flushed, renamed
    over the file it replaces (a rotation's next key, a key put back), its folder 0700
    (:func:`counter.util.secret_file.write_secret`)."""
    with contextlib.suppress(FileNotFoundError):
        path.with_name(path.name + ".tmp").unlink()  # an earlier version's, left by a save cut short: maybe wider
    write_secret(path, pem)


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The Ed25519 key saved at ``path``; :class:`KeyUnreadable` says why not."""
    key = _load_any(path, encryption=False)
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyUnreadable(path, KeyProblem.WRONG_TYPE)
    return key


def load_encryption_key(path: Path) -> X25519PrivateKey:
    """The X25519 key saved at ``path``; :class:`KeyUnreadable` says why not."""
    key = _load_any(path, encryption=True)
    if not isinstance(key, X25519PrivateKey):
        raise KeyUnreadable(path, KeyProblem.WRONG_TYPE, encryption=True)
    return key


def _load_any(path: Path, encryption: bool) -> object:
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise KeyUnreadable(path, KeyProblem.MISSING, encryption) from err
    except OSError as err:
        raise KeyUnreadable(path, KeyProblem.UNREADABLE, encryption) from err
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as err:  # TypeError: an encrypted key
        raise KeyUnreadable(path, KeyProblem.NOT_A_KEY, encryption) from err
    return key


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    """The signature of ``data``, as base64."""
    return base64.b64encode(key.sign(data)).decode("ascii")


def raw_public_key(public_key_b64: str) -> bytes | None:
    """The 32 raw bytes of a public key text; None for text that is not one (bad base64, wrong length)."""
    raw = _decode(public_key_b64)
    return raw if raw is not None and len(raw) == PUBLIC_KEY_BYTES else None


def verify(public_key_b64: str, data: bytes, signature_b64: str) -> bool:
    """True only if ``signature_b64`` is the signature of ``data`` by ``public_key_b64``; never raises."""
    raw = raw_public_key(public_key_b64)
    signature = _decode(signature_b64)
    if raw is None or signature is None or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def key_fingerprint(public_key_b64: str, encryption_key_b64: str = "", sm2_key_b64: str = "") -> str:
    """The first 32 hex digits (128 bits) of SHA-256 over the raw public keys, in eight groups of four.

    "ab12 cd34 ef56 7890 1a2b 3c4d 5e6f 7a8b": what two sites read out over the
    phone to check they registered each other's real keys.  It covers the
    signing key and, when given, the encryption key after it (both are 32 bytes,
    so the joined bytes have one reading).  64 bits, as before, let a forger
    with a few GPU-months make a card of their own that matches a real card's
    fingerprint; 128 bits put that beyond reach.  A site that holds an SM2 key
    (the national suite, :mod:`counter.sync.sm_seal`) has its 65 bytes after
    them: a card without one keeps the fingerprint it always had.  Raises
    ValueError for text that is not a public key.
    """
    raw = raw_public_key(public_key_b64)
    extra = raw_public_key(encryption_key_b64) if encryption_key_b64 else b""
    national = raw_sm2_key(sm2_key_b64) if sm2_key_b64 else b""
    if raw is None or extra is None or national is None or (national and not extra):
        raise ValueError("not a public key in base64")
    digest = hashlib.sha256(raw + extra + national).hexdigest()[:FINGERPRINT_HEX]
    return " ".join(digest[i : i + 4] for i in range(0, FINGERPRINT_HEX, 4))


def _decode(text: str) -> bytes | None:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError, TypeError):  # ValueError: text that is not ASCII
        return None
