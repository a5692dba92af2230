"""What the case page says of a step the database or the account's role refused: the same sentence every widget
says (:mod:`counter.ui.door.refused`), on the page's notice; a case moved at another desk meanwhile read again; any
other exception a fault of the program, raised on to the window's error hook."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QObject

from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission
from counter.case.hand_over import HandOverRequest, HandOverWay
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.not_found import CaseNotFound
from counter.case.status import CaseEvent, CaseStatus, MoveNotAllowed
from counter.documents.case_page import ItemLine
from counter.documents.data import DocumentNotPossible
from counter.documents.kinds import DocumentProblem
from counter.host.database.database_faults import DbFault, StoreFault
from counter.ui.cases import hand_over_step, item_step
from counter.ui.cases.item_step import Outcome
from counter.ui.cases.pledge_false_steps import refused_text
from counter.ui.cases.same_day_step import finish_same_day
from counter.ui.cases.words import CASE_SAVE_FAILED
from counter.ui.door.runner import failed
from counter.words.access import refused_for
from counter.words.documents import document_problems_text
from counter.words.pledges import PLEDGE_MOVED
from tests.ui.cases.casebook import DESK_1

ITEM = ItemLine("FOOD", "食品经营许可", "市场监督管理局")
NOT_SAVED = failed(StoreFault(DbFault.LOCKED, "lock timeout", "OperationalError"), CASE_SAVE_FAILED)
NOT_PERMITTED = NotPermitted(Permission.ITEM_STEPS, signed_in=True)
MOVED = MoveNotAllowed(CaseEvent.COMPLETED, CaseStatus.DELIVERED)


class Refusing:
    """A runner whose every step answers ``err``, handed to the step's ``failed`` as the runner hands it over."""

    def __init__(self, err: Exception) -> None:
        self.err = err

    def submit_step(self, *_asked: object, failed: Callable[[Exception], None], **_rest: object) -> None:
        failed(self.err)


Step = Callable[[Any, Callable[[Outcome], None]], None]
STEPS: dict[str, Step] = {
    "same day": lambda runner, then: finish_same_day(runner, DESK_1, "C1", owner=QObject(), then=then),
    "hand-over": lambda runner, then: hand_over_step.confirm(
        runner, DESK_1, "C1", HandOverRequest(HandOverWay.PICKUP), owner=QObject(), then=then
    ),
    "item step": lambda runner, then: item_step.confirm(
        runner, DESK_1, "C1", ITEM, StepRequest(ItemEvent.SIGNED), owner=QObject(), then=then
    ),
}


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize(
    ("err", "said"),
    [(NOT_SAVED, NOT_SAVED.message), (NOT_PERMITTED, refused_for(NOT_PERMITTED))],
    ids=["database", "role"],
)
def test_a_step_the_database_or_the_role_refused_is_said_on_the_notice(
    qapp: object, step: str, err: Exception, said: str
) -> None:
    outcomes: list[Outcome] = []
    STEPS[step](Refusing(err), outcomes.append)
    assert outcomes == [Outcome(said, "noticeError")]  # nothing saved, nothing read again


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("err", [MOVED, CaseNotFound("C1")], ids=["moved", "gone"])
def test_a_case_moved_meanwhile_is_read_again(qapp: object, step: str, err: Exception) -> None:
    outcomes: list[Outcome] = []
    STEPS[step](Refusing(err), outcomes.append)
    assert outcomes == [Outcome("", "noticeWarn", reload=True, moved=True)]


@pytest.mark.parametrize("step", STEPS)
def test_any_other_exception_is_raised_on(qapp: object, step: str) -> None:
    outcomes: list[Outcome] = []
    with pytest.raises(ZeroDivisionError):
        STEPS[step](Refusing(ZeroDivisionError()), outcomes.append)
    assert outcomes == []


@pytest.mark.parametrize(
    ("err", "said"),
    [
        (NOT_SAVED, NOT_SAVED.message),
        (NOT_PERMITTED, refused_for(NOT_PERMITTED)),
        (MOVED, PLEDGE_MOVED),
        (CaseNotFound("C1"), PLEDGE_MOVED),
    ],
    ids=["database", "role", "moved", "gone"],
)
def test_a_promise_s_step_refused_is_worded_alike_for_every_step(err: Exception, said: str) -> None:
    assert refused_text(err, ITEM) == said


def test_a_promise_s_step_that_failed_otherwise_is_raised_on() -> None:
    with pytest.raises(ZeroDivisionError):
        refused_text(ZeroDivisionError(), ITEM)


def test_an_item_step_whose_paper_cannot_be_made_is_said_with_the_papers_reason(qapp: object) -> None:
    """A department's 不予受理 is its paper: where the site has not named the 复议 body it prints, the step is not
    taken, and the page says which body to name, not a fault of the program."""
    unnamed = DocumentNotPossible(
        (DocumentProblem.REVIEW_BODY_UNNAMED,), (("乌兰浩特市残疾人联合会", ("乌兰浩特市人民政府",)),)
    )
    outcomes: list[Outcome] = []
    step = StepRequest(ItemEvent.REFUSED, reason="户籍不在本市")
    runner: Any = Refusing(unnamed)  # the runner as the page hands it over, its step refused
    item_step.confirm(runner, DESK_1, "C1", ITEM, step, owner=QObject(), then=outcomes.append)
    assert outcomes == [Outcome(document_problems_text(unnamed.problems, unnamed.unnamed), "noticeError")]
    assert "乌兰浩特市残疾人联合会" in outcomes[0].text
