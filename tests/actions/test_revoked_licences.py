"""A licence revoked on a promise found false (行政许可法 第六十九条第二款) is revoked everywhere the case is read: the
item stays decided but is granted no longer, and the hand-over does not hand it over and says why.  On both
databases."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.hand_over import hand_over_results
from counter.actions.intake.false_pledges import hear, recheck, revoke, serve
from counter.actions.intake.notice_pledges import grant_on_pledge, record_check
from counter.case.decisions import ItemDecision, item_decisions, item_note, undecided_items
from counter.case.hand_over import (
    HandOverProblem,
    HandOverRefused,
    HandOverRequest,
    HandOverWay,
    hand_over_problems,
    handed_items,
)
from counter.case.moments import office_day
from counter.case.pledge_checks import PledgeNotice, Revocation, item_revocations
from counter.case.pledge_steps import HearingRecord, Recheck
from counter.case.served import Service, ServiceWay
from counter.case.status import CaseEvent
from counter.cli.case_text import case_as_text
from counter.db.case_store import case_view
from counter.ui.cases.rules import Withheld, available_actions, results_to_hand, revoked_not_handed, withheld
from counter.words.hand_over import HAND_OVER_PROBLEM
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import ID
from tests.actions.test_notice_pledges import FIRE, name_the_brigades_bodies, taken
from tests.entrusted import ENTERED, entrust
from tests.signed_in import signed_in

FINDING = "核查发现场所二层疏散通道被封堵，与承诺内容不符。"
CHECKED = dt.date(2026, 12, 8)  # the revocation: its steps from the grant on Friday TODAY, each period its floor
PICKUP = HandOverRequest(HandOverWay.PICKUP, recipient="巴特尔", id_no=ID)


def granted_then_revoked(sessions: sessionmaker[Session], desk: Desk, *, revoke: bool = True) -> tuple[str, Desk]:
    """A 035 case whose 消防 item the window granted on the promise, under the brigade's 授权; revoked on CHECKED."""
    case_no = taken(sessions, desk)
    with sessions.begin() as s:
        entrust(s, desk, FIRE)
    name_the_brigades_bodies(sessions, desk)  # each step of a promise found false makes its paper, which names it
    supervisor = signed_in(sessions, desk)  # a revocation is a supervisor's, as a 不予批准 is; the grant a clerk's
    with sessions.begin() as s:
        grant_on_pledge(s, supervisor, case_no, FIRE, TODAY, entered=ENTERED)
    if revoke:
        revoked(sessions, supervisor, case_no)
    return case_no, supervisor


def revoked(sessions: sessionmaker[Session], desk: Desk, case_no: str) -> None:
    """Found false on the grant's day and ordered corrected within five working days (served that day: until 11-27),
    not corrected on the 复查 of 11-30, heard from that day for five working days (until 12-07), revoked on CHECKED:
    the law's order (:func:`tests.actions.test_notice_pledges.revoked_in_order`)."""
    rechecked = dt.date(2026, 11, 30)
    with sessions.begin() as s:
        record_check(s, desk, case_no, FIRE, TODAY, kept=False, finding=FINDING, correct_within=5, entered=ENTERED)
    with sessions.begin() as s:
        serve(s, desk, case_no, FIRE, PledgeNotice.CORRECTION, Service(ServiceWay.HAND, TODAY, "巴特尔"), TODAY)
    with sessions.begin() as s:
        recheck(s, desk, case_no, FIRE, rechecked, Recheck.NOT_CORRECTED, "复查发现通道仍被封堵。", entered=ENTERED)
    with sessions.begin() as s:
        hear(s, desk, case_no, FIRE, rechecked, 5, entered=ENTERED)
    with sessions.begin() as s:
        serve(s, desk, case_no, FIRE, PledgeNotice.HEARING, Service(ServiceWay.WINDOW, rechecked, "巴特尔"), rechecked)
    with sessions.begin() as s:
        revoke(s, desk, case_no, FIRE, CHECKED, HearingRecord(), entered=ENTERED)


