"""Which of a desk's cases have papers not out, as the flag and F6 read them, and what a waiver writes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.documents import make_document, record_print
from counter.actions.cases.unprinted_papers import unprinted_cases, waive_papers
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseEvent
from counter.db import models
from counter.documents.kinds import DocumentKind
from tests.ui.printing.helpers import DESK, TODAY

AT = dt.datetime.combine(TODAY, dt.time(10)).astimezone()  # the waiver's moment, as the call gives it

DEFERRAL_SET = (DocumentKind.DEFERRAL, DocumentKind.PLEDGE, DocumentKind.RECEIPT)


def flagged(sessions: sessionmaker[Session]) -> dict[str, tuple[DocumentKind, ...]]:
    with sessions() as session:
        return {case.case_no: case.kinds for case in unprinted_cases(session, DESK, TODAY)}


def test_a_case_is_flagged_with_each_paper_no_print_sent_out(
    sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    case_no = cases["容缺受理"]
    assert flagged(sessions)[case_no] == DEFERRAL_SET
    with sessions.begin() as session:
        pledge = make_document(session, DESK, case_no, DocumentKind.PLEDGE, TODAY)
        record_print(session, DESK, pledge, "printer:desk", ok=False, error="printer off")
    assert flagged(sessions)[case_no] == DEFERRAL_SET  # a print that failed sent nothing out
    with sessions.begin() as session:
        record_print(session, DESK, pledge, "printer:desk", ok=True)
    assert flagged(sessions)[case_no] == (DocumentKind.DEFERRAL, DocumentKind.RECEIPT)


def test_another_desk_and_a_month_later_flag_nothing_of_this_desk(sessions: sessionmaker[Session]) -> None:
    other = dataclasses.replace(DESK, identity=DeskIdentity(DESK.identity.site_code, "9"))
    with sessions() as session:
        assert unprinted_cases(session, DESK, TODAY)  # the demo's cases: taken, nothing printed
        assert not unprinted_cases(session, other, TODAY)
        assert not unprinted_cases(session, DESK, TODAY.replace(month=12, day=21))


def test_a_waiver_names_the_papers_left_and_each_one_is_kept(
    sessions: sessionmaker[Session], cases: dict[str, str]
) -> None:
    case_no = cases["受理"]
    with sessions.begin() as session:
        assert waive_papers(session, DESK, case_no, "  申请人不需要  ", AT) == (DocumentKind.RECEIPT,)
    assert case_no not in flagged(sessions)
    with sessions.begin() as session:
        assert waive_papers(session, DESK, case_no, "再次说明", AT) == (DocumentKind.RECEIPT,)
        with pytest.raises(ValueError, match="reason"):
            waive_papers(session, DESK, case_no, " ", AT)
    with sessions() as session:
        notes = session.scalars(
            select(models.CaseHistory.note)
            .join(models.Case, models.Case.id == models.CaseHistory.case_id)
            .where(models.Case.case_no == case_no, models.CaseHistory.event == CaseEvent.PAPERS_WAIVED.value)
        ).all()
    assert notes == ["receipt: 申请人不需要", "receipt: 再次说明"]
