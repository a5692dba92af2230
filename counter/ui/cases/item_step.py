"""分发 and a department's step of one item from the case page: the step in the runner's unit of work, and what the
page then says.

Kept apart from the page, as 统一出件 is (:mod:`counter.ui.cases.hand_over_step`): the page wires the form's buttons
to :func:`confirm` and shows what it hands back once the step has answered.  The step is taken on the desk's day (a
training day too) at this moment of it.  Every refusal comes back in words and leaves the case as it was: what the
step lacks on the form's own line (the department fills it in and confirms again), the rest on the page's notice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject

from counter.access.desk import Desk
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.item_path import ItemEvent, ItemState, StepProblem, StepRefused
from counter.case.item_step_request import StepRequest
from counter.case.not_found import CaseNotFound
from counter.case.status import MoveNotAllowed
from counter.case.view import CaseView
from counter.documents.case_page import ItemLine
from counter.documents.data import DocumentNotPossible
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument
from counter.service.department_items import ITEM_STEP, ItemStep
from counter.ui.cases import words
from counter.ui.cases.rules import items_to_route
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.words.cases import AUTHORITY_PROBLEMS, decision_refused_text
from counter.words.documents import DOC_TITLE, document_problems_text
from counter.words.items import ITEM_STATE, step_refused_text

log = logging.getLogger(__name__)

#: refusals that say the item moved on since the page was drawn: the page reads the case again
_MOVED_ON = frozenset({StepProblem.WRONG_STATE, StepProblem.EXTENDED_BEFORE, StepProblem.BEFORE_LAST})


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the page says after a try: its text and style ("form": the form's own problems line).

    ``saved``: the step was kept; ``reload``: the page reads the case again (saved, or changed meanwhile).
    """

    text: str
    style: str
    saved: bool = False
    reload: bool = False
    moved: bool = False  # the case left the hall's hands meanwhile: the page says so with its status
    made: MadeDocument | None = None  # a hand-over's 送达回证, to preview once the case is read again


def route_title(view: CaseView, items: Sequence[ItemLine]) -> str:
    """The 分发 form's title: each item it routes now, with the department it goes to."""
    routed = items_to_route(view, [item.code for item in items])
    named = (words.CASE_ROUTE_ITEM.format(item=i.name, department=i.department) for i in items if i.code in routed)
    return words.CASE_ROUTE_TITLE.format(items="\n".join(named))


def made_paper(request: StepRequest) -> DocumentKind | None:
    """The paper a department's step makes in its own name (:func:`counter.actions.cases.item_steps.take_item_step`):
    its 不予受理通知书, or its 补正材料通知书."""
    if request.event is ItemEvent.REFUSED:
        return DocumentKind.ITEM_REFUSAL
    if request.event is ItemEvent.CORRECTION:
        return DocumentKind.SUPPLEMENT
    return None


def confirm(
    runner: Runner,
    desk: Desk,
    number: str,
    item: ItemLine,
    request: StepRequest,
    *,
    owner: QObject,
    then: Callable[[Outcome], None],
) -> None:
    """Take the step of ``item`` on the desk's day at this moment of it; what the page says of it to ``then``, on
    the window's thread once the step has answered (never once ``owner``, the page, is closed)."""

    def taken(after: ItemState) -> None:
        log.info("case %s: %s of %s", number, request.event.value, item.code)
        step_name = words.ITEM_STEP_ACTION[request.event]
        text = words.ITEM_STEP_DONE.format(item=item.name, step=step_name, state=ITEM_STATE[after])
        paper = made_paper(request)
        if paper is not None:  # made by the step, numbered, not printed: the page says where it is
            text += words.ITEM_STEP_PAPER.format(paper=DOC_TITLE[paper.value], department=item.department)
        then(Outcome(text, "noticeOk", saved=True, reload=True))

    runner.submit_step(ITEM_STEP, ItemStep(number, item.code, request), desk, words.CASE_SAVE_FAILED, owner=owner,
                       answered=taken, failed=lambda err: then(_refused(err, number, item, request)))  # fmt: skip


def _refused(err: Exception, number: str, item: ItemLine, request: StepRequest) -> Outcome:
    """What the page says of a step not kept, the case left as it was; any other exception is a fault of the
    program, raised on."""
    if isinstance(err, StepRefused):
        moved = err.problem in _MOVED_ON
        outcome = Outcome(step_refused_text(err, item.name), "noticeWarn" if moved else "form", reload=moved)
    elif isinstance(err, DecisionRefused) and err.problem is DecisionProblem.VALIDITY_BEFORE_DECISION:
        outcome = Outcome(decision_refused_text(err, {item.code: item.name}), "form")  # corrected on the form
    elif isinstance(err, DecisionRefused) and err.problem in AUTHORITY_PROBLEMS:  # not this account's item at all
        outcome = Outcome(decision_refused_text(err, {item.code: item.name}), "noticeError")
    elif isinstance(err, DecisionRefused):  # decided at another desk meanwhile
        outcome = Outcome(decision_refused_text(err), "noticeWarn", reload=True)
    elif isinstance(err, (MoveNotAllowed, CaseNotFound)):  # the case left the hall's hands meanwhile
        outcome = Outcome("", "noticeWarn", reload=True, moved=True)
    elif isinstance(err, DocumentNotPossible):  # its paper cannot be made: the step is not taken, the paper says why
        outcome = Outcome(document_problems_text(err.problems, err.unnamed), "noticeError")
    else:
        outcome = Outcome(refusal_text(err), "noticeError")
    log.info("case %s: %s of %s refused: %s", number, request.event.value, item.code, type(err).__name__)
    return outcome
