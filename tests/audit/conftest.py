"""A database with the demo's cases, a case awaiting deferred materials and a bad rating.

Built once per run on SQLite; each test works on its own copy of the file.
Accounts are added by the tests that need them (a database without accounts
is a single desk's, where nobody signs in).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.item_steps import route_items
from counter.actions.catalog.imports import import_source
from counter.actions.intake.take import take_intake
from counter.actions.ratings.record import record_rating, send_to_pad
from counter.actions.site.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist, run_demo
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.catalog.model import Necessity
from counter.db import models
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.db.migrate import upgrade
from counter.db.rating_store import rectification_of_rating
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import DeskConfig
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from tests.catalog_db import made_once
from tests.conftest import SHIPPED_CATALOG, copy_database

TODAY = dt.date(2026, 11, 20)  # a Friday
NOW = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
IDENTITY = DeskIdentity("XAM01", "8")
PAD_DESK = desk_at(
    DeskConfig(site_code="XAM01", desk_no="8", clerk="乌兰", staff_no="XA0815", area_code="152201000000")
)
APPLICANT_ID = make_id_number("152201", dt.date(1975, 5, 4), 211)
APPLICANT_PHONE = "13904821111"

ACTORS = {
    Role.CLERK: Actor("wulan", "乌兰", frozenset({Role.CLERK})),
    Role.SUPERVISOR: Actor("bater", "巴特尔", frozenset({Role.SUPERVISOR})),
    Role.ADMIN: Actor("admin", "系统管理员", frozenset({Role.ADMIN})),
    Role.DEPARTMENT: Actor("lina", "李娜", frozenset({Role.DEPARTMENT})),
}


@dataclass(frozen=True, slots=True)
class Facts:
    """What the template holds, by what a test needs it for."""

    accepted: str  # an accepted case, never printed, never sent to the pad
    unsent: str  # another accepted case, never sent to the pad
    awaiting: str  # a deferral case still awaiting its deferred materials, its items routed to their departments
    deferrable: tuple[str, ...]  # its awaited materials
    rated: str  # a case rated very dissatisfied
    rating_id: int
    rectification_id: int


def desk_of(actor: Actor) -> Desk:
    return Desk(IDENTITY, "乌兰", actor)


#: the department the department's staff member works for: the hall's 市场监管局, deciding 设立登记 and 食品经营许可
DEPARTMENT = "乌兰浩特市市场监督管理局"


def add_accounts(sessions: sessionmaker[Session]) -> None:
    """One account per role, as the account actions would store them (the department's staff with its department)."""
    with sessions.begin() as session:
        for role, actor in ACTORS.items():
            department = DEPARTMENT if role is Role.DEPARTMENT else ""
            session.add(
                models.Account(
                    login=actor.login, name=actor.name, roles=role.value, password_hash="x", department=department
                )
            )


def _build(sessions: sessionmaker[Session]) -> Facts:
    outcome = import_source(sessions, SHIPPED_CATALOG, desk=Desk(DeskIdentity("XAM01", "1"), "其其格"))
    assert outcome.report is not None, outcome.problems
    desk = Desk(IDENTITY, "乌兰")
    made = {c.label: c.case_no for c in run_demo(sessions, desk, TODAY)}
    with sessions() as session:
        stored = current_guide(session, DEMO_BUNDLE)
    assert stored is not None
    base = fresh_checklist(stored)
    deferrable = tuple(
        m.code for m in stored.bundle.materials_for(base.answers_dict()) if m.necessity is Necessity.DEFERRABLE
    )
    checklist = complete_checklist(stored.bundle, base)
    for code in deferrable:
        checklist = record(checklist, code, Receipt.MISSING)
    parties = Parties(Applicant(ApplicantKind.PERSON, "巴特尔", APPLICANT_ID, APPLICANT_PHONE, "乌兰浩特市五一街"))
    request = IntakeRequest(checklist, parties, deferral=DeferralRequest(no_bad_credit=True, pledge_signed=True))
    with sessions.begin() as session:
        awaiting = take_intake(session, desk, request, TODAY, office_calendar(session)).case_no
    rated = made["撤回申请"]
    with sessions.begin() as session:
        pad = send_to_pad(session, rated, PAD_DESK, NOW)
        bad = RatingChoice(Level.VERY_DISSATISFIED, ("其他",), "等了很久")
        recorded = record_rating(session, pad.request_id, bad, PAD_DESK, NOW, office_calendar(session))
    with sessions() as session:
        rect = rectification_of_rating(session, recorded.rating_id)
    assert rect is not None
    with sessions.begin() as session:  # its items at their departments, for a department's step
        route_items(session, desk, awaiting, NOW)
    return Facts(made["受理"], made["补正后重新提交并受理"], awaiting, deferrable, rated, recorded.rating_id, rect)


def _make(path: Path) -> Facts:
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
        return _build(make_sessions(engine))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Facts]:
    """Made once for the run; the catalog imported by its own desk here (the trail names it), not copied."""
    return made_once(tmp_path_factory, "audit", _make)


@pytest.fixture
def facts(template: tuple[Path, Facts]) -> Facts:
    return template[1]


@pytest.fixture
def db_path(tmp_path: Path, template: tuple[Path, Facts]) -> Path:
    path = tmp_path / "counter.sqlite3"
    copy_database(template[0], path)
    return path


@pytest.fixture
def sessions(db_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(f"sqlite:///{db_path}")
    yield make_sessions(engine)
    engine.dispose()
