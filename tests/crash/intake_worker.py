"""A desk that takes intakes as fast as it can, to be killed at any moment.

Run as ``python -m tests.crash.intake_worker DB_URL``.  It starts the way the
window does (open the database, bring the schema to the current revision, load
the bundled catalog when it changed), prints ``ready``, then loops like a clerk
at the intake panel:

1. the draft of the next intake is saved, as the panel saves it while typing,
   and ``drafted <uid>`` is printed once that commit has returned;
2. the intake is taken in one transaction (the draft is dropped in it), and
   only after the commit has returned ``committed <case_no> <uid>`` is printed.

Each line is flushed at once: what was printed is what the desk was told.  The
applicant's address carries the intake's uid, so a draft found afterwards can be
matched with the intake it belongs to.
"""

from __future__ import annotations

import datetime as dt
import sys
import uuid

from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.catalog.imports import sync_bundled
from counter.actions.intake.take import preview, take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.catalog.stored_guide import StoredGuide
from counter.db.catalog_store import current_guide, search_entries
from counter.db.draft_store import save_draft
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.intake.draft import IntakeDraft, draft_to_json
from counter.intake.outcome import Outcome
from counter.intake.parties import Agent, Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.resources import bundled_catalog_dir

TODAY = dt.date(2026, 11, 20)  # a Friday
DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")
ADDRESS = "兴安盟乌兰浩特市和平街道民主路18号"
MAX_BUNDLES = 6  # published bundles taken in turn, so checklists differ in length


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def address_of(uid: str) -> str:
    """The applicant's address for the intake ``uid``: it marks the draft as this intake's."""
    return f"{ADDRESS}（{uid}）"


def uid_in(address: str) -> str:
    """The uid an address made by :func:`address_of` carries; empty for any other address."""
    if not address.startswith(ADDRESS + "（") or not address.endswith("）"):
        return ""
    return address[len(ADDRESS) + 1 : -1]


def start(url: str) -> sessionmaker[Session]:
    """Open the database as the window does on its first start: schema, then the bundled catalog."""
    engine = make_engine(url)
    upgrade(engine)
    sessions = make_sessions(engine)
    sync_bundled(sessions, bundled_catalog_dir(), desk=DESK)
    return sessions


def guides(sessions: sessionmaker[Session]) -> list[StoredGuide]:
    """Published guides whose complete checklist is accepted for a person applying."""
    found: list[StoredGuide] = []
    with sessions() as session:
        calendar = office_calendar(session)
        for entry in search_entries(session):
            if not entry.published:
                continue
            stored = current_guide(session, entry.bundle_code)
            if stored is None:
                continue
            request = IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), _parties(0, ""))
            if preview(session, request, TODAY, calendar).outcome is Outcome.ACCEPT:
                found.append(stored)
            if len(found) == MAX_BUNDLES:
                break
    return found


def _applicant(order: int, uid: str) -> Applicant:
    id_no = make_id_number("152201", dt.date(1970 + order % 30, 1 + order % 12, 1 + order % 27), order % 1000)
    return Applicant(ApplicantKind.PERSON, "巴特尔", id_no, "13904821111", address_of(uid))


def _parties(order: int, uid: str) -> Parties:
    return Parties(_applicant(order, uid))


def loop(sessions: sessionmaker[Session], stored: list[StoredGuide]) -> None:
    order = 0
    while True:
        guide = stored[order % len(stored)]
        uid = uuid.uuid4().hex
        checklist = complete_checklist(guide.bundle, fresh_checklist(guide))
        draft = IntakeDraft(checklist, _applicant(order, uid), Agent("", "", ""), with_agent=False, uid=uid)
        with sessions.begin() as session:
            save_draft(session, DESK.draft_key, uid, draft_to_json(draft))
        say(f"drafted {uid}")
        request = IntakeRequest(checklist, _parties(order, uid), uid=uid)
        with sessions.begin() as session:
            taken = take_intake(session, DESK, request, TODAY, office_calendar(session))
        say(f"committed {taken.case_no} {uid}")
        order += 1


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.crash.intake_worker DB_URL", file=sys.stderr)
        return 2
    sessions = start(argv[0])
    stored = guides(sessions)
    if not stored:
        print("no published guide takes a complete checklist", file=sys.stderr)
        return 1
    say("ready")
    loop(sessions, stored)
    return 0  # pragma: no cover - the loop ends only when the process is killed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
