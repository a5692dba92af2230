"""What earlier cases knew of a person or company, for 一证办理 at the intake, and the cases she still has open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.actions.cases.received_cases import marked
from counter.case.open_cases import OPEN_CASES_SHOWN, OpenCase
from counter.db.open_case_store import open_cases_of
from counter.db.party_store import find_party, party_to_hand_out
from counter.intake.known_party import KnownParty

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit


def known_party(unit: Unit, id_no: str) -> KnownParty | None:
    """The party of this ID number or credit code as last seen; None when no case knew it.  ``DataKeyDamaged`` where
    its phone or address cannot be opened here (:func:`counter.db.party_store.party_to_hand_out`): the window then
    leaves the fields to the clerk."""
    party = find_party(unit, id_no)
    if party is None:
        return None
    party_to_hand_out(unit, party)
    return KnownParty(party.kind, party.name, party.phone, party.address, party.legal_rep)


def open_cases(unit: Unit, id_no: str, bundle_code: str) -> tuple[OpenCase, ...]:
    """The applicant's cases of this bundle not yet over, newest first: number, day and status only."""
    return tuple(marked(unit, open_cases_of(unit, id_no, bundle_code, OPEN_CASES_SHOWN)))  # 已收件 as on the page
