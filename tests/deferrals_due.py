"""Deferrals whose 容缺 reminder is due, for the tests of the reminders' senders: the command line's loop and the
hall server's work.

A case is taken by the intake's own action on a day chosen so that its deferred material falls due within the two
working days a reminder reaches (:data:`DUE_SOON_WORKING_DAYS`) of the day the sender runs on, after that day: the
calendar and the guide's periods decide the due date, so the day is found by trying, not computed here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.case_reads import DUE_SOON_WORKING_DAYS
from counter.actions.intake.take import take_intake
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest
from tests.actions.test_intake_actions import full_request
from tests.conftest import made_database

DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")


def deferral_request(sessions: sessionmaker[Session]) -> IntakeRequest:
    """A 小餐馆 whose one deferrable material (M08) is missing, taken with the applicant's pledge."""
    request = full_request(sessions)
    checklist = record(request.checklist, "M08", Receipt.MISSING)
    return dataclasses.replace(request, checklist=checklist, deferral=DeferralRequest(True, True))


def due_of(sessions: sessionmaker[Session], case_no: str) -> dt.date:
    """The day the case's deferred material is due."""
    with sessions() as s:
        c = models.Case
        (due,) = set(
            s.scalars(
                select(models.CaseMaterial.due_on)
                .join(c, c.id == models.CaseMaterial.case_id)
                .where(c.case_no == case_no, models.CaseMaterial.due_on.is_not(None))
            )
        )
    assert due is not None
    return due


def intake_day_reminded_on(day: dt.date, scratch: Path) -> dt.date:
    """A day on which a deferral taken falls due after ``day`` and within the two working days its reminders reach:
    found by taking one on each day back from ``day`` in a database of its own (``scratch``)."""
    engine = make_engine(made_database(scratch))
    trial = make_sessions(engine)
    try:
        with trial() as s:
            horizon = office_calendar(s).add_working_days(day, DUE_SOON_WORKING_DAYS).date
        for back in range(1, 15):
            taken = day - dt.timedelta(days=back)
            with trial.begin() as s:
                case_no = take_intake(s, DESK, deferral_request(trial), taken, office_calendar(s)).case_no
            if day < due_of(trial, case_no) <= horizon:
                return taken
    finally:
        engine.dispose()
    raise AssertionError(f"no intake day gives a deferral due soon after {day}")


def take_deferral(sessions: sessionmaker[Session], day: dt.date) -> str:
    """A deferral taken at desk 8 on ``day``: its case number."""
    with sessions.begin() as s:
        return take_intake(s, DESK, deferral_request(sessions), day, office_calendar(s)).case_no


def outbox(sessions: sessionmaker[Session]) -> list[tuple[str, str, str]]:
    """Every message queued: its case, its kind, its state."""
    c = models.Case
    m = models.OutboxMessage
    with sessions() as s:
        rows = s.execute(select(c.case_no, m.kind, m.state).join(c, c.id == m.case_id).order_by(m.id))
        return [(case_no, kind, state) for case_no, kind, state in rows]
