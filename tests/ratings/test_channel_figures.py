"""The figures by channel: the pad's, a paper 评价表 keyed in and a QR rating pulled from the region each counted
where it came from, in the command's and the window's figures alike."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.period_figures import period_figures
from counter.actions.ratings.record import keep_rating, key_in_sheet, record_rating, record_unrated, send_to_pad
from counter.actions.ratings.region_pull import take_region_rating
from counter.case.moments import BEIJING
from counter.cli.figures import figures_json, figures_text
from counter.db import models
from counter.db.rating_store import request_row
from counter.platform.region_ratings import RegionRating
from counter.ratings.channel_figures import ChannelCount, RequestShare
from counter.ratings.choice import RatingChoice
from counter.ratings.figures import Grouping
from counter.ratings.levels import Channel, Level
from counter.ratings.paper import PaperRating
from counter.words.ratings import channels_line, request_shares_line
from tests.ratings.conftest import DESK, TODAY, Clock


def test_each_channel_is_counted_and_they_add_up_to_the_rated(sessions: sessionmaker[Session], clock: Clock) -> None:
    with sessions() as session:
        cases = list(session.scalars(select(models.Case.case_no).order_by(models.Case.id)))[:4]
    pad, paper, qr, device = cases
    with sessions.begin() as session:
        shown = send_to_pad(session, pad, DESK, clock())
        record_rating(session, shown.request_id, RatingChoice(Level.SATISFIED), DESK, clock(), office_calendar(session))
        sheet = PaperRating(Level.VERY_SATISFIED, (), "", TODAY)
        key_in_sheet(session, paper, sheet, DESK, clock(), office_calendar(session))
        at = dt.datetime(2026, 11, 20, 20, 0, tzinfo=BEIJING)
        assert take_region_rating(session, RegionRating(qr, Level.BASIC, Channel.QR_CODE, (), "", at, 1), clock(), DESK)
        asked = send_to_pad(session, device, DESK, clock())
        request = request_row(session, asked.request_id)
        assert request is not None
        choice = RatingChoice(Level.SATISFIED)
        keep_rating(session, request, choice, DESK, clock(), office_calendar(session), Channel.HALL_TABLET)
    with sessions() as session:
        figures = period_figures(session, TODAY, TODAY, Grouping.DESK, TODAY, desk=DESK)
    assert figures.channels == (
        ChannelCount(Channel.QR_CODE, 1),
        ChannelCount(Channel.HALL_TABLET, 1),  # a pad device's
        ChannelCount(Channel.OTHER_TERMINAL, 1),  # the desk's own pad window: its second screen, counted apart
        ChannelCount(Channel.WRITTEN, 1),
    )
    assert sum(c.ratings for c in figures.channels) == figures.total.ratings.rated  # all four given on the day
    json_channels = {"qr_code": 1, "hall_tablet": 1, "other_terminal": 1, "written": 1}
    assert figures_json(figures)["channels"] == json_channels
    line = "按评价渠道（本期给出的首次评价）：二维码 1、政务大厅平板电脑（评价器） 1、政务大厅其他终端 1、书面评价 1"
    assert channels_line(figures.channels) == line
    assert line in figures_text(figures)


def test_a_period_without_ratings_says_so() -> None:
    assert channels_line(()) == "按评价渠道（本期给出的首次评价）：本期没有评价。"


def test_pad_answers_faster_than_the_question_is_read_are_counted_and_said(
    sessions: sessionmaker[Session], clock: Clock
) -> None:
    """An answer a second after the request could not have read the question (a pad answered for the applicant); one
    given after reading is not counted, nor is a paper 评价表, which has no request shown on a pad."""
    with sessions() as session:
        hasty, read, paper = list(session.scalars(select(models.Case.case_no).order_by(models.Case.id)))[:3]
    with sessions.begin() as session:
        for case_no, seconds in ((hasty, 1), (read, 12)):
            shown = send_to_pad(session, case_no, DESK, clock())
            clock.advance(seconds=seconds)
            choice = RatingChoice(Level.SATISFIED)
            record_rating(session, shown.request_id, choice, DESK, clock(), office_calendar(session))
        sheet = PaperRating(Level.VERY_SATISFIED, (), "", TODAY)
        key_in_sheet(session, paper, sheet, DESK, clock(), office_calendar(session))
    with sessions() as session:
        figures = period_figures(session, TODAY, TODAY, Grouping.DESK, TODAY, desk=DESK)
    assert figures.quick_answers == 1
    assert figures_json(figures)["quick_answers"] == 1
    said = "；其中评价器上不足3秒即作答的 1 条（来不及读题，请核实）"
    assert channels_line(figures.channels, figures.quick_answers).endswith(said)
    assert said in figures_text(figures)


def test_no_quick_answer_is_said_when_none_came() -> None:
    assert "来不及读题" not in channels_line((ChannelCount(Channel.QR_CODE, 1),))


def test_the_share_of_pad_requests_answered_is_counted_per_clerk(sessions: sessionmaker[Session], clock: Clock) -> None:
    """Each clerk's requests shown on a pad in the period, answered or lapsed there; a paper 评价表 keyed in was never
    the pad's to answer and is left out, a request still on the pad is sent but neither answered nor lapsed."""
    with sessions() as session:
        cases = list(session.scalars(select(models.Case.case_no).order_by(models.Case.id)))[:6]
        before = {s.clerk: s for s in period_figures(session, TODAY, TODAY, Grouping.CLERK, TODAY, desk=DESK).requests}
    assert "巴雅尔" not in before
    assert "阿拉坦" not in before
    bayar, altan = dataclasses.replace(DESK, clerk="巴雅尔"), dataclasses.replace(DESK, clerk="阿拉坦")
    with sessions.begin() as session:
        calendar = office_calendar(session)
        for case_no in cases[:2]:
            shown = send_to_pad(session, case_no, bayar, clock())
            clock.advance(seconds=20)
            record_rating(session, shown.request_id, RatingChoice(Level.SATISFIED), bayar, clock(), calendar)
        lapsed = send_to_pad(session, cases[2], bayar, clock())
        record_unrated(session, lapsed.request_id, bayar, clock())
        lapsed = send_to_pad(session, cases[3], altan, clock())
        record_unrated(session, lapsed.request_id, altan, clock())
        send_to_pad(session, cases[4], altan, clock())  # on the pad still
        key_in_sheet(session, cases[5], PaperRating(Level.SATISFIED, (), "", TODAY), altan, clock(), calendar)
    with sessions() as session:
        figures = period_figures(session, TODAY, TODAY, Grouping.CLERK, TODAY, desk=DESK)
    shares = {s.clerk: s for s in figures.requests}
    assert shares["巴雅尔"] == RequestShare("巴雅尔", sent=3, answered=2, lapsed=1)
    assert shares["阿拉坦"] == RequestShare("阿拉坦", sent=2, answered=0, lapsed=1)
    assert shares["巴雅尔"].share == Fraction(2, 3)
    assert {"clerk": "巴雅尔", "sent": 3, "answered": 2, "lapsed": 1, "quick": 0} in figures_json(figures)["requests"]
    said = "巴雅尔 发出 3、已评价 2（66.7%）、超时未评价 1；"
    assert said in request_shares_line(figures.requests)
    assert said in figures_text(figures)
    assert "阿拉坦 发出 2、已评价 0（0.0%）、超时未评价 1" in figures_text(figures)


