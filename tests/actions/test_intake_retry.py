"""A commit retried with the intake's own identity writes the case once."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.db import models
from counter.intake.not_possible import IntakeNotPossible, NotPossibleWhy
from counter.words.intake import NOT_POSSIBLE_WHY
from tests.actions.test_intake_actions import full_request, take


def _count(sessions: sessionmaker[Session], table: type[models.Base]) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.count()).select_from(table)) or 0)


def test_a_retried_commit_returns_the_case_already_taken(sessions: sessionmaker[Session], desk: Desk) -> None:
    request = dataclasses.replace(full_request(sessions), uid=uuid.uuid4().hex)
    first = take(sessions, desk, request)
    again = take(sessions, desk, request)
    assert again == first
    assert _count(sessions, models.Case) == 1
    assert _count(sessions, models.CaseMaterial) == len(request.checklist.entries)
    with sessions() as s:
        assert s.scalar(select(models.Case.uid).where(models.Case.case_no == first)) == request.uid


def test_intakes_without_an_identity_get_one_each(sessions: sessionmaker[Session], desk: Desk) -> None:
    request = full_request(sessions)
    numbers = {take(sessions, desk, request), take(sessions, desk, request)}
    assert len(numbers) == 2
    with sessions() as s:
        uids = set(s.scalars(select(models.Case.uid)))
    assert len(uids) == 2
    assert all(len(u) == 32 for u in uids)


@pytest.mark.parametrize(
    "uid",
    ["XAM01-20261128-08-0001", "6F9619FF8B86D011B42D00C04FC964FF", "6f9619ff-8b86-d011-b42d-00c04fc964ff"],
    ids=["a-case-number", "upper-case", "with-dashes"],
)
def test_an_identity_no_desk_makes_is_refused_and_nothing_is_taken(
    sessions: sessionmaker[Session], desk: Desk, uid: str
) -> None:
    """A uid that is not the 32 lower-case hex digits a desk makes (a desk of another program, a number typed in) is
    refused before anything is written: no township package could carry the case under it."""
    request = dataclasses.replace(full_request(sessions), uid=uid)
    with pytest.raises(IntakeNotPossible) as refused:
        take(sessions, desk, request)
    assert refused.value.why is NotPossibleWhy.BAD_UID
    assert NOT_POSSIBLE_WHY[NotPossibleWhy.BAD_UID] == "本次受理的编号不是本机生成的格式，请重新打开受理页"
    assert _count(sessions, models.Case) == 0
