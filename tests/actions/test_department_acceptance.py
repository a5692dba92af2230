"""Where the hall only received an item, its department's 签收 is its 受理 (许可法 第三十二条): the applicant is told.

The receipt (收件凭证) could only say the promise runs from the department's 受理; the 签收 now tells the applicant by
SMS that the item was accepted and the date it is promised by.  Where the window accepted the item itself (in an
entrusting department's name), the 签收 is a step inside the department and tells nothing.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.cases.item_steps import item_standings, route_items, take_item_step
from counter.actions.outbox.messages import save_gateway
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.db import models
from counter.sms.kinds import MessageKind
from counter.sms.texts import MessageFacts, message_text
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_steps import FOOD, at
from tests.actions.test_messages import GATEWAY
from tests.audit.conftest import ACTORS, add_accounts, desk_of
from tests.entrusted import RESTAURANT_ITEMS, entrust_in

ACCEPTED = MessageKind.ITEM_ACCEPTED.value


def accepted_messages(sessions: sessionmaker[Session]) -> list[models.OutboxMessage]:
    with sessions() as s:
        rows = list(s.scalars(select(models.OutboxMessage).where(models.OutboxMessage.kind == ACCEPTED)))
        s.expunge_all()
        return rows


def signed(sessions: sessionmaker[Session], desk: Desk, staff: Desk, number: str) -> dt.date:
    """Routed at the window today, signed for by the 市监局's staff the next day; that day."""
    today = dt.date.today()
    with sessions.begin() as s:
        route_items(s, desk, number, at(today))
    day = today + dt.timedelta(days=1)
    with sessions.begin() as s:
        take_item_step(s, staff, number, FOOD, StepRequest(ItemEvent.SIGNED), at(day))
    return day


def test_the_departments_signing_for_a_received_item_tells_the_applicant(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    with sessions.begin() as s:
        save_gateway(s, GATEWAY, desk=desk)
    number = take(sessions, desk, full_request(sessions))  # nothing entrusted: the hall only received
    add_accounts(sessions)
    clerk, staff = desk_of(ACTORS[Role.CLERK]), desk_of(ACTORS[Role.DEPARTMENT])
    day = signed(sessions, clerk, staff, number)
    [message] = accepted_messages(sessions)
    assert message.item_code == FOOD
    with sessions.begin() as s:
        [food] = [i for i in item_standings(s, number, day) if i.code == FOOD]
    assert food.promised_due is not None
    assert message.due_on == food.promised_due.date  # the promise as it runs from the 签收
    text = message_text(
        MessageFacts(MessageKind.ITEM_ACCEPTED, number, item="食品经营许可", date=message.due_on), "乌兰"
    )
    assert f"办件{number}中的食品经营许可已由实施部门受理，承诺于" in text


def test_an_item_the_window_accepted_is_not_told_again(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    with sessions.begin() as s:
        save_gateway(s, GATEWAY, desk=desk)
    entrust_in(owner, desk, *RESTAURANT_ITEMS)  # accepted at the window in the departments' name
    number = take(sessions, desk, full_request(sessions))
    signed(sessions, desk, desk, number)  # the window records the 签收 under the 授权
    assert accepted_messages(sessions) == []
