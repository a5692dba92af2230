"""统一出件 from the case page: what the form offers, and the hand-over saved in the runner's unit of work.

Kept apart from the page so that the page stays what it shows; the page wires the form's buttons to
:func:`confirm` and opens the 送达回证's preview from what it hands back once the hand-over has answered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from counter.access.desk import Desk
from counter.case.hand_over import HandOverRefused, HandOverRequest
from counter.case.not_found import CaseNotFound
from counter.case.status import MoveNotAllowed
from counter.case.view import CaseView
from counter.documents.case_page import ItemLine
from counter.documents.handed_over import HandedOver
from counter.service.cases import HAND_OVER, HandOverResults
from counter.ui.cases import words
from counter.ui.cases.hand_over_form import HandOverForm
from counter.ui.cases.item_step import Outcome
from counter.ui.cases.rules import results_to_hand
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.words.cases import case_status_text
from counter.words.hand_over import HAND_OVER_WAY, hand_over_refused_text

log = logging.getLogger(__name__)


def open_hand_over(form: HandOverForm, view: CaseView, items: Sequence[ItemLine]) -> None:
    """The form for ``view``: its decided results not handed over yet, and the items still undecided named."""
    names = {item.code: item.name for item in items}
    waiting = results_to_hand(view)
    order = [item.code for item in items] or list(waiting)
    offered = [(code, names.get(code, code)) for code in order if code in waiting]
    decided = view.decisions()
    undecided = [item.name for item in items if item.code not in decided]
    recipient = view.agent_name or view.applicant_name
    form.open_for(offered, undecided, view.delivery, recipient, "")


def confirm(
    runner: Runner,
    desk: Desk,
    number: str,
    request: HandOverRequest,
    *,
    received: bool = False,
    owner: QObject,
    then: Callable[[Outcome], None],
) -> None:
    """Save the hand-over on the desk's day (a training day too) at this moment of it; what the page says of it to
    ``then`` once it has answered (never once ``owner``, the page, is closed).  ``received``: the hall only received
    the case, so the sentence names its state as the page does (已收件)."""

    def done(handed: HandedOver) -> None:
        log.info("case %s: %d results handed over", number, len(handed.hand_over.items))
        text = words.HAND_OVER_DONE.format(
            count=len(handed.hand_over.items),
            way=HAND_OVER_WAY[handed.hand_over.way],
            status=case_status_text(handed.status, received),
        )
        then(Outcome(text, "noticeOk", made=handed.service_receipt))

    def refused(err: Exception) -> None:
        if isinstance(err, HandOverRefused):
            then(Outcome(hand_over_refused_text(err.problems), "form"))
        elif isinstance(err, (MoveNotAllowed, CaseNotFound)):
            log.info("case %s: hand-over refused, the case changed meanwhile", number)
            then(Outcome("", "noticeWarn", reload=True, moved=True))
        else:
            then(Outcome(refusal_text(err), "noticeError"))

    runner.submit_step(HAND_OVER, HandOverResults(number, request), desk, words.CASE_SAVE_FAILED, owner=owner,
                       answered=done, failed=refused)  # fmt: skip
