"""A township's paper 评价表 keyed in later: channel 书面评价, the paper's date, the reasons by their codes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.record import key_in_sheet
from counter.actions.ratings.sheet import rating_sheet_pdf
from counter.db import models
from counter.db.rating_store import rating_records
from counter.ratings.choice import ChoiceProblem
from counter.ratings.levels import Channel, Level
from counter.ratings.paper import PaperRating
from counter.ratings.recorded import RatingRecorded
from counter.ratings.refusals import ChoiceRefused, RatingRefused
from tests.documents.pdf_tools import pdf_text
from tests.ratings.conftest import DESK, TODAY, Clock

PAPER = PaperRating(Level.DISSATISFIED, ("503",), "窗口无人", TODAY)  # the demo's cases were taken on TODAY


def key_in(sessions: sessionmaker[Session], case_no: str, paper: PaperRating, clock: Clock) -> RatingRecorded:
    with sessions.begin() as session:
        return key_in_sheet(session, case_no, paper, DESK, clock(), office_calendar(session))


def test_a_paper_rating_keeps_its_channel_its_date_and_its_codes(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    clock.advance(days=2)  # the paper comes back two days after the service
    recorded = key_in(sessions, demo_cases["受理"], PAPER, clock)
    assert recorded.alert is not None  # a 差评 on paper is a 差评: its rectification opens
    with sessions() as session:
        rating = session.scalars(select(models.Rating)).one()
        assert (rating.channel, rating.rated_on, rating.comment) == ("written", PAPER.rated_on, "窗口无人")
        assert json.loads(rating.reasons) == [{"code": "503", "label": "服务态度", "list": "national-offline-1"}]
        (record,) = rating_records(session, PAPER.rated_on, TODAY)
    assert (record.channel, record.reason_codes, record.reason_list) == (
        Channel.WRITTEN,
        ("503",),
        "national-offline-1",
    )


@pytest.mark.parametrize(
    ("paper", "problem"),
    [
        (dataclasses.replace(PAPER, reason_codes=("599",)), ChoiceProblem.REASON_NOT_OFFERED),  # not on the sheet
        (dataclasses.replace(PAPER, reason_codes=()), ChoiceProblem.REASON_REQUIRED),
        (dataclasses.replace(PAPER, rated_on=TODAY + dt.timedelta(days=1)), ChoiceProblem.DATE_AHEAD),
        # before the case was taken (the attack dated it 2001-01-01): no service to rate then
        (dataclasses.replace(PAPER, rated_on=TODAY - dt.timedelta(days=1)), ChoiceProblem.DATE_BEFORE_SERVICE),
        (dataclasses.replace(PAPER, rated_on=dt.date(2001, 1, 1)), ChoiceProblem.DATE_BEFORE_SERVICE),
    ],
)
def test_a_sheet_that_does_not_read_right_is_refused_and_nothing_stays(
    sessions: sessionmaker[Session],
    demo_cases: dict[str, str],
    clock: Clock,
    paper: PaperRating,
    problem: ChoiceProblem,
) -> None:
    with pytest.raises(ChoiceRefused) as refused:
        key_in(sessions, demo_cases["受理"], paper, clock)
    assert problem in refused.value.problems
    with sessions() as session:
        assert session.scalars(select(models.RatingRequest)).all() == []
        assert session.scalars(select(models.Rating)).all() == []


def test_the_desk_prints_the_sheet_of_a_case_by_its_number(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], tmp_path: Path
) -> None:
    case_no = demo_cases["受理"]
    with sessions() as session:
        pdf = rating_sheet_pdf(session, DESK, case_no, TODAY)
        with pytest.raises(RatingRefused):
            rating_sheet_pdf(session, DESK, "XAM01-20261120-08-9999", TODAY)
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    text = pdf_text(path)
    assert case_no in text
    assert "503服务态度" in text
