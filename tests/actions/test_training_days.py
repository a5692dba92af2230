"""Every step of a case is dated on the desk's day: a training desk's ``--today`` too, never the machine's clock.

The day here is far from the day the tests run: a step written at the machine's time would fall on another day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.decisions import deny_lapsed_deferral
from counter.actions.cases.holidays import set_holiday
from counter.actions.cases.unprinted_papers import waive_papers
from counter.actions.intake.same_day import finish_same_day
from counter.actions.intake.take import extend_deferral, fulfil_deferred, lapse_correction, take_intake
from counter.actions.outbox.messages import queue_reminders, save_gateway
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.decisions import lapse_day
from counter.case.intake_request import IntakeRequest
from counter.case.moments import moment_on, office_day
from counter.case.view import CaseView
from counter.db import models
from counter.db.case_store import case_view
from counter.db.models import utcnow
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest
from counter.sms.gateway import GatewaySettings
from tests.actions.test_intake_actions import applicant, full_request
from tests.same_day_catalog import add_immediate_guide
from tests.signed_in import entrusted_supervisor
from tests.sms_gateway import SECRET

D = dt.date
DAY = D(2027, 3, 2)  # a Tuesday, beyond the holiday data but far from any holiday: its lapses are not refused


def taken(sessions: sessionmaker[Session], desk: Desk, request: IntakeRequest) -> str:
    with sessions.begin() as s:
        return take_intake(s, desk, request, DAY, office_calendar(s)).case_no


def history_days(sessions: sessionmaker[Session], number: str) -> list[tuple[str, dt.date]]:
    with sessions() as s:
        view: CaseView | None = case_view(s, number)
    assert view is not None
    return [(line.event, office_day(line.at)) for line in view.history]


def test_the_moment_of_a_training_day_falls_on_that_day_whatever_the_hour() -> None:
    for hour in (0, 7, 15, 16, 23):
        now = dt.datetime(2026, 11, 25, hour, 30, tzinfo=dt.UTC)
        assert office_day(moment_on(DAY, now)) == DAY
    now = dt.datetime.now(dt.UTC)
    assert moment_on(office_day(now), now) == now


def test_the_intake_the_materials_and_the_lapse_are_dated_on_their_days(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    request = full_request(sessions)
    missing = record(request.checklist, "M08", Receipt.MISSING)
    deferral = dataclasses.replace(request, checklist=missing, deferral=DeferralRequest(True, True))
    arrives, lapses = taken(sessions, desk, deferral), taken(sessions, desk, deferral)
    with sessions.begin() as s:
        fulfil_deferred(s, desk, arrives, {"M08"}, DAY + dt.timedelta(days=1))
    assert history_days(sessions, arrives) == [("taken", DAY), ("deferred_complete", DAY + dt.timedelta(days=1))]
    with sessions() as s:
        view = case_view(s, lapses)
        assert view is not None
        first = lapse_day(max(m.due_on for m in view.materials if m.due_on is not None), office_calendar(s))
    desk = entrusted_supervisor(sessions, owner, desk)  # the window denies 市监局's item under its 授权 only
    with sessions.begin() as s:
        deny_lapsed_deferral(s, desk, lapses, first, "未补交")
    assert history_days(sessions, lapses) == [("taken", DAY), ("deferral_lapsed", first), ("item_denied", first)]


def test_a_correction_lapses_on_its_day(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    request = full_request(sessions)
    number = taken(
        sessions, desk, dataclasses.replace(request, checklist=record(request.checklist, "M05", Receipt.MISSING))
    )
    with sessions() as s:
        view = case_view(s, number)
        assert view is not None
        assert view.correction_due is not None
        first = lapse_day(view.correction_due, office_calendar(s))
    desk = entrusted_supervisor(sessions, owner, desk)  # it ends every item: the window's under their 授权 only
    with sessions.begin() as s:
        lapse_correction(s, desk, number, first)
    assert history_days(sessions, number) == [("taken", DAY), ("correction_lapsed", first)]


def test_the_same_day_step_is_dated_on_the_desks_day(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    with owner.begin() as s:
        stored = add_immediate_guide(s)
    number = taken(
        sessions, desk, IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), applicant())
    )
    with sessions.begin() as s:
        finish_same_day(s, desk, number, DAY)
    days = history_days(sessions, number)
    assert {day for _event, day in days} == {DAY}
    assert [event for event, _day in days][-2:] == ["completed", "delivered"]


def test_a_resubmission_and_a_waiver_are_dated_on_the_desks_day(sessions: sessionmaker[Session], desk: Desk) -> None:
    """The old case's 重新提交 line, written by the new intake, and a waiver of the papers not printed: the desk's
    day, as the intake's own line is."""
    request = full_request(sessions)
    first = taken(
        sessions, desk, dataclasses.replace(request, checklist=record(request.checklist, "M05", Receipt.MISSING))
    )
    second = taken(sessions, desk, dataclasses.replace(request, previous_case_no=first))
    assert history_days(sessions, first) == [("taken", DAY), ("resubmitted", DAY)]
    with sessions.begin() as s:
        assert waive_papers(s, desk, second, "申请人不需要纸质凭证", moment_on(DAY, utcnow()))
    assert history_days(sessions, second) == [("taken", DAY), ("papers_waived", DAY)]


