"""A desk named in the window: a new desk has no clerk, and takes no intake until one is named.

Before, a desk nobody set up printed "窗口工作人员" on its receipts, its history and its ratings.  Now the desk's
clerk is "" until someone names one (F10's set-up, F8's 本窗口, ``counter desk --clerk``), and an intake at such a
desk is refused; where accounts exist the account signed in is the clerk, and a training desk has a trainee.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor, Role
from counter.actions.admin.desk_settings import change_desk
from counter.case.desk_name_checks import DeskNameProblem
from counter.case.desk_names import NameProblem
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import TRAINING_CLERK, DeskConfig, load_desk_config
from counter.intake.not_possible import ClerkUnnamed, NotPossibleWhy
from tests.actions.test_intake_actions import full_request, take


def cases(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(models.Case)) or 0)


def test_a_new_desk_names_no_clerk() -> None:
    assert DeskConfig().clerk == ""
    assert desk_at(DeskConfig()).clerk == ""
    assert desk_at(DeskConfig(), training=True).clerk == TRAINING_CLERK  # training works out of the box
    assert desk_at(DeskConfig(clerk="乌兰"), training=True).clerk == "乌兰"  # a trainee named is named
    signed_in = Actor("wulan", "乌兰", frozenset({Role.CLERK}))
    assert desk_at(DeskConfig(), signed_in).clerk == "乌兰"  # the account is the clerk


def test_an_intake_at_a_desk_without_a_clerk_is_refused_and_nothing_kept(sessions: sessionmaker[Session]) -> None:
    request = full_request(sessions)
    for nobody in ("", "  "):
        with pytest.raises(ClerkUnnamed) as refused:
            take(sessions, Desk(DeskIdentity("XAM01", "8"), nobody), request)
        assert refused.value.why is NotPossibleWhy.CLERK_UNNAMED
    assert cases(sessions) == 0
    take(sessions, Desk(DeskIdentity("XAM01", "8"), "乌兰"), request)
    assert cases(sessions) == 1


def test_the_window_names_the_clerk_as_the_command_line_does(sessions: sessionmaker[Session]) -> None:
    desk = desk_at(DeskConfig())
    with sessions.begin() as session:
        assert change_desk(session, desk, {"clerk": "其木格", "desk_no": "3"}) == ()
    config = load_desk_config()
    assert (config.clerk, config.desk_no) == ("其木格", "3")
    with sessions() as session:
        entry = session.scalars(select(models.AuditEntry).where(models.AuditEntry.subject == "desk")).one()
    assert "其木格" in entry.detail


def test_a_title_or_a_bad_desk_number_is_refused_and_nothing_changes(sessions: sessionmaker[Session]) -> None:
    desk = desk_at(DeskConfig())
    with sessions.begin() as session:
        problems = change_desk(session, desk, {"clerk": "窗口工作人员", "desk_no": "12a"})
    assert problems == (
        DeskNameProblem("clerk", NameProblem.ROLE_WORD),
        DeskNameProblem("desk_no", NameProblem.NOT_DESK_NO),
    )
    assert load_desk_config() == DeskConfig()


@pytest.mark.parametrize("given", ["08", "0", "0008"])
def test_a_desk_number_written_with_a_leading_zero_or_zero_is_refused(
    sessions: sessionmaker[Session], given: str
) -> None:
    """Every case number writes the desk with two digits at least: "08" would be a desk apart from 8 issuing its
    numbers, and 0 is no desk."""
    desk = desk_at(DeskConfig())
    with sessions.begin() as session:
        assert change_desk(session, desk, {"desk_no": given}) == (DeskNameProblem("desk_no", NameProblem.NOT_DESK_NO),)
    assert load_desk_config() == DeskConfig()
    with sessions() as session:
        assert session.scalars(select(models.AuditEntry).where(models.AuditEntry.subject == "desk")).first() is None


def test_where_accounts_exist_only_an_administrator_names_the_desk(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        session.add(models.Account(login="wulan", name="乌兰", roles="clerk", password_hash="x"))
    clerk = desk_at(DeskConfig(), Actor("wulan", "乌兰", frozenset({Role.CLERK})))
    with sessions.begin() as session, pytest.raises(NotPermitted):
        change_desk(session, clerk, {"desk_no": "2"})
    assert load_desk_config() == DeskConfig()
