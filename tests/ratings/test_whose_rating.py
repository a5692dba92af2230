"""A rating belongs to its pad and its case: a pad request is answered or lapsed only by the desk that raised it, and a
paper 评价表 counts for the case's own clerk and desk, keyed in by a supervisor who is not that clerk."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.record import key_in_sheet, rating_figures, record_rating, record_unrated, send_to_pad
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.ratings.choice import ChoiceProblem, RatingChoice
from counter.ratings.figures import Grouping
from counter.ratings.levels import Level
from counter.ratings.paper import PaperRating
from counter.ratings.refusals import ChoiceRefused, RatingRefused
from counter.ratings.status import DeskStatus, SendRefusal
from tests.ratings.conftest import DESK, TODAY, Clock, account_desk, desk_status, supervisor_for_a_while


def at_desk(desk_no: str, desk: Desk = DESK) -> Desk:
    return dataclasses.replace(desk, identity=DeskIdentity(DESK.identity.site_code, desk_no))


def nothing_kept(sessions: sessionmaker[Session], case_no: str) -> None:
    with sessions() as session:
        assert session.scalars(select(models.Rating)).all() == []
        assert desk_status(session, case_no) is DeskStatus.PENDING  # the applicant at desk 8 may still rate


def test_another_desks_pad_request_is_neither_rated_nor_lapsed_from_this_desk(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    case_no = demo_cases["受理"]
    with sessions.begin() as session:
        pad = send_to_pad(session, case_no, DESK, clock())  # desk 8 raised it
    with pytest.raises(RatingRefused) as forged, sessions.begin() as session:
        record_rating(
            session, pad.request_id, RatingChoice(Level.VERY_SATISFIED), at_desk("3"), clock(), office_calendar(session)
        )
    assert (forged.value.code, forged.value.case_no) == (SendRefusal.OTHER_DESK, case_no)
    with pytest.raises(RatingRefused) as lapsed, sessions.begin() as session:
        record_unrated(session, pad.request_id, at_desk("1"), clock())
    assert lapsed.value.code is SendRefusal.OTHER_DESK
    nothing_kept(sessions, case_no)
    with sessions.begin() as session:  # the pad of desk 8 still takes its applicant's answer
        record_rating(session, pad.request_id, RatingChoice(Level.SATISFIED), DESK, clock(), office_calendar(session))


def test_a_paper_rating_keyed_by_a_supervisor_counts_for_the_clerk_who_served(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    case_no = demo_cases["受理"]  # taken by 乌兰 at desk 8
    paper = PaperRating(Level.VERY_SATISFIED, (), "", TODAY)
    with supervisor_for_a_while(sessions) as baoyin, sessions.begin() as session:
        key_in_sheet(session, case_no, paper, at_desk("3", baoyin), clock(), office_calendar(session))
    with sessions() as session:
        rating = session.scalars(select(models.Rating)).one()
        assert (rating.clerk, rating.desk_no, rating.channel) == ("乌兰", "8", "written")
        lines, total = rating_figures(session, TODAY, TODAY, Grouping.CLERK, desk=DESK)
    assert [(line.label, line.rated) for line in lines if line.rated] == [("乌兰", 1)]
    assert "宝音" not in {line.label for line in lines}
    assert total.rated == 1


def test_a_paper_rating_is_not_keyed_by_a_clerk_nor_by_the_clerk_rated(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    case_no = demo_cases["受理"]
    paper = PaperRating(Level.VERY_SATISFIED, (), "", TODAY)
    clerk = at_desk("3", account_desk(sessions, "sarula", "萨茹拉", frozenset({Role.CLERK})))
    with pytest.raises(NotPermitted), sessions.begin() as session:
        key_in_sheet(session, case_no, paper, clerk, clock(), office_calendar(session))
    # 乌兰 is also a supervisor: her own service's paper is still keyed in by another
    wulan = account_desk(sessions, "wulan", "乌兰", frozenset({Role.CLERK, Role.SUPERVISOR}))
    with pytest.raises(RatingRefused) as own, sessions.begin() as session:
        key_in_sheet(session, case_no, paper, wulan, clock(), office_calendar(session))
    assert own.value.code is SendRefusal.OWN_SERVICE
    with sessions() as session:
        assert session.scalars(select(models.Rating)).all() == []


def test_a_paper_dated_before_its_case_is_refused(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    paper = PaperRating(Level.VERY_SATISFIED, (), "", dt.date(2001, 1, 1))
    with (
        supervisor_for_a_while(sessions) as baoyin,
        pytest.raises(ChoiceRefused) as refused,
        sessions.begin() as session,
    ):
        key_in_sheet(session, demo_cases["受理"], paper, baoyin, clock(), office_calendar(session))
    assert refused.value.problems == (ChoiceProblem.DATE_BEFORE_SERVICE,)
    with sessions() as session:  # nothing stays: neither the rating nor the request it would have answered
        assert session.scalars(select(models.RatingRequest)).all() == []
