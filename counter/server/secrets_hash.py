"""Keys and tokens made here and shown once; their SHA-256 hashes are what the database keeps."""

from __future__ import annotations

import hashlib
import secrets

#: a session token's and a desk key's bytes: 256 bits, beyond guessing at any rate a server answers
TOKEN_BYTES = 32


def new_secret() -> str:
    """A fresh token or desk key, as URL-safe text (43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def digest(secret: str) -> str:
    """What the database keeps of ``secret``: its SHA-256, in hex.  A plain hash suffices: the secret is random and
    long, not a password a person chose, so no dictionary reaches it."""
    return hashlib.sha256(secret.encode()).hexdigest()
