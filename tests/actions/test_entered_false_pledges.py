"""代为录入 of the steps after a grant on a promise: the window taking the brigade's 核查, 复查, 陈述申辩 notice and
撤销 under its written 授权 names each by the brigade's 文号 and officer, by the grant's rule, or is refused naming
what is missing with nothing kept; each paper prints them, and the revocation's entrustment sentence says the hall
issued (出具) what the brigade decided.  On both databases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.intake.false_pledges import hear, recheck, revoke
from counter.actions.intake.notice_pledges import record_check
from counter.actions.intake.pledge_papers import pledge_paper
from counter.case.decisions import DecisionProblem, DecisionRefused, read_entered
from counter.case.entered_for import Entered, EntryField
from counter.case.pledge_checks import PledgeNotice
from counter.case.pledge_entries import PledgeAct, read_entries
from counter.case.pledge_steps import HearingRecord, Recheck
from counter.db import models
from counter.db.case_store import case_view
from tests.actions.test_notice_pledges import (
    CHECKED,
    CORRECT_WITHIN,
    FINDING,
    FIRE,
    HEAR_WITHIN,
    HEARD,
    RECHECK_FINDING,
    RECHECKED,
    REVOKED,
    granted,
    name_the_brigades_bodies,
    served,
    taken,
)
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTERED, entrust
from tests.signed_in import signed_in

#: each step's own entry, told apart on its paper
CHECK_ENTRY = Entered("乌消责改字〔2026〕第7号", "王消防")
RECHECK_ENTRY = Entered("乌消复查字〔2026〕第3号", "王消防")
HEARING_ENTRY = Entered("乌消告字〔2026〕第2号", "赵支队")
REVOCATION_ENTRY = ENTERED

Step = Callable[[Session, Desk, str, Entered | None], object]


def _check(s: Session, desk: Desk, case_no: str, entered: Entered | None) -> object:
    return record_check(
        s, desk, case_no, FIRE, CHECKED, kept=False, finding=FINDING, correct_within=CORRECT_WITHIN, entered=entered
    )


def _recheck(s: Session, desk: Desk, case_no: str, entered: Entered | None) -> object:
    return recheck(s, desk, case_no, FIRE, RECHECKED, Recheck.NOT_CORRECTED, RECHECK_FINDING, entered=entered)


def _hear(s: Session, desk: Desk, case_no: str, entered: Entered | None) -> object:
    return hear(s, desk, case_no, FIRE, HEARD, HEAR_WITHIN, entered=entered)


def _revoke(s: Session, desk: Desk, case_no: str, entered: Entered | None) -> object:
    return revoke(s, desk, case_no, FIRE, REVOKED, HearingRecord(), entered=entered)


def _refused(sessions: sessionmaker[Session], desk: Desk, case_no: str, step: Step) -> None:
    """``step`` without the brigade's 文号 and officer, and with either alone: refused each time, naming what lacks."""
    tries = [
        (None, (EntryField.DEPARTMENT_NO, EntryField.OFFICER)),
        (Entered(officer="王消防"), (EntryField.DEPARTMENT_NO,)),
        (Entered(department_no="乌消字〔2026〕第1号", officer=" "), (EntryField.OFFICER,)),
    ]
    for entered, missing in tries:
        with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
            step(s, desk, case_no, entered)
        assert refused.value.problem is DecisionProblem.ENTRY_INCOMPLETE
        assert refused.value.missing == missing


def _row(sessions: sessionmaker[Session]) -> models.PledgeCheck:
    with sessions() as s:
        row = s.scalars(select(models.PledgeCheck)).one()
        s.expunge(row)
    return row


def test_each_step_entered_for_the_brigade_asks_its_number_and_officer_and_keeps_nothing_without(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    granted(sessions, desk, case_no)
    supervisor = signed_in(sessions, desk)
    name_the_brigades_bodies(sessions, signed_in(sessions, desk, Role.ADMIN, login="admin"))

    _refused(sessions, supervisor, case_no, _check)
    row = _row(sessions)
    assert (row.checked_on, row.kept, row.correction_doc_no, row.entries) == (None, None, "", "")  # nothing kept
    with sessions.begin() as s:
        _check(s, supervisor, case_no, CHECK_ENTRY)
    served(sessions, supervisor, case_no, PledgeNotice.CORRECTION, CHECKED)

    _refused(sessions, supervisor, case_no, _recheck)
    assert _row(sessions).recheck == ""
    with sessions.begin() as s:
        _recheck(s, supervisor, case_no, RECHECK_ENTRY)

    _refused(sessions, supervisor, case_no, _hear)
    row = _row(sessions)
    assert (row.heard_on, row.hearing_doc_no) == (None, "")  # no notice, no number spent
    with sessions.begin() as s:
        _hear(s, supervisor, case_no, HEARING_ENTRY)
    served(sessions, supervisor, case_no, PledgeNotice.HEARING, HEARD)

    _refused(sessions, supervisor, case_no, _revoke)
    row = _row(sessions)
    assert (row.revoked_on, row.revocation_doc_no) == (None, "")
    with sessions() as s:
        view = case_view(s, case_no)
        assert view is not None
        assert view.decisions()[FIRE].in_force  # the licence still stands
    with sessions.begin() as s:
        _revoke(s, supervisor, case_no, REVOCATION_ENTRY)

    assert read_entries(_row(sessions).entries) == {
        PledgeAct.CHECK: CHECK_ENTRY,
        PledgeAct.RECHECK: RECHECK_ENTRY,
        PledgeAct.HEARING: HEARING_ENTRY,
        PledgeAct.REVOCATION: REVOCATION_ENTRY,
    }
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert read_entered(view.history[-1].note) == REVOCATION_ENTRY  # on the history line sync carries

    papers = {
        PledgeNotice.CORRECTION: (CHECK_ENTRY, "通知书"),
        PledgeNotice.HEARING: (HEARING_ENTRY, "告知书"),
        PledgeNotice.REVOCATION: (REVOCATION_ENTRY, "决定书"),
    }
    for notice, (entry, noun) in papers.items():
        with sessions.begin() as s:
            made = pledge_paper(
                s, supervisor, case_no, FIRE, dt.date(2027, 1, 4), revoked=notice is PledgeNotice.REVOCATION,
                notice=notice,
            )  # fmt: skip
        path = tmp_path / f"{notice.value}.pdf"
        path.write_bytes(made)
        text = pdf_text(path, page=1).replace("\n", "")
        line = f"本机关决定文号：{entry.department_no}；承办人：{entry.officer}。本{noun}由"
        assert line in text, notice
        assert "以本机关名义出具" in text, notice  # the hall issued what the brigade decided in writing
        assert "以本机关名义作出" not in text, notice
