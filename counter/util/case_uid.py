"""A case's uid: the key every site knows a case by, and the key a retried intake finds its case by.

A desk makes it once per intake (``uuid4().hex``: 32 lower-case hex digits) and a township's package carries it;
the package's format refuses any other shape (:mod:`counter.sync.record_json`).  So every door that lets a caller
name the uid — ``counter case take``'s request file — holds it to the same shape: a case the hall's import would
refuse must never be taken, or every later package of that township would be refused with it.
"""

from __future__ import annotations

import re

CASE_UID = re.compile(r"[0-9a-f]{32}")
_GIVEN = re.compile(r"[0-9a-fA-F]{32}")


def case_uid_ok(uid: str) -> bool:
    """Whether ``uid`` is a case's uid as kept and sent: 32 lower-case hex digits."""
    return CASE_UID.fullmatch(uid) is not None


def given_uid(text: str) -> str | None:
    """The uid a caller wrote, as kept (lower case); "" for none (one is made); None when it is not 32 hex digits."""
    text = text.strip()
    if not text:
        return ""
    return text.lower() if _GIVEN.fullmatch(text) else None
