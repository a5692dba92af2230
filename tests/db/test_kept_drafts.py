"""A desk keeps one draft per applicant, sealed, until its own commit or the clerk drops it.

The desk kept one draft row: the next applicant's form overwrote it and that intake's commit deleted it.  Here the
drafts are kept and taken by the actions the service runs, on each kind of database, and a 0.1.0 database's draft
is carried over by the upgrade.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.drafts import check_drafts, keep_draft, remove_draft
from counter.actions.intake.take import take_intake
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import intake_request
from counter.db.draft_store import load_drafts
from counter.db.engine import make_engine
from counter.db.migrate import upgrade, upgrade_to
from counter.db.revision import HEAD
from counter.intake.draft import IntakeDraft
from counter.intake.parties import Agent, Applicant, ApplicantKind
from counter.parties.identifiers import make_id_number
from tests.crash.intake_worker import DESK, TODAY, guides

FIRST = Applicant(ApplicantKind.PERSON, "乌云其木格", make_id_number("152201", dt.date(1979, 3, 8), 24), "13904827391")
SECOND = Applicant(ApplicantKind.PERSON, "包红梅", make_id_number("152201", dt.date(1992, 10, 1), 51), "15148206624")


def form(sessions: sessionmaker[Session], applicant: Applicant, uid: str) -> IntakeDraft:
    (guide, *_) = guides(sessions)
    checklist = complete_checklist(guide.bundle, fresh_checklist(guide))
    return IntakeDraft(checklist, applicant, Agent("", "", ""), False, uid=uid)


def kept_uids(sessions: sessionmaker[Session]) -> list[str]:
    with sessions.begin() as unit:
        return [d.draft.uid for d in check_drafts(unit, DESK).drafts if d.draft is not None]


def test_another_applicants_form_and_commit_leave_a_kept_draft_alone(catalog_hall: sessionmaker[Session]) -> None:
    sessions = catalog_hall
    first, second = form(sessions, FIRST, uuid.uuid4().hex), form(sessions, SECOND, uuid.uuid4().hex)
    with sessions.begin() as unit:
        keep_draft(unit, DESK, first)
    with sessions.begin() as unit:
        keep_draft(unit, DESK, second)  # the next applicant's autosave
    assert sorted(kept_uids(sessions)) == sorted((first.uid, second.uid))
    with sessions.begin() as unit:
        take_intake(unit, DESK, intake_request(second, second.uid), TODAY, office_calendar(unit))
    assert kept_uids(sessions) == [first.uid]  # the commit ended its own draft, and no other
    with sessions() as unit:
        ((_, _, content),) = load_drafts(unit, DESK.draft_key)  # read back whole
        (stored,) = unit.execute(text("SELECT content FROM intake_draft")).scalars()
    assert FIRST.id_no in content
    assert stored.startswith("s4:")  # sealed at rest, as the desk's draft was
    assert FIRST.id_no not in stored


def test_one_draft_per_applicant_and_the_clerk_drops_one_only(catalog_hall: sessionmaker[Session]) -> None:
    sessions = catalog_hall
    older, other = form(sessions, FIRST, uuid.uuid4().hex), form(sessions, SECOND, uuid.uuid4().hex)
    for draft in (older, other):
        with sessions.begin() as unit:
            keep_draft(unit, DESK, draft)
    again = form(sessions, FIRST, uuid.uuid4().hex)  # the first applicant taken up again in a new intake
    with sessions.begin() as unit:
        keep_draft(unit, DESK, again)
    assert sorted(kept_uids(sessions)) == sorted((again.uid, other.uid))
    with sessions.begin() as unit:
        remove_draft(unit, DESK, other.uid)  # 放弃
    assert kept_uids(sessions) == [again.uid]


def test_a_draft_kept_before_the_upgrade_is_carried_over_under_an_intake_of_its_own(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    upgrade_to(engine, "0001_baseline")
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO draft (desk_key, saved_at, content) VALUES (:desk, :at, :content)"),
            {"desk": DESK.draft_key, "at": dt.datetime(2026, 11, 27, 8, 30), "content": '{"format": 1}'},
        )
    upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == HEAD
        rows = connection.execute(text("SELECT desk_key, uid FROM intake_draft")).all()
    engine.dispose()
    assert [(desk, len(uid)) for desk, uid in rows] == [(DESK.draft_key, 32)]
