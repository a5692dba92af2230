"""A lapse recorded before the date that now governs it is found when the holiday data arrives, listed for its
deciding body with the correction path, and told to the applicant.

The report's case, as a database keeps it from before the rule that now refuses such a lapse
(:mod:`counter.case.provisional_lapse`): a 容缺 of 我要开小餐馆 taken on 2028-01-21, printed due 02-03, lapsed on
02-04 and its item denied; the 2028 notice then puts the date at 02-07, so the lapse was lawful from 02-08 only.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases import decisions
from counter.actions.cases.decisions import case_and_bundle, deny_lapsed_deferral
from counter.actions.cases.early_lapses import early_lapses
from counter.actions.cases.holidays import set_holiday
from counter.actions.intake import take as take_module
from counter.actions.intake.take import lapse_correction
from counter.actions.outbox.messages import save_gateway
from counter.case.correction_lapse import CorrectionNotDue
from counter.case.dates_moved import CORRECTION
from counter.case.early_lapses import EarlyLapse, read_early
from counter.case.moments import office_day
from counter.case.status import CaseEvent
from counter.db import models
from counter.sms.gateway import GatewaySettings
from counter.words.lapses import CORRECTION_PATH, early_lapse_text
from tests.actions.signed_head import head_of
from tests.actions.test_dates_moved import correction, deferral, view_of
from tests.actions.test_intake_actions import take
from tests.actions.test_provisional_lapse import TAKEN, import_2028
from tests.sms_gateway import SECRET

D = dt.date
#: when the notice is imported: a day of its own, far from the machine's, that the finding and its message fall on
IMPORTED = dt.datetime.combine(D(2028, 3, 1), dt.time(10)).astimezone()
ENTRUSTED_RESTAURANT = True  # the hall records the restaurant's items for their departments (tests/entrusted.py)


@pytest.fixture
def head(sessions: sessionmaker[Session], desk: Desk) -> Desk:
    return head_of(sessions, desk)


def lapsed_before_the_rule(sessions: sessionmaker[Session], desk: Desk, monkeypatch: pytest.MonkeyPatch) -> str:
    """The report's lapse, recorded as a desk did before a provisional date was refused."""
    number = take(sessions, desk, deferral(sessions), TAKEN)
    with monkeypatch.context() as patch:
        patch.setattr(decisions, "check_settled", lambda *args: None)
        with sessions.begin() as s:
            lapse = deny_lapsed_deferral(s, desk, number, D(2028, 2, 4), "逾期未补交")
    assert lapse.materials == ("M08",)
    return number


def test_a_lapse_the_notice_proves_early_is_listed_for_its_deciding_body_and_told(
    sessions: sessionmaker[Session], head: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sessions.begin() as s:
        save_gateway(s, GatewaySettings("https://127.0.0.1:9/sms/send", "hall", SECRET), desk=head)
    number = lapsed_before_the_rule(sessions, head, monkeypatch)
    denied = {code for code, d in view_of(sessions, number).decisions().items() if not d.approved}
    assert denied

    import_2028(sessions, head, IMPORTED)
    line = view_of(sessions, number).history[-1]
    assert (line.event, office_day(line.at)) == (CaseEvent.LAPSE_EARLY.value, IMPORTED.date())
    found = EarlyLapse("M08", D(2028, 2, 4), D(2028, 2, 7), D(2028, 2, 8))
    assert read_early(line.note) == (found,)
    said = early_lapse_text(line.note, {"M08": "食品安全管理制度文本"})
    assert "2028-02-07" in said
    assert "2028-02-04" in said
    assert "食品安全管理制度文本" in said

    with sessions() as s:
        rows = early_lapses(s)
        case_id = s.scalar(select(models.Case.id).where(models.Case.case_no == number))
        m = models.OutboxMessage
        told = s.execute(
            select(m.kind, m.due_on, m.created_at).where(m.case_id == case_id, m.kind == "lapse_early")
        ).all()
    (row,) = rows
    assert (row.case_no, row.lapse) == (number, found)
    assert {code for code, _, _ in row.items} == denied  # each denied item, with the body that corrects it
    assert all(body for _, _, body in row.items)
    assert "自行纠正" in CORRECTION_PATH
    assert [(kind, due, office_day(at)) for kind, due, at in told] == [("lapse_early", D(2028, 2, 7), IMPORTED.date())]

    import_2028(sessions, head)  # the same notice again: nothing found twice
    history = view_of(sessions, number).history
    assert [h.event for h in history].count(CaseEvent.LAPSE_EARLY.value) == 1


def test_a_lapse_on_or_after_the_governing_date_is_not_listed(sessions: sessionmaker[Session], head: Desk) -> None:
    number = take(sessions, head, deferral(sessions), TAKEN)
    import_2028(sessions, head)
    with sessions.begin() as s:
        deny_lapsed_deferral(s, head, number, D(2028, 2, 8), "逾期未补交")
    with sessions.begin() as s:
        set_holiday(s, D(2028, 3, 1), "off", desk=head)  # the data changes again, elsewhere
    assert CaseEvent.LAPSE_EARLY.value not in [h.event for h in view_of(sessions, number).history]
    with sessions() as s:
        assert early_lapses(s) == []


def test_a_correction_lapse_the_notice_proves_early_lists_every_item_for_its_body(
    sessions: sessionmaker[Session], head: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 补正 lapsed ends the whole application: every item's body corrects it, not only a denied one's."""
    number = take(sessions, head, correction(sessions), TAKEN)
    with sessions.begin() as s, pytest.raises(CorrectionNotDue) as not_yet:
        lapse_correction(s, head, number, TAKEN)
    first = not_yet.value.first_day
    assert first is not None
    with monkeypatch.context() as patch:  # as a desk recorded it before a provisional date was refused
        patch.setattr(take_module, "check_settled", lambda *args: None)
        with sessions.begin() as s:
            lapse_correction(s, head, number, first)
    assert (view_of(sessions, number).correction_due, first) == (D(2028, 2, 21), D(2028, 2, 22))
    import_2028(sessions, head, IMPORTED)  # fifteen working days from 01-21 end on 02-22 by the notice
    with sessions() as s:
        (row,) = early_lapses(s)
    assert row.case_no == number
    assert row.lapse == EarlyLapse(CORRECTION, D(2028, 2, 22), D(2028, 2, 22), D(2028, 2, 23))
    with sessions() as s:
        _, bundle = case_and_bundle(s, number)
    assert [code for code, _, _ in row.items] == [item.code for item in bundle.items]
    assert all(body for _, _, body in row.items)
