"""Passwords: stored as memory-hard hashes, checked in constant time, never kept or logged.

scrypt (``hashlib.scrypt``, standard library) is memory-hard: a stolen
database copy cannot be tried against billions of guesses a second on a
graphics card.  The stored text names its parameters —
``scrypt$n$r$p$salt$hash`` with the salt and key in base64 — so they can be
raised later while old hashes still verify (:func:`needs_rehash` tells when a
hash should be replaced at the next successful sign-in).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

SCHEME = "scrypt"
SALT_BYTES = 16
KEY_BYTES = 32
MIN_LENGTH = 8
MAX_LENGTH = 128  # long enough for a passphrase; a megabyte pasted by mistake is refused, not hashed


@dataclass(frozen=True, slots=True)
class ScryptCost:
    """scrypt's cost: CPU/memory ``n`` (a power of two), block size ``r``, parallelism ``p``."""

    n: int
    r: int
    p: int

    @property
    def memory(self) -> int:
        """Bytes scrypt needs (128·r·n for the big array, plus the blocks), with room to spare."""
        return 128 * self.r * (self.n + self.p + 2) + 1024 * 1024


#: OWASP's Password Storage Cheat Sheet (2023 onwards) asks scrypt for N=2^17, r=8, p=1 at least: 128 MiB and about
#: 0.4 s a hash on a desk computer, once per sign-in.  Hashes made at the earlier 2^14 still verify and are replaced
#: at the account's next successful sign-in (:func:`needs_rehash`).
COST = ScryptCost(n=2**17, r=8, p=1)
_MAX_N = 2**20  # a stored hash asking for more is refused rather than allowed to exhaust memory


class PasswordProblem(StrEnum):
    TOO_SHORT = "password_too_short"
    TOO_LONG = "password_too_long"
    NO_LETTER = "password_no_letter"
    NO_DIGIT = "password_no_digit"
    SAME_AS_LOGIN = "password_is_login"


def password_problems(password: str, login: str = "") -> tuple[PasswordProblem, ...]:
    """Every rule the password breaks, at once: at least 8 characters, letters and digits."""
    problems: list[PasswordProblem] = []
    if len(password) < MIN_LENGTH:
        problems.append(PasswordProblem.TOO_SHORT)
    if len(password) > MAX_LENGTH:
        problems.append(PasswordProblem.TOO_LONG)
    if not any(c.isalpha() for c in password):
        problems.append(PasswordProblem.NO_LETTER)
    if not any(c in "0123456789" for c in password):
        problems.append(PasswordProblem.NO_DIGIT)
    if login and password.casefold() == login.casefold():
        problems.append(PasswordProblem.SAME_AS_LOGIN)
    return tuple(problems)


def hash_password(password: str, cost: ScryptCost | None = None) -> str:
    """The text to store for ``password`` at ``cost`` (:data:`COST` when not given, read at each call), under a
    fresh random salt."""
    cost = COST if cost is None else cost
    salt = secrets.token_bytes(SALT_BYTES)
    key = _scrypt(password, salt, cost, KEY_BYTES)
    return "$".join((SCHEME, str(cost.n), str(cost.r), str(cost.p), _b64(salt), _b64(key)))


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored``; the comparison takes the same time wherever they differ.

    A stored text that cannot be read (damaged, another scheme, absurd cost)
    matches nothing: it is checked against the dummy hash instead, so the
    answer takes as long as a real check.
    """
    parsed = _parse(stored)
    if parsed is None:
        verify_password(password, dummy_hash())
        return False
    cost, salt, key = parsed
    return hmac.compare_digest(_scrypt(password, salt, cost, len(key)), key)


def needs_rehash(stored: str, cost: ScryptCost | None = None) -> bool:
    """Whether ``stored`` was made with another cost than ``cost`` (:data:`COST`), or cannot be read."""
    parsed = _parse(stored)
    return parsed is None or parsed[0] != (COST if cost is None else cost)


def dummy_hash() -> str:
    """A hash of no one's password, made once: checked for an unknown login so it takes as long as a known one."""
    return _dummy_at(COST)


@cache
def _dummy_at(cost: ScryptCost) -> str:
    return hash_password(secrets.token_urlsafe(16), cost)


def _scrypt(password: str, salt: bytes, cost: ScryptCost, length: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=cost.memory, dklen=length
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _parse(stored: str) -> tuple[ScryptCost, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    power_of_two = n > 1 and n & (n - 1) == 0
    if not (power_of_two and n <= _MAX_N and 1 <= r <= 32 and 1 <= p <= 16 and salt and len(key) >= 16):
        return None
    return ScryptCost(n, r, p), salt, key
