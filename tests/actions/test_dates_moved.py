"""A printed date binds the office: new holiday data counts every open date again, and the later one governs.

The report's case: a 容缺 of 我要开小餐馆 (XAM-YJS-008) taken on Thursday 2027-09-30, beyond the holiday data, was
printed due 10-06 — the office then took 国庆节 for 1 to 5 October (here: the office's own edit, 10-06 and 10-07
marked working) — and the year's notice, imported after, gives 1 to 7 October off with Saturday 10-09 worked.  The
same intake taken after the import is due 10-08; the case taken before must not lapse on 10-08 either.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.decisions import deny_lapsed_deferral
from counter.actions.cases.documents import make_document
from counter.actions.cases.holidays import import_schedule, set_holiday
from counter.actions.intake.take import lapse_correction
from counter.actions.outbox.messages import save_gateway
from counter.case.correction_lapse import CorrectionNotDue
from counter.case.dates_moved import CORRECTION, PROMISED, read_moves
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.intake_request import IntakeRequest
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseView
from counter.db import models
from counter.db.case_store import case_view
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest
from counter.sms.gateway import GatewaySettings
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_provisional_dates import NOTICE_2027
from tests.documents.pdf_tools import pdf_text
from tests.signed_in import entrusted_supervisor
from tests.sms_gateway import SECRET

D = dt.date
TAKEN = D(2027, 9, 30)  # a Thursday
WORK = "work"


def deferral(sessions: sessionmaker[Session]) -> IntakeRequest:
    request = full_request(sessions)
    checklist = record(request.checklist, "M08", Receipt.MISSING)  # 食品安全管理制度文本, deferrable
    return dataclasses.replace(request, checklist=checklist, deferral=DeferralRequest(True, True))


def correction(sessions: sessionmaker[Session]) -> IntakeRequest:
    request = full_request(sessions)
    return dataclasses.replace(request, checklist=record(request.checklist, "M05", Receipt.MISSING))


def view_of(sessions: sessionmaker[Session], number: str) -> CaseView:
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    return view


def due_of(view: CaseView) -> dt.date | None:
    return next(m.due_on for m in view.materials if m.code == "M08")


def office_took_five_days(sessions: sessionmaker[Session], desk: Desk) -> None:
    """The days the earlier fallback counted for 国庆节 2027 (1 to 5 October): 6 and 7 October worked."""
    with sessions.begin() as s:
        for day in (D(2027, 10, 6), D(2027, 10, 7)):
            set_holiday(s, day, WORK, desk=desk)


def import_notice(sessions: sessionmaker[Session], desk: Desk) -> tuple[str, ...]:
    with sessions.begin() as s:
        imported = import_schedule(s, NOTICE_2027, 2027, "2027.txt", desk=desk)
    assert imported.ok, imported.problems
    return imported.moved


def test_the_reports_deferral_is_due_when_the_notice_says_and_does_not_lapse_before(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    office_took_five_days(sessions, desk)
    number = take(sessions, desk, deferral(sessions), TAKEN)
    printed = view_of(sessions, number)
    assert due_of(printed) == D(2027, 10, 8)  # the guide's three working days: 6, 7, 8; what the paper says
    assert printed.promised_on == D(2027, 10, 12)  # five working days: 6, 7, 8, 11, 12
    assert printed.dates_beyond_data

    assert import_notice(sessions, desk) == (number,)
    after = view_of(sessions, number)
    assert due_of(after) == D(2027, 10, 11)  # 1 to 7 October off: 8, Saturday 9 (worked), 11
    assert after.promised_on == D(2027, 10, 13)  # 8, Saturday 9 (worked), 11, 12, 13
    assert after.status is CaseStatus.AWAITING_DEFERRED
    line = after.history[-1]
    assert line.event == CaseEvent.DATES_MOVED.value
    moves = {m.what: (m.before, m.after) for m in read_moves(line.note)}
    assert moves == {"M08": (D(2027, 10, 8), D(2027, 10, 11)), PROMISED: (D(2027, 10, 12), D(2027, 10, 13))}

    # the same intake taken now is due the same day
    assert due_of(view_of(sessions, take(sessions, desk, deferral(sessions), TAKEN))) == D(2027, 10, 11)

    for day in (D(2027, 10, 9), D(2027, 10, 11)):  # the printed date is past, the governing one is not
        with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
            deny_lapsed_deferral(s, desk, number, day, "未补交")
        assert refused.value.problem is DecisionProblem.NOT_LAPSED
        assert refused.value.first_day == D(2027, 10, 12)  # the working day after the governing date
    with sessions.begin() as s:
        lapse = deny_lapsed_deferral(s, desk, number, D(2027, 10, 12), "未补交")
    assert lapse.materials == ("M08",)


def test_a_correction_is_due_when_the_notice_says(sessions: sessionmaker[Session], desk: Desk) -> None:
    office_took_five_days(sessions, desk)
    number = take(sessions, desk, correction(sessions), TAKEN)
    assert view_of(sessions, number).correction_due == D(2027, 10, 26)  # fifteen working days from 10-06
    import_notice(sessions, desk)
    after = view_of(sessions, number)
    assert after.correction_due == D(2027, 10, 27)  # fifteen from 10-08, Saturday 10-09 among them
    assert {m.what for m in read_moves(after.history[-1].note)} == {CORRECTION}
    desk = entrusted_supervisor(sessions, sessions, desk)  # the lapse ends every item: the window's only so
    for day in (D(2027, 10, 27),):
        with sessions.begin() as s, pytest.raises(CorrectionNotDue) as refused:
            lapse_correction(s, desk, number, day)
        assert refused.value.first_day == D(2027, 10, 28)
    with sessions.begin() as s:
        assert lapse_correction(s, desk, number, D(2027, 10, 28)) is CaseStatus.CORRECTION_LAPSED


def test_a_printed_date_later_than_the_notices_binds_the_office(sessions: sessionmaker[Session], desk: Desk) -> None:
    """The fallback kept 1 to 7 October off but knew nothing of the notice's make-up Saturday: its dates came out a
    day later than the notice's, and stay."""
    number = take(sessions, desk, deferral(sessions), TAKEN)
    printed = view_of(sessions, number)
    assert (due_of(printed), printed.promised_on) == (D(2027, 10, 12), D(2027, 10, 14))
    assert import_notice(sessions, desk) == ()  # nothing later: nothing moved
    after = view_of(sessions, number)
    assert (due_of(after), after.promised_on) == (D(2027, 10, 12), D(2027, 10, 14))
    assert after.history[-1].event == CaseEvent.TAKEN.value


