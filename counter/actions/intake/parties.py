"""What earlier cases knew of a person or company, for 一证办理 at the intake."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.db.party_store import find_party
from counter.intake.known_party import KnownParty

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit


def known_party(unit: Unit, id_no: str) -> KnownParty | None:
    """The party of this ID number or credit code as last seen; None when no case knew it."""
    party = find_party(unit, id_no)
    if party is None:
        return None
    return KnownParty(party.kind, party.name, party.phone, party.address, party.legal_rep)
