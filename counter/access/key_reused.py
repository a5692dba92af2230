"""The refusal of an idempotency key asked again for something other than the write it was first given to.

A key names one write of one desk's account: the same operation with the same request, asked again because its answer
was lost.  Asked with another body, another operation, from another account or desk, it is no retry: answering it
from the receipt would hand one request's result (another applicant's case, another account's answer) to another,
and applying it would leave the first write's receipt answering for two.  Refused, with what differs.
"""

from __future__ import annotations

from enum import StrEnum


class KeyMismatch(StrEnum):
    """What differs from the write the key was first given to."""

    OPERATION = "operation"
    REQUEST = "request"
    ACCOUNT = "account"
    DESK = "desk"


class KeyReused(Exception):
    """The key was given to another write (``reason``: a :class:`KeyMismatch` value); nothing was applied."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"idempotency key reused: another {reason}")
        self.reason = reason
