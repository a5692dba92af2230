"""A department's 补正 in 第三十二条's order, through the actions: 048 (养老保险关系转移接续) in the received standing.

The 社会保险事业服务中心 tells its 补正 instead of a 受理, before it: its 补正材料通知书 is made by the step, the
applicant told by SMS, no limit running; its 签收 once the 补正 is complete is the 受理, dated that day, the limits
from it.  After the 受理 no 补正 is taken; where the window accepted the item, the 受理凭证 was the 受理 and the
department tells no 补正 of its own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.item_papers import make_item_paper
from counter.actions.cases.item_steps import item_standings, route_items, take_item_step
from counter.case.item_path import ItemEvent, ItemState, PauseReason, StepProblem, StepRefused
from counter.case.item_step_request import StepRequest
from counter.db import models
from counter.documents.kinds import DocumentKind, record_kind
from counter.sms.kinds import MessageKind
from tests.actions.test_department_papers import (
    PENSION,
    RECEIVED,
    SIGNED,
    STAFF,
    accounts,
    paper_text,
    routed,
    signed,
    taken,
)
from tests.actions.test_item_steps import at
from tests.audit.conftest import desk_of
from tests.entrusted import entrust_in

ASKED = "基本养老保险参保缴费凭证未加盖原参保地经办机构印章，请补交加盖印章的缴费凭证。"


def ask_correction(sessions: sessionmaker[Session], number: str, day: dt.date, what: str = ASKED) -> None:
    with sessions.begin() as s:
        take_item_step(s, desk_of(STAFF), number, PENSION, StepRequest(ItemEvent.CORRECTION, reason=what), at(day))


def test_the_centre_tells_its_correction_before_the_acceptance_which_is_dated_the_day_it_is_complete(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = taken(sessions, desk)
    accounts(sessions)
    routed(sessions, number)
    ask_correction(sessions, number, SIGNED)
    with sessions() as s:
        kinds = set(s.scalars(select(models.DocumentRecord.kind)).all())
        [message] = s.scalars(
            select(models.OutboxMessage).where(models.OutboxMessage.kind == MessageKind.ITEM_CORRECTION.value)
        ).all()
        [waiting] = [i for i in item_standings(s, number, SIGNED) if i.code == PENSION]
    assert record_kind(DocumentKind.SUPPLEMENT, 1) in kinds  # made by the 补正 itself
    assert record_kind(DocumentKind.ACCEPTANCE, 1) not in kinds  # no 受理 before the 补正 is complete
    assert message.item_code == PENSION
    assert waiting.state is ItemState.CORRECTING
    assert (waiting.legal_due, waiting.promised_due) == (None, None)
    with sessions.begin() as s:
        made = make_item_paper(s, desk_of(STAFF), number, PENSION, DocumentKind.SUPPLEMENT, SIGNED)
    assert made.reprint
    text = paper_text(made.pdf, tmp_path)
    assert f"补正内容{ASKED}" in text
    assert "继续计算" not in text

    complete = dt.date(2026, 11, 27)
    with sessions.begin() as s:
        take_item_step(s, desk_of(STAFF), number, PENSION, StepRequest(ItemEvent.SIGNED), at(complete))
    with sessions() as s:
        stored = s.scalars(
            select(models.DocumentRecord).where(models.DocumentRecord.kind == record_kind(DocumentKind.ACCEPTANCE, 1))
        ).one()
        [accepted] = [i for i in item_standings(s, number, complete) if i.code == PENSION]
    assert stored.issued_on == complete
    assert accepted.promised_due is not None
    assert accepted.promised_due.date > complete  # counted from the 受理, the day the 补正 was complete
    with sessions.begin() as s:
        paper = make_item_paper(s, desk_of(STAFF), number, PENSION, DocumentKind.ACCEPTANCE, complete)
    text = paper_text(paper.pdf, tmp_path)
    assert "本中心于2026年11月24日一次性告知需要补正的全部内容" in text
    assert "本中心于2026年11月27日予以受理" in text


def test_a_correction_is_told_once_in_full_within_five_working_days_of_the_halls_receipt(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    number = taken(sessions, desk)
    accounts(sessions)
    routed(sessions, number)
    with pytest.raises(StepRefused) as empty:
        ask_correction(sessions, number, SIGNED, " ")
    assert empty.value.problem is StepProblem.NO_CORRECTION_LIST
    with pytest.raises(StepRefused) as late:  # received on Friday the 20th: its fifth working day is the 27th
        ask_correction(sessions, number, dt.date(2026, 11, 30))
    assert late.value.problem is StepProblem.CORRECTION_LATE
    ask_correction(sessions, number, dt.date(2026, 11, 27))  # the last day it may
    with pytest.raises(StepRefused) as again:  # once: the whole of it was told
        ask_correction(sessions, number, dt.date(2026, 11, 27), "另需补交户口簿。")
    assert again.value.problem is StepProblem.CORRECTION_BEFORE


def test_no_correction_follows_the_acceptance(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = taken(sessions, desk)
    accounts(sessions)
    signed(sessions, number)
    with pytest.raises(StepRefused) as step:
        ask_correction(sessions, number, SIGNED)
    assert step.value.problem is StepProblem.CORRECTION_ACCEPTED
    paused = StepRequest(ItemEvent.PAUSED, pause=PauseReason.CORRECTION, reason=ASKED)
    with sessions.begin() as s, pytest.raises(StepRefused) as pause:
        take_item_step(s, desk_of(STAFF), number, PENSION, paused, at(SIGNED))
    assert pause.value.problem is StepProblem.CORRECTION_ACCEPTED


def test_an_item_accepted_at_the_window_gets_no_correction_of_its_department(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    entrust_in(owner, desk, PENSION)  # the window accepted it in the centre's name: its 补正 was the window's to tell
    number = taken(sessions, desk)
    with sessions.begin() as s:
        route_items(s, desk, number, at(RECEIVED))
    with sessions.begin() as s, pytest.raises(StepRefused) as raised:
        take_item_step(s, desk, number, PENSION, StepRequest(ItemEvent.CORRECTION, reason=ASKED), at(SIGNED))
    assert raised.value.problem is StepProblem.ACCEPTED_AT_WINDOW