def test_answers_too_quick_to_have_read_the_question_are_counted_per_clerk(
    sessions: sessionmaker[Session], clock: Clock
) -> None:
    """The window where a pad is answered for the applicant stands out: 巴雅尔's request answered a second after it was
    sent is counted at 巴雅尔, the one answered after twenty seconds at nobody, 阿拉坦's read answer neither."""
    with sessions() as session:
        cases = list(session.scalars(select(models.Case.case_no).order_by(models.Case.id)))[:3]
    bayar, altan = dataclasses.replace(DESK, clerk="巴雅尔"), dataclasses.replace(DESK, clerk="阿拉坦")
    with sessions.begin() as session:
        calendar = office_calendar(session)
        for case_no, clerk, seconds in ((cases[0], bayar, 1), (cases[1], bayar, 20), (cases[2], altan, 20)):
            shown = send_to_pad(session, case_no, clerk, clock())
            clock.advance(seconds=seconds)
            record_rating(session, shown.request_id, RatingChoice(Level.VERY_SATISFIED), clerk, clock(), calendar)
    with sessions() as session:
        figures = period_figures(session, TODAY, TODAY, Grouping.CLERK, TODAY, desk=DESK)
    shares = {s.clerk: s for s in figures.requests}
    assert shares["巴雅尔"] == RequestShare("巴雅尔", sent=2, answered=2, lapsed=0, quick=1)
    assert shares["阿拉坦"] == RequestShare("阿拉坦", sent=1, answered=1, lapsed=0, quick=0)
    assert figures.quick_answers == 1  # the period's, over every clerk, as before
    assert {"clerk": "巴雅尔", "sent": 2, "answered": 2, "lapsed": 0, "quick": 1} in figures_json(figures)["requests"]
    said = "巴雅尔 发出 2、已评价 2（100.0%）、超时未评价 0、其中不足3秒即作答 1（请核实）"
    assert said in request_shares_line(figures.requests)
    assert said in figures_text(figures)
    line = request_shares_line(figures.requests)
    assert "阿拉坦 发出 1、已评价 1（100.0%）、超时未评价 0" in line
    assert line.count("即作答") == 1  # said at 巴雅尔's alone


def test_a_period_without_pad_requests_says_so() -> None:
    assert request_shares_line(()) == "评价器上的评价请求（按发出请求的窗口人员，本期发出）：本期没有发出评价请求。"
