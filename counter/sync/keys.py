"""A site's signing key: Ed25519, the private half in a file, the public half as base64 text.

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
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import os
from enum import StrEnum
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64
FINGERPRINT_HEX = 16


class KeyProblem(StrEnum):
    """Why a key file cannot be used."""

    MISSING = "missing"  # no file there
    UNREADABLE = "unreadable"  # there, but the file cannot be read (permissions, a folder)
    NOT_A_KEY = "not_a_key"  # read, but not an unencrypted PEM private key
    WRONG_TYPE = "wrong_type"  # a private key, but not Ed25519
    OTHER_SITE = "other_site"  # an Ed25519 key, but not the one whose public half this site registered


class KeyUnreadable(Exception):
    """The key file at ``path`` cannot serve as this site's signing key, for ``reason``."""

    def __init__(self, path: Path, reason: KeyProblem) -> None:
        super().__init__(f"{path}: {reason.value}")
        self.path = path
        self.reason = reason


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_key_text(key: Ed25519PrivateKey) -> str:
    """The public half as base64 (standard alphabet) of its raw 32 bytes."""
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def save_private_key(key: Ed25519PrivateKey, path: Path) -> None:
    """Write the key as PKCS8 PEM, mode 0600, atomically: a crash leaves the old file or the new, never half of one.

    A parent folder that does not exist yet is made readable by its owner only.
    """
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    tmp = path.with_name(path.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()  # a leftover of an interrupted save, perhaps with a wider mode
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        if hasattr(os, "fchmod"):  # POSIX: make the mode exact whatever the umask; Windows keeps its own ACLs
            os.fchmod(fd, 0o600)
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    tmp.replace(path)


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The Ed25519 key saved at ``path``; :class:`KeyUnreadable` says why not."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise KeyUnreadable(path, KeyProblem.MISSING) from err
    except OSError as err:
        raise KeyUnreadable(path, KeyProblem.UNREADABLE) from err
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as err:  # TypeError: an encrypted key
        raise KeyUnreadable(path, KeyProblem.NOT_A_KEY) from err
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyUnreadable(path, KeyProblem.WRONG_TYPE)
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


def key_fingerprint(public_key_b64: str) -> str:
    """The first 16 hex digits of the raw key's SHA-256, in groups of four: "ab12 cd34 ef56 7890".

    Short enough to read out over the phone when two sites check they registered
    each other's real key.  Raises ValueError for text that is not a public key.
    """
    raw = raw_public_key(public_key_b64)
    if raw is None:
        raise ValueError("not an Ed25519 public key in base64")
    digest = hashlib.sha256(raw).hexdigest()[:FINGERPRINT_HEX]
    return " ".join(digest[i : i + 4] for i in range(0, FINGERPRINT_HEX, 4))


def _decode(text: str) -> bytes | None:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError, TypeError):  # ValueError: text that is not ASCII
        return None
