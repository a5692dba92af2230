"""What earlier cases knew of a person or company (一证办理): filled into the intake form when its ID number is typed.

Plain data of the domain, so that the panel is handed it across the service.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KnownParty:
    """What earlier cases knew of a person or company (一证办理), as plain data."""

    kind: str
    name: str
    phone: str
    address: str
    legal_rep: str
