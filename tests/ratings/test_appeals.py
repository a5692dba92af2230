"""Appeals (申诉复核): nobody reviews their own rating, a desk without accounts decides none, and the figures add up.

A township runs without accounts: there the clerk rated 不满意 could open the supervisor's page, choose her own row
and strike the 差评 out at once, and the rating left every figure.  Now the appeal is filed (申诉) and stays a 差评,
marked 申诉中, until a supervisor signed in under an account of her own, who is not the clerk rated, decides it.
"""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import GRANTS, Actor, Permission, Role
from counter.actions.admin.accounts import add_account, disable_account
from counter.actions.admin.calendar import office_calendar
from counter.actions.ratings.follow_up import (
    appeal_offer,
    decide_appeal,
    file_appeal,
    move_rectification,
    rectification_detail,
)
from counter.actions.ratings.record import rating_figures, ratings_for_export, record_rating, send_to_pad
from counter.ratings.choice import RatingChoice
from counter.ratings.figures import Figures, Grouping
from counter.ratings.levels import Level
from counter.ratings.rectification import AppealGround, AppealProblem, AppealStatus, RectEvent, RectState
from counter.ratings.refusals import AppealRefused
from tests.figures_oracle import adds_up
from tests.ratings.conftest import DESK, TODAY, Clock, account_desk

BAD = RatingChoice(Level.DISSATISFIED, ("服务态度差",))
REASON = "申请人来电说明误按了不满意，录音存档"
SUPERVISOR = frozenset({Role.SUPERVISOR})
PASSWORD = "Xam-2026-fuhe"


def rated_bad(sessions: sessionmaker[Session], case_no: str, clock: Clock, desk: Desk = DESK) -> tuple[int, int]:
    """A 不满意 given to ``desk``'s clerk for ``case_no``: (rating, rectification)."""
    with sessions.begin() as session:
        pad = send_to_pad(session, case_no, desk, clock())
        recorded = record_rating(session, pad.request_id, BAD, desk, clock(), office_calendar(session))
    assert recorded.alert is not None
    return recorded.rating_id, recorded.alert.rectification_id


def total(sessions: sessionmaker[Session], desk: Desk | None = None) -> Figures:
    with sessions() as session:
        _lines, figures = rating_figures(session, TODAY, TODAY, Grouping.DESK, desk=desk)
    return figures


def refused(sessions: sessionmaker[Session], rating_id: int, desk: Desk | None, clock: Clock) -> list[AppealProblem]:
    with sessions.begin() as session, pytest.raises(AppealRefused) as caught:
        decide_appeal(session, rating_id, "乌兰", AppealGround.MISTAKEN, REASON, True, clock(), desk=desk)
    return list(caught.value.problems)


