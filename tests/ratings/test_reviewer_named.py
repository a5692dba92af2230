"""A rectification's step and an appeal are recorded under the account signed in, never a name the request carries.

Through the hall server a window clerk's token once recorded a 回访 or an appeal's decision as any name the desk typed
(``by`` in the request); the requests carry no name now, and the operation records the desk's account: at the server
the session's, in process the clerk signed in (a township without accounts: the clerk its settings name).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from counter.access.roles import Role
from counter.actions.ratings.follow_up import rectification_detail
from counter.ratings.rectification import AppealGround, RectEvent
from counter.service.local import serve
from counter.service.rectifications import (
    DECIDE_APPEAL,
    FILE_APPEAL,
    MOVE_RECTIFICATION,
    DecideAppeal,
    FileAppeal,
    MoveRectification,
)
from tests.ratings.conftest import DESK, Clock, account_desk
from tests.ratings.test_appeals import rated_bad

SUPERVISOR = frozenset({Role.SUPERVISOR})


def test_the_requests_carry_no_name() -> None:
    for request in (MoveRectification, FileAppeal, DecideAppeal):
        assert {"by", "clerk", "staff_no"}.isdisjoint(f.name for f in dataclasses.fields(request)), request


def test_steps_and_appeals_are_recorded_under_the_account_signed_in(
    sessions: sessionmaker[Session], db_path: Path, demo_cases: dict[str, str], clock: Clock
) -> None:
    rating_id, rect_id = rated_bad(sessions, demo_cases["受理"], clock)
    service = serve(f"sqlite:///{db_path}")
    try:
        service.call(FILE_APPEAL, FileAppeal(rating_id, "评价人当场说明按错了等级"), DESK)
        # the desk's printed clerk is not who signed in: the account is what is recorded
        supervisor = dataclasses.replace(account_desk(sessions, "baoyin", "宝音", SUPERVISOR), clerk="乌兰")
        revisit = MoveRectification(rect_id, RectEvent.REVISITED, "已电话回访评价人")
        service.call(MOVE_RECTIFICATION, revisit, supervisor)
        decision = DecideAppeal(rating_id, AppealGround.MISTAKEN, "调取录像核实为误评", True)
        service.call(DECIDE_APPEAL, decision, supervisor)
    finally:
        service.close()
    with sessions() as session:
        detail = rectification_detail(session, rect_id)
    assert detail is not None
    by_event = [(line.event, line.by) for line in detail.history]
    assert (RectEvent.APPEALED, "乌兰") in by_event  # a township's desk without accounts: its own clerk
    assert (RectEvent.REVISITED, "宝音") in by_event
    assert [(a.by, a.upheld) for a in detail.appeals] == [("宝音", True)]
