"""Desk: who acts, and where — the one value every action takes to know the site, the desk and the account.

It lives apart from any one action so that the audit trail, the intake and every other action can name it without
importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.access.roles import SINGLE_DESK, Actor
from counter.case.numbers import DeskIdentity


@dataclass(frozen=True, slots=True)
class Desk:
    """Who acts, and where: the desk's identity, the clerk's name as printed, the account signed in."""

    identity: DeskIdentity
    clerk: str
    actor: Actor = SINGLE_DESK  # the signed-in account; the single desk where the database has none

    @property
    def draft_key(self) -> str:
        return f"{self.identity.site_code}-{self.identity.desk_no}"
