"""A commit retried with the intake's own identity writes the case once."""

from __future__ import annotations

import dataclasses
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.db import models
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