def test_an_edited_day_moves_a_date_that_falls_on_it(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, deferral(sessions), D(2027, 3, 1))  # Monday: due in three working days
    assert due_of(view_of(sessions, number)) == D(2027, 3, 4)
    with sessions.begin() as s:
        moved = set_holiday(s, D(2027, 3, 4), "off", desk=desk)
    assert moved == (number,)
    assert due_of(view_of(sessions, number)) == D(2027, 3, 5)
    with sessions.begin() as s:
        assert set_holiday(s, D(2027, 3, 4), None, desk=desk) == ()  # back to a working day: the later date stays
    assert due_of(view_of(sessions, number)) == D(2027, 3, 5)


def test_the_applicant_is_told_each_later_date_where_the_hall_has_a_gateway(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    with sessions.begin() as s:
        save_gateway(s, GatewaySettings("https://127.0.0.1:9/sms/send", "hall", SECRET), desk=desk)
    office_took_five_days(sessions, desk)
    number = take(sessions, desk, deferral(sessions), TAKEN)
    import_notice(sessions, desk)
    with sessions() as s:
        case = s.scalars(select(models.Case).where(models.Case.case_no == number)).one()
        told = s.execute(
            select(models.OutboxMessage.kind, models.OutboxMessage.due_on)
            .where(models.OutboxMessage.case_id == case.id, models.OutboxMessage.kind.like("%moved"))
            .order_by(models.OutboxMessage.kind)
        ).all()
    assert [tuple(row) for row in told] == [("deferral_moved", D(2027, 10, 11)), ("promise_moved", D(2027, 10, 13))]
    import_notice(sessions, desk)  # the same notice again: nothing moves, nothing is told twice
    with sessions() as s:
        again = s.scalar(select(models.OutboxMessage.id).where(models.OutboxMessage.kind.like("%moved")).offset(2))
    assert again is None


def test_the_applicant_is_told_a_later_correction_deadline(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as s:
        save_gateway(s, GatewaySettings("https://127.0.0.1:9/sms/send", "hall", SECRET), desk=desk)
    office_took_five_days(sessions, desk)
    number = take(sessions, desk, correction(sessions), TAKEN)
    import_notice(sessions, desk)
    with sessions() as s:
        case = s.scalars(select(models.Case).where(models.Case.case_no == number)).one()
        told = s.execute(
            select(models.OutboxMessage.kind, models.OutboxMessage.due_on).where(
                models.OutboxMessage.case_id == case.id, models.OutboxMessage.kind.like("%moved")
            )
        ).all()
    assert [tuple(row) for row in told] == [("correction_moved", D(2027, 10, 27))]  # the date the notice now says


@pytest.mark.slow
def test_the_papers_quote_the_governing_date(sessions: sessionmaker[Session], desk: Desk, tmp_path: Path) -> None:
    office_took_five_days(sessions, desk)
    number = take(sessions, desk, deferral(sessions), TAKEN)
    with sessions.begin() as s:
        before = make_document(s, desk, number, DocumentKind.DEFERRAL, TAKEN)
    import_notice(sessions, desk)
    with sessions.begin() as s:
        after = make_document(s, desk, number, DocumentKind.DEFERRAL, D(2027, 10, 11))
    texts: list[str] = []
    for made in (before, after):
        path = tmp_path / f"{made.doc_no}-{len(texts)}.pdf"
        path.write_bytes(made.pdf)
        texts.append(pdf_text(path))
    assert "2027年10月8日" in texts[0]
    assert "2027年10月11日" in texts[1]  # what the applicant must meet now
    assert "2027年10月8日" in texts[1]  # and the date it replaced, said beside it
