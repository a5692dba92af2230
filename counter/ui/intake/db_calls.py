"""Every database call the intake panel makes, one session per user event.

The panel never holds a session or an ORM object: each function here opens its
own unit of work, turns what it read into plain data before the session closes,
and returns that.  Errors of the database (SQLAlchemyError) reach the caller,
which keeps the form and says so.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from counter.actions.calendar import office_calendar
from counter.actions.desk import Desk
from counter.actions.intake import IntakeRequest, TakenIntake, preview, take_intake
from counter.db.case_store import drop_draft, find_party, load_draft, save_draft
from counter.db.catalog_store import StoredGuide, guide_version
from counter.intake.draft import IntakeDraft, draft_to_json
from counter.intake.outcome import Decision
from counter.ui.intake.party_form import KnownParty

Sessions = sessionmaker[Session]


def known_party(sessions: Sessions, id_no: str) -> KnownParty | None:
    """What earlier cases knew of this ID number or credit code (一证办理)."""
    with sessions() as session:
        party = find_party(session, id_no)
        if party is None:
            return None
        return KnownParty(party.kind, party.name, party.phone, party.address, party.legal_rep)


def preview_decision(sessions: Sessions, request: IntakeRequest, today: dt.date) -> Decision:
    with sessions() as session:
        return preview(session, request, today, office_calendar(session))


def commit_intake(sessions: Sessions, desk: Desk, request: IntakeRequest, today: dt.date) -> TakenIntake:
    """Take the intake in one transaction: the case whole, and the draft gone, or nothing."""
    with sessions.begin() as session:
        return take_intake(session, desk, request, today, office_calendar(session))


def store_draft(sessions: Sessions, desk: Desk, draft: IntakeDraft) -> None:
    with sessions.begin() as session:
        save_draft(session, desk.draft_key, draft_to_json(draft))


def read_draft(sessions: Sessions, desk: Desk) -> tuple[dt.datetime, str] | None:
    with sessions() as session:
        return load_draft(session, desk.draft_key)


def remove_draft(sessions: Sessions, desk: Desk) -> None:
    with sessions.begin() as session:
        drop_draft(session, desk.draft_key)


def stored_guide(sessions: Sessions, version_id: int) -> StoredGuide | None:
    with sessions() as session:
        return guide_version(session, version_id)
