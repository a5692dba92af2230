"""统一出件 from the case page: what the form offers, and the hand-over saved in the runner's unit of work.

Kept apart from the page so that the page stays what it shows; the page wires the form's buttons to
:meth:`HandOverStep.confirm` and opens the 送达回证's preview from what it returns.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.case.hand_over import HandOverRefused, HandOverRequest
from counter.case.not_found import CaseNotFound
from counter.case.status import MoveNotAllowed
from counter.case.view import CaseView
from counter.documents.case_page import ItemLine
from counter.documents.made import MadeDocument
from counter.service.cases import HAND_OVER, HandOverResults
from counter.ui.cases import words
from counter.ui.cases.hand_over_form import HandOverForm
from counter.ui.cases.rules import results_to_hand
from counter.ui.runner import Failed, Runner
from counter.words.access import not_permitted
from counter.words.cases import CASE_STATUS
from counter.words.hand_over import HAND_OVER_WAY, hand_over_refused_text

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the page says after a try: its notice and style ("form": the form's own problems line); the 送达回证
    to preview when it was saved."""

    text: str
    style: str
    made: MadeDocument | None = None
    moved: bool = False  # another desk changed the case meanwhile: the page reads it again and says so


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


def confirm(runner: Runner, desk: Desk, number: str, request: HandOverRequest, day: dt.date) -> Outcome:
    """Save the hand-over as of ``day`` (the desk's day, a training day too) at this moment of it."""
    try:
        done = runner.call(HAND_OVER, HandOverResults(number, request), desk, words.CASE_SAVE_FAILED)
    except HandOverRefused as refused:
        return Outcome(hand_over_refused_text(refused.problems), "form")
    except Failed as err:
        log.exception("case %s: hand-over not saved", number)
        return Outcome(err.message, "noticeError")
    except NotPermitted as refused:
        return Outcome(not_permitted(refused.permission, refused.signed_in), "noticeError")
    except (MoveNotAllowed, CaseNotFound):
        log.info("case %s: hand-over refused, the case changed meanwhile", number)
        return Outcome("", "noticeWarn", moved=True)
    log.info("case %s: %d results handed over", number, len(done.hand_over.items))
    text = words.HAND_OVER_DONE.format(
        count=len(done.hand_over.items), way=HAND_OVER_WAY[done.hand_over.way], status=CASE_STATUS[done.status]
    )
    return Outcome(text, "noticeOk", done.service_receipt)
