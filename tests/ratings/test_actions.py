"""The rating actions on a real database with cases of every outcome."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from counter.access.roles import Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.follow_up import (
    decide_appeal,
    move_rectification,
    new_rectifications,
    open_rectifications,
    rectification_detail,
)
from counter.actions.ratings.record import (
    close_stale_requests,
    rating_figures,
    rating_settings,
    ratings_for_export,
    record_rating,
    record_unrated,
    save_rating_settings,
    send_to_pad,
)
from counter.case.numbers import DeskIdentity
from counter.catalog.model import TimeLimit, TimeUnit
from counter.db import models
from counter.ratings.choice import ChoiceProblem, RatingChoice
from counter.ratings.figures import Grouping
from counter.ratings.levels import Level
from counter.ratings.recorded import RatingRecorded
from counter.ratings.rectification import AppealGround, MoveProblem, RectEvent, RectState
from counter.ratings.refusals import AppealRefused, ChoiceRefused, MoveRefused, RatingRefused, SettingsRefused
from counter.ratings.settings import RatingSettings
from counter.ratings.status import DeskStatus, SendRefusal
from counter.ratings.views import PadCase
from tests.ratings.conftest import DESK, TODAY, Clock, account_desk, desk_status, supervisor_for_a_while

BAD = RatingChoice(Level.VERY_DISSATISFIED, ("办理时间长", "其他"), "材料要求前后不一")


def send(sessions: sessionmaker[Session], case_no: str, clock: Clock) -> PadCase:
    with sessions.begin() as session:
        return send_to_pad(session, case_no, DESK, clock())


def rate(sessions: sessionmaker[Session], pad: PadCase, choice: RatingChoice, clock: Clock) -> RatingRecorded:
    with sessions.begin() as session:
        return record_rating(session, pad.request_id, choice, DESK, clock(), office_calendar(session))


def status(sessions: sessionmaker[Session], case_no: str) -> DeskStatus | None:
    with sessions() as session:
        return desk_status(session, case_no)


def test_the_pad_shows_who_served_and_a_masked_name(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    pad = send(sessions, demo_cases["受理"], clock)
    assert (pad.office, pad.desk_no, pad.clerk, pad.staff_no) == ("兴安盟政务服务中心", "8", "乌兰", "XA0815")
    assert pad.bundle_name == "我要开小餐馆（50平方米以下）"
    assert pad.rater_masked == "张**"
    assert pad.round == 1
    assert pad.reasons == (
        "服务效率",
        "服务水平",
        "服务态度",
        "办理时间长",
        "服务态度差",
        "办理环境差",
        "流程太复杂",
        "等待时间长",
        "其他",
    )
    assert pad.timeout_seconds == 60


def test_a_rating_is_stored_as_its_meaning_with_the_record_fields(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    case_no = demo_cases["受理"]
    assert status(sessions, case_no) is None
    pad = send(sessions, case_no, clock)
    assert status(sessions, case_no) is DeskStatus.PENDING
    recorded = rate(sessions, pad, RatingChoice(Level.BASIC), clock)
    assert recorded.alert is None
    assert status(sessions, case_no) is DeskStatus.RATED
    with sessions() as session:
        row = session.get_one(models.Rating, recorded.rating_id)
        assert row.level == "basically_satisfied"
        assert (row.channel, row.round, row.anonymous) == ("other_terminal", 1, False)  # the second screen
        assert (row.rater_name, row.rater_kind) == ("张海军", "person")
        assert len(row.rater_id_no) == 18
        assert (row.item_code, row.department, row.clerk, row.staff_no) == (
            "XAM-YJS-008", "兴安盟政务服务中心", "乌兰", "XA0815",
        )  # fmt: skip
        assert (row.region, row.rated_on) == ("152201", TODAY)


@pytest.mark.parametrize("outcome", ["补正（委托代理人办理）", "撤回申请", "容缺受理"])
def test_a_correction_or_a_refusal_is_a_service_too(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock, outcome: str
) -> None:
    pad = send(sessions, demo_cases[outcome], clock)
    rate(sessions, pad, RatingChoice(Level.SATISFIED), clock)
    assert status(sessions, demo_cases[outcome]) is DeskStatus.RATED


def test_one_service_one_rating(sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock) -> None:
    case_no = demo_cases["受理"]
    pad = send(sessions, case_no, clock)
    with pytest.raises(RatingRefused) as pending:
        send(sessions, case_no, clock)
    assert pending.value.code is SendRefusal.PENDING
    rate(sessions, pad, RatingChoice(Level.VERY_SATISFIED), clock)
    with pytest.raises(RatingRefused) as again:
        send(sessions, case_no, clock)
    assert again.value.code is SendRefusal.ALREADY_RATED
    with pytest.raises(RatingRefused) as twice:
        rate(sessions, pad, RatingChoice(Level.VERY_DISSATISFIED, ("其他",)), clock)
    assert twice.value.code is SendRefusal.REQUEST_CLOSED
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.Rating)) == 1
        assert session.scalar(select(models.Rating.level)) == "very_satisfied"


def test_the_database_refuses_a_second_request_for_the_same_round(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    pad = send(sessions, demo_cases["受理"], clock)
    with sessions() as session:
        case_id = session.get_one(models.RatingRequest, pad.request_id).case_id
    # SQLite says "UNIQUE constraint failed", PostgreSQL "violates unique constraint"
    with pytest.raises(IntegrityError, match=r"(?i)unique"), sessions.begin() as session:
        session.add(models.RatingRequest(case_id=case_id, round=1, site_code="XAM01", desk_no="9", clerk="其其格"))


def test_a_bad_rating_opens_a_rectification_due_seven_days_later(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    case_no = demo_cases["受理"]
    recorded = rate(sessions, send(sessions, case_no, clock), BAD, clock)
    assert recorded.alert is not None
    assert recorded.alert.due_on == TODAY + dt.timedelta(days=7)
    assert recorded.alert.case_no == case_no
    with sessions() as session:
        rows = open_rectifications(session)
        assert [(r.case_no, r.state, r.due) for r in rows] == [
            (case_no, RectState.AWAITING_REVISIT, dt.date(2026, 11, 27))
        ]
        detail = rectification_detail(session, rows[0].rectification_id)
        assert detail is not None
        assert detail.reasons == ("办理时间长", "其他")
        assert detail.comment == "材料要求前后不一"
        assert detail.rater_masked == "张**"
        assert [line.event for line in detail.history] == [RectEvent.OPENED]
        assert [a.rectification_id for a in new_rectifications(session, 0)] == [recorded.alert.rectification_id]
        assert new_rectifications(session, recorded.alert.rectification_id) == []


def test_a_bad_rating_without_a_reason_is_refused_and_nothing_is_written(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    pad = send(sessions, demo_cases["受理"], clock)
    with pytest.raises(ChoiceRefused) as refused:
        rate(sessions, pad, RatingChoice(Level.DISSATISFIED), clock)
    assert refused.value.problems == (ChoiceProblem.REASON_REQUIRED,)
    assert status(sessions, demo_cases["受理"]) is DeskStatus.PENDING


def test_the_rating_and_its_rectification_are_one_transaction(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    pad = send(sessions, demo_cases["受理"], clock)

    def rate_then_lose_power() -> None:
        with sessions.begin() as session:
            record_rating(session, pad.request_id, BAD, DESK, clock(), office_calendar(session))
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        rate_then_lose_power()
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.Rating)) == 0
        assert session.scalar(select(func.count()).select_from(models.Rectification)) == 0
    assert status(sessions, demo_cases["受理"]) is DeskStatus.PENDING


def test_unrated_is_recorded_as_unrated_never_as_a_rating(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    case_no = demo_cases["受理"]
    pad = send(sessions, case_no, clock)
    clock.advance(seconds=60)
    with sessions.begin() as session:
        assert record_unrated(session, pad.request_id, DESK, clock()) == case_no
    assert status(sessions, case_no) is DeskStatus.UNRATED
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(models.Rating)) == 0
        assert session.scalar(select(func.count()).select_from(models.RatingLapse)) == 1
    with pytest.raises(RatingRefused) as late:
        rate(sessions, pad, RatingChoice(Level.SATISFIED), clock)
    assert late.value.code is SendRefusal.REQUEST_CLOSED
    with pytest.raises(RatingRefused) as resend:
        send(sessions, case_no, clock)
    assert resend.value.code is SendRefusal.ALREADY_UNRATED


def test_requests_a_stopped_pad_left_open_lapse(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    send(sessions, demo_cases["受理"], clock)
    other_desk = dataclasses.replace(DESK, identity=DeskIdentity("XAM01", "9"), clerk="其其格")
    with sessions.begin() as session:
        send_to_pad(session, demo_cases["撤回申请"], other_desk, clock())
    with sessions.begin() as session:
        assert close_stale_requests(session, DESK, clock()) == []  # still within their time
    clock.advance(minutes=2)
    with sessions.begin() as session:
        assert close_stale_requests(session, DESK, clock()) == [demo_cases["受理"]]
    assert status(sessions, demo_cases["受理"]) is DeskStatus.UNRATED
    assert status(sessions, demo_cases["撤回申请"]) is DeskStatus.PENDING  # another desk's pad may still show it


def test_a_request_left_open_by_a_stopped_pad_is_closed_unrated_not_sent_again(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    case_no = demo_cases["受理"]
    send(sessions, case_no, clock)
    clock.advance(minutes=2)
    with pytest.raises(RatingRefused) as open_still:
        send(sessions, case_no, clock)
    assert open_still.value.code is SendRefusal.PENDING
    with sessions.begin() as session:
        close_stale_requests(session, DESK, clock())
    with pytest.raises(RatingRefused) as lapsed:
        send(sessions, case_no, clock)  # closed as unrated: that was its one chance
    assert lapsed.value.code is SendRefusal.ALREADY_UNRATED
    assert status(sessions, case_no) is DeskStatus.UNRATED


def test_a_rectification_step_not_a_supervisor_s_is_refused_and_nothing_kept(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """An appeal, a voiding, an opening come of a rating or an appeal, never of the 督办 page's step."""
    recorded = rate(sessions, send(sessions, demo_cases["受理"], clock), BAD, clock)
    assert recorded.alert is not None
    rect = recorded.alert.rectification_id
    for event in (RectEvent.APPEALED, RectEvent.VOIDED, RectEvent.OPENED):
        with supervisor_for_a_while(sessions, "其其格") as qiqige, sessions.begin() as session:
            with pytest.raises(MoveRefused) as refused:
                move_rectification(session, rect, event, "其其格", "评价人按错了", clock(), desk=qiqige)
            assert refused.value.problems == (MoveProblem.NOT_ALLOWED,)
    with sessions() as session:
        detail = rectification_detail(session, rect)
    assert detail is not None
    assert [line.event for line in detail.history] == [RectEvent.OPENED]


