"""An intake's reads that carry a person whole, as the account that asks may be given them
(:mod:`counter.actions.cases.reach`): only to an account that takes intakes (and, for the parties on file, sees a
person whole), each ID number given recorded as read by the operation named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.actions.cases import reach
from counter.actions.cases.case_reads import case_view
from counter.actions.catalog.guides import current_guide
from counter.actions.intake import drafts
from counter.actions.intake.parties import known_party
from counter.case.resubmission import resubmission_draft
from counter.db.case_store import personal_to_hand_out
from counter.intake.draft import IntakeDraft
from counter.intake.kept_drafts import KeptDrafts
from counter.intake.known_party import KnownParty

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk


def _id_nos(draft: IntakeDraft) -> tuple[str, ...]:
    """The ID numbers a draft carries whole: its applicant's and its agent's."""
    return (draft.applicant.id_no, draft.agent.id_no)


def desk_drafts(session: Session, desk: Desk, operation: str) -> KeptDrafts:
    """The desk's drafts checked (:func:`counter.actions.intake.drafts.check_drafts`); none for an account that may not
    take an intake (a department's, signing in at a clerk's desk): a draft names the clerk's applicant, whole."""
    if not reach.may(session, desk, Permission.TAKE_INTAKE):
        return KeptDrafts()
    kept = drafts.check_drafts(session, desk)
    id_nos = tuple(n for d in kept.drafts if d.draft is not None for n in _id_nos(d.draft))
    if id_nos:
        reach.note_read(session, desk, operation, "", id_nos)
    return kept


def party_on_file(session: Session, desk: Desk, id_no: str, operation: str) -> KnownParty | None:
    """The party's phone and address on file, whole (:func:`known_party`): only to an account that takes intakes and
    sees a person whole."""
    reach.require_whole(session, desk)
    found = known_party(session, id_no)
    if found is not None:
        reach.note_read(session, desk, operation, "", (id_no,))
    return found


def resubmission(session: Session, desk: Desk, case_no: str, operation: str) -> IntakeDraft | None:
    """A draft taking the case's intake again on its bundle's current guide; only to an account that takes intakes
    and sees a person whole, of a case within its reach: the draft carries the case's parties whole, and cannot be
    masked (the intake is taken from it).  None for no such case or guide."""
    reach.require_whole(session, desk, case_no)
    view = case_view(session, case_no)
    guide = current_guide(session, view.bundle_code) if view is not None else None
    if view is None or guide is None:
        return None
    personal_to_hand_out(session, view.case_no)  # never （已加密） into the new intake, its papers and its record
    draft = resubmission_draft(view, guide.bundle, guide.version_id)
    reach.note_read(session, desk, operation, view.case_no, _id_nos(draft))
    return draft
