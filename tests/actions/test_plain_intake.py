"""The intake as the panel commits it: in a unit of work that is not an ORM session (``Sessions.plain``).

The ORM is joined only where a path needs it (:mod:`counter.db.work`); a signed-in clerk's intake, under settings a
hall has set, needs it nowhere.  What the ORM writes on the paths that do (a 补正 answered) commits and rolls back
with the rest of the unit.
"""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.roles import Actor, Role
from counter.actions import number_guard
from counter.actions.accounts import NewAccount, add_account, disable_account
from counter.actions.desk import Desk
from counter.actions.guard import NotPermitted
from counter.actions.intake import IntakeRequest, take_intake
from counter.actions.intake_settings import RULE_KEY, save_deferral_margin
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseStatus
from counter.db import models
from counter.db.case_store import case_view
from counter.db.engine import Sessions
from counter.db.settings_store import get_setting
from counter.db.work import PlainUnit
from counter.host.database_notes import read_note
from counter.intake.checklist import Receipt, record
from counter.intake.rules import IntakeRule
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request

PASSWORD = "Counter-2026-plain"
ADMIN = Actor("admin", "管理员", frozenset({Role.ADMIN}))
CLERK = Actor("wulan", "乌兰", frozenset({Role.CLERK}))


def _plain(sessions: sessionmaker[Session]) -> Sessions:
    assert isinstance(sessions, Sessions)
    return sessions


@pytest.fixture
def hall_desk(sessions: sessionmaker[Session]) -> Desk:
    """A desk of a database with accounts, its clerk signed in; the hall has set its own deferral margin."""
    setup = Desk(DeskIdentity("XAM01", "1"), "管理员")
    with sessions.begin() as s:
        assert add_account(s, setup, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)) == ()
    admin = dataclasses.replace(setup, actor=ADMIN)
    with sessions.begin() as s:
        assert add_account(s, admin, NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), PASSWORD)) == ()
        save_deferral_margin(s, 3, desk=admin)
    return Desk(DeskIdentity("XAM01", "8"), "乌兰", CLERK)


def take_plain(sessions: sessionmaker[Session], desk: Desk, request: IntakeRequest) -> tuple[str, PlainUnit]:
    with _plain(sessions).plain() as unit:
        return take_intake(unit, desk, request, TODAY).case_no, unit


def correction_notice(sessions: sessionmaker[Session], desk: Desk, request: IntakeRequest) -> str:
    """A case taken on ``request`` with one material missing: a 补正 notice, for a later intake to answer."""
    missing = dataclasses.replace(request, checklist=record(request.checklist, "M05", Receipt.MISSING))
    return take_plain(sessions, desk, missing)[0]


def take_then_fail(sessions: sessionmaker[Session], desk: Desk, request: IntakeRequest) -> None:
    """An intake whose unit fails after it was taken, before the commit (the desk lost power, say)."""
    with _plain(sessions).plain() as unit:
        take_intake(unit, desk, request, TODAY)
        raise RuntimeError("the unit of work failed before its commit")


def test_a_signed_in_clerk_takes_an_intake_without_an_orm_session(
    sessions: sessionmaker[Session], hall_desk: Desk
) -> None:
    """The clerk's account, the hall's settings (set, not only missing) and the guide are read with the intake's one
    statement: before, the role check loaded the account through the ORM at every intake, and a setting found set
    was read again through it.  The desk's first intake of the day checks the day's numbers and begins the desk's
    audit chain through the ORM (see :mod:`counter.db.work`); the next ones do neither."""
    request = full_request(sessions)
    take_plain(sessions, hall_desk, request)
    with _plain(sessions).plain() as unit:
        taken = take_intake(unit, hall_desk, request, TODAY)
        assert get_setting(unit, RULE_KEY[IntakeRule.DEFERRAL_MARGIN]) == "3"  # as the intake's statement read it
        assert unit._session is None  # no path of this intake asked for the ORM
    with sessions() as s:
        view = case_view(s, taken.case_no)
        entries = s.scalar(select(func.count()).where(models.AuditEntry.subject == taken.case_no))
    assert view is not None
    assert view.clerk == "乌兰"
    assert entries == 1


def refused_once_disabled(sessions: sessionmaker[Session], desk: Desk, request: IntakeRequest) -> int:
    """The desk's clerk disabled by the administrator, then ``request`` refused at the desk; the cases stored."""
    with sessions.begin() as s:
        assert disable_account(s, dataclasses.replace(desk, actor=ADMIN), "wulan") == ()
    with pytest.raises(NotPermitted):
        take_plain(sessions, desk, request)
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(models.Case)) or 0


def test_an_account_disabled_since_sign_in_takes_no_intake(sessions: sessionmaker[Session], hall_desk: Desk) -> None:
    """The account as it is now, read with the intake's statement: a clerk disabled while signed in is refused."""
    assert refused_once_disabled(sessions, hall_desk, full_request(sessions)) == 0


def test_a_correction_answered_in_a_plain_unit_moves_the_notice_on(
    sessions: sessionmaker[Session], hall_desk: Desk
) -> None:
    """The previous case is the ORM's (joined to the unit's transaction): its new status commits with the new case."""
    request = full_request(sessions)
    first = correction_notice(sessions, hall_desk, request)
    second, unit = take_plain(sessions, hall_desk, dataclasses.replace(request, previous_case_no=first))
    assert unit._session is not None  # this path asked for it
    with sessions() as s:
        old, new = case_view(s, first), case_view(s, second)
    assert old is not None
    assert new is not None
    assert old.status is CaseStatus.RESUBMITTED
    assert new.previous_case_no == first


def test_what_the_joined_session_changed_rolls_back_with_the_unit(
    sessions: sessionmaker[Session], hall_desk: Desk
) -> None:
    request = full_request(sessions)
    first = correction_notice(sessions, hall_desk, request)
    with pytest.raises(RuntimeError):
        take_then_fail(sessions, hall_desk, dataclasses.replace(request, previous_case_no=first))
    with sessions() as s:
        old = case_view(s, first)
        cases = s.scalar(select(func.count()).select_from(models.Case))
    assert old is not None
    assert old.status is CaseStatus.CORRECTION_ISSUED
    assert cases == 1


def test_the_next_intake_reads_the_account_again(sessions: sessionmaker[Session], hall_desk: Desk) -> None:
    """What the role check took from the intake's statement holds for that transaction only."""
    request = full_request(sessions)
    take_plain(sessions, hall_desk, request)
    assert refused_once_disabled(sessions, hall_desk, request) == 1


def test_the_number_is_noted_outside_the_database_once_the_unit_commits(
    sessions: sessionmaker[Session], hall_desk: Desk
) -> None:
    """A plain unit calls the after-commit note as a session's commit does (counter.actions.number_guard); a unit
    rolled back notes nothing."""
    request = full_request(sessions)
    number, unit = take_plain(sessions, hall_desk, request)
    place = number_guard._place(unit)
    noted = read_note(place)
    assert noted is not None
    assert noted.issued["XAM01-8"] == number
    with pytest.raises(RuntimeError):
        take_then_fail(sessions, hall_desk, request)
    again = read_note(place)
    assert again is not None
    assert again.issued["XAM01-8"] == number
