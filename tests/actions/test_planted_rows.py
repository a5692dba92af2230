"""A row planted by SQL is never laundered by the program: a sign-in, a reset or a case's step refuses it.

Whoever can write the database (a desk's login on a hall, a township laptop's user) can give ``roles`` the word
``admin`` or change a case's applicant.  ``counter audit verify`` names such a row; the danger is the program's
next write of it, whose audit entry would record the planted row as the state it left (a sign-in's automatic
rehash did exactly that).  Each write checks the row against the trail first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from counter.access import passwords
from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.lockout import SignInOutcome
from counter.access.passwords import ScryptCost
from counter.access.roles import Actor, Role
from counter.actions.admin.accounts import add_account, disable_account, set_password, sign_in
from counter.actions.cases.item_steps import route_items
from counter.actions.intake.take import move_case
from counter.actions.site.trail_check import verify_trail
from counter.audit.state import MismatchCode, RowAltered, SubjectKind
from counter.case.status import CaseEvent
from counter.db import models
from counter.db.case_store import case_by_no
from counter.db.sync.case_parts import merge_history
from counter.intake.checklist import Receipt, record
from counter.sync.records import HistoryEntry
from tests.actions.test_intake_actions import full_request, take

T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
ADMIN = Actor("batu", "巴图", frozenset({Role.ADMIN}))
CLERK_PASSWORD = "wulan2026ok"


@pytest.fixture
def hall(sessions: sessionmaker[Session], desk: Desk) -> sessionmaker[Session]:
    """An admin (batu) and a clerk (clerk1), added by the program."""
    with sessions.begin() as session:
        assert add_account(session, desk, NewAccount("batu", "巴图", frozenset({Role.ADMIN}), "bayan2026ok")) == ()
    with sessions.begin() as session:
        new = NewAccount("clerk1", "乌兰", frozenset({Role.CLERK}), CLERK_PASSWORD)
        assert add_account(session, Desk(desk.identity, "巴图", ADMIN), new) == ()
    return sessions


def plant_admin(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        session.execute(update(models.Account).where(models.Account.login == "clerk1").values(roles="clerk,admin"))


def account_mismatches(sessions: sessionmaker[Session]) -> list[tuple[MismatchCode, str]]:
    with sessions() as session:
        report = verify_trail(session)
    return [(m.code, m.key) for m in report.mismatches if m.kind is SubjectKind.ACCOUNT]


def entries_about(sessions: sessionmaker[Session], login: str) -> list[str]:
    e = models.AuditEntry
    with sessions() as session:
        return list(session.scalars(select(e.action).where(e.subject == login).order_by(e.id)))


def test_a_planted_admin_role_is_refused_at_sign_in_and_named_by_verify(
    hall: sessionmaker[Session], desk: Desk
) -> None:
    plant_admin(hall)
    with hall.begin() as session:
        result = sign_in(session, "clerk1", CLERK_PASSWORD, desk, T0)
    assert result.outcome is SignInOutcome.ACCOUNT_ALTERED
    assert result.actor is None  # the planted role is not honoured: nobody signed in
    assert entries_about(hall, "clerk1")[-1] == "sign_in_failed"
    assert account_mismatches(hall) == [(MismatchCode.CHANGED, "clerk1")]


@pytest.mark.slow
@pytest.mark.real_password_cost  # an old cost, so that the sign-in would rehash
def test_a_rehash_never_records_a_planted_row(
    hall: sessionmaker[Session], desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = passwords.COST
    monkeypatch.setattr(passwords, "COST", ScryptCost(n=2**14, r=8, p=1))
    with hall.begin() as session:  # the password set when the cost was lower: the sign-in would rehash it
        assert set_password(session, Desk(desk.identity, "巴图", ADMIN), "clerk1", CLERK_PASSWORD) == ()
    monkeypatch.setattr(passwords, "COST", today)
    plant_admin(hall)
    before = entries_about(hall, "clerk1")
    with hall.begin() as session:
        assert sign_in(session, "clerk1", CLERK_PASSWORD, desk, T0).outcome is SignInOutcome.ACCOUNT_ALTERED
    assert entries_about(hall, "clerk1") == [*before, "sign_in_failed"]  # no password_rehashed entry
    assert account_mismatches(hall) == [(MismatchCode.CHANGED, "clerk1")]  # still named, not laundered


def test_an_account_nobody_added_is_refused(hall: sessionmaker[Session], desk: Desk) -> None:
    with hall.begin() as session:
        row = session.get(models.Account, "clerk1")
        assert row is not None
        ghost = {"login": "ghost", "name": "某某", "staff_no": "", "roles": "admin", "department": ""}
        session.add(
            models.Account(**ghost, password_hash=row.password_hash, disabled=False, failed_logins=0, created_at=T0)
        )
    with hall.begin() as session:
        assert sign_in(session, "ghost", CLERK_PASSWORD, desk, T0).outcome is SignInOutcome.ACCOUNT_ALTERED
    assert account_mismatches(hall) == [(MismatchCode.UNRECORDED, "ghost")]


def test_a_reset_or_a_disable_checks_the_account_it_replaces(hall: sessionmaker[Session], desk: Desk) -> None:
    plant_admin(hall)
    as_admin = Desk(desk.identity, "巴图", ADMIN)
    with pytest.raises(RowAltered), hall.begin() as session:
        set_password(session, as_admin, "clerk1", "another2026")
    with pytest.raises(RowAltered), hall.begin() as session:
        disable_account(session, as_admin, "clerk1")
    assert entries_about(hall, "clerk1") == ["account_added"]


def test_a_step_checks_the_case_it_replaces(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as session:
        session.execute(update(models.Case).where(models.Case.case_no == number).values(applicant_name="某某"))
    with pytest.raises(RowAltered) as refused, sessions.begin() as session:
        route_items(session, desk, number, T0)
    assert refused.value.key == number


def test_a_step_checks_the_status_its_history_left(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as session:
        session.execute(update(models.Case).where(models.Case.case_no == number).values(status="ready"))
    with pytest.raises(RowAltered), sessions.begin() as session:
        move_case(session, desk, number, CaseEvent.WITHDRAWN, "申请人撤回")
    with sessions() as session:
        report = verify_trail(session)
    assert [(m.code, m.key) for m in report.mismatches] == [(MismatchCode.STATUS_OFF_HISTORY, number)]


def test_answering_a_correction_checks_the_case_it_answers(sessions: sessionmaker[Session], desk: Desk) -> None:
    request = full_request(sessions)
    missing = dataclasses.replace(request, checklist=record(request.checklist, "M05", Receipt.MISSING))
    first = take(sessions, desk, missing)
    with sessions.begin() as session:
        session.execute(update(models.Case).where(models.Case.case_no == first).values(applicant_name="某某"))
    with pytest.raises(RowAltered):
        take(sessions, desk, dataclasses.replace(request, previous_case_no=first))


def test_a_line_dated_before_the_one_it_follows_is_no_tampering(sessions: sessionmaker[Session], desk: Desk) -> None:
    """Two desks' clocks disagree: the step written last moved the case, whatever time its line carries."""
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as session:  # a desk whose clock runs a month ahead routes the items
        route_items(session, desk, number, T0 + dt.timedelta(days=30))
    with sessions.begin() as session:  # then one on time moves the case on: its line is the earlier one
        move_case(session, desk, number, CaseEvent.WITHDRAWN, "申请人撤回")
    with sessions() as session:
        report = verify_trail(session)
    assert report.mismatches == ()


def test_a_line_a_package_brings_from_before_is_no_tampering(sessions: sessionmaker[Session], desk: Desk) -> None:
    """The other site's line, older than the case's newest, is added last: the case follows the latest time."""
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as session:
        case = case_by_no(session, number)
        assert case is not None
        older = HistoryEntry(T0 - dt.timedelta(days=1), "某镇职员", "1", "item_signed", "in_approval", "")
        merge_history(session, {case.id: (case.uid, [older])}, [case.id])
    with sessions() as session:
        report = verify_trail(session)
    assert report.mismatches == ()
    with sessions.begin() as session:  # and the next step is taken
        route_items(session, desk, number, T0)