def test_a_revoked_licence_reads_decided_then_revoked_not_granted_nor_undecided(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    case_no, _ = granted_then_revoked(sessions, desk)
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    decision = view.decisions()[FIRE]
    assert (decision.approved, decision.revoked, decision.in_force) == (True, True, False)
    assert FIRE not in undecided_items([FIRE], view.decisions())  # decided: the 准予 was made, then revoked
    assert f"已撤销的许可：事项 {FIRE} 于 {CHECKED.isoformat()} 撤销（告知承诺不实）：{FINDING}" in case_as_text(view)


class Line:
    def __init__(self, event: CaseEvent, note: str) -> None:
        self.event, self.note = event.value, note


def test_a_revocation_of_what_was_never_granted_revokes_nothing() -> None:
    denied = [Line(CaseEvent.ITEM_DENIED, item_note("A", "不符")), Line(CaseEvent.ITEM_REVOKED, item_note("A", "x"))]
    assert item_decisions(denied) == {"A": ItemDecision("A", False, "不符")}
    early = [Line(CaseEvent.ITEM_REVOKED, item_note("A", "x")), Line(CaseEvent.ITEM_APPROVED, item_note("A", "1"))]
    assert item_decisions(early) == {"A": ItemDecision("A", True, "1")}


def test_a_whole_hand_over_leaves_the_revoked_licence_out_and_is_whole_without_it() -> None:
    decisions = {"A": ItemDecision("A", True, "证123"), "B": ItemDecision("B", True, "告知承诺", revoked=True)}
    assert hand_over_problems(PICKUP, decisions, (), ("A", "B"), TODAY) == ()
    assert [i.code for i in handed_items(PICKUP, decisions, (), ("A", "B"), {})] == ["A"]
    chosen = HandOverRequest(HandOverWay.PICKUP, recipient="巴特尔", id_no=ID, items=("B",), partial=True)
    assert HandOverProblem.REVOKED in hand_over_problems(chosen, decisions, (), ("A", "B"), TODAY)


def test_the_hand_over_refuses_a_revoked_licence_and_says_why(sessions: sessionmaker[Session], desk: Desk) -> None:
    case_no, supervisor = granted_then_revoked(sessions, desk)
    for request in (
        HandOverRequest(HandOverWay.PICKUP, recipient="巴特尔", id_no=ID, items=(FIRE,), partial=True),
        HandOverRequest(HandOverWay.PICKUP, recipient="巴特尔", id_no=ID, partial=True),  # what is decided so far
    ):
        with sessions.begin() as s, pytest.raises(HandOverRefused) as refused:
            hand_over_results(s, supervisor, case_no, request, dt.datetime(2026, 12, 8, 10, 0))
        assert HandOverProblem.REVOKED in refused.value.problems
    assert "撤销" in HAND_OVER_PROBLEM[HandOverProblem.REVOKED]


def test_the_licence_not_revoked_is_handed_over(sessions: sessionmaker[Session], desk: Desk) -> None:
    case_no, supervisor = granted_then_revoked(sessions, desk, revoke=False)
    request = HandOverRequest(HandOverWay.PICKUP, recipient="巴特尔", id_no=ID, partial=True)
    with sessions.begin() as s:
        done = hand_over_results(s, supervisor, case_no, request, dt.datetime(2026, 12, 8, 10, 0))
    assert [(i.code, i.granted) for i in done.hand_over.items] == [(FIRE, True)]


class Dated(Line):
    at = dt.datetime.combine(CHECKED, dt.time(2), dt.UTC)


def test_the_case_page_and_case_show_read_a_revocation_by_the_rule_the_decisions_read() -> None:
    """Only a grant is revoked, after it: a revocation line of an item denied or not yet granted revokes nothing on
    the case page or in ``case show`` (item_revocations) as in the decisions the hand-over reads."""
    history = [
        Dated(CaseEvent.ITEM_REVOKED, item_note("A", "早")),
        Dated(CaseEvent.ITEM_APPROVED, item_note("A", "1")),
        Dated(CaseEvent.ITEM_DENIED, item_note("B", "不符")),
        Dated(CaseEvent.ITEM_REVOKED, item_note("B", "x")),
    ]
    assert item_revocations(history, office_day) == {}
    assert not any(d.revoked for d in item_decisions(history).values())
    history.append(Dated(CaseEvent.ITEM_REVOKED, item_note("A", FINDING)))
    assert item_revocations(history, office_day) == {"A": Revocation("A", CHECKED, FINDING)}
    assert [c for c, d in item_decisions(history).items() if d.revoked] == ["A"]


def test_the_case_page_offers_no_hand_over_of_the_revoked_licence_and_says_why(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    """The page's rules over the case as either database reads it: nothing of the revoked licence is left to hand
    over (its 统一出件 is not offered), and the page's line beside its buttons says the licence is not served."""
    case_no, supervisor = granted_then_revoked(sessions, desk)
    with sessions() as s:
        view = case_view(s, case_no)
    assert view is not None
    assert results_to_hand(view) == ()
    assert revoked_not_handed(view) == (FIRE,)
    assert CaseEvent.DELIVERED not in available_actions(view, CHECKED, supervisor.actor)
    assert Withheld.REVOKED_NOT_HANDED in withheld(view, CHECKED, supervisor.actor)