def test_a_desk_without_accounts_decides_no_appeal_and_the_bad_rating_stays(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The finding itself: the rated clerk, at a desk without accounts, pressed 申诉成立 on her own 差评.

    Whatever the roles table grants a desk without accounts (here: every permission), it decides no appeal.
    """
    monkeypatch.setattr("counter.actions.ratings.follow_up.require", lambda *_args: None)
    rating_id, rect_id = rated_bad(sessions, demo_cases["受理"], clock)
    assert refused(sessions, rating_id, DESK, clock) == [AppealProblem.NO_ACCOUNT]
    assert refused(sessions, rating_id, None, clock) == [AppealProblem.NO_ACCOUNT]
    figures = total(sessions)
    assert (figures.rated, figures.bad, figures.excluded) == (1, 1, 0)
    with sessions() as session:
        detail = rectification_detail(session, rect_id)
        assert detail is not None
        assert detail.row.state is RectState.AWAITING_REVISIT
        assert detail.appeals == ()
        offer = appeal_offer(session, rating_id, desk=DESK)
    assert offer is not None
    assert offer.deciding == (AppealProblem.NO_ACCOUNT,)
    assert offer.may_file


def test_the_clerk_rated_never_reviews_her_own_rating_even_as_a_supervisor(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """By her name, her login or her staff number; another supervisor decides."""
    rating_id, _rect = rated_bad(sessions, demo_cases["受理"], clock)  # given to 乌兰, 工号 XA0815
    herself = account_desk(sessions, "wulan", "乌兰", frozenset({Role.CLERK, Role.SUPERVISOR}))
    assert refused(sessions, rating_id, herself, clock) == [AppealProblem.OWN_RATING]
    renamed = account_desk(sessions, "wl2", "乌兰（二窗）", SUPERVISOR, staff_no="XA0815")
    assert refused(sessions, rating_id, renamed, clock) == [AppealProblem.OWN_RATING]
    other = account_desk(sessions, "baoyin", "宝音", SUPERVISOR, staff_no="XA0101")
    with sessions.begin() as session:
        assert appeal_offer(session, rating_id, desk=herself).deciding == (AppealProblem.OWN_RATING,)  # type: ignore[union-attr]
        decide_appeal(session, rating_id, "宝音", AppealGround.MISTAKEN, REASON, True, clock(), desk=other)
    figures = total(sessions, other)
    assert (figures.services, figures.rated, figures.bad, figures.excluded) == (figures.services, 0, 0, 1)
    assert adds_up(figures)


def test_the_supervisor_who_files_an_appeal_for_the_clerk_does_not_decide_it(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """Filed for 乌兰 by 宝音, the 复核 is another supervisor's: who argues an appeal does not judge it."""
    rating_id, _rect = rated_bad(sessions, demo_cases["受理"], clock)  # given to 乌兰, 工号 XA0815
    filer = account_desk(sessions, "baoyin", "宝音", SUPERVISOR, staff_no="XA0101")
    with sessions.begin() as session:
        file_appeal(session, rating_id, "宝音", "评价人当场说明按错了等级", clock(), desk=filer)
    assert refused(sessions, rating_id, filer, clock) == [AppealProblem.OWN_APPEAL]
    other = account_desk(sessions, "narin", "娜仁", SUPERVISOR, staff_no="XA0102")
    with sessions.begin() as session:
        assert appeal_offer(session, rating_id, desk=filer).deciding == (AppealProblem.OWN_APPEAL,)  # type: ignore[union-attr]
        assert appeal_offer(session, rating_id, desk=other).deciding == ()  # type: ignore[union-attr]
        decide_appeal(session, rating_id, "娜仁", AppealGround.MISTAKEN, REASON, True, clock(), desk=other)
    assert total(sessions, other).excluded == 1


def test_a_role_table_that_lets_clerks_rectify_still_lets_no_clerk_decide_an_appeal(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rule holds by itself: who reviews is the supervisor's role, whatever the permissions table grants."""
    monkeypatch.setitem(GRANTS, Role.CLERK, GRANTS[Role.CLERK] | {Permission.RECTIFY})
    rating_id, _rect = rated_bad(sessions, demo_cases["受理"], clock)
    colleague = account_desk(sessions, "sarula", "萨如拉", frozenset({Role.CLERK}))
    assert refused(sessions, rating_id, colleague, clock) == [AppealProblem.NOT_SUPERVISOR]


def test_a_filed_appeal_keeps_the_bad_rating_counted_marked_until_a_supervisor_decides(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """申诉中 is a 差评 in every figure; rejected it stays one, upheld it is counted apart, and the lines add up."""
    kept, _ = rated_bad(sessions, demo_cases["受理"], clock)
    struck, _ = rated_bad(sessions, demo_cases["撤回申请"], clock)
    with sessions.begin() as session:
        file_appeal(session, kept, "乌兰", "评价人当场说明按错了等级", clock(), desk=DESK)
        file_appeal(session, struck, "乌兰", "评价人与本窗口办件无关", clock(), desk=DESK)
    figures = total(sessions)
    assert (figures.rated, figures.bad, figures.appealing, figures.excluded) == (2, 2, 2, 0)
    assert adds_up(figures)
    with sessions() as session:
        exported = {r.case_no: r for r in ratings_for_export(session, TODAY, TODAY)}
        assert exported[demo_cases["受理"]].appealing
        assert appeal_offer(session, kept, desk=DESK).status is AppealStatus.PENDING  # type: ignore[union-attr]
    supervisor = account_desk(sessions, "baoyin", "宝音", SUPERVISOR)
    with sessions.begin() as session:
        decide_appeal(session, kept, "宝音", AppealGround.MISTAKEN, "核实为正常评价，不予撤销", False, clock(),
                      desk=supervisor)  # fmt: skip
        decide_appeal(session, struck, "宝音", AppealGround.MALICIOUS, "监控核实评价人未在本窗口办件", True, clock(),
                      desk=supervisor)  # fmt: skip
    figures = total(sessions, supervisor)
    assert (figures.rated, figures.bad, figures.appealing, figures.excluded) == (1, 1, 0, 1)
    assert adds_up(figures)
    with sessions() as session:
        exported = {r.case_no: r for r in ratings_for_export(session, TODAY, TODAY, desk=supervisor)}
    kept_record, struck_record = exported[demo_cases["受理"]], exported[demo_cases["撤回申请"]]
    assert (kept_record.appealing, kept_record.excluded) == (False, False)
    assert (struck_record.appealing, struck_record.excluded) == (False, True)


def test_an_appeal_is_filed_once_with_a_reason_while_its_rectification_is_open(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    rating_id, rect_id = rated_bad(sessions, demo_cases["受理"], clock)
    with sessions.begin() as session, pytest.raises(AppealRefused) as short:
        file_appeal(session, rating_id, "乌兰", "误评", clock(), desk=DESK)
    assert short.value.problems == (AppealProblem.REASON_TOO_SHORT,)
    with sessions.begin() as session, pytest.raises(AppealRefused) as nobody:  # who appeals, and why: both at once
        file_appeal(session, rating_id, "  ", "误评", clock(), desk=DESK)
    assert nobody.value.problems == (AppealProblem.WHO_REQUIRED, AppealProblem.REASON_TOO_SHORT)
    with sessions.begin() as session, pytest.raises(AppealRefused) as unknown:  # a rating no longer there
        file_appeal(session, rating_id + 1000, "乌兰", "评价人当场说明按错了等级", clock(), desk=DESK)
    assert unknown.value.problems == (AppealProblem.NOT_OPEN,)
    with sessions.begin() as session:
        file_appeal(session, rating_id, "乌兰", "评价人当场说明按错了等级", clock(), desk=DESK)
    with sessions.begin() as session, pytest.raises(AppealRefused) as again:
        file_appeal(session, rating_id, "乌兰", "再申诉一次同一条评价", clock(), desk=DESK)
    assert again.value.problems == (AppealProblem.ALREADY_APPEALED,)
    with sessions() as session:
        detail = rectification_detail(session, rect_id)
    assert detail is not None
    filed = detail.history[-1]
    assert (filed.event, filed.state_after, filed.by) == (RectEvent.APPEALED, RectState.AWAITING_REVISIT, "乌兰")
    answered, answered_rect = rated_bad(sessions, demo_cases["撤回申请"], clock)
    supervisor = account_desk(sessions, "baoyin", "宝音", SUPERVISOR)
    clerk = account_desk(sessions, "wulan", "乌兰", frozenset({Role.CLERK}), staff_no="XA0815")
    with sessions.begin() as session:
        move_rectification(
            session, answered_rect, RectEvent.REVISITED, "宝音", "已电话回访评价人", clock(), desk=supervisor
        )
        move_rectification(session, answered_rect, RectEvent.EXPLAINED, "宝音", "已解释办理依据", clock(),
                           desk=supervisor)  # fmt: skip
        move_rectification(
            session, answered_rect, RectEvent.FED_BACK, "宝音", "已向评价人反馈", clock(), desk=supervisor
        )
    with sessions.begin() as session, pytest.raises(AppealRefused) as closed:
        file_appeal(session, answered, "乌兰", "评价人当场说明按错了等级", clock(), desk=clerk)
    assert closed.value.problems == (AppealProblem.NOT_OPEN,)


def test_a_fed_back_rating_under_appeal_is_not_counted_rectified_until_decided(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    rating_id, rect_id = rated_bad(sessions, demo_cases["受理"], clock)
    supervisor = account_desk(sessions, "baoyin", "宝音", SUPERVISOR)
    clerk = account_desk(sessions, "wulan", "乌兰", frozenset({Role.CLERK}), staff_no="XA0815")
    with sessions.begin() as session:
        file_appeal(session, rating_id, "乌兰", "评价人当场说明按错了等级", clock(), desk=clerk)
        move_rectification(session, rect_id, RectEvent.REVISITED, "宝音", "已电话回访评价人", clock(), desk=supervisor)
        move_rectification(session, rect_id, RectEvent.EXPLAINED, "宝音", "已解释办理依据", clock(), desk=supervisor)
        move_rectification(session, rect_id, RectEvent.FED_BACK, "宝音", "已向评价人反馈", clock(), desk=supervisor)
    figures = total(sessions, supervisor)
    assert (figures.bad, figures.appealing, figures.rectified) == (1, 1, 0)
    with sessions.begin() as session:
        decide_appeal(session, rating_id, "宝音", AppealGround.MISTAKEN, "核实为正常评价，不予撤销", False, clock(),
                      desk=supervisor)  # fmt: skip
    figures = total(sessions, supervisor)
    assert (figures.bad, figures.appealing, figures.rectified) == (1, 0, 1)
    assert adds_up(dataclasses.replace(figures, label="x"))


def test_a_supervisor_disabled_while_signed_in_is_offered_no_decision_and_makes_none(
    sessions: sessionmaker[Session], demo_cases: dict[str, str], clock: Clock
) -> None:
    """宝音's account disabled by the administrator while her window stays signed in: the appeal's page offers her no
    decision, as it offers none to a clerk, and a decision pressed anyway is refused and changes nothing."""
    rating_id, _rect = rated_bad(sessions, demo_cases["受理"], clock)
    admin = dataclasses.replace(DESK, actor=Actor("admin", "管理员", frozenset({Role.ADMIN})))
    baoyin = dataclasses.replace(DESK, clerk="宝音", staff_no="XA0101", actor=Actor("baoyin", "宝音", SUPERVISOR))
    with sessions.begin() as session:  # as `counter user add` makes them: the first by the desk, then by the admin
        assert add_account(session, DESK, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)) == ()
        assert add_account(session, admin, NewAccount("baoyin", "宝音", SUPERVISOR, PASSWORD, "XA0101")) == ()
    with sessions.begin() as session:
        assert disable_account(session, admin, "baoyin") == ()
    with sessions() as session:
        offer = appeal_offer(session, rating_id, desk=baoyin)
    assert offer is not None
    assert offer.deciding == (AppealProblem.NOT_SUPERVISOR,)
    with sessions.begin() as session, pytest.raises(NotPermitted):  # her account no longer rectifies anything
        decide_appeal(session, rating_id, "宝音", AppealGround.MISTAKEN, REASON, True, clock(), desk=baoyin)
    with sessions() as session:
        offer = appeal_offer(session, rating_id, desk=baoyin)
    assert offer is not None
    assert offer.status is AppealStatus.NONE  # nothing decided