def test_a_supervisors_note_too_long_is_refused_and_one_of_the_full_length_is_kept(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """The 督办 note is kept whole on the rectification's history or not at all: a note past its length is refused,
    never cut; a rectification that is not there (another desk's list, out of date) is refused as a step not open."""
    recorded = rate(sessions, send(sessions, demo_cases["受理"], clock), BAD, clock)
    assert recorded.alert is not None
    rect = recorded.alert.rectification_id
    with supervisor_for_a_while(sessions, "其其格") as qiqige, sessions.begin() as session:
        with pytest.raises(MoveRefused) as too_long:
            move_rectification(session, rect, RectEvent.NOTE, "其其格", "电" * 1001, clock(), desk=qiqige)
        assert too_long.value.problems == (MoveProblem.NOTE_TOO_LONG,)
        with pytest.raises(MoveRefused) as gone:
            move_rectification(session, rect + 1000, RectEvent.NOTE, "其其格", "已联系", clock(), desk=qiqige)
        assert gone.value.problems == (MoveProblem.NOT_ALLOWED,)
        move_rectification(session, rect, RectEvent.NOTE, "其其格", "话" * 1000, clock(), desk=qiqige)
    with sessions() as session:
        detail = rectification_detail(session, rect)
    assert detail is not None
    assert [(h.event, h.note) for h in detail.history][1:] == [(RectEvent.NOTE, "话" * 1000)]


def test_walk_a_rectification_to_feedback_then_a_follow_up_rating(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    case_no = demo_cases["受理"]
    recorded = rate(sessions, send(sessions, case_no, clock), BAD, clock)
    assert recorded.alert is not None
    rect = recorded.alert.rectification_id
    with pytest.raises(RatingRefused):
        send(sessions, case_no, clock)  # no follow-up before the rater has had feedback
    clock.advance(days=1)
    with supervisor_for_a_while(sessions, "其其格") as qiqige, sessions.begin() as session:
        with pytest.raises(MoveRefused) as skipped:
            move_rectification(session, rect, RectEvent.FED_BACK, "其其格", "已回复", clock(), desk=qiqige)
        assert skipped.value.problems == (MoveProblem.NOT_ALLOWED,)
        move_rectification(session, rect, RectEvent.NOTE, "其其格", "电话未接通，明日再联系", clock(), desk=qiqige)
        revisited = move_rectification(
            session, rect, RectEvent.REVISITED, "其其格", "申请人反映等待材料审核时间长", clock(), desk=qiqige
        )
        assert revisited is RectState.VERIFYING
        assert (
            move_rectification(session, rect, RectEvent.FIX_BY_DEADLINE, "其其格", "增设材料预审岗", clock(),
                               fix_due=dt.date(2026, 12, 15), desk=qiqige)
            is RectState.FIX_BY_DEADLINE
        )  # fmt: skip
    with sessions() as session:
        row = open_rectifications(session)[0]
        assert row.due == dt.date(2026, 12, 15)
    with supervisor_for_a_while(sessions, "其其格") as qiqige, sessions.begin() as session:
        fed_back = move_rectification(
            session, rect, RectEvent.FED_BACK, "其其格", "已电话告知整改措施", clock(), desk=qiqige
        )
        assert fed_back is RectState.FED_BACK
    with sessions() as session:
        assert open_rectifications(session) == []
        detail = rectification_detail(session, rect)
        assert detail is not None
        assert [(h.event, h.state_after, h.by) for h in detail.history] == [
            (RectEvent.OPENED, RectState.AWAITING_REVISIT, ""),
            (RectEvent.NOTE, RectState.AWAITING_REVISIT, "其其格"),
            (RectEvent.REVISITED, RectState.VERIFYING, "其其格"),
            (RectEvent.FIX_BY_DEADLINE, RectState.FIX_BY_DEADLINE, "其其格"),
            (RectEvent.FED_BACK, RectState.FED_BACK, "其其格"),
        ]
    follow_up = send(sessions, case_no, clock)
    assert follow_up.round == 2
    again = rate(sessions, follow_up, RatingChoice(Level.SATISFIED), clock)
    with sessions() as session:
        assert session.get_one(models.Rating, again.rating_id).round == 2
    with pytest.raises(RatingRefused) as third:
        send(sessions, case_no, clock)
    assert third.value.code is SendRefusal.FOLLOW_UP_DONE


def test_an_appeal_excludes_a_rating_with_who_and_why_and_the_rating_stays(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    recorded = rate(sessions, send(sessions, demo_cases["受理"], clock), BAD, clock)
    assert recorded.alert is not None
    baoyin = account_desk(sessions, "baoyin", "宝音", frozenset({Role.SUPERVISOR}))  # another than the clerk rated
    with sessions.begin() as session, pytest.raises(AppealRefused):
        decide_appeal(session, recorded.rating_id, "宝音", AppealGround.MISTAKEN, "", True, clock(), desk=baoyin)
    with sessions.begin() as session:
        decide_appeal(session, recorded.rating_id, "宝音", AppealGround.MALICIOUS, "与本窗口服务无关，监控核实", False,
                      clock(), desk=baoyin)  # fmt: skip
    with sessions() as session:
        rejected = rectification_detail(session, recorded.alert.rectification_id)
        assert rejected is not None
        assert not rejected.excluded
    with sessions.begin() as session:
        decide_appeal(session, recorded.rating_id, "宝音", AppealGround.MISTAKEN, "申请人来电说明误按，录音存档", True,
                      clock(), desk=baoyin)  # fmt: skip
    with sessions() as session:
        detail = rectification_detail(session, recorded.alert.rectification_id)
        assert detail is not None
        assert detail.excluded
        assert [(a.by, a.upheld) for a in detail.appeals] == [("宝音", False), ("宝音", True)]
        assert detail.history[-1].state_after is RectState.VOIDED
        assert detail.history[-1].note == "申请人来电说明误按，录音存档"
        assert session.get_one(models.Rating, recorded.rating_id).level == "very_dissatisfied"
        assert open_rectifications(session) == []
        (record,) = ratings_for_export(session, TODAY, TODAY, desk=baoyin)
        assert record.excluded
        assert record.appeal_reason == "申请人来电说明误按，录音存档"
    with sessions.begin() as session, pytest.raises(AppealRefused):
        decide_appeal(session, recorded.rating_id, "宝音", AppealGround.MISTAKEN, "再次申诉同一条评价", True, clock(),
                      desk=baoyin)  # fmt: skip


def test_figures_from_the_database(sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock) -> None:
    rate(sessions, send(sessions, demo_cases["受理"], clock), RatingChoice(Level.SATISFIED), clock)
    rate(sessions, send(sessions, demo_cases["撤回申请"], clock), BAD, clock)
    pad = send(sessions, demo_cases["容缺受理"], clock)
    with sessions.begin() as session:
        record_unrated(session, pad.request_id, DESK, clock())
    with sessions() as session:
        lines, total = rating_figures(session, TODAY, TODAY, Grouping.DESK)
    assert [line.label for line in lines] == ["8"]
    assert (total.services, total.rated, total.good, total.bad, total.unrated) == (6, 2, 1, 1, 1)
    assert total.not_sent == 3  # the two correction cases and the denied deferral were never sent to the pad
    assert total.rectified == 0


def test_settings_are_validated_and_shared(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session, pytest.raises(SettingsRefused):
        save_rating_settings(session, RatingSettings(timeout_seconds=3))
    settings = RatingSettings(45, ("排队时间长", "其他"), "", TimeLimit(5, TimeUnit.WORKING_DAY))
    with sessions.begin() as session:
        save_rating_settings(session, settings)
    with sessions() as session:
        assert rating_settings(session) == (settings, [])