def test_a_date_moved_by_an_edited_holiday_is_dated_on_the_desks_day(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """The 日期顺延 line the edit writes into a case it moves: the day the edit was made on, the desk's."""
    request = full_request(sessions)
    missing = record(request.checklist, "M08", Receipt.MISSING)
    number = taken(
        sessions, desk, dataclasses.replace(request, checklist=missing, deferral=DeferralRequest(True, True))
    )
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    due = next(m.due_on for m in view.materials if m.code == "M08")
    assert due is not None
    with sessions.begin() as s:
        assert set_holiday(s, due, "off", desk=desk, at=moment_on(DAY, utcnow())) == (number,)
    assert history_days(sessions, number) == [("taken", DAY), ("dates_moved", DAY)]


def deferred_due(sessions: sessionmaker[Session], number: str) -> dt.date:
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    due = next(m.due_on for m in view.materials if m.code == "M08")
    assert due is not None
    return due


def test_what_the_applicant_is_told_of_a_training_day_is_queued_on_that_day(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    """The 受理 told, a date moved by an edited holiday, the 容缺 extended, the reminder of the deferral coming due:
    each message is queued on the desk's day, as the supervisors' list of messages shows it beside the case's line."""
    with sessions.begin() as s:
        save_gateway(s, GatewaySettings("https://127.0.0.1:9/sms/send", "hall", SECRET), desk=desk)
    request = full_request(sessions)
    missing = record(request.checklist, "M08", Receipt.MISSING)
    number = taken(
        sessions, desk, dataclasses.replace(request, checklist=missing, deferral=DeferralRequest(True, True))
    )
    with sessions.begin() as s:
        assert set_holiday(s, deferred_due(sessions, number), "off", desk=desk, at=moment_on(DAY, utcnow()))
    moved = deferred_due(sessions, number)
    extended = moved + dt.timedelta(days=1)
    supervisor = entrusted_supervisor(sessions, owner, desk)
    with sessions.begin() as s:
        extend_deferral(s, supervisor, number, extended, "申请人住院，不可抗力", at=moment_on(DAY, utcnow()))
    reminded_on = extended - dt.timedelta(days=1)
    with sessions.begin() as s:
        assert queue_reminders(s, reminded_on, moment_on(reminded_on, utcnow())) == 1
    m = models.OutboxMessage
    with sessions() as s:
        queued = {
            kind: office_day(at) for kind, at in s.execute(select(m.kind, m.created_at).where(m.due_on.is_not(None)))
        }
    assert queued == {
        "promise_moved": DAY,
        "deferral_moved": DAY,
        "deferral_extended": DAY,
        "deferral_due": reminded_on,
    }
    with sessions() as s:  # told by a line of the case's history: queued at the line's moment
        told = {kind: office_day(at) for kind, at in s.execute(select(m.kind, m.created_at).where(m.due_on.is_(None)))}
    assert told == {"accepted": DAY}
