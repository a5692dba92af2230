"""The sentence a step of the case page comes to names the case's state as the page's badge does."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from counter.case.status import CaseEvent, CaseStatus
from counter.service.cases import Decided
from counter.ui.cases.case_steps import _step
from counter.ui.cases.rules import FormValues
from tests.entrusted import RESTAURANT_ITEMS
from tests.ui.cases.casebook import Casebook
from tests.ui.cases.helpers import stored


def test_an_item_decided_names_the_state_received_where_the_hall_only_received_the_case(
    case_sessions: sessionmaker[Session], book: Casebook
) -> None:
    """A department's 准予 of one item leaves the case where it was: 已收件 where the hall only received it (the page's
    badge), 已受理 where it accepted."""
    view = stored(case_sessions, book.accepted)
    code = RESTAURANT_ITEMS[0]
    values = FormValues(reason="92152201MA0000001X", item=code)
    *_, received = _step(CaseEvent.ITEM_APPROVED, values, view, {code: "设立登记"}, True)
    assert received(Decided(CaseStatus.ACCEPTED)).endswith("办件状态：已收件")
    *_, accepted = _step(CaseEvent.ITEM_APPROVED, values, view, {code: "设立登记"}, False)
    assert accepted(Decided(CaseStatus.ACCEPTED)).endswith("办件状态：已受理")
    *_, moved = _step(CaseEvent.WITHDRAWN, FormValues(reason="申请人撤回"), view, {}, True)
    assert moved(CaseStatus.WITHDRAWN).endswith("办件状态：申请人已撤回")  # a state the hall's 收件 did not leave
